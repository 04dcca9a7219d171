"""Starting threads, replying and editing posts.

Every save of a post's text goes through django-reversion with the editor and
the reason, so "what did this say before it was edited?" always has an
answer. Forms validate first (see forms.py); these functions only write, then
hand the fan-out of notifications to services.notify after the commit.
"""

import reversion

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Follow, Post, Thread
from . import follows, notify
from .mentions import mentioned_users


def start_thread(page, user, title, body, language):
    """A new thread on the entry `page` (any language version), with its first post."""
    with transaction.atomic():
        now = timezone.now()
        thread = Thread.objects.create(
            translation_key=page.translation_key,
            title=title,
            author=user,
            language=language,
            last_activity_at=now,
        )
        post = _create_post(thread, user, body, language, None, _("Started the thread"))
        follows.follow_thread(user, thread)
        mentioned = mentioned_users(body, exclude=user)
        _follow_mentioned(thread, mentioned)
        notify.notify_new_post(post, mentioned, new_thread=True)
    return thread, post


def reply(thread, user, body, language, reply_to=None):
    with transaction.atomic():
        post = _create_post(thread, user, body, language, reply_to, "")
        Thread.objects.filter(pk=thread.pk).update(last_activity_at=post.created_at)
        thread.last_activity_at = post.created_at
        follows.follow_thread(user, thread)
        mentioned = mentioned_users(body, exclude=user)
        _follow_mentioned(thread, mentioned)
        notify.notify_new_post(post, mentioned)
    return post


def edit_post(post, user, body, reason):
    """Replace the text; the old one stays in the post's reversion history."""
    with transaction.atomic(), reversion.create_revision():
        old_names = {u.pk for u in mentioned_users(post.body)}
        post.body = body
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])
        reversion.set_user(user)
        reversion.set_comment(reason)
        # Only people newly mentioned by the edit hear about it.
        mentioned = [u for u in mentioned_users(body, exclude=user) if u.pk not in old_names]
        if mentioned:
            _follow_mentioned(post.thread, mentioned)
            notify.notify_mentions(post, mentioned)
    return post


def _create_post(thread, user, body, language, reply_to, comment):
    with reversion.create_revision():
        post = Post.objects.create(
            thread=thread, author=user, body=body, language=language, reply_to=reply_to
        )
        reversion.set_user(user)
        reversion.set_comment(comment)
    return post


def _follow_mentioned(thread, users):
    # Being mentioned follows the thread: the answer to the mention is news too.
    Follow.objects.bulk_create(
        [Follow(user=user, thread=thread) for user in users], ignore_conflicts=True
    )
