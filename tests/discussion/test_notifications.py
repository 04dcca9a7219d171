"""Fan-out: who is notified of a post, in how many queries, and when e-mails go."""

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models import User
from discussion.models import Follow, Notification
from discussion.services import posting
from pages.localized_urls import reverse_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(tool, alice):
    thread, _post = posting.start_thread(tool, alice, "Scaling", "How big can it get?", "en")
    return thread


def make_followers(thread, count, prefix="follower"):
    users = User.objects.bulk_create(
        [User(username=f"{prefix}{n}", email=f"{prefix}{n}@example.org") for n in range(count)]
    )
    Follow.objects.bulk_create([Follow(user=user, thread=thread) for user in users])
    return users


def test_thread_and_entry_followers_are_notified_once_each(thread, tool, alice, bob, mod):
    Follow.objects.create(user=mod, thread=thread)
    Follow.objects.create(user=mod, translation_key=tool.translation_key)
    Follow.objects.create(user=bob, translation_key=tool.translation_key)
    post = posting.reply(thread, alice, "About a million users.", "en")
    assert sorted(
        Notification.objects.filter(post=post).values_list("recipient__username", "kind")
    ) == [
        ("bob", "reply"),
        ("mod", "reply"),
    ]


def test_a_reply_to_many_followers_takes_a_bounded_number_of_queries(thread, bob):
    posting.reply(thread, bob, "Bob follows the thread from now on.", "en")
    make_followers(thread, 20, "small")
    with CaptureQueriesContext(connection) as few:
        posting.reply(thread, bob, "Hello twenty.", "en")
    make_followers(thread, 300, "large")
    with CaptureQueriesContext(connection) as many:
        posting.reply(thread, bob, "Hello three hundred and twenty.", "en")
    assert Notification.objects.filter(post__body__startswith="Hello three").count() == 321
    assert len(many) == len(few)


def test_e_mails_leave_through_the_task_queue_after_the_commit(thread, bob, alice, on_commit):
    posting.reply(thread, bob, "No commit yet, no e-mail.", "en")
    assert mail.outbox == []
    on_commit(posting.reply, thread, bob, "Committed: one e-mail to Alice.", "en")
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    assert "Committed: one e-mail to Alice." in mail.outbox[0].body


def test_immediate_e_mails_are_in_the_recipients_language(thread, bob, alice, on_commit):
    alice.preferred_language = "fr"
    alice.save()
    post = on_commit(posting.reply, thread, bob, "Bonjour @alice", "en")
    message = mail.outbox[-1]
    assert message.extra_headers["Content-Language"] == "fr"
    assert reverse_in("fr", "discussion:post", args=[post.pk]) in message.body
    assert "/fr/desabonnement/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_e_mail_language_falls_back_to_the_language_of_the_post(thread, bob, alice, on_commit):
    post = on_commit(posting.reply, thread, bob, "Réponse en français.", "fr")
    assert reverse_in("fr", "discussion:post", args=[post.pk]) in mail.outbox[-1].body


def test_digest_readers_and_unsubscribed_users_get_no_immediate_e_mail(
    thread, bob, alice, mod, on_commit
):
    from discussion.models import EmailPreference

    EmailPreference.objects.create(user=alice, frequency="daily")
    Follow.objects.create(user=mod, thread=thread)
    EmailPreference.objects.create(user=mod, frequency="never")
    on_commit(posting.reply, thread, bob, "Quiet, please.", "en")
    assert mail.outbox == []
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 2
