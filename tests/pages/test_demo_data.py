"""The demo catalogue: real tools, both languages, history by several people."""

import json

import pytest

from pages.generators.demo import FIXTURE, load_demo_data
from pages.models import ENTRY_MODELS, OrganizationPage, ToolPage, TopicPage, UseCasePage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def data():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_the_fixture_has_enough_real_entries_in_both_languages(data):
    assert len(data["tools"]) >= 40
    assert len(data["use_cases"]) >= 12
    assert len(data["organizations"]) >= 20
    assert len(data["topics"]) >= 12
    assert {t["parent"] for t in data["topics"]} - {None}, "topics have two levels"
    for kind in ("tools", "use_cases", "organizations", "topics"):
        for item in data[kind]:
            assert item["description_en"] and item["description_fr"], item["key"]
            assert item["description_en"] != item["description_fr"], item["key"]
    names = {t["name_en"] for t in data["tools"]}
    assert {"CKAN", "Decidim", "Loomio"} <= names


def test_loading_creates_every_entry_in_both_languages_once_with_two_authors(site_tree, data):
    # One test on purpose: loading the whole catalogue through Wagtail's
    # revision machinery takes a while, and idempotence needs a first load.
    load_demo_data()
    counts = {
        ToolPage: len(data["tools"]),
        UseCasePage: len(data["use_cases"]),
        OrganizationPage: len(data["organizations"]),
        TopicPage: len(data["topics"]),
    }
    for model, expected in counts.items():
        for language in ("en", "fr"):
            live = model.objects.live().filter(locale__language_code=language)
            # the shared test catalogue adds a few entries of its own
            assert live.count() >= expected, (model, language)
    decidim = ToolPage.objects.get(slug="decidim", locale__language_code="en")
    french = decidim.get_translations().get()
    assert french.locale.language_code == "fr"
    for version in (decidim, french):
        authors = {r.user.username for r in version.revisions.exclude(user=None)}
        assert len(authors) >= 2, version

    pages = sum(m.objects.count() for m in ENTRY_MODELS)
    assert load_demo_data() == 0
    assert sum(m.objects.count() for m in ENTRY_MODELS) == pages
