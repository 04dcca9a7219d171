"""The daily digest: one e-mail listing everything, with links and short diffs."""

import pytest

from django.core import mail
from django.core.management import call_command

from contributions.services.editing import save_edit
from discussion.models import EmailPreference, Notification
from discussion.services import follows, posting
from pages.localized_urls import reverse_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def daily_bob(bob):
    EmailPreference.objects.create(user=bob, frequency="daily")
    return bob


def test_the_digest_lists_posts_and_edits_in_one_e_mail(tool, alice, daily_bob, on_commit):
    follows.follow_entry(daily_bob, tool.translation_key)
    thread, post = on_commit(posting.start_thread, tool, alice, "Forks", "Which forks exist?", "en")
    reply = on_commit(posting.reply, thread, alice, "Decidim started as one.", "en")
    on_commit(save_edit, tool, alice, {"summary": tool.summary + " Used by 100 cities."})
    assert mail.outbox == []  # daily readers wait for the digest

    call_command("send_discussion_digest")

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["bob@example.org"]
    assert digest.subject == "OGP Toolbox: 3 new notifications today"
    assert f"alice started “Forks” about {tool.title}" in digest.body
    assert f"/en/discussion/posts/{post.pk}/" in digest.body
    assert f"/en/discussion/posts/{reply.pk}/" in digest.body
    assert "Decidim started as one." in digest.body
    assert f"alice edited {tool.title}" in digest.body
    assert "{+ Used by 100 cities.+}" in digest.body
    assert "/en/unsubscribe/" in digest.body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_a_second_digest_has_only_what_is_new(tool, alice, daily_bob, on_commit):
    follows.follow_entry(daily_bob, tool.translation_key)
    thread, _post = on_commit(posting.start_thread, tool, alice, "Once", "First.", "en")
    call_command("send_discussion_digest", "--now")
    call_command("send_discussion_digest", "--now")
    assert len(mail.outbox) == 1
    on_commit(posting.reply, thread, alice, "Second day.", "en")
    call_command("send_discussion_digest", "--now")
    assert len(mail.outbox) == 2
    assert "Second day." in mail.outbox[1].body and "First." not in mail.outbox[1].body


def test_what_was_already_read_on_the_site_is_left_out(tool, alice, daily_bob, on_commit):
    follows.follow_entry(daily_bob, tool.translation_key)
    on_commit(posting.start_thread, tool, alice, "Seen", "Already read.", "en")
    Notification.objects.update(read_at="2026-01-01T00:00Z")
    call_command("send_discussion_digest", "--now")
    assert mail.outbox == []


def test_the_digest_is_written_in_the_recipients_language(tool, alice, daily_bob, on_commit):
    daily_bob.preferred_language = "fr"
    daily_bob.save()
    follows.follow_entry(daily_bob, tool.translation_key)
    _thread, post = on_commit(posting.start_thread, tool, alice, "Langue", "Texte.", "en")
    call_command("send_discussion_digest", "--now")
    assert reverse_in("fr", "discussion:post", args=[post.pk]) in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == "fr"
