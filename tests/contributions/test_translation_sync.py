"""Per-field translation state between the English and French versions of an entry."""

import pytest

from contributions.models import EditRecord, FieldSync, UntranslatedCopy
from contributions.services.editing import save_edit
from contributions.translation.state import (
    DIVERGED,
    IN_SYNC,
    MISSING,
    OUTDATED,
    field_states,
    mark_synced,
    states_for_pages,
)
from pages.models import ToolIndexPage, ToolPage, TopicPage
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.django_db

TEXT = ("title", "summary", "description")


def statuses(page):
    page.refresh_from_db()
    return {name: state.status for name, state in field_states(page).items()}


def fresh(page):
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def writer():
    return contributor("translator")


@pytest.fixture
def created(catalogue, writer):
    """A tool created in English from the public site: (English page, French page)."""
    topic = TopicPage.objects.get(slug="participatory-budgeting", locale__language_code="en")
    return new_english_tool(writer, topics=[topic], licence="MIT")


@pytest.fixture
def translated(created, writer):
    english, french = created
    save_edit(
        french,
        writer,
        {
            "title": "Budget ouvert",
            "summary": "Des budgets que les habitants lisent.",
            "description": "Montre le budget sous forme d'arbre.",
        },
        base_revision_id=french.live_revision_id,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=TEXT,
    )
    return fresh(english), fresh(french)


def edit(page, user, **changes):
    return save_edit(fresh(page), user, changes, base_revision_id=fresh(page).live_revision_id)


def test_created_in_english_the_entry_exists_in_french_as_missing(created, catalogue):
    english, french = created
    assert statuses(french) == dict.fromkeys(TEXT, MISSING)
    assert statuses(english) == dict.fromkeys(TEXT, IN_SYNC)
    assert french.live and french.get_parent().pk == catalogue["fr"][ToolIndexPage].pk
    assert french.title == "Open Budget"  # the source text until translated
    assert french.licence == "MIT"
    # Relations point at the French versions of the related entries.
    assert [t.locale.language_code for t in french.topics.all()] == ["fr"]
    assert UntranslatedCopy.objects.filter(page=french, source_page=english).exists()


def test_translating_brings_every_field_in_sync(translated):
    english, french = translated
    assert statuses(french) == dict.fromkeys(TEXT, IN_SYNC)
    assert statuses(english) == dict.fromkeys(TEXT, IN_SYNC)
    assert not UntranslatedCopy.objects.filter(page=french).exists()
    record = EditRecord.objects.get(revision=french.live_revision)
    assert record.kind == "translate"
    assert record.translation == {"fields": list(TEXT), "first": True}


def test_editing_the_english_description_outdates_the_french_one_only(translated, writer):
    english, french = translated
    edit(english, writer, description="Shows the budget as a tree and a map.")
    assert statuses(french) == {"title": IN_SYNC, "summary": IN_SYNC, "description": OUTDATED}
    assert statuses(english) == dict.fromkeys(TEXT, IN_SYNC)


def test_editing_french_outdates_english(translated, writer):
    english, french = translated
    edit(french, writer, summary="Des budgets lisibles par tous.")
    assert statuses(english) == {"title": IN_SYNC, "summary": OUTDATED, "description": IN_SYNC}
    assert statuses(french) == dict.fromkeys(TEXT, IN_SYNC)


def test_editing_both_languages_makes_the_field_diverge(translated, writer):
    english, french = translated
    edit(english, writer, description="Shows the budget as a map.")
    edit(french, writer, description="Montre le budget sous forme de liste.")
    assert statuses(french)["description"] == DIVERGED
    assert statuses(english)["description"] == DIVERGED
    assert statuses(french)["title"] == IN_SYNC


def test_still_accurate_brings_the_field_back_in_sync_without_a_revision(translated, writer):
    english, french = translated
    edit(english, writer, description="Shows the budget as a tree, with sources.")
    revisions = french.revisions.count()
    mark_synced(fresh(french), ["description"])
    assert statuses(french) == dict.fromkeys(TEXT, IN_SYNC)
    assert statuses(english) == dict.fromkeys(TEXT, IN_SYNC)
    assert french.revisions.count() == revisions


def test_an_update_of_the_translation_clears_the_outdated_field(translated, writer):
    english, french = translated
    edit(english, writer, description="Shows the budget as a tree and a map.")
    save_edit(
        fresh(french),
        writer,
        {"description": "Montre le budget sous forme d'arbre et de carte."},
        base_revision_id=fresh(french).live_revision_id,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=["description"],
    )
    assert statuses(french) == dict.fromkeys(TEXT, IN_SYNC)
    assert statuses(english) == dict.fromkeys(TEXT, IN_SYNC)


def test_a_shared_fact_edited_in_french_shows_in_english_with_history_on_both(translated, writer):
    english, french = translated
    french_topic = TopicPage.objects.get(slug="budget-participatif", locale__language_code="fr")
    theme_fr = french_topic.get_parent().specific
    english_revisions = english.revisions.count()
    outcome = edit(french, writer, licence="AGPL-3.0-or-later", topics=(theme_fr.pk,))
    english = fresh(english)
    assert english.licence == "AGPL-3.0-or-later"
    assert [t.slug for t in english.topics.all()] == ["citizen-engagement"]
    assert english.revisions.count() == english_revisions + 1
    mirrored = EditRecord.objects.get(revision=english.live_revision)
    assert mirrored.user == writer
    assert mirrored.counterpart_revision == outcome.revision
    assert EditRecord.objects.get(revision=outcome.revision).counterpart_revision_id == (
        english.live_revision_id
    )
    # Facts are not text: nothing becomes outdated.
    assert statuses(english) == dict.fromkeys(TEXT, IN_SYNC)


def test_an_untranslated_copy_follows_the_source_text(created, writer):
    english, french = created
    edit(english, writer, summary="Budgets anyone can read.")
    assert fresh(french).summary == "Budgets anyone can read."
    assert statuses(french) == dict.fromkeys(TEXT, MISSING)


def test_entries_loaded_in_both_languages_start_in_sync(catalogue, entry, writer):
    english = entry(ToolPage, "consul-democracy")
    french = entry(ToolPage, "consul-democracy", "fr")
    assert statuses(french) == dict.fromkeys(TEXT, IN_SYNC)
    edit(english, writer, title="CONSUL")
    row = FieldSync.objects.get(page=french, field="title")
    # Its sync point is the English revision before the change: the diff base.
    assert row.synced_revision_id == english.live_revision_id
    assert statuses(french)["title"] == OUTDATED


def test_states_of_many_pages_take_two_queries(catalogue, django_assert_num_queries):
    pages = list(ToolPage.objects.all())
    with django_assert_num_queries(2):
        states = states_for_pages(pages)
    assert set(states) == {page.pk for page in pages}


def test_writing_in_a_copy_with_the_edit_form_starts_its_translation(created, writer):
    english, french = created
    edit(french, writer, title="Budget ouvert")
    assert not UntranslatedCopy.objects.filter(page=french).exists()
    assert statuses(french) == {"title": IN_SYNC, "summary": OUTDATED, "description": OUTDATED}
    # The copy no longer follows the English text: its translation is kept.
    edit(english, writer, title="Open Budget 2")
    assert fresh(french).title == "Budget ouvert"
    assert statuses(french)["title"] == OUTDATED
