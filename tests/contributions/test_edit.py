"""Editing an entry from the public site."""

import pytest

from contributions.models import EditRecord
from pages.models import ToolPage
from tests.factories import contributor, edit_data, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def test_anonymous_visitors_are_sent_to_log_in_and_back(client, tool):
    response = client.get(tool.url + "edit/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=/en/tools/consul-democracy/edit/")


def test_the_form_shows_every_field_of_the_entry(client, tool):
    client.force_login(contributor())
    html = client.get(tool.url + "edit/").content.decode()
    for name in ["title", "summary", "description", "website", "source_code_url", "licence",
                 "pricing", "hosting", "interface_languages", "programming_languages",
                 "has_api", "topics", "developers", "edit_summary", "minor_edit"]:  # fmt: skip
        assert f'name="{name}"' in html, name
    assert f'name="base_revision" value="{tool.latest_revision_id}"' in html


def test_saving_publishes_one_revision_with_summary_attributed_to_the_user(client, tool):
    user = contributor()
    client.force_login(user)
    revisions = tool.revisions.count()
    data = edit_data(tool, description=tool.description + "\n\nNow used in 20 countries.")
    data.update(edit_summary="Add adoption figure", minor_edit="on")
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    tool.refresh_from_db()
    assert tool.description.endswith("Now used in 20 countries.")
    assert tool.revisions.count() == revisions + 1
    assert tool.live_revision.user == user
    record = EditRecord.objects.get(revision=tool.live_revision)
    assert (record.summary, record.minor, record.kind, record.user) == (
        "Add adoption figure",
        True,
        "edit",
        user,
    )
    assert record.size_delta == len("\n\nNow used in 20 countries.")
    assert "Now used in 20 countries." in client.get(tool.url).content.decode()


def test_relations_and_facts_are_edited_like_text(client, tool, catalogue):
    client.force_login(contributor())
    data = edit_data(tool, licence="MIT", topics=[], has_api="false")
    assert client.post(tool.url + "edit/", data).status_code == 302
    tool.refresh_from_db()
    assert tool.licence == "MIT"
    assert list(tool.topics.all()) == []
    assert tool.has_api is False


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"title": ""}, "title", "This field is required."),
        ({"website": "not a url"}, "website", "Enter a valid URL."),
        ({"description": "x" * 1_000_001}, "description", "Ensure this value has at most"),
        ({"topics": ["999999"]}, "topics", "Select a valid choice."),
        ({"year_started": "1200"}, None, None),
    ],
)
def test_bad_input_is_refused_beside_the_field_and_kept(client, tool, changes, field, message):
    client.force_login(contributor())
    data = edit_data(tool, edit_summary="my summary", **changes)
    response = client.post(tool.url + "edit/", data)
    if field is None:  # not a field of tools: ignored
        assert response.status_code == 302
        return
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert 'value="my summary"' in html
    tool.refresh_from_db()
    assert tool.title == "CONSUL Democracy"


def test_errors_are_translated_on_the_french_site(client, tool):
    french = tool.get_translations().get().specific
    client.force_login(contributor())
    response = client.post(french.url + "edit/", edit_data(french, website="pas une url"))
    assert "Saisissez une URL valide." in response.content.decode()


def test_markdown_preview_shows_the_rendering_and_saves_nothing(client, tool):
    client.force_login(contributor())
    revisions = tool.revisions.count()
    data = edit_data(tool, description="Some **bold** idea", preview="1")
    response = client.post(tool.url + "edit/", data)
    html = response.content.decode()
    assert "<strong>bold</strong>" in html
    assert "Some **bold** idea" in html
    assert tool.revisions.count() == revisions


def test_protected_entries_tell_contributors_that_their_edit_will_be_reviewed(client, tool):
    tool.locked = True
    tool.save()
    client.force_login(contributor())
    html = client.get(tool.url + "edit/").content.decode()
    assert "will be published once a moderator has reviewed them" in html
    client.force_login(moderator())
    html = client.get(tool.url + "edit/").content.decode()
    assert "moderator has reviewed" not in html
