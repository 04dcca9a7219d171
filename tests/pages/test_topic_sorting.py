"""Topic pages and the topic index list names as readers sort them: case and accents aside."""

import re

import pytest

from contributions.services.editing import save_edit
from pages.listing import page_by_name
from pages.models import TopicPage
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.django_db

NAMES = ["zeta Vote", "Écrire la loi", "alpha Budget", "Beta Petitions", "ecole Ouverte"]


@pytest.fixture
def topic(catalogue, entry):
    topic = entry(TopicPage, "participatory-budgeting")
    author = contributor()
    for n, name in enumerate(NAMES):
        tool, _french = new_english_tool(author, slug=f"sorted-{n}", title=name)
        save_edit(tool, author, {"topics": (topic.pk,)})
    return topic


def listed_titles(html, names):
    return sorted(names, key=html.index)


def test_a_topic_lists_its_tools_by_name_ignoring_case_and_accents(client, topic):
    html = client.get(topic.url).content.decode()
    assert listed_titles(html, NAMES) == [
        "alpha Budget",
        "Beta Petitions",
        "ecole Ouverte",
        "Écrire la loi",
        "zeta Vote",
    ]


def test_the_order_holds_across_pages(topic):
    tools = topic.filed_entries()["tools"]
    pages = [page_by_name(tools, 2, number) for number in (1, 2, 3)]
    titles = [tool.title for page in pages for tool in page]
    assert titles[:2] == ["alpha Budget", "Beta Petitions"]
    assert sorted(titles) == sorted(tool.title for tool in tools)
    assert titles.index("ecole Ouverte") + 1 == titles.index("Écrire la loi")
    assert titles[-1] == "zeta Vote"


def test_the_topic_index_sorts_themes_the_same_way(client, catalogue, entry):
    theme = entry(TopicPage, "citizen-engagement")
    save_edit(theme, contributor(), {"title": "économie"})
    index = theme.get_parent()
    html = client.get(index.url).content.decode()
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a>', html)
    assert titles == sorted(titles, key=lambda t: t.casefold().replace("é", "e"))
    assert "économie" in titles
