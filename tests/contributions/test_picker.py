"""Relation pickers: only chosen entries are rendered; names come from autocomplete."""

import pytest

from pages.localized_urls import reverse_in
from pages.models import ToolPage, TopicPage
from tests.factories import contributor, edit_data

pytestmark = pytest.mark.django_db


def test_autocomplete_finds_entries_of_a_kind_in_the_current_language(client, catalogue):
    results = client.get(
        reverse_in("fr", "entry_autocomplete"), {"kind": "topic", "q": "budg"}
    ).json()
    assert [r["title"] for r in results["results"]] == ["Budget participatif"]
    results = client.get("/en/entries/autocomplete/", {"kind": "tool", "q": "petit"}).json()
    assert [r["title"] for r in results["results"]] == ["Closed Petitions"]
    assert client.get("/en/entries/autocomplete/", {"kind": "nope", "q": "a"}).json() == {
        "results": []
    }


def test_the_edit_form_renders_only_the_chosen_entries_as_checked_boxes(client, catalogue):
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    client.force_login(contributor())
    html = client.get(tool.url + "edit/").content.decode()
    topic = TopicPage.objects.get(slug="participatory-budgeting", locale__language_code="en")
    assert f'name="topics" value="{topic.pk}" checked' in html
    assert 'role="combobox"' in html
    assert "Citizen engagement" not in html.split('id="id_topics_chosen"')[1].split("</ul>")[0]
    assert "js/picker.js" in html


def test_a_picked_entry_posted_by_id_is_saved(client, catalogue):
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    theme = TopicPage.objects.get(slug="citizen-engagement", locale__language_code="en")
    client.force_login(contributor())
    data = edit_data(tool)
    data["topics"] = [*data.get("topics", []), str(theme.pk)]
    assert client.post(tool.url + "edit/", data).status_code == 302
    assert theme in tool.specific_class.objects.get(pk=tool.pk).topics.all()
