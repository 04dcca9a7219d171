"""What moderators do: hide and restore posts, lock threads, work the reports.

Hiding never deletes: the text stays in the database and in the post's
history, visible to moderators, so a decision can be reviewed and undone.
"""

from django.db import transaction
from django.utils import timezone

from ..models import Report


def hide_post(post, moderator, reason=""):
    with transaction.atomic():
        post.hidden = True
        post.hidden_by = moderator
        post.hidden_reason = reason
        post.save(update_fields=["hidden", "hidden_by", "hidden_reason"])
        _resolve(post, moderator, Report.Outcome.HIDDEN)


def restore_post(post, moderator):
    post.hidden = False
    post.hidden_by = None
    post.hidden_reason = ""
    post.save(update_fields=["hidden", "hidden_by", "hidden_reason"])


def set_locked(thread, moderator, locked):
    thread.locked = locked
    thread.locked_by = moderator if locked else None
    thread.save(update_fields=["locked", "locked_by"])


def report_post(post, user, reason):
    """One open report per reporter and post: reporting twice updates the reason."""
    report, _created = Report.objects.update_or_create(
        post=post, reporter=user, outcome=Report.Outcome.OPEN, defaults={"reason": reason}
    )
    return report


def dismiss_reports(post, moderator):
    _resolve(post, moderator, Report.Outcome.DISMISSED)


def _resolve(post, moderator, outcome):
    Report.objects.filter(post=post, outcome=Report.Outcome.OPEN).update(
        outcome=outcome, resolved_by=moderator, resolved_at=timezone.now()
    )


def open_reports():
    return (
        Report.objects.filter(outcome=Report.Outcome.OPEN)
        .select_related("post__thread", "post__author", "reporter")
        .order_by("created_at")
    )
