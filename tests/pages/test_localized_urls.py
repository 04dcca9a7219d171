"""App routes speak the reader's language: /fr/modifications-recentes/, /en/recent-changes/."""

import re

import pytest

from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from tests.factories import moderator

pytestmark = pytest.mark.django_db

#: Routes whose French URL is the English one (the same word in both languages).
SAME_WORDS = {"discussion:thread"}
#: Third-party or page-tree routes that keep their own URLs.
NOT_OURS = ("allauth", "wagtail")


def app_routes():
    """(name with namespace, parameter names and converters) of every named app route."""
    found = []

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                module = getattr(pattern.urlconf_module, "__name__", "")
                if module.startswith(NOT_OURS):
                    continue
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
            elif pattern.name:
                with translation.override("en"):
                    route = prefix + str(pattern.pattern)
                found.append((namespace + pattern.name, route))

    for pattern in get_resolver().url_patterns:
        if (
            isinstance(pattern, URLResolver)
            and type(pattern.pattern).__name__ == "LocalePrefixPattern"
        ):
            walk(pattern.url_patterns, "", "")
    return found


def sample_kwargs(route, tool):
    values = {"int": tool.pk, "str": "mod", "uuid": tool.translation_key, "entry_kind": "tool"}
    return {name: values[converter] for converter, name in re.findall(r"<(\w+):(\w+)>", route)}


@pytest.fixture
def tool(catalogue, entry):
    from pages.models import ToolPage

    return entry(ToolPage, "consul-democracy")


def test_the_app_routes_are_found():
    names = {name for name, _route in app_routes()}
    assert {"search", "recent_changes", "create_entry", "discussion:following"} <= names


@pytest.mark.parametrize("name,route", app_routes())
def test_every_app_route_has_its_own_words_in_each_language(name, route, tool):
    kwargs = sample_kwargs(route, tool)
    urls = {}
    for language in ("en", "fr"):
        with translation.override(language):
            urls[language] = reverse(name, kwargs=kwargs)
            assert urls[language].startswith(f"/{language}/")
            assert resolve(urls[language]).view_name == name
    if name not in SAME_WORDS:
        assert urls["fr"] != "/fr/" + urls["en"][len("/en/") :], "an English segment under /fr/"


FRENCH_PAGES = {
    "/fr/modifications-recentes/": "/en/recent-changes/",
    "/fr/recherche/": "/en/search/",
    "/fr/suivis/": "/en/following/",
    "/fr/contributeurs/mod/": "/en/contributors/mod/",
    "/fr/traductions/": "/en/translations/",
    "/fr/relecture/": "/en/review/",
    "/fr/ajouter/outil/": "/en/add/tool/",
    "/fr/ajouter/cas-d-usage/": "/en/add/use-case/",
    "/fr/donnees/": "/en/data/",
    "/fr/donnees/importer/": "/en/data/import/",
    "/fr/discussion/signalements/": "/en/discussion/reports/",
}


@pytest.mark.parametrize("french,english", FRENCH_PAGES.items())
def test_app_pages_answer_in_both_languages(client, catalogue, french, english):
    client.force_login(moderator("mod"))
    for url, language in ((french, "fr"), (english, "en")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("french,english", FRENCH_PAGES.items())
def test_english_words_under_fr_redirect_permanently_to_the_french_ones(
    client, catalogue, french, english
):
    old = "/fr/" + english[len("/en/") :]
    response = client.get(old, {"page": "2", "q": "budget participatif"})
    assert response.status_code == 301
    assert response.url == french + "?page=2&q=budget+participatif"


def test_french_words_are_not_english_urls(client, catalogue):
    assert client.get("/en/recherche/").url == "/en/search/"
    assert client.get("/en/modifications-recentes/?page=2").url == "/en/recent-changes/?page=2"


def test_an_old_unsubscribe_link_posted_to_keeps_its_method(client, catalogue):
    """A mail client's one-click POST to a link sent before the French routes."""
    response = client.post("/fr/unsubscribe/not-a-token/")
    assert response.status_code == 308
    assert response.url == "/fr/desabonnement/not-a-token/"


def test_unknown_addresses_stay_not_found(client, catalogue):
    assert client.get("/fr/nulle-part/").status_code == 404
    assert client.get("/fr/ajouter/tool/").status_code == 404
    assert client.get("/en/add/outil/").status_code == 404


def test_the_switcher_maps_an_app_page_to_its_other_language_url(client, catalogue):
    html = client.get("/en/recent-changes/?language=fr").content.decode()
    assert 'href="/language/fr/?next=/fr/modifications-recentes/%3Flanguage%3Dfr"' in html
    client.force_login(moderator("mod"))
    html = client.get("/fr/ajouter/outil/").content.decode()
    assert 'href="/language/en/?next=/en/add/tool/"' in html
