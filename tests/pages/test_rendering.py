"""Public pages render every field and the two-way relations, in both languages."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/en/", ["OGP Toolbox", "Browse by topic", "Citizen engagement", "CONSUL Democracy"]),
        ("/fr/", ["OGP Toolbox", "Participation citoyenne", "Pétitions fermées"]),
        ("/en/tools/", ["CONSUL Democracy", "Closed Petitions"]),
        ("/fr/outils/", ["CONSUL Democracy", "Pétitions fermées"]),
        ("/en/use-cases/", ["Decide Madrid"]),
        ("/fr/cas-d-usage/", ["Decide Madrid"]),
        ("/en/organizations/", ["Madrid City Council"]),
        ("/fr/organisations/", ["Mairie de Madrid"]),
        ("/en/topics/", ["Citizen engagement", "Participatory budgeting"]),
        ("/fr/thematiques/", ["Participation citoyenne", "Budget participatif"]),
    ],
)
def test_home_and_index_pages_list_entries_in_their_language(catalogue, client, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html.replace("&#x27;", "'")


def test_a_tool_page_shows_every_fact_and_who_uses_it(catalogue, client):
    html = client.get("/en/tools/consul-democracy/").content.decode()
    for text in [
        "CONSUL Democracy",
        "Citizen participation software.",
        "<strong>participatory budgets</strong>",
        "https://consuldemocracy.org",
        "github.com/consuldemocracy/consuldemocracy",
        "AGPL-3.0-or-later",
        "Self-hosted",
        "Free",
        "Ruby",
        "Spanish",
        'href="/en/topics/citizen-engagement/participatory-budgeting/"',
        'href="/en/use-cases/decide-madrid/"',
        'href="/en/organizations/madrid-city-council/"',
    ]:
        assert text in html, text
    assert "<script>alert(1)</script>" not in html


def test_the_french_tool_page_links_to_french_entries(catalogue, client):
    html = client.get("/fr/outils/consul-democracy/").content.decode()
    assert 'href="/fr/cas-d-usage/decide-madrid/"' in html
    assert 'href="/fr/organisations/mairie-de-madrid/"' in html
    assert "<strong>budgets participatifs</strong>" in html


def test_an_organization_page_lists_its_use_cases_and_tools(catalogue, client):
    html = client.get("/en/organizations/madrid-city-council/").content.decode()
    assert 'href="/en/use-cases/decide-madrid/"' in html
    assert 'href="/en/tools/consul-democracy/"' in html
    assert "Local authority" in html
    assert "Spain" in html


def test_a_use_case_page_shows_outcome_tools_links_and_year(catalogue, client):
    html = client.get("/fr/cas-d-usage/decide-madrid/").content.decode()
    assert "Des millions d" in html
    assert 'href="/fr/outils/consul-democracy/"' in html
    assert 'href="https://decide.madrid.es"' in html
    assert "2015" in html


def test_a_topic_page_lists_entries_filed_under_its_subtopics(catalogue, client):
    html = client.get("/en/topics/citizen-engagement/").content.decode()
    assert 'href="/en/topics/citizen-engagement/participatory-budgeting/"' in html
    assert 'href="/en/tools/consul-democracy/"' in html
    assert 'href="/en/use-cases/decide-madrid/"' in html


def test_index_pages_sort_by_name_or_recent_update_and_paginate(catalogue, client):
    by_name = client.get("/en/tools/?sort=name").content.decode()
    assert by_name.index("Closed Petitions") < by_name.index("CONSUL Democracy")
    response = client.get("/en/tools/?sort=nonsense&page=999")
    assert response.status_code == 200


def test_pages_are_accessible_landmarks(catalogue, client):
    html = client.get("/en/tools/consul-democracy/").content.decode()
    assert '<html lang="en">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'aria-label="Main"' in html
