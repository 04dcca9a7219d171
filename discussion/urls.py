"""Discussion URLs outside the entry pages (threads, posts, following, unsubscribe).

The list of an entry's threads is the entry sub-route `<entry>/discussion/`
(registered in apps.py); a thread has its own URL so its links stay valid when
the entry is renamed or moved, and both languages resolve the entry themselves.
"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from .views import following, moderation, queues, threads

app_name = "discussion"

urlpatterns = [
    path(pgettext_lazy("URL", "discussion/<int:thread_id>/"), threads.thread_view, name="thread"),
    path(
        pgettext_lazy("URL", "discussion/<int:thread_id>/follow/"),
        threads.follow_thread_view,
        name="follow_thread",
    ),
    path(
        pgettext_lazy("URL", "discussion/<int:thread_id>/lock/"),
        moderation.lock_thread_view,
        name="lock_thread",
    ),
    path(
        pgettext_lazy("URL", "discussion/posts/<int:post_id>/"),
        threads.post_permalink_view,
        name="post",
    ),
    path(
        pgettext_lazy("URL", "discussion/posts/<int:post_id>/edit/"),
        threads.edit_post_view,
        name="edit_post",
    ),
    path(
        pgettext_lazy("URL", "discussion/posts/<int:post_id>/history/"),
        threads.post_history_view,
        name="post_history",
    ),
    path(
        pgettext_lazy("URL", "discussion/posts/<int:post_id>/moderate/"),
        moderation.moderate_post_view,
        name="moderate_post",
    ),
    path(
        pgettext_lazy("URL", "discussion/posts/<int:post_id>/report/"),
        moderation.report_post_view,
        name="report_post",
    ),
    path(pgettext_lazy("URL", "discussion/reports/"), moderation.reports_view, name="reports"),
    path(
        pgettext_lazy("URL", "discussion/entries/<uuid:translation_key>/follow/"),
        threads.follow_entry_view,
        name="follow_entry",
    ),
    path(pgettext_lazy("URL", "following/"), following.following_view, name="following"),
    path(pgettext_lazy("URL", "following/read/"), following.mark_read_view, name="mark_read"),
    path(
        pgettext_lazy("URL", "following/email/"),
        following.email_preference_view,
        name="email_preference",
    ),
    path(
        pgettext_lazy("URL", "following/translations/follow/"),
        queues.follow_queue_view,
        name="follow_queue",
    ),
    path(
        pgettext_lazy("URL", "following/translations/unfollow/"),
        queues.unfollow_queue_view,
        name="unfollow_queue",
    ),
    path(
        pgettext_lazy("URL", "following/notifications/<int:notification_id>/"),
        following.open_notification_view,
        name="open_notification",
    ),
    path(
        pgettext_lazy("URL", "unsubscribe/<str:token>/"),
        following.unsubscribe_view,
        name="unsubscribe",
    ),
]
