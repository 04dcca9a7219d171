"""Searching in Chromium: the autocomplete combobox by keyboard, facets, and axe on the results."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages.localized_urls import reverse_in
from tests.search.conftest import index_everything

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch]


@pytest.fixture
def indexed_catalogue(live_catalogue):
    index_everything()
    return live_catalogue


def serious_violations(page):
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_search_box_suggests_entries_and_the_keyboard_opens_one(indexed_catalogue, page):
    page.goto(f"{indexed_catalogue}/en/")
    box = page.locator("#header-q")
    box.press_sequentially("cons", delay=40)
    option = page.get_by_role("option", name="CONSUL Democracy")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "header-q-option-0"
    assert page.locator("#header-q-option-0").get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/en/tools/consul-democracy/")
    assert page.get_by_role("heading", level=1).inner_text() == "CONSUL Democracy"


def test_escape_closes_the_suggestions_and_enter_searches(indexed_catalogue, page):
    page.goto(f"{indexed_catalogue}/fr/")
    box = page.locator("#header-q")
    box.press_sequentially("budget", delay=40)
    page.get_by_role("listbox").wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("Enter")
    page.wait_for_url(lambda url: reverse_in("fr", "search") in url and "q=budget" in url)
    assert page.locator(".search-hit").count() >= 1


@pytest.mark.parametrize("path", ["/en/search/?q=participatory", reverse_in("fr", "search")])
def test_the_results_page_with_facets_passes_axe(indexed_catalogue, page, path):
    page.goto(indexed_catalogue + path)
    page.get_by_role("navigation", name="Narrow the results").or_(
        page.get_by_role("navigation", name="Affiner les résultats")
    ).wait_for()
    assert serious_violations(page) == []


def facet(page, title):
    heading = page.get_by_role("heading", name=title, exact=True)
    return page.locator(".facet").filter(has=heading)


def test_two_clicks_narrow_by_topic_then_licence(indexed_catalogue, page):
    page.goto(f"{indexed_catalogue}/en/search/?q=participatory+budgeting")
    facet(page, "Topic").get_by_role("link", name="Participatory budgeting").click()
    facet(page, "Licence").get_by_role("link", name="AGPL-3.0-or-later").click()
    assert "licence=AGPL-3.0-or-later" in page.url and "topics=" in page.url
    titles = page.locator(".search-hit h2 a").all_inner_texts()
    assert titles == ["CONSUL Democracy"]
