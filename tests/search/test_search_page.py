"""The search page answers in every situation, from the database when it must."""

import pytest

from pages.localized_urls import reverse_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def test_the_embedded_default_answers_from_the_database_with_a_notice(
    catalogue, client, database_search
):
    html = client.get("/en/search/?q=CONSUL").content.decode()
    assert 'href="/en/tools/consul-democracy/"' in html
    assert "simple results from the database" in html


@pytest.mark.parametrize(
    "query", ['"unbalanced', "x" * 10_000, "∂∆ 🙂 \u202e", "AND OR NOT", "*", "(((", ""]
)
def test_odd_queries_give_a_normal_page(catalogue, client, database_search, query):
    response = client.get(reverse_in("fr", "search"), {"q": query})
    assert response.status_code == 200
