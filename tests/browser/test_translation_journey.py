"""The translation journey in Chromium: create an English tool, translate it into
French, change the English description, see the French page flag that field,
open translate with the diff, update it, and the flag is gone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.test import Client

from tests.factories import contributor

pytestmark = pytest.mark.browser


def sign_in(page, base):
    """A contributor's session, made by Django and handed to the browser."""
    client = Client()
    client.force_login(contributor("translator"))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def switch_to(page, language):
    page.locator(f".user-nav a[hreflang={language}]").click()
    page.wait_for_load_state()


def test_translate_a_new_tool_then_keep_it_in_line(live_catalogue, page, settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 0  # this journey is about translating, not review
    base = live_catalogue
    sign_in(page, base)

    # Create an English tool.
    page.goto(f"{base}/en/add/tool/")
    page.fill("input[name=title]", "Open Budget Journey")
    page.fill("input[name=summary]", "Budgets that residents read.")
    page.fill("textarea[name=description]", "Shows the budget as a tree.")
    page.locator("form.edit-form button[type=submit]").click()
    page.wait_for_url(f"{base}/en/tools/open-budget-journey/")

    # In French it exists already, untranslated, with the English text under a banner.
    switch_to(page, "fr")
    page.wait_for_url(f"{base}/fr/outils/open-budget-journey/")
    banner = page.locator(".translation-banner")
    assert banner.is_visible()
    assert page.locator("h1#entry-title").get_attribute("lang") == "en"
    assert serious_violations(page) == []

    # Translate it.
    banner.locator("a.button").click()
    page.wait_for_url(f"{base}/fr/outils/open-budget-journey/translate/")
    assert page.locator("#translate-description pre.source[lang=en]").inner_text() == (
        "Shows the budget as a tree."
    )
    assert serious_violations(page) == []
    page.fill("input[name=title]", "Budget ouvert (parcours)")
    page.fill("input[name=summary]", "Des budgets que les habitants lisent.")
    page.fill("textarea[name=description]", "Montre le budget sous forme d'arbre.")
    page.locator("button[name=save]").click()
    # The French version takes the address of its translated name (the box is
    # ticked by default while it still has the English one); the old one redirects.
    page.wait_for_url(f"{base}/fr/outils/budget-ouvert-parcours/")
    assert page.locator(".translation-banner").count() == 0
    assert page.get_by_text("Montre le budget sous forme d'arbre.").is_visible()
    assert page.locator(".translation-notes").count() == 0

    # Change the English description.
    switch_to(page, "en")
    page.wait_for_url(f"{base}/en/tools/open-budget-journey/")
    page.get_by_role("link", name="Edit", exact=True).click()
    page.fill("textarea[name=description]", "Shows the budget as a tree and a map.")
    page.locator("button[name=save]").click()
    page.wait_for_url(f"{base}/en/tools/open-budget-journey/")

    # The French page flags the description, and only it.
    switch_to(page, "fr")
    page.wait_for_url(f"{base}/fr/outils/budget-ouvert-parcours/")
    notes = page.locator(".translation-notes li")
    assert notes.count() == 1

    # Translate shows what changed in English since, beside the French text.
    page.locator(".translation-notes a").click()
    page.wait_for_url(f"{base}/fr/outils/budget-ouvert-parcours/translate/")
    diff = page.locator("#translate-description pre.diff")
    assert diff.locator("ins").inner_text().strip() == "and a map"
    assert page.locator("#translate-title pre.diff, #translate-title .diff").count() == 0
    page.fill("textarea[name=description]", "Montre le budget sous forme d'arbre et de carte.")
    page.locator("button[name=save]").click()
    page.wait_for_url(f"{base}/fr/outils/budget-ouvert-parcours/")

    # In line again: the flag is gone.
    assert page.locator(".translation-notes").count() == 0
    assert page.get_by_text("Montre le budget sous forme d'arbre et de carte.").is_visible()
