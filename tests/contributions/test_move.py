"""Moving an entry in one language: a new address, the old one redirecting, the move in history."""

import pytest

from django.utils import translation

from contributions.models import EditRecord
from pages.cache import generation
from pages.localized_urls import reverse_in
from pages.models import ToolPage
from tests.factories import contributor, edit_data, moderator, new_english_tool, new_french_tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return contributor("mover")


@pytest.fixture
def moved(catalogue, client, writer, committed):
    """A French-created tool whose English copy got its English address."""
    _french, english = new_french_tool(writer)
    client.force_login(writer)
    response = committed(
        client.post,
        english.url + "move/",
        {"slug": "consultation-tool", "summary": "English name"},
    )
    return english, response


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def test_moving_gives_the_entry_its_new_address(moved):
    english, response = moved
    assert english.url == "/en/tools/outil-de-consultation/"
    assert response.status_code == 302
    assert response.url == "/en/tools/consultation-tool/"
    assert fresh(english).url == "/en/tools/consultation-tool/"


def test_the_other_language_keeps_its_address(moved):
    french = ToolPage.objects.get(slug="outil-de-consultation", locale__language_code="fr")
    assert french.url == "/fr/outils/outil-de-consultation/"


def test_the_old_address_redirects_permanently_to_the_new_one(moved, client):
    client.logout()
    response = client.get("/en/tools/outil-de-consultation/")
    assert response.status_code == 301
    assert response.url == "/en/tools/consultation-tool/"


@pytest.mark.parametrize("sub_route", ["history/", "edit/", "discussion/", "history/compare/"])
def test_the_old_sub_routes_reach_the_entry(moved, client, sub_route):
    response = client.get(f"/en/tools/outil-de-consultation/{sub_route}?to=1")
    assert response.status_code == 301
    assert response.url == f"/en/tools/consultation-tool/{sub_route}?to=1"


def test_an_old_revision_address_reaches_the_same_revision(moved, client):
    english, _response = moved
    revision_id = fresh(english).live_revision_id
    response = client.get(f"/en/tools/outil-de-consultation/history/{revision_id}/")
    assert response.url == f"/en/tools/consultation-tool/history/{revision_id}/"
    assert client.get(response.url).status_code == 200


def test_the_move_is_in_the_history_with_who_and_why(moved, client):
    english, _response = moved
    record = EditRecord.objects.get(page_id=english.pk, kind=EditRecord.Kind.MOVE)
    assert record.user.username == "mover"
    assert record.summary == "English name"
    assert record.move == {
        "from": "/en/tools/outil-de-consultation/",
        "to": "/en/tools/consultation-tool/",
    }
    assert record.size_delta == 0
    html = client.get("/en/tools/consultation-tool/history/").content.decode()
    assert "moved from /en/tools/outil-de-consultation/ to /en/tools/consultation-tool/" in html
    assert "English name" in html


def test_the_move_is_in_recent_changes_in_the_readers_language(moved, client):
    html = client.get(reverse_in("fr", "recent_changes")).content.decode()
    assert (
        "déplacement de /en/tools/outil-de-consultation/ vers /en/tools/consultation-tool/" in html
    )


def test_cached_pages_see_the_new_address(catalogue, client, writer, committed):
    english, _french = new_english_tool(writer, slug="budget-tool", title="Budget tool")
    index_html = client.get("/en/tools/").content.decode()  # cached for anonymous readers
    assert "/en/tools/budget-tool/" in index_html
    before = generation()
    client.force_login(writer)
    committed(client.post, english.url + "move/", {"slug": "open-budget-tool"})
    assert generation() > before
    client.logout()
    index_html = client.get("/en/tools/").content.decode()
    assert "/en/tools/open-budget-tool/" in index_html
    assert "/en/tools/budget-tool/" not in index_html


@pytest.mark.parametrize(
    "slug,message",
    [
        ("Outil de Consultation", "For example: outil-de-consultation"),
        ("consultation_tool", "lower-case letters without accents"),
        ("décidim", "For example: decidim"),
        ("", "This field is required."),
        ("open-budget", "This is already the entry’s address"),
        ("consul-democracy", "This one is free: consul-democracy-2"),
    ],
)
def test_a_bad_address_is_refused_with_a_reason(catalogue, client, writer, slug, message):
    english, _french = new_english_tool(writer)
    client.force_login(writer)
    response = client.post(english.url + "move/", {"slug": slug})
    assert response.status_code == 400
    html = response.content.decode().replace("&#x27;", "'")
    assert message in html
    assert 'role="alert"' in html and 'href="#id_slug"' in html
    assert fresh(english).slug == "open-budget"


