import pytest

from pages.models import (
    ENTRY_MODELS,
    OrganizationPage,
    ToolPage,
    TopicIndexPage,
    TopicPage,
    UseCasePage,
)

pytestmark = pytest.mark.django_db


def test_every_entry_kind_splits_its_fields_into_translatable_text_and_facts():
    for model in ENTRY_MODELS:
        field_names = {f.name for f in model._meta.get_fields()} | {"links"}
        assert set(model.translatable_fields) <= field_names, model
        assert set(model.fact_fields) <= field_names, model
        assert not set(model.translatable_fields) & set(model.fact_fields), model
        assert {"title", "summary", "description"} <= set(model.translatable_fields)


def test_facts_cover_urls_licence_relations_and_country():
    assert {"website", "source_code_url", "licence", "topics", "developers", "logo"} <= set(
        ToolPage.fact_fields
    )
    assert {"organizations", "tools", "topics", "country"} <= set(UseCasePage.fact_fields)
    assert "outcome" in UseCasePage.translatable_fields


def test_open_source_flag_is_derived_from_the_licence_unless_stated():
    assert ToolPage(licence="AGPL-3.0-or-later").is_open_source is True
    assert ToolPage(licence="proprietary").is_open_source is False
    assert ToolPage(licence="").is_open_source is None
    assert ToolPage(licence="proprietary", open_source=True).is_open_source is True


def test_a_tool_lists_the_use_cases_and_organizations_that_use_it(catalogue, entry):
    consul = entry(ToolPage, "consul-democracy")
    assert [p.slug for p in consul.used_in()] == ["decide-madrid"]
    assert [p.slug for p in consul.used_by()] == ["madrid-city-council"]
    assert [p.slug for p in consul.developers.all()] == ["madrid-city-council"]


def test_an_organization_lists_its_use_cases_and_the_tools_they_use(catalogue, entry):
    madrid = entry(OrganizationPage, "madrid-city-council", "fr")
    assert [p.slug for p in madrid.live_use_cases()] == ["decide-madrid"]
    assert [p.title for p in madrid.tools_used()] == ["CONSUL Democracy"]
    assert [p.locale.language_code for p in madrid.tools_used()] == ["fr"]
    assert [p.slug for p in madrid.tools_developed()] == ["consul-democracy"]


def test_a_theme_lists_what_is_filed_under_it_and_its_subtopics(catalogue, entry):
    theme = entry(TopicPage, "citizen-engagement")
    filed = theme.filed_entries()
    assert {p.slug for p in filed["tools"]} == {"consul-democracy", "closed-petitions"}
    assert [p.slug for p in filed["use_cases"]] == ["decide-madrid"]
    assert [p.slug for p in theme.subtopics] == ["participatory-budgeting"]
    assert theme.is_theme
    assert not entry(TopicPage, "participatory-budgeting").is_theme


def test_topics_have_two_levels_only(catalogue, entry):
    index = TopicIndexPage.objects.filter(locale__language_code="en").get()
    assert TopicPage.can_create_at(index)
    assert TopicPage.can_create_at(entry(TopicPage, "citizen-engagement"))
    assert not TopicPage.can_create_at(entry(TopicPage, "participatory-budgeting"))


def test_relations_are_captured_by_page_revisions(catalogue, entry):
    consul = entry(ToolPage, "consul-democracy")
    old = consul.revisions.order_by("created_at").first().as_object()
    new = consul.latest_revision.as_object()
    assert list(old.topics.all()) == []
    assert [t.slug for t in new.topics.all()] == ["participatory-budgeting"]
