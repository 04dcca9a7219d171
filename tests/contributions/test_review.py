"""The review queue: new contributors' first edits and edits to protected entries."""

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.services.review import approve
from pages.models import ToolPage
from tests.factories import contributor, edit_data, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


@pytest.fixture
def first_edits_reviewed(settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 3


def propose(client, tool, user, **changes):
    client.force_login(user)
    data = edit_data(tool, edit_summary="proposal", **changes)
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 302
    return EditRecord.objects.filter(page=tool).order_by("-pk").first()


def test_a_new_contributors_edit_waits_and_the_page_keeps_the_approved_version(
    client, tool, first_edits_reviewed
):
    record = propose(client, tool, contributor("newbie"), summary="Pending summary.")
    assert record.status == "pending"
    tool.refresh_from_db()
    assert tool.summary == "Citizen participation software."
    client.logout()
    html = client.get(tool.url).content.decode()
    assert "Citizen participation software." in html
    assert "waiting for a moderator" in html


def test_a_moderator_approves_from_the_site_and_it_is_published(client, tool, first_edits_reviewed):
    record = propose(client, tool, contributor("newbie"), summary="Approved summary.")
    client.force_login(moderator())
    assert "proposal" in client.get("/en/review/").content.decode()
    response = client.post(
        tool.url + f"history/{record.revision_id}/review/", {"decision": "approve"}
    )
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.summary == "Approved summary."
    record.refresh_from_db()
    assert record.status == "approved"


def test_approval_merges_with_edits_published_meanwhile(client, tool, first_edits_reviewed):
    record = propose(client, tool, contributor("newbie"), summary="From the newbie.")
    save_edit(tool, moderator("mod2"), {"website": "https://consul.example"})
    client.force_login(moderator())
    client.post(tool.url + f"history/{record.revision_id}/review/", {"decision": "approve"})
    tool.refresh_from_db()
    assert tool.summary == "From the newbie."
    assert tool.website == "https://consul.example"


def test_a_rejection_keeps_the_page_and_the_contributor_sees_the_reason(
    client, tool, first_edits_reviewed
):
    record = propose(client, tool, contributor("newbie"), summary="Spammy.")
    client.force_login(moderator())
    client.post(
        tool.url + f"history/{record.revision_id}/review/",
        {"decision": "reject", "reason": "Advertising is not allowed."},
    )
    record.refresh_from_db()
    assert (record.status, record.review_reason) == ("rejected", "Advertising is not allowed.")
    tool.refresh_from_db()
    assert tool.summary == "Citizen participation software."
    assert not tool.has_unpublished_changes


def test_after_three_approved_edits_a_contributor_publishes_directly(
    client, tool, first_edits_reviewed
):
    user, reviewer = contributor("regular"), moderator()
    for number in range(3):
        approve(propose(client, tool, user, summary=f"Approved edit {number}."), reviewer)
        tool.refresh_from_db()
    tool.refresh_from_db()
    record = propose(client, tool, user, summary="Direct.")
    assert record.status == "published"


def test_edits_published_without_review_do_not_end_the_review_period(
    client, tool, first_edits_reviewed
):
    user = contributor("regular")
    for number in range(3):
        save_edit(tool, user, {"summary": f"Published edit {number}."})
    tool.refresh_from_db()
    assert propose(client, tool, user, summary="Still reviewed.").status == "pending"


def test_contributors_edits_to_protected_entries_wait_for_review(client, tool):
    tool.locked = True
    tool.save()
    record = propose(client, tool, contributor(), summary="Protected change.")
    assert record.status == "pending"
    record = propose(client, tool, moderator(), summary="Moderator change.")
    assert record.status == "published"


def test_only_moderators_review(client, tool, first_edits_reviewed):
    record = propose(client, tool, contributor("newbie"), summary="x")
    client.force_login(contributor("other"))
    url = tool.url + f"history/{record.revision_id}/review/"
    assert client.post(url, {"decision": "approve"}).status_code == 403
    assert client.get("/en/review/").status_code == 403


def test_moderation_decisions_show_in_recent_changes_with_the_reason(
    client, tool, first_edits_reviewed
):
    record = propose(client, tool, contributor("newbie"), summary="Spam again.")
    save_edit(tool, moderator("busy"), {"website": "https://later.example"}, summary="later")
    client.force_login(moderator("judge"))
    client.post(
        tool.url + f"history/{record.revision_id}/review/",
        {"decision": "reject", "reason": "Off topic."},
    )
    assert "rejected by judge" not in client.get("/en/recent-changes/").content.decode()
    html = client.get("/en/recent-changes/?status=all").content.decode()
    assert "rejected by judge" in html
    assert "Off topic." in html
    # The decision is the newest activity: its row comes before the later edit.
    assert html.index("rejected by judge") < html.index("later")


def test_an_edit_made_while_another_waits_starts_from_the_published_version(
    client, tool, first_edits_reviewed
):
    propose(client, tool, contributor("newbie"), summary="Waiting summary.")
    client.force_login(moderator("editor"))
    form = client.get(tool.url + "edit/").content.decode()
    assert f'name="base_revision" value="{tool.live_revision_id}"' in form
    assert "Waiting summary." not in form
    tool.refresh_from_db()
    response = client.post(tool.url + "edit/", edit_data(tool, website="https://x.example"))
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.summary == "Citizen participation software."
    assert tool.website == "https://x.example"
