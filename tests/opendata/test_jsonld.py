"""Entry pages embed schema.org JSON-LD: valid JSON, the right type, both language names."""

import json
import re

import pytest

from opendata.jsonld import script_json
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(client, page):
    html = client.get(page.url).content.decode()
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def names(data):
    return {item["@language"]: item["@value"] for item in data["name"]}


@pytest.mark.parametrize(
    ("model", "slug", "schema_type"),
    [
        (ToolPage, "consul-democracy", "SoftwareApplication"),
        (OrganizationPage, "madrid-city-council", "Organization"),
        (UseCasePage, "decide-madrid", "CreativeWork"),
        (TopicPage, "participatory-budgeting", "DefinedTerm"),
    ],
)
def test_each_kind_has_its_schema_org_type_and_both_names(client, entry, model, slug, schema_type):
    en, fr = entry(model, slug), entry(model, slug, "fr")
    for page in (en, fr):
        data = jsonld(client, page)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == schema_type
        assert data["url"] == "http://testserver" + page.url
        assert names(data) == {"en": en.title, "fr": fr.title}
        assert data["inLanguage"] == page.locale.language_code


def test_a_tool_states_its_licence_links_creators_and_topics(client, entry):
    tool = entry(ToolPage, "consul-democracy")
    data = jsonld(client, tool)
    assert data["license"] == f"https://spdx.org/licenses/{tool.licence}.html"
    assert tool.website in data["sameAs"]
    assert {item["name"] for item in data["about"]} == {t.title for t in tool.topics.all()}
    assert all(item["@type"] == "DefinedTerm" for item in data["about"])


def test_a_use_case_mentions_its_tools_and_organizations(client, entry):
    use_case = entry(UseCasePage, "decide-madrid")
    data = jsonld(client, use_case)
    mentioned = {item["name"] for item in data["mentions"]}
    assert {t.title for t in use_case.tools.all()} <= mentioned
    assert data["spatialCoverage"]["identifier"] == str(use_case.country.code)


def test_text_that_closes_the_script_element_stays_inside_it(client, entry):
    tool = entry(ToolPage, "consul-democracy")
    tool.summary = '</script><script>alert("x")</script> & <!-- more'
    tool.save_revision().publish()
    data = jsonld(client, tool)  # one script, ending where it should, holding valid JSON
    assert data["description"] == tool.summary


def test_script_json_escapes_markup_characters():
    text = script_json({"a": "</script><!--&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!--&"}
