"""Every mutating route × every kind of visitor → exactly the intended outcome.

Roles: anonymous; a signed-up user whose e-mail is not verified (no group);
a new contributor (first edits reviewed); a trusted contributor; a moderator.
Outcomes: "login" (sent to log in), "forbidden" (403), "review" (saved,
waiting for a moderator), "done" (published or applied).
"""

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.models import ToolPage
from tests.factories import approved_edits, contributor, edit_data, make_user, moderator

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unverified", "new", "trusted", "moderator"]

EXPECTED = {
    #               anonymous  unverified   new        trusted      moderator
    "edit":        ["login", "forbidden", "review", "done", "done"],
    "create":      ["login", "forbidden", "done", "done", "done"],
    "restore":     ["login", "forbidden", "forbidden", "done", "done"],
    "undo":        ["login", "forbidden", "forbidden", "done", "done"],
    "protect":     ["forbidden", "forbidden", "forbidden", "forbidden", "done"],
    "review":      ["forbidden", "forbidden", "forbidden", "forbidden", "done"],
    "review_queue": ["login", "forbidden", "forbidden", "forbidden", "done"],
}  # fmt: skip


@pytest.fixture
def tool(catalogue, settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 3
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def login_as(client, role):
    if role == "anonymous":
        return None
    user = {
        "unverified": lambda: make_user("unverified"),
        "new": lambda: contributor("newcomer"),
        "trusted": lambda: contributor("trusted"),
        "moderator": lambda: moderator("mod"),
    }[role]()
    if role == "trusted":
        page = ToolPage.objects.get(slug="closed-petitions", locale__language_code="en")
        approved_edits(page, user)
    client.force_login(user)
    return user


def act(client, route, tool):
    """Perform the route; return (response, a function telling whether it took effect)."""
    base_revision = tool.latest_revision
    if route == "edit":
        before = EditRecord.objects.filter(page=tool).latest("pk").pk
        data = edit_data(tool, summary="Changed by the authorization test.")
        response = client.post(tool.url + "edit/", data)
        return response, lambda: EditRecord.objects.filter(page=tool, pk__gt=before).first()
    if route == "create":
        data = {"title": "Authorization test tool", "edit_summary": ""}
        response = client.post("/en/add/tool/", data)
        return response, lambda: ToolPage.objects.filter(slug="authorization-test-tool").exists()
    if route in ("restore", "undo"):
        edit = save_edit(tool, moderator("setup"), {"summary": "Undo me."})
        target = base_revision if route == "restore" else edit.revision
        # The history's link opens the edit form pre-filled; saving it confirms.
        response = client.get(tool.url + f"edit/?{route}={target.pk}")
        if response.status_code == 200:
            response = client.post(tool.url + "edit/", dict(response.context["form"].data.lists()))
        return response, lambda: ToolPage.objects.get(pk=tool.pk).summary != "Undo me."
    if route == "protect":
        response = client.post(tool.url + "protect/", {"action": "protect"})
        return response, lambda: ToolPage.objects.get(pk=tool.pk).locked
    if route == "review":
        pending = save_edit(tool, contributor("proposer"), {"summary": "Proposed."}, publish=False)
        url = tool.url + f"history/{pending.revision.pk}/review/"
        response = client.post(url, {"decision": "approve"})
        return response, lambda: ToolPage.objects.get(pk=tool.pk).summary == "Proposed."
    response = client.get("/en/review/")
    return response, lambda: response.status_code == 200


@pytest.mark.parametrize("route", list(EXPECTED))
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_authorization_table(client, tool, route, role_index):
    expected = EXPECTED[route][role_index]
    login_as(client, ROLES[role_index])
    response, took_effect = act(client, route, tool)
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response.url
        assert route == "review_queue" or not _effect(took_effect, route)
    elif expected == "forbidden":
        assert response.status_code == 403
        assert not _effect(took_effect, route)
    elif expected == "review":
        assert response.status_code == 302
        assert took_effect().status == "pending"
        assert ToolPage.objects.get(pk=tool.pk).summary == "Citizen participation software."
    else:
        assert response.status_code in (200, 302), response.content[:500]
        assert _effect(took_effect, route)


def _effect(took_effect, route):
    result = took_effect()
    if route == "edit":
        return result is not None and result.status == "published"
    return bool(result)
