"""Automatic summaries of restores and undos: stored as data, read in the reader's language."""

import importlib

import pytest

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.summaries import auto_summary, summary_text
from pages.models import ToolPage
from tests.factories import contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


@pytest.fixture
def restore(tool):
    """A restore saved from the English site, with words the person added."""
    old = tool.latest_revision
    save_edit(tool, contributor("vandal"), {"description": "Spam.", "licence": "MIT"})
    outcome = save_edit(
        tool,
        contributor("fixer"),
        {"description": tool.description, "licence": tool.licence},
        summary="spam",
        kind=EditRecord.Kind.RESTORE,
        source_revision=old,
        auto_summary=auto_summary("restore", old),
    )
    return outcome.record, old


def test_the_automatic_part_and_the_typed_part_both_show(restore):
    record, old = restore
    with translation.override("en"):
        assert summary_text(record) == f"Restored revision {old.pk} by bruno: spam"
    with translation.override("fr"):
        assert summary_text(record) == f"Restauration de la version {old.pk} de bruno : spam"


def test_an_undo_by_an_unknown_author_reads_in_both_languages():
    record = EditRecord(auto_summary={"action": "undo", "revision": 7, "author": None})
    with translation.override("fr"):
        assert summary_text(record) == "Annulation de la version 7 d'un contributeur inconnu"
    assert summary_text(EditRecord(summary="Typo")) == "Typo"


def test_french_pages_show_the_automatic_summary_in_french(client, restore, tool):
    _record, old = restore
    french_text = f"Restauration de la version {old.pk} de bruno"
    with translation.override("fr"):
        recent = reverse("recent_changes")
        feed = reverse("recent_changes_feed")
        contributor_page = reverse("contributor", args=["fixer"])
    history = client.get(tool.url + "history/", HTTP_ACCEPT_LANGUAGE="fr")
    assert f"Restored revision {old.pk} by bruno" in history.content.decode()
    for url in (recent, feed, contributor_page):
        html = client.get(url).content.decode()
        assert french_text in html, url
        assert "Restored revision" not in html, url
    french_tool = tool.get_translation(tool.get_translations().first().locale)
    french_history = client.get(french_tool.url + "history/").content.decode()
    assert french_text in french_history  # the licence restored there says so too


def test_the_data_migration_turns_old_english_and_french_sentences_into_data(tool):
    migration = importlib.import_module("contributions.migrations.0009_auto_summary")
    old = tool.latest_revision
    records = []
    for summary in (
        f"Restored revision {old.pk} by bruno",
        f"Annulation de la version {old.pk} de un contributeur inconnu",
        f"Undid revision {old.pk}",
        "Restored the licence: it was right",
    ):
        outcome = save_edit(tool, contributor(f"u{len(records)}"), {}, summary=summary)
        records.append(outcome.record)
    migration.structure_automatic_summaries(apps, None)
    found = [EditRecord.objects.get(pk=record.pk) for record in records]
    assert [(r.auto_summary, r.summary) for r in found] == [
        ({"action": "restore", "revision": old.pk, "author": "bruno"}, ""),
        ({"action": "undo", "revision": old.pk, "author": None}, ""),
        ({"action": "undo", "revision": old.pk, "author": "bruno"}, ""),
        ({}, "Restored the licence: it was right"),
    ]
