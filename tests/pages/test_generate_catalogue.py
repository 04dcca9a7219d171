"""manage.py generate_catalogue: the bulk-built synthetic catalogue is a real one.

The session database already holds the mini catalogue (tests/conftest.py), so
these tests look at what the command added on top of it.
"""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Locale, Page, Revision

from pages.generators.synthetic import check_tree, path_step, step_number
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage

pytestmark = pytest.mark.django_db

TOOLS, USE_CASES, ORGANIZATIONS, REVISIONS = 5, 3, 3, 3
ENTRY_MODELS = (ToolPage, UseCasePage, OrganizationPage, TopicPage)


def generate(**options):
    out = StringIO()
    options.setdefault("revisions", REVISIONS)
    call_command("generate_catalogue", seed=7, no_progress=True, stdout=out, **options)
    assert "Verified: tree consistent" in out.getvalue()
    return out.getvalue()


def counts():
    return {
        (model, code): model.objects.live().filter(locale__language_code=code).count()
        for model in ENTRY_MODELS
        for code in ("en", "fr")
    }


@pytest.fixture
def generated(site_tree):
    """Run the command once; returns the counts before and the generated pages."""
    before = counts()
    last_id = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    revisions_before = Revision.objects.count()
    generate(tools=TOOLS, use_cases=USE_CASES, organizations=ORGANIZATIONS)
    new_pages = Page.objects.filter(pk__gt=last_id).type(*ENTRY_MODELS).specific()
    return {"before": before, "pages": list(new_pages), "revisions_before": revisions_before}


def test_path_steps_are_base36_and_padded_like_treebeard():
    assert path_step(1) == "0001"
    assert path_step(36) == "0010"
    assert path_step(36**4 - 1) == "ZZZZ"
    assert step_number("00A1") == 10 * 36 + 1
    assert Page._get_path("0001", 2, 46) == "0001" + path_step(46)


def test_counts_per_locale(generated):
    added = {ToolPage: TOOLS, UseCasePage: USE_CASES, OrganizationPage: ORGANIZATIONS, TopicPage: 0}
    after = counts()
    for (model, code), count in generated["before"].items():
        assert after[(model, code)] == count + added[model], (model, code)


def test_french_pages_are_translations_under_the_french_indexes(generated):
    fr = Locale.objects.get(language_code="fr")
    english = [p for p in generated["pages"] if p.locale.language_code == "en"]
    assert len(english) == TOOLS + USE_CASES + ORGANIZATIONS
    indexes = {ToolPage: "outils", UseCasePage: "cas-d-usage", OrganizationPage: "organisations"}
    for page in english:
        translation = page.get_translation(fr).specific
        assert translation.translation_key == page.translation_key
        assert translation.pk in {p.pk for p in generated["pages"]}
        index = indexes[type(page)]
        assert translation.get_parent().slug == index
        assert translation.url_path == f"/accueil/{index}/{translation.slug}/"
        assert translation.title != page.title


def test_relations_point_at_pages_of_the_same_language(generated):
    for page in generated["pages"]:
        if isinstance(page, ToolPage):
            assert page.topics.exists()
            assert {t.locale_id for t in page.topics.all()} == {page.locale_id}
            assert {o.locale_id for o in page.developers.all()} <= {page.locale_id}
        elif isinstance(page, UseCasePage):
            assert page.tools.exists() and page.organizations.exists() and page.links.exists()
            assert {t.locale_id for t in page.tools.all()} == {page.locale_id}
            assert {o.locale_id for o in page.organizations.all()} == {page.locale_id}


def test_every_page_has_n_revisions_and_the_last_is_live(generated):
    pages = generated["pages"]
    assert len(pages) == 2 * (TOOLS + USE_CASES + ORGANIZATIONS)
    assert Revision.objects.count() == generated["revisions_before"] + len(pages) * REVISIONS
    for page in pages:
        revisions = list(page.revisions.order_by("created_at", "pk"))
        assert len(revisions) == REVISIONS
        assert page.live and not page.has_unpublished_changes
        assert page.latest_revision_id == page.live_revision_id == revisions[-1].pk
        assert page.first_published_at == revisions[0].created_at
        assert page.last_published_at == page.latest_revision_created_at == revisions[-1].created_at
        assert all(r.user_id for r in revisions)
        # The last revision restores to the live page, relations included.
        restored = revisions[-1].as_object()
        assert (restored.title, restored.description) == (page.title, page.description)
        if isinstance(page, ToolPage):
            assert list(restored.topics.all()) == list(page.topics.all())


def test_generated_tool_pages_are_served_in_both_languages(generated, client):
    tools = [p for p in generated["pages"] if isinstance(p, ToolPage)]
    assert {p.locale.language_code for p in tools} == {"en", "fr"}
    for page in tools:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


def test_the_tree_is_consistent(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    assert check_tree() == ([], [], [], [], [])


def test_synthetic_topics_are_created_when_there_are_none(site_tree):
    for theme in TopicPage.objects.filter(depth=4):
        theme.delete()
    assert not TopicPage.objects.exists()
    generate(tools=4, use_cases=1, organizations=1, revisions=2)
    for code in ("en", "fr"):
        topics = TopicPage.objects.live().filter(locale__language_code=code)
        assert topics.count() == 12
        assert topics.filter(depth=4).count() == 4  # themes, each with two sub-themes
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_second_run_reuses_topics_and_keeps_slugs_unique(generated):
    topics = TopicPage.objects.count()
    generate(tools=3, use_cases=1, organizations=1, revisions=1)
    assert TopicPage.objects.count() == topics
    for code in ("en", "fr"):
        slugs = ToolPage.objects.filter(locale__language_code=code).values_list("slug", flat=True)
        assert len(slugs) == len(set(slugs)) == generated["before"][(ToolPage, code)] + TOOLS + 3
    assert Page.find_problems() == ([], [], [], [], [])
