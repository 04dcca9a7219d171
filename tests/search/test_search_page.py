"""The search page answers in every situation, from the database when it must."""

import pytest

from pages.localized_urls import reverse_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def test_the_embedded_default_answers_from_the_database_without_a_word_about_it(
    catalogue, client, database_search
):
    html = client.get("/en/search/?q=CONSUL").content.decode()
    assert 'href="/en/tools/consul-democracy/"' in html
    assert 'class="search-layout with-facets"' in html
    assert "database" not in html.lower() and "simpler" not in html


def test_the_french_page_answers_from_the_database_too(catalogue, client, database_search):
    html = client.get(reverse_in("fr", "search") + "?q=CONSUL").content.decode()
    assert 'href="/fr/outils/' in html
    assert "base de données" not in html


def test_without_facets_the_results_are_not_laid_out_beside_an_empty_column(
    catalogue, client, database_search
):
    html = client.get("/en/search/?q=zzzqxw").content.decode()
    assert 'class="search-layout"' in html
    assert "with-facets" not in html


@pytest.mark.parametrize(
    "query", ['"unbalanced', "x" * 10_000, "∂∆ 🙂 \u202e", "AND OR NOT", "*", "(((", ""]
)
def test_odd_queries_give_a_normal_page(catalogue, client, database_search, query):
    response = client.get(reverse_in("fr", "search"), {"q": query})
    assert response.status_code == 200
