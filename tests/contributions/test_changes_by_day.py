"""Recent changes are grouped by day, under a heading in the reader's language."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from django.utils import timezone

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.localized_urls import reverse_in
from pages.models import ToolPage
from tests.factories import contributor

pytestmark = pytest.mark.django_db
#: Long before the catalogue's own changes (made when the tests start).
TODAY = datetime(2025, 3, 5, 15, 0, tzinfo=UTC)


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def edit_on(tool, when, summary, user=None):
    record = save_edit(
        ToolPage.objects.get(pk=tool.pk),
        user or contributor(summary.lower()),
        {"summary": f"{summary}."},
        summary=summary,
    ).record
    EditRecord.objects.filter(pk=record.pk).update(created_at=when)


@pytest.fixture
def three_days(tool):
    edit_on(tool, TODAY - timedelta(days=2), "Monday")
    edit_on(tool, TODAY - timedelta(days=1, hours=2), "Tuesday")
    edit_on(tool, TODAY - timedelta(days=1, hours=1), "Tuesdaylater")
    edit_on(tool, TODAY, "Wednesday")


def days_and_rows(html):
    """[(heading, [summaries])] in page order, for the days of 2025 (the test edits)."""
    sections = re.findall(r'<section class="changes-day".*?</section>', html, re.S)
    return [
        (
            re.search(r"<h2[^>]*><time[^>]*>(.*?)</time></h2>", section).group(1),
            re.findall(r'<td class="summary">(.*?)</td>', section, re.S),
        )
        for section in sections
        if "2025" in section
    ]


def test_each_day_has_a_heading_with_its_changes_under_it(client, three_days):
    html = client.get("/en/recent-changes/").content.decode()
    assert days_and_rows(html) == [
        ("5 March 2025", ["Wednesday"]),
        ("4 March 2025", ["Tuesdaylater", "Tuesday"]),
        ("3 March 2025", ["Monday"]),
    ]


def test_headings_are_in_french_on_the_french_site(client, three_days):
    html = client.get(reverse_in("fr", "recent_changes")).content.decode()
    assert [heading for heading, _rows in days_and_rows(html)] == [
        "5 mars 2025",
        "4 mars 2025",
        "3 mars 2025",
    ]


def test_headings_follow_the_page_heading_in_order_and_label_their_table(client, three_days):
    html = client.get("/en/recent-changes/").content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])", html.split("<main", 1)[1])]
    assert levels[0] == 1 and set(levels[1:]) == {2}
    assert '<section class="changes-day" aria-labelledby="day-2025-03-05">' in html
    assert '<h2 id="day-2025-03-05"><time datetime="2025-03-05">' in html
    assert "Changes of 5 March 2025, newest first</caption>" in html
    assert '<th scope="col">Time</th>' in html


def test_paging_continues_a_day_under_the_same_heading(client, tool, monkeypatch):
    monkeypatch.setattr("contributions.views.changes.PER_PAGE", 2)
    pager = contributor("pager")
    for hour in range(3):
        edit_on(tool, TODAY - timedelta(hours=hour), f"Edit{hour}", user=pager)
    first = client.get("/en/recent-changes/?user=pager").content.decode()
    second = client.get("/en/recent-changes/?user=pager&page=2").content.decode()
    assert days_and_rows(first) == [("5 March 2025", ["Edit0", "Edit1"])]
    assert days_and_rows(second) == [("5 March 2025", ["Edit2"])]
    assert 'href="?user=pager&amp;page=2" rel="next"' in first


def test_days_are_those_of_the_site_time_zone(client, tool, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # UTC+13 in March
    edit_on(tool, datetime(2025, 3, 5, 12, 0, tzinfo=UTC), "Late")
    assert timezone.localdate(datetime(2025, 3, 5, 12, 0, tzinfo=UTC)).day == 6
    html = client.get("/en/recent-changes/").content.decode()
    assert days_and_rows(html) == [("6 March 2025", ["Late"])]
