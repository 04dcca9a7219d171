"""Limits as people meet them in Chromium.

The Wagtail admin's login is the site's: a client that guesses a moderator's
password is stopped, while the moderator, from her own client behind the same
proxy, still reaches the admin. A newcomer who saves too fast reads why, in
English or French, and finds the text she typed still in the form.
"""

import pytest

from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("still_windows")]

PROXY = "127.0.0.1"  # the live server sees every browser from here, as behind nginx


def browser_from(browser, address, locale="en-GB"):
    context = browser.new_context(locale=locale, extra_http_headers={"X-Forwarded-For": address})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def log_in(page, password):
    page.fill("input[name=login]", "camille")
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_guessing_a_moderators_password_stops_that_client_not_the_moderator(
    live_catalogue, browser, settings
):
    from pages.generators.demo import DEMO_PASSWORD

    settings.TRUSTED_PROXIES = [PROXY]
    base = live_catalogue
    attacker, page = browser_from(browser, "198.51.100.66")
    try:
        page.goto(f"{base}/admin/")
        assert "/en/accounts/login/?next=/admin/" in page.url
        for _attempt in range(5):
            log_in(page, "not-her-password")
        log_in(page, DEMO_PASSWORD)
        assert page.get_by_text("Too many failed login attempts. Try again later.").is_visible()
        assert "/accounts/login/" in page.url
    finally:
        attacker.close()
    owner, page = browser_from(browser, "203.0.113.20")
    try:
        page.goto(f"{base}/admin/")
        log_in(page, DEMO_PASSWORD)
        page.wait_for_url(f"{base}/admin/")
        page.wait_for_load_state()
        assert page.url == f"{base}/admin/"  # signed in: /admin/ no longer sends to the login
    finally:
        owner.close()


TEXT = {
    "en": {
        "tool": "/en/tools/consul-democracy/edit/",
        "save": "Save changes",
        "limited": "You are saving changes too quickly. Wait 1 minute, then save again: "
        "your text is kept below.",
    },
    "fr": {
        "tool": "/fr/outils/consul-democracy/edit/",
        "save": "Enregistrer les modifications",
        "limited": "Vous enregistrez trop vite. Attendez 1 minute, puis enregistrez de "
        "nouveau : votre texte est conservé ci-dessous.",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_newcomer_who_saves_too_fast_keeps_her_text(live_catalogue, browser, settings, language):
    from tests.factories import contributor

    settings.OGPT_REVIEW_FIRST_EDITS = 3
    settings.OGPT_RATE_LIMITS = {
        **settings.OGPT_RATE_LIMITS,
        "edit": {"newcomer": ((1, 60),), "member": ((20, 60),)},
    }
    text = TEXT[language]
    client = Client()
    client.force_login(contributor(f"newcomer{language}"))
    context = browser.new_context(locale="en-GB")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_catalogue}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for number, words in enumerate(["A first proposal.", "A second, long proposal."]):
            page.goto(live_catalogue + text["tool"])
            summary = page.locator("input[name=summary], textarea[name=summary]").first
            summary.fill(words)
            page.fill("input[name=edit_summary]", f"Proposal {number}")
            page.get_by_role("button", name=text["save"]).click()
            page.wait_for_load_state()
        assert page.get_by_text(text["limited"]).is_visible()
        summary = page.locator("input[name=summary], textarea[name=summary]").first
        assert summary.input_value() == "A second, long proposal."
        assert page.locator("[role=alert]").first.is_visible()
    finally:
        context.close()
