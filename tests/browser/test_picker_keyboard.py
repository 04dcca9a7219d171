"""The relation picker works with the keyboard alone, in Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages.models import ToolPage

pytestmark = pytest.mark.browser


def test_a_topic_is_added_with_the_keyboard_and_saved(live_catalogue, page, settings):
    from allauth.account.models import EmailAddress

    from django.contrib.auth.models import Group

    from contributions.models import CONTRIBUTORS_GROUP, User

    settings.OGPT_REVIEW_FIRST_EDITS = 0
    user = User.objects.create_user("keyboard", "k@example.org", "pw-keyboard-1")
    user.groups.add(Group.objects.get_or_create(name=CONTRIBUTORS_GROUP)[0])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page.goto(f"{live_catalogue}/en/accounts/login/")
    page.fill("input[name=login]", "keyboard")
    page.fill("input[name=password]", "pw-keyboard-1")
    page.locator("form button[type=submit]").last.click()

    page.goto(f"{live_catalogue}/en/tools/closed-petitions/edit/")
    combobox = page.locator("#id_topics")
    combobox.focus()
    page.keyboard.type("budg")
    page.wait_for_selector("#id_topics_listbox [role=option]")
    assert combobox.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert combobox.get_attribute("aria-activedescendant") == "id_topics_option_0"
    page.keyboard.press("Enter")
    assert page.locator("#id_topics_chosen").get_by_text("Participatory budgeting").is_visible()
    violations = [
        v["id"]
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert violations == []
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(f"{live_catalogue}/en/tools/closed-petitions/")
    tool = ToolPage.objects.get(slug="closed-petitions", locale__language_code="en")
    assert "participatory-budgeting" in [t.slug for t in tool.topics.all()]
