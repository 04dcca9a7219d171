"""Threads belong to an entry, not to one language, and list newest activity first."""

import pytest

from discussion.models import Post, Thread
from discussion.services import posting

pytestmark = pytest.mark.django_db


def test_a_contributor_starts_a_thread_from_the_discussion_tab(client, tool, alice, discussion_url):
    client.force_login(alice)
    response = client.post(
        discussion_url(tool), {"title": "Hosting costs", "body": "Who hosts it **cheaply**?"}
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/discussion/{thread.pk}/"
    assert thread.translation_key == tool.translation_key
    assert thread.author == alice
    post = thread.posts.get()
    assert (post.body, post.language, post.author) == ("Who hosts it **cheaply**?", "en", alice)
    page = client.get(response.url)
    assert b"<strong>cheaply</strong>" in page.content


def test_both_language_versions_show_the_same_threads(client, tool, tool_fr, alice, discussion_url):
    posting.start_thread(tool_fr, alice, "Coûts d'hébergement", "Qui l'héberge ?", "fr")
    english = client.get(discussion_url(tool))
    french = client.get(discussion_url(tool_fr))
    assert "Coûts d&#x27;hébergement" in english.content.decode()
    assert "Coûts d&#x27;hébergement" in french.content.decode()
    thread = Thread.objects.get()
    assert client.get(f"/fr/discussion/{thread.pk}/").context["page"].pk == tool_fr.pk
    assert client.get(f"/en/discussion/{thread.pk}/").context["page"].pk == tool.pk


def test_each_post_says_which_language_it_was_written_in(client, tool, alice, bob):
    thread, _first = posting.start_thread(tool, alice, "Languages", "In English.", "en")
    posting.reply(thread, bob, "En français.", "fr")
    content = client.get(f"/en/discussion/{thread.pk}/").content.decode()
    assert '<span class="post-language" lang="en">EN</span>' in content
    assert '<span class="post-language" lang="fr">FR</span>' in content


def test_threads_are_listed_newest_activity_first_with_reply_counts(
    client, tool, alice, bob, discussion_url
):
    old, _post = posting.start_thread(tool, alice, "Old topic", "First.", "en")
    posting.start_thread(tool, alice, "Newer topic", "Second.", "en")
    posting.reply(old, bob, "A reply brings the old topic back to the top.", "en")
    response = client.get(discussion_url(tool))
    threads = list(response.context["threads"])
    assert [t.title for t in threads] == ["Old topic", "Newer topic"]
    assert [t.reply_count for t in threads] == [1, 0]


def test_unread_markers_follow_what_the_reader_has_seen(client, tool, alice, bob, discussion_url):
    thread, _post = posting.start_thread(tool, alice, "Topic", "First.", "en")
    client.force_login(bob)
    assert [t.unread for t in client.get(discussion_url(tool)).context["threads"]] == [True]
    client.get(f"/en/discussion/{thread.pk}/")
    assert [t.unread for t in client.get(discussion_url(tool)).context["threads"]] == [False]
    posting.reply(thread, alice, "Something new.", "en")
    assert [t.unread for t in client.get(discussion_url(tool)).context["threads"]] == [True]


def test_anonymous_readers_see_threads_but_are_asked_to_log_in_to_post(
    client, tool, alice, discussion_url
):
    posting.start_thread(tool, alice, "Visible to all", "Hello.", "en")
    response = client.get(discussion_url(tool))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert b"Visible to all" in response.content
    post = client.post(discussion_url(tool), {"title": "Spam", "body": "Spam"})
    assert post.status_code == 302 and "/accounts/login/" in post.url
    assert not Thread.objects.filter(title="Spam").exists()


def test_the_discussion_tab_is_listed_among_the_entry_tabs(client, tool, discussion_url):
    tabs = client.get(tool.url).context["entry_tabs"]
    assert ("discussion", "Discussion", discussion_url(tool)) in [
        (name, str(label), url) for name, label, url in tabs
    ]


def test_long_threads_are_paginated_and_permalinks_find_the_right_page(client, tool, alice):
    thread, _post = posting.start_thread(tool, alice, "Long", "Post 0", "en")
    Post.objects.bulk_create(
        [Post(thread=thread, author=alice, body=f"Post {n}", language="en") for n in range(1, 60)]
    )
    last = thread.posts.order_by("-created_at", "-pk").first()
    response = client.get(f"/en/discussion/posts/{last.pk}/")
    assert response.url == f"/en/discussion/{thread.pk}/?page=2#post-{last.pk}"
    second = client.get(f"/en/discussion/{thread.pk}/?page=2")
    assert f'id="post-{last.pk}"'.encode() in second.content
