"""Search on the real Elasticsearch with the demo catalogue: relevance, facets, sorting, paging.

One module, so the demo catalogue is loaded and indexed once (see conftest).
"""

import re
from datetime import UTC, datetime

import pytest

from pages.localized_urls import reverse_in

from .conftest import entry_label, judged_recall, load_judgments

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]
JUDGMENTS = load_judgments()


def top_labels(query, language, size=5):
    from pages.models import ENTRY_MODELS
    from search import services

    results = services.find(query, language, ENTRY_MODELS, limit=size)
    assert results.backend == "elasticsearch"
    return [entry_label(hit.page) for hit in results.hits]


def test_there_are_150_judged_queries_in_both_languages_half_of_them_as_people_type():
    languages = [judgment["language"] for judgment in JUDGMENTS]
    assert len(JUDGMENTS) >= 150
    assert languages.count("fr") >= 60 and languages.count("en") >= 60
    assert sum(bool(judgment.get("typed")) for judgment in JUDGMENTS) * 2 >= len(JUDGMENTS)


def test_judged_entries_come_in_the_first_five_and_every_query_finds_something(demo_search):
    recall, misses, empty = judged_recall(JUDGMENTS, top_labels)
    assert not empty, empty
    assert recall >= 0.95, f"recall@5 {recall:.3f}\n" + "\n".join(misses)


def test_budget_participatif_and_participatory_budgetting_find_the_same_tools(demo_search):
    french = set(top_labels("budget participatif", "fr", size=10))
    english = set(top_labels("participatory budgetting", "en", size=10))
    shared = french & english
    assert {"topic/participatory-budgeting", "tool/adhocracy-plus", "tool/cap-collectif"} <= shared
    assert len(shared) >= 7, (sorted(french), sorted(english))


def test_a_misspelt_word_that_finds_little_offers_the_corrected_query(demo_search, client):
    from pages.models import ENTRY_MODELS
    from search import services

    results = services.find("Ushaidi", "en", ENTRY_MODELS)
    assert results.total < 5 and results.suggestion == "ushahidi"
    html = client.get("/en/search/", {"q": "Ushaidi"}).content.decode()
    assert "Did you mean" in html and "?q=ushahidi" in html
    assert services.find("Ushahidi", "en", ENTRY_MODELS).suggestion == ""


def test_words_of_the_other_language_offer_its_results(demo_search, client):
    from pages.models import ENTRY_MODELS
    from search import services

    assert services.find("interpeller ses élus", "en", ENTRY_MODELS).other_language == "fr"
    assert services.find("contacting representatives", "en", ENTRY_MODELS).other_language == ""
    html = client.get("/en/search/", {"q": "interpeller ses élus"}).content.decode()
    assert "More results in French" in html


# ------------------------------------------------------------- Search page ---


def result_titles(html):
    return re.findall(r'<li class="search-hit">\s*<h2><a href="[^"]+">([^<]+)</a>', html)


def test_facets_count_every_keyword_field_and_combine_in_a_shareable_url(demo_search, client):
    from pages.models import TopicPage

    budgeting = TopicPage.objects.get(slug="participatory-budgeting")
    url = f"/en/search/?q=participation&topics={budgeting.translation_key}&licence=AGPL-3.0-only"
    html = client.get(url).content.decode()
    titles = result_titles(html)
    assert titles and "Decidim" in titles and "CONSUL Democracy" in titles
    assert "Cap Collectif" not in titles  # proprietary: the licence facet removed it
    for label in (
        "Kind of entry",
        "Theme",
        "Topic",
        "Licence",
        "Open source",
        "Pricing",
        "Hosting",
        "Interface language",
        "Country",
        "Organization sector",
    ):
        assert f">{label}</h3>" in html
    # The chosen values are marked and link to the same search without them.
    assert 'aria-current="true" class="facet-chosen"' in html
    assert "Remove filter:" in html


