"""The `translation_needed` event: sent after the commit, only when work newly appears."""

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.signals import translation_needed
from contributions.translation.state import mark_synced
from pages.models import TopicPage
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.django_db

TEXT = ("title", "summary", "description")


def fresh(page):
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def sent():
    """The events sent during the test, as (page id, language, fields, revision id, actor)."""
    events = []

    def listen(sender, page, language, fields, revision, actor, **kwargs):
        events.append((page.pk, language, fields, getattr(revision, "pk", None), actor))

    translation_needed.connect(listen, weak=False)
    yield events
    translation_needed.disconnect(listen)


@pytest.fixture
def writer():
    return contributor("translator")


@pytest.fixture
def created(catalogue, writer, committed):
    topic = TopicPage.objects.get(slug="participatory-budgeting", locale__language_code="en")
    return committed(new_english_tool, writer, topics=[topic], licence="MIT")


def edit(committed, page, user, **changes):
    page = fresh(page)
    committed(save_edit, page, user, changes, base_revision_id=page.live_revision_id)
    return fresh(page)


def translate(committed, french, user):
    french = fresh(french)
    changes = {
        "title": "Budget ouvert",
        "summary": "Des budgets que les habitants lisent.",
        "description": "Montre le budget sous forme d'arbre.",
    }
    committed(
        save_edit,
        french,
        user,
        changes,
        base_revision_id=french.live_revision_id,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=TEXT,
    )
    return fresh(french)


def test_the_copy_is_announced_once_with_no_fields(catalogue, writer, committed, sent):
    english, french = committed(
        new_english_tool, writer, slug="civic-maps", title="Civic Maps", licence="MIT"
    )
    assert sent == [(french.pk, "fr", [], english.live_revision_id, writer)]


def test_nothing_is_sent_before_the_commit(catalogue, writer, sent):
    new_english_tool(writer, slug="civic-maps", title="Civic Maps", licence="MIT")  # no commit
    assert sent == []


def test_an_edit_announces_only_fields_that_newly_fall_behind(created, writer, committed, sent):
    english, french = created
    french = translate(committed, french, writer)
    assert sent == []  # a translation brings fields in line: no work appears
    english = edit(committed, english, writer, description="A tree, and a table.")
    assert sent == [(french.pk, "fr", ["description"], english.live_revision_id, writer)]
    english = edit(committed, english, writer, description="A tree or a table.", summary="Budgets.")
    assert sent[1:] == [(french.pk, "fr", ["summary"], english.live_revision_id, writer)]
    mark_synced(fresh(french), ["description", "summary"])
    english = edit(committed, english, writer, description="A chart.")
    assert sent[2:] == [(french.pk, "fr", ["description"], english.live_revision_id, writer)]


def test_an_edit_of_an_entry_whose_other_version_is_a_copy_announces_nothing(
    created, writer, committed, sent
):
    english, _french = created
    edit(committed, english, writer, description="Still only in English.")
    assert sent == []
