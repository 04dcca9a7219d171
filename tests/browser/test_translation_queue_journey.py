"""Following a translation list in Chromium, in French: follow the list of what
awaits a French translation, another contributor creates an English tool, the
follower finds the notification in French and it opens the translate view."""

import pytest

from pages.localized_urls import reverse_in
from tests.browser.test_translation_journey import serious_violations, sign_in
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.browser


def test_follow_the_french_list_and_open_what_joins_it(live_catalogue, page):
    base = live_catalogue
    sign_in(page, base)  # "translator"

    page.goto(f"{base}{reverse_in('fr', 'translations')}?list=missing-fr")
    page.get_by_role("button", name="Suivre cette liste").click()
    page.wait_for_load_state()
    assert page.get_by_text("Vous suivez cette liste de traductions").is_visible()
    assert page.get_by_role("button", name="Ne plus suivre cette liste").is_visible()
    assert serious_violations(page) == []

    # Someone else writes a new tool in English: its French version awaits translation.
    _english, french = new_english_tool(
        contributor("author"), slug="open-budget-queue", title="Open Budget Queue"
    )

    page.goto(base + reverse_in("fr", "discussion:following"))
    lists = page.locator("section", has=page.get_by_role("heading", name="Listes de traductions"))
    assert lists.get_by_role("link", name="À traduire en français", exact=True).is_visible()
    notification = page.get_by_role(
        "link", name="Open Budget Queue attend sa traduction en français"
    )
    assert notification.is_visible()
    assert serious_violations(page) == []
    notification.click()
    page.wait_for_url(f"{base}{french.url}translate/")
    assert page.locator("#translate-description pre.source[lang=en]").inner_text() == (
        "Shows the budget as a tree."
    )
