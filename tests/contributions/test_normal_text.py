"""Every way text reaches the wiki stores it in its normal form (pages.text).

Posted exactly as a browser posts a form: CRLF line endings in every
textarea, and fields the person did not touch sent back as they were shown.
"""

import pytest

from contributions.services.editing import save_edit
from contributions.services.restore import previous_revision
from contributions.snapshots import snapshot
from discussion.models import Post
from pages.localized_urls import reverse_in
from pages.models import ToolPage
from tests.factories import contributor, edit_data

pytestmark = pytest.mark.django_db

DESCRIPTION = "First paragraph.\n\nSecond paragraph:\n\n- one\n- two"


def crlf(value):
    return value.replace("\n", "\r\n") if isinstance(value, str) else value


def as_browser_sends(data):
    return {name: crlf(value) for name, value in data.items()}


@pytest.fixture
def tool(catalogue):
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    save_edit(tool, contributor("setup"), {"description": DESCRIPTION})
    return ToolPage.objects.get(pk=tool.pk)


def test_a_summary_only_edit_posted_with_crlf_changes_the_summary_only(client, tool):
    client.force_login(contributor())
    data = as_browser_sends(edit_data(tool, summary="A new summary."))
    assert client.post(tool.url + "edit/", data).status_code == 302
    tool = ToolPage.objects.get(pk=tool.pk)
    revision = tool.live_revision
    assert revision.content["description"] == DESCRIPTION
    before = previous_revision(tool, revision).content
    changed = {name for name in snapshot(tool) if revision.content.get(name) != before.get(name)}
    assert changed == {"summary"}


def test_interface_languages_are_stored_in_one_order_whatever_the_form_sends(client, tool):
    client.force_login(contributor())
    data = edit_data(tool)
    data["interface_languages"] = ["fr", "es", "en"]
    assert client.post(tool.url + "edit/", data).status_code == 302
    assert ToolPage.objects.get(pk=tool.pk).interface_languages == ["en", "es", "fr"]


def test_the_wagtail_admin_and_imports_store_the_normal_form_too(tool):
    tool.description = "Typed in the admin.\r\n\r\nSecond line.\r\n"
    tool.interface_languages = ["fr", "en"]
    tool.save_revision().publish()  # what the admin's edit view does
    tool = ToolPage.objects.get(pk=tool.pk)
    assert tool.description == "Typed in the admin.\n\nSecond line."
    assert tool.interface_languages == ["en", "fr"]


def test_a_translation_posted_with_crlf_is_stored_with_lf(client, tool):
    french = tool.get_translation(tool.locale.__class__.objects.get(language_code="fr")).specific
    client.force_login(contributor())
    data = as_browser_sends(
        {
            "title": french.title,
            "summary": french.summary,
            "description": "Premier.\n\nSecond.\n",
            "base_revision": str(french.live_revision_id),
            "edit_summary": "",
        }
    )
    assert client.post(french.url + "translate/", data).status_code == 302
    assert ToolPage.objects.get(pk=french.pk).description == "Premier.\n\nSecond."


def test_a_new_entry_posted_with_crlf_is_stored_with_lf(client, catalogue):
    client.force_login(contributor())
    data = {
        "title": "Line Ending Tool",
        "summary": "Summary.",
        "description": "One.\r\n\r\nTwo.\r\n",
        "interface_languages": ["fr", "en"],
        "confirm_new": "on",
    }
    response = client.post(reverse_in("en", "create_entry", args=["tool"]), data)
    assert response.status_code == 302
    tool = ToolPage.objects.get(title="Line Ending Tool", locale__language_code="en")
    assert tool.description == "One.\n\nTwo."
    assert tool.interface_languages == ["en", "fr"]


def test_a_discussion_post_posted_with_crlf_is_stored_with_lf(client, tool):
    client.force_login(contributor())
    client.post(
        tool.url + "discussion/",
        {"title": "Topic\r\n", "body": "Question?\r\n\r\nDetails.\r\n"},
    )
    post = Post.objects.get()
    assert post.body == "Question?\n\nDetails."
    assert post.thread.title == "Topic"
