"""The wiki journey in Chromium, in English and in French:
sign up → verify the e-mail → edit a tool with a summary → history → compare
two revisions → restore an old one → see it in recent changes and the feed."""

import re

import pytest

from django.core import mail

pytestmark = pytest.mark.browser

LABELS = {
    "en": {
        "tool": "/en/tools/consul-democracy/",
        "edit": "Edit",
        "save": "Save changes",
        "history": "History",
        "compare": "Compare selected revisions",
        "restore": "Restore this revision",
        "published": "Your changes were published.",
        "restored": "The old revision was restored as a new revision.",
        "confirm": "Confirm",
    },
    "fr": {
        "tool": "/fr/outils/consul-democracy/",
        "edit": "Modifier",
        "save": "Enregistrer les modifications",
        "history": "Historique",
        "compare": "Comparer les versions choisies",
        "restore": "Restaurer cette version",
        "published": "Vos modifications ont été publiées.",
        "restored": "L'ancienne version a été restaurée sous la forme d'une nouvelle version.",
        "confirm": "Confirmer",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sign_up_edit_compare_restore_and_follow_recent_changes(
    live_catalogue, page, settings, language
):
    settings.OGPT_REVIEW_FIRST_EDITS = 0  # this journey is about editing, not review
    text = LABELS[language]
    username = f"journey{language}"
    base = live_catalogue

    # Sign up, then verify the address with the link from the e-mail.
    page.goto(f"{base}/{language}/accounts/signup/")
    page.fill("input[name=email]", f"{username}@example.org")
    page.fill("input[name=username]", username)
    page.fill("input[name=password1]", "a long enough passphrase 42")
    page.fill("input[name=password2]", "a long enough passphrase 42")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"**/{language}/accounts/confirm-email/")
    link = re.search(r"https?://[^\s]+/confirm-email/[^\s]+", mail.outbox[-1].body).group(0)
    page.goto(base + link[link.index(f"/{language}/") :])
    page.get_by_role("button", name=text["confirm"]).click()

    # Edit the tool with a summary.
    page.goto(base + text["tool"])
    page.get_by_role("link", name=text["edit"], exact=True).click()
    description = page.locator("textarea[name=description]")
    description.fill(description.input_value() + "\n\nAdded during the browser journey.")
    page.fill("input[name=edit_summary]", "Journey edit")
    page.get_by_role("button", name=text["save"]).click()
    page.wait_for_url(base + text["tool"])
    assert page.get_by_text(text["published"]).is_visible()
    assert page.get_by_text("Added during the browser journey.").is_visible()

    # History, then compare the two newest revisions (selected by default).
    page.get_by_role("link", name=text["history"], exact=True).click()
    assert page.get_by_text("Journey edit").is_visible()
    page.get_by_role("button", name=text["compare"]).first.click()
    assert page.locator("ins", has_text="Added during the browser journey.").count() >= 1

    # Open the oldest revision and restore it.
    page.get_by_role("link", name=text["history"], exact=True).click()
    page.locator("a.revision-link").last.click()
    page.get_by_role("link", name=text["restore"]).click()
    # The edit form opens pre-filled, the changes shown; saving confirms. The
    # oldest French revision holds the English text the entry was loaded with:
    # restoring it keeps the French text, and says so.
    added = page.locator("#pending-changes del", has_text="Added during the browser journey.")
    if language == "en":
        assert added.count()
    else:
        assert page.locator(".kept-text-note").is_visible()
    page.get_by_role("button", name=text["save"]).click()
    page.wait_for_url(base + text["tool"])
    assert page.get_by_text(text["restored"]).is_visible()
    kept = 0 if language == "en" else 1
    assert page.get_by_text("Added during the browser journey.").count() == kept

    # Recent changes and the Atom feed show the restore.
    page.goto(f"{base}/{language}/recent-changes/")
    assert page.get_by_text(username).first.is_visible()
    feed = page.request.get(f"{base}/{language}/recent-changes/feed/")
    assert feed.ok
    assert "Journey edit" in feed.text()
