"""Locales, language prefixes, the switcher and hreflang alternates."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language(catalogue, client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").url == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"


def test_the_language_cookie_overrides_accept_language(catalogue, client):
    client.cookies["ogpt_language"] = "fr"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").url == "/fr/"


def test_html_lang_and_hreflang_alternates_point_at_the_same_entry(catalogue, client):
    html = client.get("/fr/outils/petitions-fermees/").content.decode()
    assert '<html lang="fr">' in html
    assert 'hreflang="en" href="http://testserver/en/tools/closed-petitions/"' in html
    assert 'hreflang="fr" href="http://testserver/fr/outils/petitions-fermees/"' in html


def test_the_switcher_leads_to_the_same_entry_in_the_other_language(catalogue, client):
    html = client.get("/en/tools/closed-petitions/").content.decode()
    assert 'href="/language/fr/?next=/fr/outils/petitions-fermees/"' in html
    response = client.get("/language/fr/", {"next": "/fr/outils/petitions-fermees/"})
    assert response.status_code == 302
    assert response.url == "/fr/outils/petitions-fermees/"
    assert response.cookies["ogpt_language"].value == "fr"


def test_the_switcher_keeps_the_sub_route(catalogue, client, rf):
    from django.template import Context, Template
    from django.utils import translation

    from pages.models import ToolPage

    page = ToolPage.objects.get(slug="closed-petitions", locale__language_code="en")
    request = rf.get("/en/tools/closed-petitions/history/")
    with translation.override("en"):
        rendered = Template(
            "{% load languages %}{% language_versions as v %}"
            "{% for x in v %}{{ x.code }}={{ x.url }};{% endfor %}"
        ).render(Context({"request": request, "page": page}))
    assert "fr=/fr/outils/petitions-fermees/history/;" in rendered


def test_non_page_urls_switch_language_too(catalogue, client):
    html = client.get("/en/search/?q=budget").content.decode()
    assert 'href="/language/fr/?next=/fr/recherche/%3Fq%3Dbudget"' in html


def test_the_switcher_never_redirects_to_another_site(client):
    response = client.get("/language/fr/", {"next": "https://evil.example/"})
    assert response.url == "/fr/"
    assert "ogpt_language" not in client.get("/language/de/").cookies


def test_user_interface_strings_are_french_on_french_pages(catalogue, client):
    html = client.get("/fr/outils/consul-democracy/").content.decode()
    assert "Aller au contenu principal" in html
    assert "Code source" in html
    assert "Skip to main content" not in html
