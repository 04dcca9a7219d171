"""Edits waiting for review, or rejected, are never shown as published.

The public lists of changes (recent changes, its feed, a contributor's page,
an entry's feed) hold published changes only, unless the reader asks for the
others with the review status filter, and then they are marked. The history
and the compare view list every revision and label the unpublished ones.
"""

import re
import xml.etree.ElementTree as ET

import pytest

from contributions.services.editing import save_edit
from contributions.services.review import reject
from pages.localized_urls import reverse_in
from pages.models import ToolPage
from tests.factories import contributor, moderator

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


@pytest.fixture
def edits(tool):
    """One published edit, one waiting for review, one rejected (all by newbie)."""
    newbie = contributor("newbie")
    published = save_edit(tool, newbie, {"website": "https://ok.example"}, summary="Published one")
    pending = save_edit(
        tool, newbie, {"summary": "Waits."}, summary="Waiting one", publish=False
    ).record
    rejected = save_edit(
        tool, newbie, {"summary": "Spam."}, summary="Rejected one", publish=False
    ).record
    reject(rejected, moderator("judge"), "Advertising.")
    return published.record, pending, rejected


def feed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


def summaries(client, url):
    html = client.get(url).content.decode()
    return re.findall(r'<td class="summary">(.*?)</td>', html, re.S)


def change_row(html, summary):
    return re.search(rf'<tr class="change-row[^"]*">(?:(?!</tr>).)*{summary}.*?</tr>', html, re.S)


def test_recent_changes_list_published_changes_only_by_default(client, edits):
    listed = summaries(client, "/en/recent-changes/")
    assert "Published one" in listed
    assert "Waiting one" not in listed and "Rejected one" not in listed


@pytest.mark.parametrize(
    "status, shown, hidden, lead",
    [
        ("pending", ["Waiting one"], ["Published one", "Rejected one"], "readers do not see them"),
        ("rejected", ["Rejected one"], ["Published one", "Waiting one"], "readers never saw them"),
        ("all", ["Published one", "Waiting one", "Rejected one"], [], "published or not"),
    ],
)
def test_the_review_status_filter_lists_unpublished_edits_marked(
    client, edits, status, shown, hidden, lead
):
    html = client.get(f"/en/recent-changes/?status={status}").content.decode()
    listed = re.findall(r'<td class="summary">(.*?)</td>', html, re.S)
    assert all(summary in listed for summary in shown)
    assert not any(summary in listed for summary in hidden)
    assert lead in html
    assert "Every change published on the wiki" not in html
    if "Waiting one" in shown:
        assert "waiting for review" in change_row(html, "Waiting one").group(0)
    if "Rejected one" in shown:
        assert "rejected by judge" in change_row(html, "Rejected one").group(0)


def test_the_recent_changes_feed_holds_published_changes_and_marks_the_others(client, edits):
    titles = " ".join(feed_titles(client, "/en/recent-changes/feed/"))
    assert "Published one" in titles
    assert "Waiting one" not in titles and "Rejected one" not in titles
    titles = feed_titles(client, "/en/recent-changes/feed/?status=all")
    assert "[waiting for review] CONSUL Democracy · edited: Waiting one" in titles
    assert "[rejected] CONSUL Democracy · edited: Rejected one" in titles
    assert "CONSUL Democracy · edited: Published one" in titles


def test_the_feed_subtitle_says_what_it_holds(client, edits):
    published = client.get("/en/recent-changes/feed/").content.decode()
    assert "Every change published on the wiki" in published
    waiting = client.get("/en/recent-changes/feed/?status=pending").content.decode()
    assert "Edits waiting for review" in waiting


def test_an_entry_feed_holds_only_what_readers_saw(client, edits, tool):
    titles = " ".join(feed_titles(client, f"/en/history-feed/{tool.pk}/"))
    assert "Published one" in titles
    assert "Waiting one" not in titles and "Rejected one" not in titles


def test_a_contributor_page_counts_published_changes_and_links_to_the_others(client, edits):
    html = client.get("/en/contributors/newbie/").content.decode()
    assert summaries(client, "/en/contributors/newbie/") == ["Published one"]
    assert "1 published change" in html
    assert "2 edits waiting for review or rejected, not counted here" in html
    assert 'href="/en/recent-changes/?user=newbie&amp;status=all"' in html


def test_a_contributor_with_only_published_changes_gets_no_note(client, edits):
    save_edit(ToolPage.objects.get(pk=edits[0].page_id), contributor("sure"), {"summary": "S."})
    assert "waiting for review" not in client.get("/en/contributors/sure/").content.decode()


def test_the_history_labels_unpublished_versions_and_says_so(client, edits, tool):
    html = client.get(tool.url + "history/").content.decode()
    rows = re.findall(r'<tr class="history-row.*?</tr>', html, re.S)
    assert "badge-rejected" in rows[0] and "Rejected one" in rows[0]
    assert "waiting for review" in rows[1] and "Waiting one" in rows[1]
    assert "badge-current" in rows[2] and "Published one" in rows[2]
    assert "Every published version" not in html
    assert "were never published: readers do not see them" in html


def test_a_history_of_published_versions_only_has_no_note_about_unpublished_ones(client, tool):
    html = client.get(tool.url + "history/").content.decode()
    assert "Every saved version of this entry" in html
    assert "were never published" not in html


@pytest.mark.parametrize("which, label", [(1, "waiting for review"), (2, "badge-rejected")])
def test_the_compare_view_labels_an_unpublished_revision(client, edits, tool, which, label):
    record = edits[which]
    html = client.get(
        f"{tool.url}history/compare/?from={edits[0].revision_id}&to={record.revision_id}"
    ).content.decode()
    newer = html[html.index("Newer revision") :]
    assert label in newer[: newer.index("</section>")]
    assert "This revision was never published" in html
    older = html[html.index("Older revision") : html.index("Newer revision")]
    assert "badge-current" in older


def test_the_french_site_labels_them_in_french(client, edits):
    html = client.get(reverse_in("fr", "recent_changes") + "?status=all").content.decode()
    assert "en attente de relecture" in change_row(html, "Waiting one").group(0)
    assert "Toutes, y compris les modifications non publiées" in html
