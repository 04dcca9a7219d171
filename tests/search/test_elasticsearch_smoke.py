"""The real Elasticsearch server, through elasticsearch-dsl (search/ owns the index)."""

import pytest

from search import client, services

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


@pytest.fixture
def es_index(catalogue):
    es = client.get_client()
    es.indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)
    services.ensure_index()
    yield services.alias_name()
    es.indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)


def test_an_entry_is_indexed_with_both_languages_and_found(es_index):
    from pages.models import ToolPage

    tools = ToolPage.objects.live().filter(locale__language_code="en")
    keys = [tool.translation_key for tool in tools]
    assert len(services.sync_entries(keys, refresh="wait_for")) == tools.count()
    document = services.EntryDocument.get(
        id=str(tools.get(slug="consul-democracy").translation_key),
        using=client.get_client(),
        index=es_index,
    )
    assert document.name_en == "CONSUL Democracy"
    assert "budgets participatifs" in document.body_fr
    assert document.licence == "AGPL-3.0-or-later"
    assert document.open_source is True

    results = services.find("participatory budgets", "en", [ToolPage])
    assert results.backend == "elasticsearch"
    assert [hit.page.slug for hit in results.hits][:1] == ["consul-democracy"]


def test_french_words_meet_whatever_their_accents_and_plurals(es_index):
    from pages.models import ToolPage

    keys = ToolPage.objects.live().values_list("translation_key", flat=True)
    services.sync_entries(keys, refresh="wait_for")
    hits = services.find("budget participatif", "fr", [ToolPage]).hits
    assert hits and hits[0].page.slug == "consul-democracy"
    assert hits[0].page.locale.language_code == "fr"


def test_search_falls_back_to_the_database_when_elasticsearch_is_down(catalogue, settings):
    from pages.models import ToolPage

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    client._connect.cache_clear()
    try:
        results = services.find("CONSUL", "en", [ToolPage])
    finally:
        client._connect.cache_clear()
    assert results.backend == "database"
    assert results.degraded
    assert [hit.page.slug for hit in results.hits] == ["consul-democracy"]
