"""Fan-out: who hears about a new post, a mention, an entry edit or translation work.

Built for threads followed by thousands: the recipients are read in one query
(followers of the thread and of the entry together), the notifications are
written with one bulk INSERT per thousand rows, and e-mails are left to a task
of the queue, enqueued after the commit (the worker must see the rows, and a
rolled-back post must not mail anyone). The number of queries does not grow
with the number of followers.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from pages.models import TopicPage, is_entry

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


def notify_translation_needed(page, language, fields, revision=None, actor=None):
    """Followers of the translation queues that `page` (a version needing work) falls in.

    A queue matches on its language, its kind ("" = all) and its topic ("" =
    all, else a topic the entry is filed under, directly or through one of the
    topic's sub-topics, as on the dashboard). Someone following several
    matching queues gets one notification, counted under the oldest follow.
    Three queries (topics, followers, insert), whatever the number of followers.
    """
    topics = _topic_keys(page)
    follows = (
        Follow.objects.filter(queue_language=language)
        .filter(Q(queue_kind="") | Q(queue_kind=page.kind if is_entry(page) else ""))
        .filter(Q(queue_topic="") | Q(queue_topic__in=topics))
        .order_by("user_id", "created_at", "pk")
    )
    actor_id = getattr(actor, "pk", None)
    if actor_id is not None:
        follows = follows.exclude(user_id=actor_id)
    chosen = {}
    for follow_id, user_id in follows.values_list("pk", "user_id"):
        chosen.setdefault(user_id, follow_id)
    rows = [
        Notification(
            recipient_id=user_id,
            kind=Notification.Kind.NEEDS_TRANSLATION,
            actor_id=actor_id,
            translation_key=page.translation_key,
            revision_id=getattr(revision, "pk", None),
            language=language,
            fields=list(fields),
            queue_follow_id=follow_id,
        )
        for user_id, follow_id in chosen.items()
    ]
    return _create(rows)


def _topic_keys(page):
    """Translation keys (as strings) of the topics `page` is filed under, and their parents.

    One query: the topic pages that are an ancestor-or-self of a topic of the
    entry (a topic page counts as filed under itself). The dashboard's topic
    filter includes sub-topics, so a follower of a theme hears about its
    sub-themes' entries too.
    """
    if isinstance(page, TopicPage):
        filed = TopicPage.objects.filter(pk=page.pk)
        path_field = "path"
    elif hasattr(type(page), "topics"):
        through = type(page).topics.through
        filed = through.objects.filter(**{f"{type(page)._meta.model_name}_id": page.pk})
        path_field = "topicpage__path"
    else:
        return []
    ancestors = TopicPage.objects.filter(
        Exists(filed.filter(**{f"{path_field}__startswith": OuterRef("path")}))
    )
    return [str(key) for key in ancestors.values_list("translation_key", flat=True)]


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
