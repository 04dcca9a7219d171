"""Fan-out: who hears about a new post, a mention or an entry edit.

Built for threads followed by thousands: the recipients are read in one query
(followers of the thread and of the entry together), the notifications are
written with one bulk INSERT per thousand rows, and e-mails are left to a task
of the queue, enqueued after the commit (the worker must see the rows, and a
rolled-back post must not mail anyone). The number of queries does not grow
with the number of followers.
"""

from django.db import transaction
from django.db.models import Q

from ..models import Follow, Notification

BATCH_SIZE = 1000


def notify_new_post(post, mentioned, new_thread=False):
    """Notify the followers of the thread and of its entry, and the people mentioned."""
    thread = post.thread
    followers = set(
        Follow.objects.filter(
            Q(thread=thread) | Q(translation_key=thread.translation_key)
        ).values_list("user_id", flat=True)
    )
    mentioned_ids = {user.pk for user in mentioned}
    default = Notification.Kind.NEW_THREAD if new_thread else Notification.Kind.REPLY
    recipients = (followers | mentioned_ids) - {post.author_id}
    rows = [
        Notification(
            recipient_id=user_id,
            kind=Notification.Kind.MENTION if user_id in mentioned_ids else default,
            actor_id=post.author_id,
            translation_key=thread.translation_key,
            thread=thread,
            post=post,
        )
        for user_id in sorted(recipients)
    ]
    return _create(rows)


def notify_mentions(post, mentioned):
    rows = [
        Notification(
            recipient=user,
            kind=Notification.Kind.MENTION,
            actor_id=post.author_id,
            translation_key=post.thread.translation_key,
            thread=post.thread,
            post=post,
        )
        for user in mentioned
    ]
    return _create(rows)


def notify_entry_change(record, translation_key):
    """An entry's followers hear about a published edit or translation (an EditRecord)."""
    followers = Follow.objects.filter(translation_key=translation_key).exclude(
        user_id=record.user_id
    )
    kind = (
        Notification.Kind.TRANSLATION
        if record.kind == record.Kind.TRANSLATE
        else Notification.Kind.EDIT
    )
    rows = [
        Notification(
            recipient_id=user_id,
            kind=kind,
            actor_id=record.user_id,
            translation_key=translation_key,
            revision_id=record.revision_id,
        )
        for user_id in followers.values_list("user_id", flat=True)
    ]
    return _create(rows)


def _create(rows):
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    ids = [notification.pk for notification in created]
    transaction.on_commit(lambda: _enqueue(ids))
    return ids


def _enqueue(ids):
    from ..tasks import deliver_notifications

    deliver_notifications.enqueue(ids)
