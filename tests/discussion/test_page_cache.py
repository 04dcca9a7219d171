"""The anonymous page cache never serves a stale discussion or someone's inbox."""

import pytest

from discussion.services import posting

pytestmark = pytest.mark.django_db


def test_an_anonymous_discussion_page_shows_a_new_thread_at_once(
    client, tool, alice, discussion_url
):
    assert b"Fresh topic" not in client.get(discussion_url(tool)).content
    posting.start_thread(tool, alice, "Fresh topic", "Hello.", "en")
    assert b"Fresh topic" in client.get(discussion_url(tool)).content


def test_an_anonymous_thread_page_shows_a_new_reply_at_once(client, tool, alice, bob):
    thread, _post = posting.start_thread(tool, alice, "Topic", "Hello.", "en")
    assert b"Late reply" not in client.get(f"/en/discussion/{thread.pk}/").content
    posting.reply(thread, bob, "Late reply", "en")
    assert b"Late reply" in client.get(f"/en/discussion/{thread.pk}/").content


def test_a_cached_entry_page_carries_no_inbox_of_a_logged_in_reader(client, tool, alice, bob):
    thread, _post = posting.start_thread(tool, alice, "Topic", "Hello @bob", "en")
    client.force_login(bob)
    assert b'class="inbox-count"' in client.get(tool.url).content
    client.logout()
    anonymous = client.get(tool.url)
    assert b"inbox" not in anonymous.content
    assert b"inbox" not in client.get(tool.url).content  # now from the cache
