"""A contributor chooses a display name in Chromium and sees it where their edits show:
log in → "Your profile" → a refused name, then a good one → edit a tool →
"Last edited by <name>" on the tool → the name in recent changes, under today."""

import pytest
from allauth.account.models import EmailAddress

from django.utils import timezone, translation

from contributions.templatetags.history import day
from pages.localized_urls import reverse_in
from tests.factories import contributor

pytestmark = pytest.mark.browser

TEXT = {
    "en": {
        "tool": "/en/tools/consul-democracy/",
        "profile": "Your profile",
        "display_name": "Display name",
        "save_profile": "Save profile",
        "taken": "already the user name or display name of another contributor",
        "saved": "Your profile was saved.",
        "edit": "Edit",
        "save": "Save changes",
        "last_edited": "Last edited by Jo Journey on",
    },
    "fr": {
        "tool": "/fr/outils/consul-democracy/",
        "profile": "Votre profil",
        "display_name": "Nom affiché",
        "save_profile": "Enregistrer le profil",
        "taken": "déjà le nom d'utilisateur ou le nom affiché d'un autre contributeur",
        "saved": "Votre profil a été enregistré.",
        "edit": "Modifier",
        "save": "Enregistrer les modifications",
        "last_edited": "Dernière modification par Jo Journey le",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_chosen_display_name_shows_on_the_entry_and_in_recent_changes(
    live_catalogue, page, settings, language
):
    settings.OGPT_REVIEW_FIRST_EDITS = 0  # about names, not review
    text = TEXT[language]
    base = live_catalogue
    user = contributor("journeyer")  # password "pw-journeyer"
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("input[name=login]", "journeyer")
    page.fill("input[name=password]", "pw-journeyer")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    # The header's user menu leads to the profile; a name that is someone else's is refused.
    page.goto(base + text["tool"])
    page.get_by_role("link", name=text["profile"], exact=True).click()
    name = page.get_by_label(text["display_name"], exact=True)
    name.press_sequentially("AMINA")
    page.get_by_role("button", name=text["save_profile"]).click()
    alert = page.get_by_role("alert")
    assert text["taken"] in alert.inner_text()
    alert.get_by_role("link").first.click()  # the summary leads to the field
    assert page.evaluate("document.activeElement.name") == "display_name"

    name.fill("")
    name.press_sequentially("Jo Journey")
    page.get_by_role("button", name=text["save_profile"]).click()
    assert page.get_by_text(text["saved"]).is_visible()
    assert page.get_by_label(text["display_name"], exact=True).input_value() == "Jo Journey"

    # An edit, then the tool says who last edited it, linked to their contributions.
    page.goto(base + text["tool"])
    page.get_by_role("link", name=text["edit"], exact=True).click()
    page.fill("input[name=edit_summary]", "Journey of names")
    summary = page.locator("input[name=summary]")
    summary.fill(summary.input_value() + " Edited on the way.")
    page.get_by_role("button", name=text["save"]).click()
    page.wait_for_url(base + text["tool"])
    line = page.locator(".entry-updated")
    with translation.override(language):
        today = day(timezone.now())
    assert line.inner_text().startswith(f"{text['last_edited']} {today}")
    line.get_by_role("link", name="Jo Journey").click()
    page.wait_for_url(f"**{reverse_in(language, 'contributor', args=['journeyer'])}")

    # Recent changes: the name on the edit's row, under today's heading.
    page.goto(f"{base}/{language}/recent-changes/")
    today_section = page.locator("section.changes-day").first
    assert today_section.get_by_role("heading", level=2).inner_text() == today
    row = today_section.locator("tr", has_text="Journey of names")
    assert row.get_by_role("link", name="Jo Journey").is_visible()
