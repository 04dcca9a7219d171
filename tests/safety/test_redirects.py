"""Every `next` address from request data is followed only when it is on this site.

Two walks: the source of every app is read for redirects built from request
data that do not go through safety.redirects, and each view that takes a
`next` is called with hostile addresses.
"""

import ast
from pathlib import Path

import pytest

from django.urls import reverse

from contributions.models import EditRecord
from pages.models import ToolPage
from safety.redirects import safe_url
from tests.factories import contributor, edit_data, moderator

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ("pages", "contributions", "discussion", "search", "opendata", "site", "safety")
HOSTILE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    " https://evil.example/",
]
REDIRECTS = {"redirect", "HttpResponseRedirect", "HttpResponsePermanentRedirect"}


def python_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def reads_request_data(node):
    """True when the expression reads request.GET / POST / META / headers directly."""
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Attribute)
            and child.attr in ("GET", "POST", "META", "headers", "COOKIES")
            and isinstance(child.value, ast.Name)
            and child.value.id == "request"
        ):
            return True
    return False


def test_no_redirect_in_the_apps_is_built_from_unchecked_request_data():
    offenders = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in REDIRECTS and any(reads_request_data(arg) for arg in node.args):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_next_is_read_only_by_the_one_helper():
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in python_files()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if ('get("next"' in line or "['next']" in line or '["next"]' in line)
        and path.name != "redirects.py"
    ]
    # discussion/views/moderation.py compares next with a keyword, never redirects to it.
    assert readers == ["discussion/views/moderation.py:35"]


@pytest.mark.parametrize("target", HOSTILE)
def test_the_helper_refuses_other_hosts_and_schemes(rf, target):
    assert safe_url(rf.get("/"), target, "/fallback/") == "/fallback/"


@pytest.mark.parametrize("target", ["/en/tools/", "/fr/outils/?q=x#top", "http://testserver/en/"])
def test_the_helper_keeps_addresses_on_this_site(rf, target):
    assert safe_url(rf.get("/"), target, "/fallback/") == target


@pytest.fixture
def pending(client, catalogue, settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 3
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    client.force_login(contributor("newbie"))
    client.post(tool.url + "edit/", edit_data(tool, summary="Pending.", edit_summary="p"))
    record = EditRecord.objects.filter(page=tool).order_by("-pk").first()
    assert record.status == "pending"
    client.force_login(moderator())
    return tool, record


@pytest.mark.parametrize("decision", ["approve", "reject"])
@pytest.mark.parametrize("target", HOSTILE[:3])
def test_the_review_form_does_not_follow_next_off_site(client, pending, decision, target):
    tool, record = pending
    response = client.post(
        tool.url + f"history/{record.revision_id}/review/",
        {"decision": decision, "reason": "no", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == tool.url


def test_the_review_form_follows_next_on_site(client, pending):
    tool, record = pending
    response = client.post(
        tool.url + f"history/{record.revision_id}/review/",
        {"decision": "approve", "next": "/en/review/?page=2"},
    )
    assert response["Location"] == "/en/review/?page=2"


@pytest.mark.parametrize("target", HOSTILE[:3])
def test_the_language_switch_does_not_follow_next_off_site(client, target):
    response = client.get(reverse("switch_language", args=["fr"]), {"next": target})
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize("url_name", ["discussion:follow_queue", "discussion:unfollow_queue"])
@pytest.mark.parametrize("target", HOSTILE[:3])
def test_the_translation_list_buttons_do_not_follow_next_off_site(
    client, site_tree, url_name, target
):
    client.force_login(contributor())
    response = client.post(reverse(url_name), {"language": "fr", "next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("target", HOSTILE[:3])
def test_the_site_login_does_not_follow_next_off_site(client, site_tree, target):
    contributor("reader")
    response = client.post(
        reverse("account_login") + "?next=" + target,
        {"login": "reader", "password": "pw-reader", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("target", HOSTILE[:3])
def test_the_admin_login_does_not_follow_next_off_site(client, site_tree, target):
    moderator("gatekeeper")
    response = client.post(
        reverse("wagtailadmin_login") + "?next=" + target,
        {"username": "gatekeeper", "password": "pw-gatekeeper", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
