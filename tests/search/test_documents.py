"""Documents as a rebuild builds them: chunked, with cheap URLs, the same as one at a time."""

import io

import pytest

from django.core.management import call_command

from search import client, services
from search.indexing import PageUrls

pytestmark = pytest.mark.django_db


def test_page_urls_match_wagtails_for_every_page_in_both_languages(catalogue):
    from wagtail.models import Page

    urls = PageUrls()
    pages = list(Page.objects.filter(depth__gt=1))
    assert len({page.locale_id for page in pages}) == 2
    for page in pages:
        assert urls.url(page.url_path, page.pk) == page.url, page.url_path


def test_a_chunked_rebuild_writes_the_documents_built_one_entry_at_a_time(catalogue):
    groups = list(services.live_versions_by_key())
    assert len(groups) > 4
    chunked = {
        action["_id"]: action["_source"]
        for action in services.index_actions(iter(groups), index="unused", chunk_size=2)
    }
    alone = {str(key): services.build_document(versions) for key, versions in groups}
    assert chunked == alone


def test_a_document_carries_both_languages_and_the_facets(catalogue, entry):
    from pages.models import ToolPage

    tool = entry(ToolPage, "consul-democracy")
    (versions,) = [v for key, v in services.live_versions_by_key([tool.translation_key])]
    doc = services.build_document(versions)
    assert doc["kind"] == "tool"
    assert sorted(doc["languages"]) == ["en", "fr"]
    assert doc["name_en"] == tool.title
    assert doc["url_fr"].startswith("/fr/")
    assert doc["topics"] and doc["themes"]


@pytest.mark.elasticsearch
def test_a_rebuilt_index_is_refreshed_and_durable_again_once_filled(catalogue):
    es = client.get_client()
    es.indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)
    call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
    expected = services.entry_pages().values("translation_key").distinct().count()
    assert es.count(index=services.alias_name())["count"] == expected
    settings = es.indices.get_settings(index=services.alias_name(), flat_settings=True)
    (index_settings,) = [found["settings"] for found in settings.values()]
    assert index_settings.get("index.refresh_interval", "1s") != "-1"
    assert index_settings.get("index.translog.durability", "request") == "request"
    es.indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)


def test_every_document_is_a_valid_entry_document(catalogue):
    """Sources are plain dicts for speed; the elasticsearch-dsl mapping stays their schema."""
    from search.documents import EntryDocument

    mapped = set(EntryDocument._doc_type.mapping.properties.to_dict()["properties"])
    for action in services.index_actions(services.live_versions_by_key(), index="unused"):
        source = action["_source"]
        assert set(source) <= mapped, set(source) - mapped
        document = EntryDocument(meta={"id": action["_id"]}, **source)
        document.full_clean()
        assert document.to_dict() == {k: v for k, v in source.items() if v not in (None, [], {})}


def test_versions_read_as_rows_give_the_facts_the_pages_give(catalogue):
    """Documents are built from rows, not page instances: they must say what the pages say."""
    from wagtail.models import Page

    from pages.models import ToolPage, UseCasePage

    for model in (ToolPage, UseCasePage):
        for page in model.objects.live().filter(locale__language_code="en"):
            (versions,) = [v for _k, v in services.live_versions_by_key([page.translation_key])]
            doc = services.build_document(versions)
            assert doc["kind"] == page.kind
            assert doc["url_en"] == page.url
            assert doc["name_en"] == page.title and doc["summary_en"] == page.summary
            body = [page.description, *([page.outcome] if model is UseCasePage else [])]
            assert doc["body_en"] == "\n".join(body)
            live = Page.objects.live().filter(translation_key=page.translation_key)
            assert doc["updated_at"] == max(live.values_list("last_published_at", flat=True))
            if model is ToolPage:
                assert doc["open_source"] == page.is_open_source
                assert doc["licence"] == (page.licence or None)
                assert doc["pricing"] == (page.pricing or None)
                assert doc["hosting"] == (page.hosting or None)
                assert doc["interface_languages"] == list(page.interface_languages)
            else:
                assert doc["open_source"] is None
                assert str(page.country) in doc["countries"] or not page.country
