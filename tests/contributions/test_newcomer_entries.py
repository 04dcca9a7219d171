"""A newcomer's new entry waits for review like their edits; who is established.

Established = an account OGPT_ESTABLISHED_AFTER_DAYS old with
OGPT_REVIEW_FIRST_EDITS edits approved by a moderator.
"""

from datetime import timedelta

import pytest

from django.utils import timezone

from contributions.models import EditRecord
from contributions.permissions import is_established
from pages.models import ToolPage
from tests.factories import approved_edits, contributor, moderator

pytestmark = pytest.mark.django_db

NEW_TOOL = {"title": "OpenFisca", "summary": "Rules as code.", "licence": "AGPL-3.0-or-later"}


@pytest.fixture
def newcomers_reviewed(settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 3


def test_a_newcomers_new_entry_waits_unseen_until_a_moderator_approves_it(
    client, catalogue, newcomers_reviewed
):
    author = contributor("newbie")
    client.force_login(author)
    response = client.post("/en/add/tool/", NEW_TOOL)
    assert (response.status_code, response.url) == (302, "/en/tools/")
    tool = ToolPage.objects.get(slug="openfisca", locale__language_code="en")
    record = EditRecord.objects.get(page=tool)
    assert (tool.live, record.status, record.kind) == (False, "pending", "create")
    copies = ToolPage.objects.filter(translation_key=tool.translation_key)
    assert not copies.filter(locale__language_code="fr").exists()
    client.logout()
    assert client.get("/en/tools/openfisca/").status_code == 404

    client.force_login(moderator())
    queue = client.get("/en/review/").content.decode()
    assert "New entry: readers will see it once approved." in queue
    response = client.post(f"/en/review/{record.revision_id}/", {"decision": "approve"})
    assert response.status_code == 302
    tool.refresh_from_db()
    record.refresh_from_db()
    assert (tool.live, record.status) == (True, "approved")
    french = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="fr")
    assert french.live and french.title == "OpenFisca"
    client.logout()
    assert "Rules as code." in client.get("/en/tools/openfisca/").content.decode()


def test_creating_entries_does_not_end_the_review_period(client, catalogue, newcomers_reviewed):
    author = contributor("newbie")
    client.force_login(author)
    for number in range(3):
        client.post("/en/add/tool/", {**NEW_TOOL, "title": f"Tool number {number}"})
    assert not is_established(author)
    assert set(EditRecord.objects.filter(user=author).values_list("status", flat=True)) == {
        "pending"
    }


def test_an_established_contributors_entry_is_published_at_once(client, catalogue):
    client.force_login(contributor("member"))
    assert client.post("/en/add/tool/", NEW_TOOL).url == "/en/tools/openfisca/"
    assert ToolPage.objects.get(slug="openfisca", locale__language_code="en").live


def test_established_takes_the_account_age_and_approved_edits(catalogue, settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 2
    settings.OGPT_ESTABLISHED_AFTER_DAYS = 4
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    user = contributor("patient")
    approved_edits(tool, user, count=2)
    assert not is_established(user)  # approved enough, but joined today
    user.date_joined = timezone.now() - timedelta(days=5)
    assert is_established(user)
    elder = contributor("elder")
    elder.date_joined = timezone.now() - timedelta(days=30)
    approved_edits(tool, elder, count=1)
    assert not is_established(elder)  # old enough, one approved edit short
    assert is_established(moderator())
