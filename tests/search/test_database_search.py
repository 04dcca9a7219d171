"""The database search on the demo catalogue, without Elasticsearch: relevance, typos, facets.

The module runs on the database of the run (PostgreSQL in CI), and its last
test runs it again on SQLite, the embedded default, in a separate pytest
process without DATABASE_URL: both databases must pass the same judgments.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import transaction
from django.test import override_settings

from pages.localized_urls import reverse_in
from search import database_index

from .conftest import entry_label, judged_recall, load_judgments, replace_with_demo_catalogue

pytestmark = pytest.mark.django_db
JUDGMENTS = load_judgments()
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The demo catalogue, indexed in the database only, as `make run` has it."""
    settings = override_settings(ELASTICSEARCH_URL="")
    with settings, django_db_blocker.unblock(), transaction.atomic():
        replace_with_demo_catalogue()
        # The publishes' index updates wait for a commit that never comes here.
        database_index.rebuild()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def no_elasticsearch(demo_database, settings):
    settings.ELASTICSEARCH_URL = ""


def find(query, language="en", **options):
    from pages.models import ENTRY_MODELS
    from search import services

    results = services.find(query, language, ENTRY_MODELS, **options)
    assert results.backend == "database"
    return results


def top_labels(query, language, size=5):
    return [entry_label(hit.page) for hit in find(query, language, limit=size).hits]


def test_judged_entries_come_in_the_first_five_and_every_query_finds_something(no_elasticsearch):
    recall, misses, empty = judged_recall(JUDGMENTS, top_labels)
    assert not empty, empty
    assert recall >= 0.85, f"recall@5 {recall:.3f}\n" + "\n".join(misses)


def test_any_word_is_enough_and_entries_with_more_of_them_come_first(no_elasticsearch):
    assert "tool/writetothem" in top_labels("write to my MP", "en")
    assert len(find("open data portal zzzzqx").hits) > 3  # one unknown word does not empty it


def test_a_misspelt_name_is_found_and_the_page_offers_the_corrected_query(no_elasticsearch, client):
    assert top_labels("decidm", "en")[0] == "tool/decidim"
    assert find("decidm").suggestion == "decidim"
    html = client.get("/en/search/", {"q": "decidm"}).content.decode()
    assert "Did you mean" in html and "?q=decidim" in html
    html = client.get(reverse_in("fr", "search"), {"q": "pétiton"}).content.decode()
    assert "Vouliez-vous dire" in html


def test_synonyms_and_the_start_of_a_name_find_entries(no_elasticsearch):
    assert top_labels("FOI", "en")[0] == "topic/freedom-of-information"
    assert top_labels("CADA", "fr")[0] == "topic/freedom-of-information"
    assert "tool/decidim" in top_labels("deci", "fr")


def test_both_languages_are_searched_and_grouped_by_entry(no_elasticsearch):
    results = find("budget participatif", "en", limit=50)
    keys = [hit.page.translation_key for hit in results.hits]
    assert len(keys) == len(set(keys))
    assert all(hit.page.locale.language_code == "en" for hit in results.hits)
    assert entry_label(results.hits[0].page) == "topic/participatory-budgeting"


def test_words_of_the_other_language_offer_its_results(no_elasticsearch, client):
    assert find("interpeller ses élus", "en").other_language == "fr"
    assert find("contacting representatives", "en").other_language == ""
    html = client.get("/en/search/", {"q": "interpeller ses élus"}).content.decode()
    assert 'href="/fr/recherche/?q=interpeller+ses+%C3%A9lus"' in html
    assert 'hreflang="fr"' in html


def test_facets_count_what_choosing_each_value_would_give(no_elasticsearch):
    results = find("", filters={"kind": ["tool"]}, facets=True)
    kinds = {b.value: b.count for f in results.facets if f.name == "kind" for b in f.buckets}
    assert kinds["tool"] == results.total == 47
    assert kinds["topic"] == 18  # counted without the kind filter itself
    licences = {b.value: b.count for f in results.facets if f.name == "licence" for b in f.buckets}
    assert licences["proprietary"] == 9
    free = find("", filters={"kind": ["tool"], "licence": ["proprietary"]})
    assert free.total == 9


def test_the_search_page_shows_facets_and_sorts_by_name(no_elasticsearch, client):
    from search.services import sort_key

    html = client.get("/en/search/", {"q": "open source", "sort": "name"}).content.decode()
    assert ">Licence</h3>" in html and "Remove filter:" not in html
    titles = [hit.page.title for hit in find("open source", sort="name", limit=20).hits]
    assert titles == sorted(titles, key=sort_key)
    assert "Results contain the words exactly" not in html


def test_an_entry_written_only_in_french_says_so_to_english_readers(no_elasticsearch):
    from pages.models import ToolPage

    english = ToolPage.objects.get(slug="make-org", locale__language_code="en")
    english.unpublish()
    database_index.sync([english.translation_key])  # the outbox's work, after a commit
    hit = find("Make.org").hits[0]
    assert hit.page.locale.language_code == "fr" and hit.other_language_only


@pytest.mark.parametrize("query", ['"unbalanced', "x" * 10_000, "AND OR NOT", "*", "(((", "NEAR("])
def test_odd_queries_give_a_normal_page(no_elasticsearch, client, query):
    response = client.get(reverse_in("fr", "search"), {"q": query})
    assert response.status_code == 200


def test_the_same_passes_on_sqlite_the_embedded_default():
    """This module again, in a pytest process on SQLite (in memory), without Elasticsearch."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "ELASTICSEARCH_URL", "REQUIRE_SERVICES")
    }
    run = subprocess.run(
        [sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider",
         "-k", "not sqlite_the_embedded_default"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    assert " passed" in summary and "skipped" not in summary and "error" not in summary, summary
