"""Every entry page says who last edited it and when, as MediaWiki's footer does."""

import re
from datetime import UTC, datetime

import pytest

from django.utils import translation

from contributions.services.editing import save_edit
from contributions.services.history import live_revision
from contributions.templatetags.history import day
from pages.localized_urls import reverse_in
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

pytestmark = pytest.mark.django_db

ENTRIES = [
    (ToolPage, "consul-democracy"),
    (UseCasePage, "decide-madrid"),
    (OrganizationPage, "madrid-city-council"),
    (TopicPage, "citizen-engagement"),
]


def last_edited_line(html):
    return re.search(r'<p class="entry-updated muted">(.*?)</p>', html, re.S).group(1)


@pytest.mark.parametrize(
    "language, words", [("en", "Last edited by"), ("fr", "Dernière modification par")]
)
@pytest.mark.parametrize("model, slug", ENTRIES)
def test_an_entry_page_says_who_last_edited_it_and_when(
    client, catalogue, entry, model, slug, language, words
):
    page = entry(model, slug, language)
    revision = save_edit(page, contributor("zoe"), {"summary": "Edited."}).revision
    line = last_edited_line(client.get(page.url).content.decode())
    with translation.override(language):
        date = day(revision.created_at)
    assert words in line
    assert f'<a href="{reverse_in(language, "contributor", args=["zoe"])}">zoe</a>' in line
    assert f'<a href="{page.url}history/"><time datetime="' in line
    assert date in line


def test_the_date_reads_as_a_day_in_each_language():
    moment = datetime(2026, 12, 3, 14, 2, tzinfo=UTC)
    with translation.override("en"):
        assert day(moment) == "3 December 2026"
    with translation.override("fr"):
        assert day(moment) == "3 décembre 2026"


def test_a_cached_page_shows_the_new_author_after_an_edit(client, catalogue, entry):
    page = entry(ToolPage, "consul-democracy")
    save_edit(page, contributor("first"), {"summary": "One."})
    assert ">first</a>" in last_edited_line(client.get(page.url).content.decode())
    save_edit(ToolPage.objects.get(pk=page.pk), contributor("second"), {"summary": "Two."})
    assert ">second</a>" in last_edited_line(client.get(page.url).content.decode())


def test_an_edit_waiting_for_review_does_not_change_the_line(client, catalogue, entry):
    page = entry(ToolPage, "consul-democracy")
    save_edit(page, contributor("trusted"), {"summary": "One."})
    save_edit(
        ToolPage.objects.get(pk=page.pk), contributor("newbie"), {"summary": "Two."}, publish=False
    )
    line = last_edited_line(client.get(page.url).content.decode())
    assert ">trusted</a>" in line and "newbie" not in line


def test_a_revision_without_author_says_when_only(client, catalogue, entry):
    page = entry(ToolPage, "consul-democracy")
    revision = save_edit(page, contributor("gone"), {"summary": "One."}).revision
    revision.user.delete()
    line = last_edited_line(client.get(page.url).content.decode())
    assert line.strip().startswith("Last edited on <a href=")
    assert "unknown" not in line


def test_the_author_and_date_cost_one_query(catalogue, entry, django_assert_num_queries):
    page = entry(ToolPage, "consul-democracy")
    save_edit(page, contributor("zoe"), {"summary": "One."})
    page = ToolPage.objects.get(pk=page.pk)
    with django_assert_num_queries(1):
        revision = live_revision(page)
        assert revision.user.username == "zoe"


def test_an_old_revision_shows_its_own_author_in_its_banner_not_the_line(client, catalogue, entry):
    page = entry(ToolPage, "consul-democracy")
    old = save_edit(page, contributor("before"), {"summary": "One."}).revision
    save_edit(ToolPage.objects.get(pk=page.pk), contributor("after"), {"summary": "Two."})
    html = client.get(f"{page.url}history/{old.pk}/").content.decode()
    assert 'class="entry-updated' not in html
    assert ">before</a>" in html
