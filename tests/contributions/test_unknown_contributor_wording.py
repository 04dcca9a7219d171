"""Sentences about a revision whose author is unknown read naturally in French:
"d'un contributeur inconnu", "par un contributeur inconnu" (never "de un", "par contributeur")."""

import pytest

from django.utils import translation

from wagtail.models import Revision

from contributions.services.editing import save_edit
from contributions.summaries import RESTORE, UNDO, auto_summary, auto_summary_text
from pages.models import ToolPage
from tests.factories import contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue, entry):
    return entry(ToolPage, "consul-democracy", "fr")


def anonymous(revision):
    """The revision as if its author's account had been deleted."""
    Revision.objects.filter(pk=revision.pk).update(user=None)
    return Revision.objects.get(pk=revision.pk)


def test_restoring_a_revision_of_an_unknown_author_says_so_in_good_french(tool):
    old = anonymous(tool.latest_revision)
    with translation.override("fr"):
        text = auto_summary_text(auto_summary(RESTORE, old))
    assert text == f"Restauration de la version {old.pk} d'un contributeur inconnu"


def test_undoing_a_revision_of_an_unknown_author_says_so_in_good_french(tool):
    save_edit(tool, contributor("writer"), {"summary": "A better summary."})
    edit = anonymous(ToolPage.objects.get(pk=tool.pk).latest_revision)
    with translation.override("fr"):
        text = auto_summary_text(auto_summary(UNDO, edit))
    assert text == f"Annulation de la version {edit.pk} d'un contributeur inconnu"


def test_a_known_author_is_named(tool):
    old = tool.latest_revision
    with translation.override("en"):
        text = auto_summary_text(auto_summary(RESTORE, old))
    assert text == f"Restored revision {old.pk} by {old.user.get_username()}"


def test_an_old_revision_of_an_unknown_author_is_saved_by_an_unknown_contributor(client, tool):
    old = anonymous(tool.latest_revision)
    save_edit(tool, contributor("writer"), {"summary": "Newer."})
    html = " ".join(client.get(f"{tool.url}history/{old.pk}/").content.decode().split())
    assert "par un contributeur inconnu" in html
    assert "par contributeur inconnu" not in html
