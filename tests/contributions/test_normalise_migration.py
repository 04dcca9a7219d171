"""Migration 0008 brings stored entries and revisions to the normal form of text."""

import importlib

import pytest

from django.apps import apps

from contributions.services.compare import compare_revisions
from contributions.services.editing import save_edit
from pages.models import ToolPage, UseCasePage
from tests.factories import contributor

pytestmark = pytest.mark.django_db

migration = importlib.import_module("contributions.migrations.0008_normalise_text")


def test_old_pages_and_revisions_are_rewritten_and_then_compare_cleanly(catalogue):
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    # As stored before normalisation: CRLF text, languages in the form's order.
    revision = tool.live_revision
    title = tool.title
    revision.content.update(
        {
            "title": title + "\r\n",
            "description": "One.\r\n\r\nTwo.\r\n",
            "interface_languages": ["fr", "en"],
        }
    )
    revision.save(update_fields=["content"])
    ToolPage.objects.filter(pk=tool.pk).update(
        description="One.\r\n\r\nTwo.\r\n", interface_languages=["fr", "en"], title=title + "\r\n"
    )
    use_case = UseCasePage.objects.get(slug="decide-madrid", locale__language_code="en")
    use_case.links.update(label="The platform\r\n")

    migration.forwards(apps, None)

    tool = ToolPage.objects.get(pk=tool.pk)
    assert (tool.description, tool.interface_languages, tool.title) == (
        "One.\n\nTwo.",
        ["en", "fr"],
        title,
    )
    old = tool.live_revision
    old.refresh_from_db()
    assert old.content["description"] == "One.\n\nTwo."
    assert old.content["interface_languages"] == ["en", "fr"]
    assert old.content["title"] == title
    assert use_case.links.get().label == "The platform"
    # The next edit, of the summary only, compares as a summary change only.
    outcome = save_edit(tool, contributor(), {"summary": "New."})
    comparison = compare_revisions(tool, old, outcome.revision)
    assert [change.name for change in comparison.changes] == ["summary"]


def test_running_it_again_changes_nothing(catalogue):
    migration.forwards(apps, None)
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    content = dict(tool.live_revision.content)
    migration.forwards(apps, None)
    tool.live_revision.refresh_from_db()
    assert tool.live_revision.content == content
