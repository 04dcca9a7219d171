"""Following threads and entries, the /following/ page and the inbox."""

import pytest

from contributions.services.editing import save_edit
from discussion.models import Follow, Notification
from discussion.services import follows, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(tool, alice):
    thread, _post = posting.start_thread(tool, alice, "Roadmap", "What is next?", "en")
    return thread


def test_follow_and_unfollow_a_thread(client, thread, bob):
    client.force_login(bob)
    client.post(f"/en/discussion/{thread.pk}/follow/", {"action": "follow"})
    assert Follow.objects.filter(user=bob, thread=thread).exists()
    posting.reply(thread, alice_of(thread), "Version 2 in May.", "en")
    assert Notification.objects.filter(recipient=bob, kind="reply").count() == 1
    client.post(f"/en/discussion/{thread.pk}/follow/", {"action": "unfollow"})
    assert not Follow.objects.filter(user=bob, thread=thread).exists()
    posting.reply(thread, alice_of(thread), "Version 3 in June.", "en")
    assert Notification.objects.filter(recipient=bob, kind="reply").count() == 1


def alice_of(thread):
    return thread.author


def test_following_an_entry_brings_its_new_threads_and_posts(client, tool, alice, bob):
    client.force_login(bob)
    client.post(f"/en/discussion/entries/{tool.translation_key}/follow/", {"action": "follow"})
    thread, _post = posting.start_thread(tool, alice, "Pricing", "Is it free?", "en")
    posting.reply(thread, alice, "Answering myself: yes.", "en")
    kinds = list(
        Notification.objects.filter(recipient=bob).order_by("pk").values_list("kind", flat=True)
    )
    assert kinds == ["new_thread", "reply"]


def test_following_an_entry_brings_its_edits_and_translations(tool, tool_fr, alice, bob, on_commit):
    follows.follow_entry(bob, tool.translation_key)
    on_commit(save_edit, tool, alice, {"summary": "A better summary."}, summary="clearer")
    on_commit(save_edit, tool_fr, alice, {"summary": "Un meilleur résumé."}, kind="translate")
    notes = Notification.objects.filter(recipient=bob).order_by("pk")
    assert [(n.kind, n.actor) for n in notes] == [("edit", alice), ("translation", alice)]
    assert notes[0].revision_id == tool.specific_class.objects.get(pk=tool.pk).live_revision_id


def test_the_following_page_lists_follows_with_unread_counts(client, tool, thread, alice, bob):
    follows.follow_thread(bob, thread)
    follows.follow_entry(bob, tool.translation_key)
    posting.reply(thread, alice, "One.", "en")
    posting.reply(thread, alice, "Two.", "en")
    client.force_login(bob)
    response = client.get("/en/following/")
    assert [(f.thread.title, f.unread) for f in response.context["thread_follows"]] == [
        ("Roadmap", 2)
    ]
    assert [(f.entry.title, f.unread) for f in response.context["entry_follows"]] == [
        (tool.title, 2)
    ]
    assert response.context["unread_count"] == 2


def test_the_header_shows_the_unread_count_and_reading_clears_it(client, thread, alice, bob):
    follows.follow_thread(bob, thread)
    posting.reply(thread, alice, "News.", "en")
    client.force_login(bob)
    header = client.get("/en/following/").content.decode()
    assert '<span class="inbox-count" data-unread="1">1</span>' in header
    client.get(f"/en/discussion/{thread.pk}/")
    assert 'class="inbox-count"' not in client.get("/en/following/").content.decode()


def test_mark_one_or_all_notifications_read(client, thread, alice, bob):
    follows.follow_thread(bob, thread)
    first = Notification.objects.get(pk=posting_reply_notification(thread, alice, bob, "A"))
    posting_reply_notification(thread, alice, bob, "B")
    client.force_login(bob)
    client.post("/en/following/read/", {"notification": first.pk})
    assert follows.unread_count(bob) == 1
    client.post("/en/following/read/")
    assert follows.unread_count(bob) == 0


def posting_reply_notification(thread, author, recipient, text):
    post = posting.reply(thread, author, text, "en")
    return Notification.objects.get(recipient=recipient, post=post).pk


def test_opening_a_notification_marks_it_read_and_goes_to_the_post(client, thread, alice, bob):
    follows.follow_thread(bob, thread)
    post = posting.reply(thread, alice, "Look.", "en")
    notification = Notification.objects.get(recipient=bob)
    client.force_login(bob)
    response = client.get(f"/en/following/notifications/{notification.pk}/")
    assert response.url == f"/en/discussion/{thread.pk}/#post-{post.pk}"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_opens_someone_elses_notification(client, thread, alice, bob, mod):
    follows.follow_thread(bob, thread)
    posting.reply(thread, alice, "Private to Bob's inbox.", "en")
    client.force_login(mod)
    notification = Notification.objects.get(recipient=bob)
    assert client.get(f"/en/following/notifications/{notification.pk}/").status_code == 404
