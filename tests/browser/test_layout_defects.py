"""Layout defects of issue #14, measured on the real rendering in Chromium:
the translate form's textarea, search results without facets, the picker's
empty state and the header search placeholder."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import new_english_tool

pytestmark = pytest.mark.browser

LONG_ADDRESS = "https://example.org/?tree=" + "budgetbranch" * 30  # no break opportunity


def log_in(page, base, username="layout"):
    from allauth.account.models import EmailAddress

    from django.contrib.auth.models import Group

    from contributions.models import CONTRIBUTORS_GROUP, User

    user = User.objects.create_user(username, f"{username}@example.org", f"pw-{username}-1")
    user.groups.add(Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)[0])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", f"pw-{username}-1")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    return user


def serious_violations(page):
    return [
        v["id"]
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_translation_textarea_keeps_half_the_width_beside_a_long_source_line(
    live_catalogue, page, settings
):
    settings.OGPT_REVIEW_FIRST_EDITS = 0
    user = log_in(page, live_catalogue)
    _english, french = new_english_tool(
        user, description=f"See {LONG_ADDRESS} for the budget tree.\n\nA second paragraph."
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_catalogue}{french.url}translate/")
    row = page.locator("#translate-description .side-by-side").bounding_box()
    source = page.locator("#translate-description .translate-source").bounding_box()
    target = page.locator("#translate-description textarea").bounding_box()
    assert target["width"] > 0.4 * row["width"], (target, row)
    assert abs(source["width"] - page.locator("#translate-description .translate-target")
               .bounding_box()["width"]) < 2  # fmt: skip
    # The long address wraps inside its column instead of running under the textarea.
    assert source["x"] + source["width"] <= target["x"]
    assert page.evaluate(
        "() => { const pre = document.querySelector('#translate-description .source');"
        " return pre.scrollWidth <= pre.clientWidth; }"
    )


def test_search_results_take_the_full_width_when_no_facet_is_shown(live_catalogue, page, settings):
    settings.ELASTICSEARCH_URL = ""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_catalogue}/en/search/?q=zzzqxw")  # nothing found: no facet to show
    assert page.locator(".facets").count() == 0
    main = page.locator("main").bounding_box()
    results = page.locator(".search-results").bounding_box()
    assert results["width"] > 0.9 * (main["width"] - 32), (results, main)
    assert results["x"] - main["x"] < 40


@pytest.mark.parametrize(
    "language, message",
    [("en", "No match: check the spelling."), ("fr", "Aucune fiche ne correspond")],
)
def test_the_picker_says_when_nothing_matches(live_catalogue, page, settings, language, message):
    log_in(page, live_catalogue, f"picker{language}")
    from wagtail.models import Locale

    from pages.models import ToolPage

    tool = ToolPage.objects.get(slug="closed-petitions", locale__language_code="en")
    path = tool.get_translation(Locale.objects.get(language_code=language)).url + "edit/"
    page.goto(live_catalogue + path)
    combobox = page.locator("#id_topics")
    combobox.focus()
    page.keyboard.type("zzqxw")
    status = page.locator("#id_topics").locator("xpath=..").locator(".picker-status")
    status.filter(has_text=message).wait_for(state="visible")
    assert status.get_attribute("role") == "status"
    box = status.bounding_box()
    assert box["height"] > 10 and box["width"] > 100, box
    assert combobox.get_attribute("aria-expanded") == "false"
    assert serious_violations(page) == []
    # Typing a real name again replaces the message by the suggestions.
    combobox.fill("")
    page.keyboard.type("budg")
    page.wait_for_selector("#id_topics_listbox [role=option]")
    assert not status.is_visible() or status.bounding_box()["height"] <= 1


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("width", [1280, 1024])
def test_the_header_search_placeholder_is_not_cut_off(live_catalogue, page, language, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_catalogue}/{language}/")
    room, needed = page.evaluate(
        """() => {
            const input = document.querySelector('#header-q');
            const style = getComputedStyle(input);
            const context = document.createElement('canvas').getContext('2d');
            context.font = style.font;
            const room = input.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return [room, context.measureText(input.placeholder).width];
        }"""
    )
    assert needed <= room, (language, width, needed, room)
