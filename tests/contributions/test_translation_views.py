"""Translating from the public site: banners, markers, notes, translate/, the dashboard."""

import re

import pytest

from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale

from contributions.models import EditRecord, FieldSync
from contributions.services.editing import save_edit
from contributions.translation.state import IN_SYNC, field_states
from contributions.translation.text import shared_from, updated_fields
from pages.models import ToolIndexPage, ToolPage
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return contributor("translator")


@pytest.fixture
def new_tool(catalogue, writer):
    """A tool just created in English: (English page, its untranslated French copy)."""
    return new_english_tool(writer)


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def translate_data(page, **values):
    data = {
        "title": page.title,
        "summary": page.summary,
        "description": page.description,
        "base_revision": str(page.live_revision_id),
        "edit_summary": "",
    }
    data.update(values)
    return data


def test_an_untranslated_copy_shows_the_source_text_under_a_banner(client, new_tool):
    _english, french = new_tool
    html = client.get(french.url).content.decode()
    assert 'class="notice translation-banner"' in html
    assert f'href="{french.url}translate/"' in html
    assert '<h1 id="entry-title" lang="en">Open Budget</h1>' in html
    assert '<p class="lead" lang="en">Budgets that residents read.</p>' in html


def test_indexes_mark_untranslated_entries(client, new_tool, catalogue):
    html = client.get(catalogue["fr"][ToolIndexPage].url).content.decode()
    card = re.search(
        r'<li class="entry-card[^"]*">(?:(?!</li>).)*Open Budget(?:(?!</li>).)*</li>', html, re.S
    )
    assert card and "badge-untranslated" in card.group(0)
    assert '<span lang="en">Open Budget</span>' in card.group(0)
    # Translated entries carry no marker.
    assert html.count("badge-untranslated") == 1


def test_translate_requires_an_account(client, new_tool):
    _english, french = new_tool
    response = client.get(french.url + "translate/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_translate_shows_the_other_text_read_only_beside_the_prefilled_field(
    client, new_tool, writer
):
    english, french = new_tool
    client.force_login(writer)
    html = client.get(french.url + "translate/").content.decode()
    assert '<pre class="source" lang="en"' in html and "Shows the budget as a tree." in html
    assert '<fieldset class="translate-field translate-missing" id="translate-description">' in html
    assert re.search(
        r'<textarea name="description"[^>]*>\s*Shows the budget as a tree.</textarea>', html
    )
    assert 'name="edit_summary"' in html
    assert 'name="minor_edit"' not in html


def test_saving_a_translation_publishes_a_translate_revision(client, new_tool, writer):
    english, french = new_tool
    client.force_login(writer)
    data = translate_data(
        french,
        title="Budget ouvert",
        summary="Des budgets que les habitants lisent.",
        description="Montre le budget sous forme d'arbre.",
    )
    response = client.post(french.url + "translate/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    french = fresh(french)
    assert french.title == "Budget ouvert"
    record = EditRecord.objects.get(revision=french.live_revision)
    assert record.kind == "translate" and record.user == writer
    with translation.override("fr"):
        assert record.summary == gettext("Translated from English")
    assert all(state.status == IN_SYNC for state in field_states(french).values())
    html = client.get(french.url).content.decode()
    assert "translation-banner" not in html
    assert 'lang="en"' not in html.split('<main id="main"')[1].split("entry-facts")[0]


def test_outdated_fields_are_noted_and_translate_shows_the_diff(client, new_tool, writer):
    english, french = new_tool
    save_edit(
        french,
        writer,
        {"title": "Budget ouvert", "description": "Montre le budget."},
        base_revision_id=french.live_revision_id,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=("title", "summary", "description"),
    )
    french = fresh(french)
    save_edit(
        french,
        writer,
        {"description": "Montre le budget sous forme de carte."},
        base_revision_id=french.live_revision_id,
    )
    english = fresh(english)
    html = client.get(english.url).content.decode()
    assert "The English description is older than the French one, changed on" in html
    assert "The English summary" not in html

    client.force_login(writer)
    html = client.get(english.url + "translate/").content.decode()
    assert 'class="translate-field translate-outdated" id="translate-description"' in html
    assert '<pre class="source diff" lang="fr">' in html
    assert "Montre le budget<ins> sous forme de carte</ins>." in html
    assert 'name="accurate_description"' in html
    assert 'name="accurate_summary"' not in html

    response = client.post(
        english.url + "translate/", translate_data(english, accurate_description="on")
    )
    assert response.status_code == 302
    assert "older than" not in client.get(english.url).content.decode()
    assert fresh(english).live_revision_id == english.live_revision_id  # no new revision


def test_saving_nothing_says_so(client, catalogue, entry, writer):
    english = entry(ToolPage, "consul-democracy")
    client.force_login(writer)
    response = client.post(english.url + "translate/", translate_data(english))
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()


def test_recent_changes_show_translation_work(client, new_tool, writer):
    english, french = new_tool
    save_edit(
        french,
        writer,
        {"title": "Budget ouvert"},
        base_revision_id=french.live_revision_id,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=("title", "summary", "description"),
    )
    save_edit(
        fresh(english),
        writer,
        {"description": "Shows the budget as a map.", "licence": "MIT"},
        base_revision_id=fresh(english).live_revision_id,
    )
    french = fresh(french)
    save_edit(
        french,
        writer,
        {"description": "Montre le budget sous forme de carte."},
        base_revision_id=french.live_revision_id,
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=("description",),
    )
    html = client.get("/en/recent-changes/").content.decode()
    assert "translated to French" in html
    assert "updated the French description" in html
    # The licence reached French as a revision of its own: in the French
    # history, not a second time in recent changes.
    assert "shared facts updated from the English version" not in html
    history = client.get(french.url + "history/").content.decode()
    with translation.override("fr"):
        assert updated_fields(ToolPage, ["description"], "fr") in history
        assert shared_from("fr") in history


def test_the_switcher_keeps_the_translate_sub_route(client, catalogue, entry, writer):
    english = entry(ToolPage, "closed-petitions")
    client.force_login(writer)
    html = client.get(english.url + "translate/").content.decode()
    assert "next=/fr/outils/petitions-fermees/translate/" in html
    history = client.get(f"{english.url}history/{english.live_revision_id}/").content.decode()
    assert "next=/fr/outils/petitions-fermees/history/&quot;" in history or (
        'next=/fr/outils/petitions-fermees/history/"' in history
    )


def test_an_entry_without_other_version_offers_to_create_it(client, catalogue, entry, writer):
    english = entry(ToolPage, "closed-petitions")
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    FieldSync.objects.all().delete()
    french.delete()
    client.force_login(writer)
    assert "Create the French version" in client.get(english.url + "translate/").content.decode()
    response = client.post(english.url + "translate/")
    assert response.status_code == 302
    assert response.url.startswith("/fr/outils/closed-petitions/translate/")


def test_show_changes_on_translate_shows_the_diff_and_saves_nothing(client, new_tool, writer):
    _english, french = new_tool
    client.force_login(writer)
    data = translate_data(french, summary="Des budgets que l’on lit.", show_changes="")
    response = client.post(french.url + "translate/", data)
    assert response.status_code == 200
    (change,) = response.context["pending"].changes
    assert change.name == "summary"
    assert "<ins>" in change.diff and "budgets" in change.diff
    assert response.context["form"]["summary"].value() == "Des budgets que l’on lit."
    assert fresh(french).summary == "Budgets that residents read."
    assert not EditRecord.objects.filter(page=french, kind="translate").exists()
