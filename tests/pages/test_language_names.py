"""Languages are shown by their names in the reader's language, never as raw codes,
and French sentences write them in lower case ("en anglais", not "en Anglais")."""

import re

import pytest

from django.utils import translation

from contributions.forms import EntryForm
from pages.languages import language_choices, language_in_sentence, language_label
from pages.models import ToolPage
from pages.models.choices import INTERFACE_LANGUAGES
from tests.factories import contributor, new_english_tool


@pytest.mark.parametrize(
    "code, english, french",
    [("zh", "Chinese", "Chinois"), ("no", "Norwegian", "Norvégien"), ("de", "German", "Allemand")],
)
def test_every_offered_language_has_a_name_in_both_languages(code, english, french):
    with translation.override("en"):
        assert language_label(code) == english
    with translation.override("fr"):
        assert language_label(code) == french


def test_no_interface_language_is_shown_as_its_code():
    for language in ("en", "fr"):
        with translation.override(language):
            for code in INTERFACE_LANGUAGES:
                assert language_label(code) != code, (language, code)


def test_an_unknown_code_stays_as_it_is_rather_than_vanish():
    assert language_label("xx") == "xx"


def test_inside_a_french_sentence_a_language_name_is_in_lower_case():
    with translation.override("fr"):
        assert language_in_sentence("en") == "anglais"
        assert language_in_sentence("zh") == "chinois"
    with translation.override("en"):
        assert language_in_sentence("fr") == "French"


def test_language_choices_are_ordered_by_name_in_the_readers_language():
    with translation.override("en"):
        names = [name for _code, name in language_choices(INTERFACE_LANGUAGES)]
        assert names[:3] == ["Arabic", "Basque", "Catalan"]
    with translation.override("fr"):
        names = [name for _code, name in language_choices(INTERFACE_LANGUAGES)]
        # "Espagnol" before "Estonien" before "Finlandais": accents and case aside.
        assert names[:4] == ["Allemand", "Anglais", "Arabe", "Basque"]
        assert names.index("Espagnol") < names.index("Estonien") < names.index("Finlandais")


@pytest.mark.django_db
def test_a_tool_page_names_its_interface_languages(client, catalogue, entry):
    tool = entry(ToolPage, "consul-democracy", "fr")
    ToolPage.objects.filter(pk=tool.pk).update(interface_languages=["zh", "no", "en"])
    html = client.get(tool.url).content.decode()
    assert "Chinois, Norvégien, Anglais" in html
    assert not re.search(r"<dd>[^<]*\bzh\b", html)


@pytest.mark.django_db
def test_the_edit_form_lists_interface_languages_by_name_in_french(client, catalogue, entry):
    tool = entry(ToolPage, "consul-democracy", "fr")
    client.force_login(contributor())
    html = client.get(tool.url + "edit/").content.decode()
    labels = re.findall(r'name="interface_languages" value="\w+"[^>]*>\s*([^<]+?)\s*</label>', html)
    assert labels[:3] == ["Allemand", "Anglais", "Arabe"]
    assert "Chinois" in labels


@pytest.mark.django_db
def test_the_form_labels_keep_api_in_capitals(catalogue, entry):
    form = EntryForm(page=entry(ToolPage, "consul-democracy"))
    assert form.fields["has_api"].label == "Has a public API"


@pytest.mark.django_db
def test_the_translate_view_writes_language_names_in_lower_case_in_french(client, catalogue):
    _english, french = new_english_tool(contributor("translator"))
    client.force_login(contributor())
    html = client.get(french.url + "translate/").content.decode()
    assert "ajoutée en anglais" in html
    assert "Texte en anglais" in html
    assert "en Anglais" not in html
