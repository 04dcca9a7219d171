"""An entry's public history: the list of revisions and old revisions as they were."""

import re

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Task, TaskState, Workflow, WorkflowState

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.models import OrganizationPage, ToolPage
from tests.factories import contributor

from .revisions import add_revisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def edit(page, user, text, **options):
    return save_edit(page, user, {"description": text}, **options).revision


def rows(html):
    return re.findall(r'<tr class="history-row.*?</tr>', html, re.S)


def test_history_lists_every_revision_newest_first_with_author_summary_and_size(client, tool):
    zoe, yann = contributor("zoe"), contributor("yann")
    zoe.first_name, zoe.last_name = "Zoé", "Martin"
    zoe.save()
    edit(tool, zoe, tool.description + " More.", summary="Add a sentence")
    edit(tool, yann, "Short.", summary="Trim the description", minor=True)
    html = client.get(tool.url + "history/").content.decode()
    listed = rows(html)
    assert len(listed) == tool.revisions.count()
    assert "Trim the description" in listed[0] and "Add a sentence" in listed[1]
    assert '<a href="/en/contributors/zoe/">Zoé Martin</a>' in listed[1]
    assert "zoe@example.org" not in html
    assert re.search(r"size-plus.*?\+6<", listed[1], re.S)  # " More." = 6 characters
    assert re.search(r"size-minus.*?−\d+<", listed[0], re.S)
    assert "characters removed" in listed[0]  # said in words, not only in red
    assert 'class="minor-flag">m</abbr>' in listed[0]
    assert 'class="minor-flag">m</abbr>' not in listed[1]
    assert "badge-current" in listed[0] and "badge-current" not in listed[1]


def test_each_row_links_to_its_revision_and_to_prev_and_cur_diffs(client, tool):
    user = contributor()
    first = tool.live_revision
    middle = edit(tool, user, "Middle.")
    last = edit(tool, user, "Last.")
    html = client.get(tool.url + "history/").content.decode()
    listed = rows(html)
    compare = "/en/tools/consul-democracy/history/compare/"
    assert f'href="/en/tools/consul-democracy/history/{middle.pk}/"' in listed[1]
    assert f'href="{compare}?from={first.pk}&amp;to={middle.pk}"' in listed[1]  # prev
    assert f'href="{compare}?from={middle.pk}&amp;to={last.pk}"' in listed[1]  # cur
    assert f'href="{compare}?from={middle.pk}' in listed[0]  # prev of the newest
    assert ">cur</span>" in listed[0]  # the current revision has no "cur" link


def test_radio_buttons_pick_two_revisions_and_the_form_goes_to_compare(client, tool):
    edit(tool, contributor(), "New text.")
    html = client.get(tool.url + "history/").content.decode()
    assert '<form method="get" action="/en/tools/consul-democracy/history/compare/"' in html
    assert html.count('type="radio" name="from"') == html.count('type="radio" name="to"') >= 2
    first_row = rows(html)[0]
    assert re.search(r'name="to" value="\d+" id="to-\d+" checked', first_row)
    assert re.search(r'<label for="from-\d+" class="visually-hidden">', first_row)


def test_history_is_paginated_by_fifty(client, tool):
    add_revisions(tool, 51 - tool.revisions.count(), [contributor()])
    assert tool.revisions.count() == 51
    first_page = client.get(tool.url + "history/").content.decode()
    second_page = client.get(tool.url + "history/?page=2").content.decode()
    assert len(rows(first_page)) == 50 and len(rows(second_page)) == 1
    assert "Page 1 of 2" in first_page
    assert 'rel="next"' in first_page
    assert ">created<" in rows(second_page)[0]
    assert "Bulk edit 48" in rows(first_page)[0]
    assert "prev</a>" in rows(first_page)[-1]  # its previous revision is on the next page


def test_revisions_without_a_record_are_listed_as_edits_without_size(client, tool):
    user = contributor()
    revision = edit(tool, user, "Imported in bulk.", summary="will vanish")
    EditRecord.objects.filter(revision=revision).delete()
    first_row = rows(client.get(tool.url + "history/").content.decode())[0]
    assert ">edited<" in first_row
    assert "size change unknown" in first_row
    assert "badge-current" in first_row


def test_an_unpublished_revision_after_the_live_one_is_pending(client, tool):
    page = ToolPage.objects.get(pk=tool.pk)
    page.description = "Waiting for a moderator."
    page.save_revision(user=contributor())
    html = client.get(tool.url + "history/").content.decode()
    assert "waiting for review" in rows(html)[0]
    assert "badge-current" in rows(html)[1]


