"""A reader's first journey, in Chromium: home → topic → tool → the other language."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def blocking_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def test_home_to_topic_to_tool_then_switch_to_french(live_catalogue, page):
    page.goto(f"{live_catalogue}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Citizen engagement").first.click()
    page.wait_for_url("**/en/topics/citizen-engagement/")
    assert page.get_by_role("heading", level=1).inner_text() == "Citizen engagement"

    page.get_by_role("link", name="CONSUL Democracy").first.click()
    page.wait_for_url("**/en/tools/consul-democracy/")
    assert page.get_by_role("link", name="Decide Madrid").is_visible()

    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/outils/consul-democracy/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "CONSUL Democracy"
    assert page.get_by_text("Logiciel de participation citoyenne.").is_visible()

    # The choice sticks: the bare address now leads to French.
    page.goto(f"{live_catalogue}/")
    page.wait_for_url("**/fr/")


def test_keyboard_users_can_skip_to_the_content(live_catalogue, page):
    page.goto(f"{live_catalogue}/en/tools/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/fr/",
        "/en/tools/",
        "/fr/outils/",
        "/en/tools/consul-democracy/",
        "/fr/outils/consul-democracy/",
        "/en/topics/citizen-engagement/",
        "/fr/cas-d-usage/decide-madrid/",
    ],
)
def test_axe_finds_no_serious_or_critical_violation(live_catalogue, page, path):
    page.goto(f"{live_catalogue}{path}")
    assert blocking_violations(page) == []
