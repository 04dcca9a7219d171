"""Contributors choose the display name shown beside their edits and posts."""

from html import unescape

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from contributions.services.editing import save_edit
from contributions.services.profile import clean_display_name, update_profile
from pages.models import ToolPage
from tests.factories import contributor

pytestmark = pytest.mark.django_db
URL = "/en/profile/"


@pytest.fixture
def ines(db):
    return contributor("ines")


def test_the_display_name_falls_back_to_the_user_name(ines):
    assert ines.display_name == "ines"
    ines.public_name = "Ines K."
    assert ines.display_name == "Ines K."


@pytest.mark.parametrize(
    "typed, stored",
    [("  Ines   Kouassi ", "Ines Kouassi"), ("", ""), ("   ", ""), ("Zoé", "Zoé")],
)
def test_a_display_name_is_stored_normalized(ines, typed, stored):
    assert clean_display_name(typed, ines) == stored


@pytest.mark.parametrize(
    "typed, code",
    [
        ("...", "blank"),
        ("\u2003\u00b7\u2003", "blank"),
        ("Ines\u200b", "invisible"),
        ("\u202esen", "invisible"),
        ("A", "length"),
        ("x" * 41, "length"),
        ("victor", "taken"),
        ("VICTOR", "taken"),
        ("ｖｉｃｔｏｒ", "taken"),
        ("Wanda the mod", "taken"),
        ("wanda THE mod", "taken"),
    ],
)
def test_a_display_name_cannot_be_blank_looking_too_long_or_someone_elses(ines, typed, code):
    contributor("victor")
    wanda = contributor("wanda")
    update_profile(wanda, display_name="Wanda the mod", preferred_language="")
    with pytest.raises(ValidationError) as error:
        clean_display_name(typed, ines)
    assert error.value.code == code


def test_ones_own_user_name_in_another_case_is_allowed(ines):
    assert clean_display_name("INES", ines) == "INES"


def test_two_display_names_differing_by_case_are_refused_by_the_database(ines):
    update_profile(ines, display_name="Same Name", preferred_language="")
    other = contributor("other")
    other.public_name = "same name"
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


def test_the_profile_page_needs_an_account(client, ines):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_contributor_sets_a_display_name_and_language(client, ines):
    client.force_login(ines)
    form = client.get(URL).content.decode()
    assert '<label for="id_display_name">Display name</label>' in form
    assert '<label for="id_preferred_language">' in form
    response = client.post(URL, {"display_name": " Ines K. ", "preferred_language": "fr"})
    assert response.status_code == 302
    ines.refresh_from_db()
    assert (ines.public_name, ines.preferred_language) == ("Ines K.", "fr")
    assert "Signed in as Ines K." in client.get("/en/recent-changes/").content.decode()


def test_a_refused_name_is_explained_in_a_summary_and_beside_the_field(client, ines):
    contributor("victor")
    client.force_login(ines)
    response = client.post(URL, {"display_name": "Victor", "preferred_language": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html and 'href="#id_display_name"' in html
    assert "already the user name or display name of another contributor" in html
    ines.refresh_from_db()
    assert ines.public_name == ""


def test_errors_are_in_french_on_the_french_site(client, ines):
    contributor("victor")
    client.force_login(ines)
    html = unescape(client.post("/fr/profil/", {"display_name": "victor"}).content.decode())
    assert "Votre profil" in html
    assert "déjà le nom d'utilisateur ou le nom affiché" in html


def test_the_header_links_to_the_profile(client, ines):
    client.force_login(ines)
    assert f'<a href="{URL}">Your profile</a>' in client.get("/en/recent-changes/").content.decode()


def test_the_new_name_replaces_the_old_on_cached_entry_pages(client, catalogue, ines):
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    save_edit(tool, ines, {"summary": "Edited."})
    assert ">ines</a>" in client.get(tool.url).content.decode()  # now cached
    update_profile(ines, display_name="Ines K.", preferred_language="")
    html = client.get(tool.url).content.decode()
    assert ">Ines K.</a>" in html
    assert "/en/contributors/ines/" in html
