"""The entry forms: which fields each shows, in which order."""

import pytest

from wagtail.models import Locale

from contributions.forms import CreateForm, EntryForm
from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.snapshots import TEXT, editable_fields
from contributions.translation import state as translation
from contributions.translation.forms import TranslateForm
from pages.models import ToolIndexPage, ToolPage, TopicIndexPage, TopicPage
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.django_db

AFTER_THE_FIELDS = [
    "edit_summary",
    "minor_edit",
    "base_revision",
    "source_action",
    "source_revision",
]


def test_the_edit_form_shows_the_model_fields_then_the_logo_upload_then_the_summary(
    catalogue, entry
):
    tool = entry(ToolPage, "consul-democracy")
    names = [name for name, _kind in editable_fields(ToolPage)]
    logo = names.index("logo") + 1
    expected = [*names[:logo], "logo_upload", "remove_logo", *names[logo:], *AFTER_THE_FIELDS]
    assert list(EntryForm(page=tool).fields) == expected


def test_two_edit_forms_of_different_models_keep_their_own_fields(catalogue, entry):
    tool_form = EntryForm(page=entry(ToolPage, "consul-democracy"))
    topic_form = EntryForm(page=TopicPage.objects.filter(locale__language_code="en").first())
    assert "licence" in tool_form.fields
    assert "licence" not in topic_form.fields
    assert "licence" not in EntryForm.base_fields


def test_the_create_form_has_no_revision_and_a_confirmation_and_a_theme_only_for_topics(catalogue):
    english = Locale.objects.get(language_code="en")
    tool_index = ToolIndexPage.objects.get(locale=english)
    topic_index = TopicIndexPage.objects.get(locale=english)
    tool_form = CreateForm(model=ToolPage, locale=english, index=tool_index)
    topic_form = CreateForm(model=TopicPage, locale=english, index=topic_index)
    assert "base_revision" not in tool_form.fields
    assert list(tool_form.fields)[-1] == "confirm_new"
    assert "parent_theme" not in tool_form.fields
    assert list(topic_form.fields)[-2:] == ["confirm_new", "parent_theme"]


def test_the_translate_form_shows_the_text_fields_and_a_new_address_only_when_offered(catalogue):
    english, french = new_english_tool(contributor())
    states = translation.field_states(french)
    texts = [name for name, kind in editable_fields(ToolPage) if kind == TEXT]
    plain = TranslateForm(page=french, states=states, other=english)
    offered = TranslateForm(page=french, states=states, other=english, offer_new_address=True)
    assert list(plain.fields) == [*texts, "edit_summary", "base_revision"]
    assert plain.text_names == texts
    assert list(offered.fields)[-1] == "new_address"
    assert offered.fields["new_address"].initial is (french.slug == english.slug)


def test_the_translate_form_offers_still_accurate_only_beside_outdated_fields(catalogue):
    english, french = new_english_tool(contributor("author"))
    save_edit(
        french,
        contributor("translator"),
        {"title": "Budget ouvert", "summary": "Des budgets lisibles.", "description": "Arbre."},
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=["title", "summary", "description"],
    )
    save_edit(english, contributor("writer"), {"summary": "Budgets that everyone reads."})
    french = type(french).objects.get(pk=french.pk)
    form = TranslateForm(page=french, states=translation.field_states(french), other=english)
    assert "accurate_summary" in form.fields
    assert "accurate_title" not in form.fields
    assert list(form.fields).index("accurate_summary") == list(form.fields).index("summary") + 1
