"""Following threads and entries, and what is unread."""

from django.db.models import Count
from django.utils import timezone

from ..models import Follow, Notification, ReadMarker


def follow_thread(user, thread):
    Follow.objects.get_or_create(user=user, thread=thread)


def unfollow_thread(user, thread):
    Follow.objects.filter(user=user, thread=thread).delete()


def follow_entry(user, translation_key):
    Follow.objects.get_or_create(user=user, translation_key=translation_key)


def unfollow_entry(user, translation_key):
    Follow.objects.filter(user=user, translation_key=translation_key).delete()


def follows_thread(user, thread):
    return user.is_authenticated and Follow.objects.filter(user=user, thread=thread).exists()


def follows_entry(user, translation_key):
    return (
        user.is_authenticated
        and Follow.objects.filter(user=user, translation_key=translation_key).exists()
    )


def mark_thread_read(user, thread):
    """The reader has seen the thread: its unread marker and its notifications go."""
    now = timezone.now()
    ReadMarker.objects.update_or_create(user=user, thread=thread, defaults={"read_at": now})
    Notification.objects.filter(recipient=user, thread=thread, read_at__isnull=True).update(
        read_at=now
    )


def read_times(user, threads):
    """{thread id: when `user` last read it} for the listed threads, in one query."""
    if not user.is_authenticated:
        return {}
    markers = ReadMarker.objects.filter(user=user, thread__in=threads)
    return dict(markers.values_list("thread_id", "read_at"))


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def following(user):
    """The user's follows, each with its number of unread notifications (four queries).

    Notifications about translation work are counted under the queue they
    came through, not under their entry, which the user may not follow.
    """
    follows = list(
        Follow.objects.filter(user=user).select_related("thread").order_by("-created_at")
    )
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    by_thread = dict(
        unread.filter(thread__isnull=False)
        .values_list("thread_id")
        .annotate(n=Count("pk"))
        .values_list("thread_id", "n")
    )
    by_entry = dict(
        unread.exclude(kind=Notification.Kind.NEEDS_TRANSLATION)
        .values_list("translation_key")
        .annotate(n=Count("pk"))
        .values_list("translation_key", "n")
    )
    by_queue = dict(
        unread.filter(queue_follow__isnull=False)
        .values_list("queue_follow_id")
        .annotate(n=Count("pk"))
        .values_list("queue_follow_id", "n")
    )
    for follow in follows:
        if follow.thread_id:
            follow.unread = by_thread.get(follow.thread_id, 0)
        elif follow.queue_language:
            follow.unread = by_queue.get(follow.pk, 0)
        else:
            follow.unread = by_entry.get(follow.translation_key, 0)
    return follows
