"""Replies answer a thread or a post; @mentions notify and follow."""

import pytest

from discussion.models import Follow, Notification, Post
from discussion.services import posting
from discussion.services.mentions import mentioned_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(tool, alice):
    thread, _post = posting.start_thread(tool, alice, "Accessibility", "Is it WCAG AA?", "en")
    return thread


def test_a_reply_is_added_at_the_end_and_moves_the_thread_up(client, thread, bob):
    client.force_login(bob)
    response = client.post(f"/en/discussion/{thread.pk}/", {"body": "Mostly, yes."})
    post = Post.objects.get(body="Mostly, yes.")
    assert response.url == f"/en/discussion/{thread.pk}/#post-{post.pk}"
    thread.refresh_from_db()
    assert thread.last_activity_at == post.created_at
    assert list(thread.posts.values_list("body", flat=True)) == ["Is it WCAG AA?", "Mostly, yes."]


def test_a_reply_can_quote_and_answer_a_given_post(client, thread, bob):
    first = thread.posts.get()
    client.force_login(bob)
    form = client.get(f"/en/discussion/{thread.pk}/?reply_to={first.pk}").context["form"]
    assert form.initial["body"] == "> Is it WCAG AA?\n\n"
    client.post(
        f"/en/discussion/{thread.pk}/",
        {"body": "> Is it WCAG AA?\n\nThe audit says so.", "reply_to": first.pk},
    )
    answer = Post.objects.get(reply_to=first)
    page = client.get(f"/en/discussion/{thread.pk}/").content.decode()
    assert f'in reply to <a href="/en/discussion/posts/{first.pk}/">alice</a>' in page
    assert "<blockquote>" in page and answer.author == bob


def test_posting_follows_the_thread(thread, bob):
    posting.reply(thread, bob, "Following now.", "en")
    assert Follow.objects.filter(user=bob, thread=thread).exists()


def test_a_mention_notifies_the_person_named_and_makes_them_follow(thread, bob, mod):
    posting.reply(thread, bob, "What do you think, @Mod?", "en")
    notification = Notification.objects.get(recipient=mod)
    assert notification.kind == Notification.Kind.MENTION
    assert notification.actor == bob and notification.thread == thread
    assert Follow.objects.filter(user=mod, thread=thread).exists()


def test_a_mention_of_a_follower_is_one_mention_not_also_a_reply(thread, bob, alice):
    posting.reply(thread, bob, "@alice you asked, here is the answer.", "en")
    assert list(Notification.objects.filter(recipient=alice).values_list("kind", flat=True)) == [
        "mention"
    ]


def test_nobody_is_notified_of_their_own_post_or_mention(thread, alice):
    posting.reply(thread, alice, "Note to self, @alice.", "en")
    assert not Notification.objects.filter(recipient=alice).exists()


def test_e_mail_addresses_and_unknown_names_are_not_mentions():
    assert mentioned_names("Write to team@example.org or @nobody. Thanks @Bob.") == {
        "nobody",
        "bob",
    }


def test_replying_to_a_locked_thread_is_refused_except_for_moderators(client, thread, bob, mod):
    thread.locked = True
    thread.save()
    client.force_login(bob)
    assert client.post(f"/en/discussion/{thread.pk}/", {"body": "Let me in"}).status_code == 403
    client.force_login(mod)
    assert client.post(f"/en/discussion/{thread.pk}/", {"body": "Closing note."}).status_code == 302
    assert list(thread.posts.values_list("body", flat=True))[-1] == "Closing note."
