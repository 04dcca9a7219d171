"""The translation dashboard: `/<lang>/translations/`."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.services.editing import create_entry, save_edit
from pages.models import OrganizationPage, ToolIndexPage, ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return contributor("translator")


def edit(page, user, **changes):
    page = type(page).objects.get(pk=page.pk)
    return save_edit(page, user, changes, base_revision_id=page.live_revision_id)


def test_missing_lists_new_entries_linking_to_the_copy_to_translate(client, catalogue, writer):
    index = catalogue["en"][ToolIndexPage]
    page = ToolPage(locale=index.locale, slug="open-budget", title="Open Budget")
    create_entry(index, page, writer)
    response = client.get("/en/translations/", {"list": "missing-fr"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Open Budget" in html
    assert 'href="/fr/outils/open-budget/translate/"' in html
    assert 'Missing in French <span class="count">(1)</span>' in html
    assert 'Missing in English <span class="count">(0)</span>' in html


def test_outdated_lists_by_direction_with_fields(client, catalogue, entry, writer):
    edit(entry(ToolPage, "consul-democracy"), writer, description="Rewritten in English.")
    edit(entry(UseCasePage, "decide-madrid", "fr"), writer, outcome="Réécrit en français.")
    html = client.get("/en/translations/", {"list": "outdated-fr"}).content.decode()
    assert 'href="/fr/outils/consul-democracy/translate/"' in html
    assert "decide-madrid/translate/" not in html
    assert 'Outdated in French (English → French) <span class="count">(1)</span>' in html
    assert "<td>description</td>" in html
    html = client.get("/en/translations/", {"list": "outdated-en"}).content.decode()
    assert 'href="/en/use-cases/decide-madrid/translate/"' in html
    assert "<td>outcome</td>" in html


def test_filters_by_kind_and_topic(client, catalogue, entry, writer):
    edit(entry(ToolPage, "consul-democracy"), writer, description="Rewritten.")
    edit(entry(ToolPage, "closed-petitions"), writer, description="Rewritten too.")
    edit(entry(OrganizationPage, "madrid-city-council"), writer, summary="Rewritten.")
    query = {"list": "outdated-fr"}
    html = client.get("/en/translations/", {**query, "kind": "organization"}).content.decode()
    assert "mairie-de-madrid/translate/" in html and "outils/" not in html
    budgeting = TopicPage.objects.get(slug="participatory-budgeting", locale__language_code="en")
    html = client.get("/en/translations/", {**query, "topic": budgeting.pk}).content.decode()
    assert "consul-democracy/translate/" in html
    assert "petitions-fermees/translate/" not in html  # filed under the theme only
    engagement = budgeting.get_parent()
    html = client.get("/en/translations/", {**query, "topic": engagement.pk}).content.decode()
    assert "consul-democracy/translate/" in html and "petitions-fermees/translate/" in html


def test_clear_filters_is_offered_only_when_a_filter_is_set(client, catalogue):
    tab = client.get("/en/translations/", {"list": "outdated-fr"}).content.decode()
    assert "Clear filters" not in tab  # choosing a tab filters nothing
    query = {"list": "outdated-fr", "kind": "tool"}
    filtered = client.get("/en/translations/", query).content.decode()
    assert 'href="?list=outdated-fr">Clear filters' in filtered


def test_oldest_first(client, catalogue, entry, writer):
    edit(entry(ToolPage, "closed-petitions"), writer, description="First.")
    edit(entry(ToolPage, "consul-democracy"), writer, description="Second.")
    html = client.get("/en/translations/", {"list": "outdated-fr"}).content.decode()
    assert html.index("petitions-fermees/translate/") < html.index("consul-democracy/translate/")


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/translations/", params).status_code == 200
    return len(queries)


def steady_queries(client, params):
    """Queries of a request once per-process and per-generation caches are warm
    (content types, the site root, the navigation: all refreshed after a publish)."""
    count_queries(client, params)
    return count_queries(client, params)


@pytest.mark.parametrize("name", ["outdated-fr", "missing-fr"])
def test_the_number_of_queries_does_not_grow_with_the_rows(client, catalogue, entry, writer, name):
    index = catalogue["en"][ToolIndexPage]
    create_entry(index, ToolPage(locale=index.locale, slug="one", title="One"), writer)
    edit(entry(ToolPage, "consul-democracy"), writer, description="Rewritten.")
    few = steady_queries(client, {"list": name})
    for slug in ("two", "three", "four"):
        create_entry(index, ToolPage(locale=index.locale, slug=slug, title=slug), writer)
    edit(entry(ToolPage, "closed-petitions"), writer, description="Rewritten.")
    edit(entry(OrganizationPage, "madrid-city-council"), writer, summary="Rewritten.")
    assert steady_queries(client, {"list": name}) == few