def test_a_facet_counts_what_choosing_each_value_would_give(demo_search):
    from pages.models import ENTRY_MODELS
    from search import services

    results = services.find("", "en", ENTRY_MODELS, filters={"kind": ["tool"]}, facets=True)
    kinds = {b.value: b.count for f in results.facets if f.name == "kind" for b in f.buckets}
    assert kinds["tool"] == results.total == 47
    assert kinds["topic"] == 18  # counted without the kind filter itself
    licences = {b.value: b.count for f in results.facets if f.name == "licence" for b in f.buckets}
    assert licences["proprietary"] == 9


def test_the_empty_query_browses_everything_by_name_with_pages(demo_search, client):
    html = client.get(reverse_in("fr", "search")).content.decode()
    assert "Parcourir le catalogue" in html or "Browse the catalogue" in html
    first = result_titles(html)
    assert len(first) == 20
    assert first == sorted(first, key=lambda t: services_sort_key(t))
    second = result_titles(client.get(reverse_in("fr", "search"), {"page": 2}).content.decode())
    assert len(second) == 20 and not set(first) & set(second)


def services_sort_key(text):
    from search.services import sort_key

    return sort_key(text)


def test_results_sort_by_name_or_recent_update(demo_search, client):
    from pages.models import ToolPage

    by_name = result_titles(client.get("/en/search/?q=open+source&sort=name").content.decode())
    assert by_name == sorted(by_name, key=services_sort_key)
    tool = ToolPage.objects.get(slug="loomio", locale__language_code="en")
    tool.last_published_at = datetime(2030, 1, 1, tzinfo=UTC)
    tool.save(update_fields=["last_published_at"])
    from search import services

    services.sync_entries([tool.translation_key], refresh=True)
    recent = result_titles(client.get("/en/search/?q=decision&sort=updated").content.decode())
    assert recent[0] == "Loomio"


def test_matched_words_are_highlighted(demo_search, client):
    html = client.get(reverse_in("fr", "search"), {"q": "lanceurs d'alerte"}).content.decode()
    assert "<mark>" in html and "GlobaLeaks" in html


def test_an_entry_written_only_in_french_says_so_to_english_readers(demo_search, client):
    from pages.models import ToolPage
    from search import services

    english = ToolPage.objects.get(slug="make-org", locale__language_code="en")
    english.unpublish()
    services.sync_entries([english.translation_key], refresh=True)
    html = client.get("/en/search/?q=Make.org").content.decode()
    assert "Only in French" in html
    assert 'href="/fr/outils/' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced'},
        {"q": "x" * 10_000},
        {"q": "∂∆ 🙂 \u202e (((", "sort": "nonsense"},
        {"q": "ckan", "open_source": "maybe", "topics": "no-such-topic", "kind": "<script>"},
        {"page": "999999"},
        {"page": "-3", "licence": "x" * 500},
    ],
)
def test_bad_input_gives_a_normal_results_page(demo_search, client, params):
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    assert b"result" in response.content


# ------------------------------------------------------------ Autocomplete ---


def test_autocomplete_suggests_names_from_the_first_letters_in_the_readers_language(
    demo_search, client
):
    data = client.get(reverse_in("fr", "search_suggest"), {"q": "deci"}).json()["results"]
    assert data[0]["name"] == "Decidim" and data[0]["url"].startswith("/fr/")
    data = client.get(reverse_in("fr", "search_suggest"), {"q": "mairie de"}).json()["results"]
    names = [s["name"] for s in data]
    assert "Mairie de Madrid" in names
    assert client.get("/en/search/suggest/", {"q": "écr"}).status_code == 200


def test_autocomplete_answers_from_the_database_without_elasticsearch(
    demo_search, client, settings
):
    settings.ELASTICSEARCH_URL = ""
    data = client.get("/en/search/suggest/", {"q": "ckan"}).json()["results"]
    assert data[0]["name"] == "CKAN" and data[0]["kind"] == "tool"
