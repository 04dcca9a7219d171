"""Restore, undo and "Show changes" in Chromium, typing into the real forms.

Restore and undo open the edit form pre-filled, with the differences from
the current version shown at once; nothing is saved until "Save changes".
"""

import re

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.models import ToolPage
from tests.browser.test_translation_journey import serious_violations, sign_in
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.browser


@pytest.fixture
def trusted(settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 0  # these journeys are about editing, not review


def consul(language="en"):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code=language)


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def test_restore_shows_the_changes_first_and_saves_only_when_confirmed(
    live_catalogue, page, trusted
):
    base = live_catalogue
    tool = consul()
    old, old_description = tool.live_revision, tool.description
    save_edit(tool, contributor("vandal"), {"description": "Spam.", "licence": "MIT"})
    sign_in(page, base)

    page.goto(f"{base}{tool.url}history/{old.pk}/")
    page.get_by_role("link", name="Restore this revision").click()
    page.wait_for_url(re.compile(rf".*/edit/\?restore={old.pk}$"))
    changes = page.locator("#pending-changes")
    assert changes.get_by_role(
        "heading", name="Changes compared with the current version"
    ).is_visible()
    assert changes.locator("del", has_text="Spam").first.is_visible()
    assert changes.get_by_text("this also changes the French version").is_visible()
    assert fresh(tool).description == "Spam."  # nothing saved yet
    assert serious_violations(page) == []

    summary = page.locator("input[name=edit_summary]")
    assert summary.input_value() == f"Restored revision {old.pk} by bruno"
    summary.press("End")
    summary.type(" — spam removed")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(base + tool.url)
    assert page.get_by_text("The old revision was restored as a new revision.").is_visible()
    tool = fresh(tool)
    assert tool.description == old_description
    assert tool.licence == "AGPL-3.0-or-later"
    record = EditRecord.objects.get(revision=tool.live_revision)
    assert (record.kind, record.source_revision_id, record.summary) == (
        "restore",
        old.pk,
        "spam removed",
    )

    page.goto(f"{base}{tool.url}history/")
    restored = f"Restored revision {old.pk} by bruno: spam removed"
    assert page.locator(".history-row").first.get_by_text(restored).is_visible()


def test_undo_shows_the_edit_reversed_and_saves_only_when_confirmed(live_catalogue, page, trusted):
    base = live_catalogue
    tool = consul()
    bad = save_edit(tool, contributor("vandal"), {"website": "https://spam.example"}).revision
    save_edit(tool, contributor("later"), {"summary": "A later, good summary."})
    sign_in(page, base)

    page.goto(f"{base}{tool.url}history/")
    page.locator(f'a[href$="edit/?undo={bad.pk}"]').click()
    assert page.locator("input[name=website]").input_value() == "https://consuldemocracy.org"
    assert page.locator("input[name=summary]").input_value() == "A later, good summary."
    changes = page.locator("#pending-changes")
    assert changes.locator("del", has_text="https://spam.example").is_visible()
    assert page.locator("input[name=edit_summary]").input_value() == (
        f"Undid revision {bad.pk} by vandal"
    )
    assert fresh(tool).website == "https://spam.example"

    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(base + tool.url)
    assert page.get_by_text("The edit was undone.").is_visible()
    tool = fresh(tool)
    assert tool.website == "https://consuldemocracy.org"
    assert tool.summary == "A later, good summary."
    assert EditRecord.objects.get(revision=tool.live_revision).kind == "undo"


def test_show_changes_on_the_edit_and_translate_forms_keeps_what_was_typed(
    live_catalogue, page, trusted
):
    base = live_catalogue
    tool = consul()
    sign_in(page, base)

    page.goto(f"{base}{tool.url}edit/")
    description = page.locator("textarea[name=description]")
    description.press("Control+End")
    description.type("\n\nA paragraph checked before saving.")
    page.get_by_role("button", name="Show changes").click()
    assert page.locator(
        "#pending-changes ins", has_text="A paragraph checked before saving."
    ).is_visible()
    assert (
        "A paragraph checked before saving."
        in page.locator("textarea[name=description]").input_value()
    )
    assert "A paragraph checked" not in fresh(tool).description
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(base + tool.url)
    assert "A paragraph checked before saving." in fresh(tool).description

    _english, french = new_english_tool(contributor("writer"), slug="budget-journey")
    page.goto(f"{base}{french.url}translate/")
    page.fill("input[name=summary]", "Des budgets que l’on lit.")
    page.get_by_role("button", name="Voir les modifications").click()
    assert page.locator("#pending-changes ins", has_text="budgets").first.is_visible()
    assert page.locator("input[name=summary]").input_value() == "Des budgets que l’on lit."
    assert fresh(french).summary == "Budgets that residents read."


def test_a_french_restore_reads_in_french_and_in_english_on_the_english_history(
    live_catalogue, page, trusted
):
    base = live_catalogue
    tool = consul("fr")
    old = tool.live_revision
    save_edit(tool, contributor("vandal"), {"licence": "MIT"})
    sign_in(page, base)

    page.goto(f"{base}{tool.url}history/{old.pk}/")
    page.get_by_role("link", name="Restaurer cette version").click()
    assert page.get_by_text("cela modifie aussi la version anglaise").is_visible()
    french_summary = page.locator("input[name=edit_summary]").input_value()
    assert french_summary.startswith(f"Restauration de la version {old.pk} de ")
    page.get_by_role("button", name="Enregistrer les modifications").click()
    page.wait_for_url(base + tool.url)

    page.goto(f"{base}{tool.url}history/")
    assert page.locator(".history-row").first.get_by_text(french_summary).is_visible()
    english = consul("en")
    page.goto(f"{base}{english.url}history/")
    assert (
        page.locator(".history-row")
        .first.get_by_text(f"Restored revision {old.pk} by")
        .is_visible()
    )


def test_restoring_a_revision_of_the_untranslated_copy_keeps_the_french_translation(
    live_catalogue, page, trusted
):
    base = live_catalogue
    writer = contributor("writer")
    _english, french = new_english_tool(writer, slug="copy-journey")
    copy_revision = french.live_revision
    save_edit(
        french,
        writer,
        {"summary": "Des budgets que l’on lit.", "description": "Le budget en arbre."},
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=["title", "summary", "description"],
    )
    save_edit(fresh(french), writer, {"website": "https://budget.example"})
    sign_in(page, base)

    page.goto(f"{base}{french.url}history/{copy_revision.pk}/")
    page.get_by_role("link", name="Restaurer cette version").click()
    assert (
        page.locator(".kept-text-note")
        .get_by_text("Le texte français actuel est conservé")
        .is_visible()
    )
    assert page.locator("textarea[name=description]").input_value() == "Le budget en arbre."
    page.get_by_role("button", name="Enregistrer les modifications").click()
    page.wait_for_url(base + french.url)
    french = fresh(french)
    assert french.description == "Le budget en arbre."
    assert french.summary == "Des budgets que l’on lit."
    assert not french.website