def test_a_revision_rejected_in_a_workflow_is_marked_rejected(client, tool):
    page = ToolPage.objects.get(pk=tool.pk)
    page.description = "Spam."
    revision = page.save_revision(user=contributor())
    workflow = Workflow.objects.create(name="Review")
    task = Task.objects.create(name="Moderators approve")
    state = WorkflowState.objects.create(
        content_type=ContentType.objects.get_for_model(ToolPage),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(tool.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_NEEDS_CHANGES,
    )
    TaskState.objects.create(
        workflow_state=state, revision=revision, task=task, status=TaskState.STATUS_REJECTED
    )
    first_row = rows(client.get(tool.url + "history/").content.decode())[0]
    assert "badge-rejected" in first_row and "waiting for review" not in first_row


def count_queries(client, url):
    client.get(url)  # warm caches shared by every page (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_history_costs_the_same_queries_with_3_or_30_revisions(client, tool):
    users = [contributor(f"user{number}") for number in range(30)]
    add_revisions(tool, 3 - tool.revisions.count(), users)
    assert tool.revisions.count() == 3
    with_3 = count_queries(client, tool.url + "history/")
    add_revisions(tool, 27, users[3:])
    assert tool.revisions.count() == 30
    assert count_queries(client, tool.url + "history/") == with_3


def test_the_history_links_its_atom_feed(client, tool):
    html = client.get(tool.url + "history/").content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" href="/en/history-feed/{tool.pk}/"'
        in html
    )


def test_the_history_tab_is_current_and_the_page_is_in_french_on_the_french_site(client, tool):
    french = tool.get_translations().get().specific
    html = client.get(french.url + "history/").content.decode()
    assert "Historique de CONSUL Democracy" in html
    assert 'aria-current="page">Historique</a>' in html


# ------------------------------------------------------------ old revisions ---
def test_an_old_revision_is_shown_as_it_was_under_a_banner(client, tool):
    user = contributor()
    old = edit(tool, user, "The **old** text.", summary="old")
    middle = edit(tool, user, "The new text.", summary="new")
    edit(tool, user, "The newest text.")
    response = client.get(tool.url + f"history/{middle.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "The new text." in html and "The newest text." not in html
    assert "This is an old revision of this entry." in html
    assert 'href="/en/contributors/writer/"' in html
    assert f'href="/en/tools/consul-democracy/history/{old.pk}/" rel="prev"' in html
    assert 'rel="next"' in html
    assert 'href="/en/tools/consul-democracy/">Current version</a>' in html
    assert f"history/compare/?from={old.pk}&amp;to={middle.pk}" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Licence" in html  # the tool's own template, facts and all
    old_html = client.get(tool.url + f"history/{old.pk}/").content.decode()
    assert "<strong>old</strong>" in old_html  # Markdown rendered as on the live page


def test_the_current_revision_says_so(client, tool):
    html = client.get(tool.url + f"history/{tool.live_revision_id}/").content.decode()
    assert "This is the current revision of this entry." in html


def test_contributors_see_a_restore_link_to_the_prefilled_edit_form_on_old_revisions(client, tool):
    user = contributor()
    old = tool.live_revision
    edit(tool, user, "New.")
    assert (
        "Restore this revision" not in client.get(tool.url + f"history/{old.pk}/").content.decode()
    )
    client.force_login(user)
    html = client.get(tool.url + f"history/{old.pk}/").content.decode()
    assert f'href="/en/tools/consul-democracy/edit/?restore={old.pk}"' in html


def test_a_revision_of_another_entry_or_no_revision_is_not_found(client, tool, catalogue):
    other = OrganizationPage.objects.filter(locale__language_code="en").first()
    assert client.get(tool.url + f"history/{other.live_revision_id}/").status_code == 404
    assert client.get(tool.url + "history/999999999/").status_code == 404


def test_a_rejected_edit_shows_the_moderators_reason_to_its_author(client, tool):
    page = ToolPage.objects.get(pk=tool.pk)
    page.description = "Spam."
    revision = page.save_revision(user=contributor())
    EditRecord.objects.create(
        revision=revision,
        page=tool,
        user=revision.user,
        created_at=revision.created_at,
        language="en",
        kind=EditRecord.Kind.EDIT,
        status="rejected",
        review_reason="Advertising, not a description.",
    )
    first_row = rows(client.get(tool.url + "history/").content.decode())[0]
    assert "badge-rejected" in first_row
    assert "Reason: Advertising, not a description." in first_row


def test_contributors_get_an_undo_link_for_each_published_edit(client, tool):
    user = contributor()
    revision = edit(tool, user, "To be undone.")
    assert "undo" not in rows(client.get(tool.url + "history/").content.decode())[0]
    client.force_login(user)
    html = client.get(tool.url + "history/").content.decode()
    assert f'href="/en/tools/consul-democracy/edit/?undo={revision.pk}"' in rows(html)[0]
