"""Moving an entry in Chromium: the English copy of a tool created in French gets its
English address by typing into the move form; the old address and its history lead to
the new ones; the move is in the history and in recent changes, at their French address too."""

import pytest

from django.test import Client

from tests.browser.test_translation_journey import serious_violations
from tests.factories import contributor, new_french_tool

pytestmark = pytest.mark.browser


def test_rename_an_english_copy_and_follow_its_old_address(live_catalogue, page, settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 0
    base = live_catalogue
    author = contributor("mover")
    _french, english = new_french_tool(author)
    client = Client()
    client.force_login(author)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )

    # From the edit page to the move form.
    page.goto(f"{base}/en/tools/outil-de-consultation/edit/")
    page.get_by_role("link", name="Change this entry’s address (move)").click()
    page.wait_for_url("**/en/tools/outil-de-consultation/move/")

    # A taken address is refused, with a free one suggested and the error summary readable.
    page.get_by_label("New address").fill("consul-democracy")
    page.get_by_role("button", name="Move").click()
    alert = page.get_by_role("alert")
    assert "This one is free: consul-democracy-2" in alert.inner_text()
    assert serious_violations(page) == []

    # The new address, typed as a contributor would.
    page.get_by_label("New address").fill("consultation-tool")
    page.get_by_label("Reason").fill("English name")
    page.get_by_role("button", name="Move").click()
    page.wait_for_url(f"{base}/en/tools/consultation-tool/")
    assert "moved to its new address" in page.locator(".messages").inner_text()

    # The old address, and a sub-route below it, lead to the new ones.
    page.goto(f"{base}/en/tools/outil-de-consultation/")
    assert page.url == f"{base}/en/tools/consultation-tool/"
    page.goto(f"{base}/en/tools/outil-de-consultation/history/")
    assert page.url == f"{base}/en/tools/consultation-tool/history/"
    history = page.locator(".history-table").inner_text()
    assert "moved from /en/tools/outil-de-consultation/ to /en/tools/consultation-tool/" in history
    assert "English name" in history and "mover" in history

    # Recent changes at their old English address under /fr/ land on the French one.
    page.goto(f"{base}/fr/recent-changes/?language=en")
    assert page.url == f"{base}/fr/modifications-recentes/?language=en"
    assert "déplacement de /en/tools/outil-de-consultation/" in page.locator("main").inner_text()
    page.locator(".user-nav a[hreflang=en]").click()
    page.wait_for_url(f"{base}/en/recent-changes/?language=en")