def test_errors_are_in_french_on_the_french_site(catalogue, client, writer):
    french, _english = new_french_tool(writer)
    client.force_login(writer)
    response = client.post(french.url + "move/", {"slug": "outil-de-consultation"})
    assert "C’est déjà l’adresse de la fiche" in response.content.decode()


def test_a_free_address_is_suggested_after_the_taken_ones(catalogue, writer):
    from contributions.services.moving import free_slug

    english, _french = new_english_tool(writer)
    new_english_tool(writer, slug="decide-2", title="Decide 2")
    new_english_tool(writer, slug="decide", title="Decide")
    assert free_slug(english.get_parent(), "decide") == "decide-3"


def test_the_form_shows_the_current_address_and_the_one_from_the_name(catalogue, client, writer):
    client.force_login(writer)
    _french, english = new_french_tool(writer, slug="budget-ouvert", title="Budget ouvert")
    english.title = "Open budget"  # as if translated with the ordinary edit form
    english.save_revision(user=writer).publish()
    html = client.get(fresh(english).url + "move/").content.decode()
    assert "http://testserver/en/tools/budget-ouvert/" in html
    assert "<code>open-budget</code>" in html
    assert 'value="budget-ouvert"' in html


def test_the_edit_page_links_to_moving(catalogue, client, writer):
    english, _french = new_english_tool(writer)
    client.force_login(writer)
    html = client.get(english.url + "edit/").content.decode()
    assert f'href="{english.url}move/"' in html


def test_anonymous_readers_are_asked_to_log_in(catalogue, client, writer):
    english, _french = new_english_tool(writer)
    response = client.get(english.url + "move/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_new_contributors_cannot_move_until_their_edits_are_reviewed(
    catalogue, client, writer, settings
):
    english, _french = new_english_tool(writer)
    settings.OGPT_REVIEW_FIRST_EDITS = 3
    newcomer = contributor("newcomer")
    client.force_login(newcomer)
    assert client.post(english.url + "move/", {"slug": "budget"}).status_code == 403
    assert "move/" not in client.get(english.url + "edit/").content.decode()
    assert fresh(english).slug == "open-budget"


def test_a_protected_entry_is_moved_by_moderators_only(catalogue, client, writer, committed):
    english, _french = new_english_tool(writer)
    ToolPage.objects.filter(pk=english.pk).update(locked=True)
    client.force_login(writer)
    assert client.post(english.url + "move/", {"slug": "budget"}).status_code == 403
    client.force_login(moderator("mod"))
    committed(client.post, english.url + "move/", {"slug": "budget"})
    assert fresh(english).slug == "budget"


def test_an_edit_after_a_move_keeps_the_new_address(moved, client):
    english, _response = moved
    english = fresh(english)
    data = edit_data(english, summary="A short summary.", edit_summary="Summary")
    response = client.post(english.url + "edit/", data)
    assert response.status_code == 302
    assert fresh(english).url == "/en/tools/consultation-tool/"


def test_a_first_translation_offers_the_address_from_the_translated_name(
    catalogue, client, writer, committed
):
    _french, english = new_french_tool(writer)
    client.force_login(writer)
    with translation.override("en"):
        html = client.get(english.url + "translate/").content.decode()
    assert 'name="new_address"' in html and 'id="id_new_address" checked' in html
    data = {
        "title": "Consultation tool",
        "summary": "Ask residents.",
        "description": "Collects opinions.",
        "base_revision": str(english.live_revision_id),
        "edit_summary": "",
        "new_address": "on",
    }
    response = committed(client.post, english.url + "translate/", data)
    assert response.url == "/en/tools/consultation-tool/"
    assert client.get("/en/tools/outil-de-consultation/").url == "/en/tools/consultation-tool/"
    move = EditRecord.objects.get(page_id=english.pk, kind=EditRecord.Kind.MOVE)
    assert move.summary == "English address from the translated name"


def test_a_first_translation_can_keep_its_address(catalogue, client, writer):
    _french, english = new_french_tool(writer)
    client.force_login(writer)
    data = {
        "title": "Consultation tool",
        "summary": "Ask residents.",
        "description": "Collects opinions.",
        "base_revision": str(english.live_revision_id),
        "edit_summary": "",
    }
    client.post(english.url + "translate/", data)
    assert fresh(english).url == "/en/tools/outil-de-consultation/"
    assert not EditRecord.objects.filter(page_id=english.pk, kind=EditRecord.Kind.MOVE).exists()
