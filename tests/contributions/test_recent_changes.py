"""Recent changes, its filters, the Atom feeds and contributors' pages."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.localized_urls import reverse_in
from pages.models import OrganizationPage, ToolPage
from tests.factories import contributor

from .revisions import add_revisions

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


@pytest.fixture
def changes(tool, catalogue):
    """Four edits: an English tool, a French tool (minor), an organization, an old one."""
    zoe, yann = contributor("zoe"), contributor("yann")
    french = tool.get_translations().get().specific
    organization = OrganizationPage.objects.get(slug="madrid-city-council")
    save_edit(tool, zoe, {"summary": "Participation software."}, summary="Tool summary by Zoé")
    save_edit(french, yann, {"summary": "Logiciel."}, summary="Coquille", minor=True)
    save_edit(organization, zoe, {"website": "https://madrid.es"}, summary="Organization website")
    old = save_edit(tool, yann, {"description": "Old."}, summary="Edit from last year").record
    EditRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=365))


def summaries(response):
    assert response.status_code == 200
    return re.findall(r'<td class="summary">(.*?)</td>', response.content.decode(), re.S)


def test_recent_changes_lists_every_change_newest_first_with_links(client, changes, tool):
    response = client.get("/en/recent-changes/")
    html = response.content.decode()
    listed = summaries(response)
    assert listed[:3] == ["Organization website", "Coquille", "Tool summary by Zoé"]
    assert "Edit from last year" in listed
    row = re.search(r'<tr class="change-row.*?Tool summary by Zoé.*?</tr>', html, re.S).group(0)
    assert f'href="{tool.url}"' in row and "(Tool, EN)" in row
    assert 'href="/en/contributors/zoe/"' in row
    revision_id = EditRecord.objects.get(summary="Tool summary by Zoé").revision_id
    assert f'href="{tool.url}history/compare/?to={revision_id}"' in row
    assert f'href="{tool.url}history/"' in row
    assert "zoe@example.org" not in html


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("kind=organization", ["Organization website"], ["Tool summary by Zoé", "Coquille"]),
        ("kind=tool", ["Tool summary by Zoé", "Coquille"], ["Organization website"]),
        ("language=fr", ["Coquille"], ["Tool summary by Zoé", "Organization website"]),
        ("user=yann", ["Coquille", "Edit from last year"], ["Tool summary by Zoé"]),
        ("hide_minor=on", ["Tool summary by Zoé"], ["Coquille"]),
        ("period=7d", ["Tool summary by Zoé"], ["Edit from last year"]),
        ("period=30d&kind=tool&language=en", ["Tool summary by Zoé"], ["Edit from last year"]),
        ("period=all-of-it&kind=nonsense", ["Edit from last year", "Coquille"], []),
    ],
)
def test_recent_changes_filters(client, changes, query, shown, hidden):
    listed = summaries(client.get(f"/en/recent-changes/?{query}"))
    for summary in shown:
        assert summary in listed, summary
    for summary in hidden:
        assert summary not in listed, summary


def test_the_filters_are_a_labelled_get_form(client, changes):
    html = client.get("/en/recent-changes/?language=fr").content.decode()
    assert '<form method="get" class="changes-filters"' in html
    for name in ("kind", "language", "user", "period", "hide_minor"):
        assert f'<label for="id_{name}">' in html
    assert '<option value="fr" selected>' in html
    feed = "/en/recent-changes/feed/?language=fr"
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html


def count_queries(client, url):
    client.get(url)  # warm caches shared by every page (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context.captured_queries)


def test_recent_changes_costs_the_same_queries_with_3_or_30_changes(client, tool):
    users = [contributor(f"user{number}") for number in range(30)]
    url = "/en/recent-changes/?kind=tool&language=en"
    add_revisions(tool, 3, users)
    response, with_3 = count_queries(client, url)
    rows_before = len(summaries(response))
    add_revisions(tool, 27, users[3:])
    response, with_30 = count_queries(client, url)
    assert len(summaries(response)) == rows_before + 27
    assert with_30 == with_3


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text and root.find(f"{ATOM}id").text
    return root.findall(f"{ATOM}entry")


def test_the_recent_changes_feed_is_atom_with_summaries_and_filters(client, changes, tool):
    entries = atom_entries(client.get("/en/recent-changes/feed/"))
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert "CONSUL Democracy · edited: Tool summary by Zoé" in titles
    entry = entries[titles.index("CONSUL Democracy · edited: Tool summary by Zoé")]
    link = entry.find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/en/tools/consul-democracy/history/compare/?to=")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "zoe"
    assert "Tool summary by Zoé" in entry.find(f"{ATOM}summary").text
    assert entry.find(f"{ATOM}updated").text
    french_only = atom_entries(client.get("/en/recent-changes/feed/?language=fr"))
    french_titles = [entry.find(f"{ATOM}title").text for entry in french_only]
    assert "CONSUL Democracy · edited: Coquille" in french_titles
    assert not any("Zoé" in title for title in french_titles)


def test_an_entry_history_feed_lists_that_entry_only(client, changes, tool):
    entries = atom_entries(client.get(f"/en/history-feed/{tool.pk}/"))
    titles = " ".join(entry.find(f"{ATOM}title").text for entry in entries)
    assert "Tool summary by Zoé" in titles and "Edit from last year" in titles
    assert "Organization website" not in titles and "Coquille" not in titles


def test_the_entry_feed_of_a_missing_or_non_entry_page_is_not_found(client, tool, catalogue):
    assert client.get("/en/history-feed/999999999/").status_code == 404
    assert client.get(f"/en/history-feed/{tool.get_parent().pk}/").status_code == 404


def test_a_contributor_page_lists_their_changes_and_counts_them(client, changes):
    response = client.get("/en/contributors/zoe/")
    html = response.content.decode()
    assert summaries(response) == ["Organization website", "Tool summary by Zoé"]
    assert "2 published changes" in html
    assert "zoe@example.org" not in html


def test_an_unknown_contributor_is_not_found(client, catalogue):
    assert client.get("/en/contributors/nobody-by-that-name/").status_code == 404


def test_recent_changes_and_contributors_are_in_french_on_the_french_site(client, changes):
    html = client.get(reverse_in("fr", "recent_changes")).content.decode()
    assert "Modifications récentes" in html and "Masquer les modifications mineures" in html
    assert (
        "2 modifications publiées"
        in client.get(reverse_in("fr", "contributor", args=["yann"])).content.decode()
    )
