"""The entries endpoint: both languages, facts, relations, filters, cursor pages."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage

pytestmark = pytest.mark.django_db


def all_entries(api, query=""):
    results, url = [], f"/api/v1/entries/?page_size=2{query}"
    while url:
        data = api(url).json()
        results += data["results"]
        url = data["next"]
    return results


def test_every_entry_of_the_catalogue_is_listed_once_with_both_languages(api, entry):
    results = all_entries(api)
    expected = sum(
        model.objects.live().filter(locale__language_code="en").count()
        for model in (ToolPage, UseCasePage, OrganizationPage, TopicPage)
    )
    assert len(results) == expected == len({item["id"] for item in results})
    for item in results:
        assert item["languages"] == ["en", "fr"]
        assert set(item["translations"]) == {"en", "fr"}


def test_a_tool_carries_its_text_per_language_facts_and_relations(api, entry):
    en = entry(ToolPage, "consul-democracy")
    fr = entry(ToolPage, "consul-democracy", "fr")
    data = api(f"/api/v1/entries/{en.translation_key}/").json()
    assert data["kind"] == "tool"
    assert data["translations"]["en"]["name"] == en.title
    assert data["translations"]["fr"]["summary"] == fr.summary
    assert data["translations"]["fr"]["description"] == fr.description
    assert data["translations"]["en"]["url"] == "http://testserver" + en.url
    assert data["translations"]["fr"]["url"] == "http://testserver" + fr.url
    assert data["facts"]["licence"] == en.licence
    assert data["facts"]["website"] == en.website
    assert data["facts"]["interface_languages"] == list(en.interface_languages)
    topic_ids = {str(topic.translation_key) for topic in en.topics.all()}
    assert {item["id"] for item in data["relations"]["topics"]} == topic_ids
    topic = en.topics.first()
    related = next(i for i in data["relations"]["topics"] if i["id"] == str(topic.translation_key))
    assert related["urls"]["en"] == "http://testserver" + topic.url
    assert related["kind"] == "topic"
    assert data["last_modified"] == max(en.last_published_at, fr.last_published_at).isoformat()


def test_use_case_links_are_given_per_language(api, entry):
    en = entry(UseCasePage, "decide-madrid")
    fr = entry(UseCasePage, "decide-madrid", "fr")
    data = api(f"/api/v1/entries/{en.translation_key}/").json()
    assert data["translations"]["fr"]["outcome"] == fr.outcome
    assert [link["label"] for link in data["translations"]["fr"]["links"]] == [
        link.label for link in fr.links.all()
    ]
    assert data["facts"]["country"] == str(en.country.code)
    assert {i["id"] for i in data["relations"]["tools"]} == {
        str(tool.translation_key) for tool in en.tools.all()
    }


def test_sub_topics_point_at_their_theme(api, catalogue):
    sub = TopicPage.objects.filter(locale__language_code="en", depth__gt=4).first()
    data = api(f"/api/v1/entries/{sub.translation_key}/").json()
    assert [item["id"] for item in data["relations"]["parent"]] == [
        str(sub.get_parent().translation_key)
    ]


@pytest.mark.parametrize(
    ("query", "expected_kinds"),
    [("&kind=tool", {"tool"}), ("&kind=topic", {"topic"}), ("&language=fr", None)],
)
def test_filters_by_kind_and_language(api, query, expected_kinds):
    results = all_entries(api, query)
    assert results
    if expected_kinds:
        assert {item["kind"] for item in results} == expected_kinds


def test_filter_by_licence_keeps_only_tools_under_that_licence(api, entry):
    tool = entry(ToolPage, "consul-democracy")
    results = all_entries(api, f"&licence={tool.licence}")
    assert str(tool.translation_key) in {item["id"] for item in results}
    assert all(item["facts"]["licence"] == tool.licence for item in results)


def test_filter_by_country_finds_use_cases_and_organizations(api, entry):
    use_case = entry(UseCasePage, "decide-madrid")
    results = all_entries(api, f"&country={str(use_case.country.code).lower()}")
    assert str(use_case.translation_key) in {item["id"] for item in results}
    assert all(item["facts"]["country"] == use_case.country.code for item in results)


def test_filter_by_theme_includes_entries_filed_under_its_sub_topics(api, catalogue):
    sub = TopicPage.objects.filter(locale__language_code="en", depth__gt=4).first()
    theme = sub.get_parent()
    filed = {str(t.translation_key) for t in ToolPage.objects.filter(topics=sub)}
    filed |= {str(u.translation_key) for u in UseCasePage.objects.filter(topics=sub)}
    assert filed
    results = {item["id"] for item in all_entries(api, f"&topic={theme.translation_key}")}
    assert filed <= results


def test_updated_since_returns_only_what_changed_after(api, entry):
    tool = entry(ToolPage, "consul-democracy")
    revision = tool.save_revision()
    revision.publish()
    tool.refresh_from_db()
    since = tool.last_published_at.isoformat().replace("+00:00", "Z")
    results = all_entries(api, f"&updated_since={since}")
    assert [item["id"] for item in results] == [str(tool.translation_key)]


@pytest.mark.parametrize(
    "query",
    ["kind=robot", "licence=WTFPL", "country=France", "language=de", "updated_since=yesterday",
     "page_size=0", "page_size=500", "cursor=not-an-id", "topic=not-a-uuid"],
)  # fmt: skip
def test_invalid_filters_are_explained_with_a_400(api, query):
    response = api(f"/api/v1/entries/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_the_query_count_does_not_grow_with_the_page_size(api):
    def count(query):
        with CaptureQueriesContext(connection) as queries:
            assert api(f"/api/v1/entries/?{query}").status_code == 200
        return len(queries)

    assert count("kind=tool&page_size=1") == count("kind=tool&page_size=2")
    assert count("kind=use_case&page_size=1") == count("kind=use_case&page_size=50")
    # Every kind at once: one query per kind and per relation table, whatever the size.
    assert count("page_size=50") <= 16


def test_unknown_entries_are_404(api):
    assert api("/api/v1/entries/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert api("/api/v1/entries/nope/").status_code == 404
    response = api("/api/v1/no-such-endpoint/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
