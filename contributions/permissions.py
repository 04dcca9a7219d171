"""Who may do what on the public site: one place for the role checks."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import CONTRIBUTORS_GROUP, EditRecord


def is_moderator(user):
    return user.is_authenticated and user.is_active and user.is_moderator


def is_contributor(user):
    """Verified contributors (every user who confirmed an e-mail address) and moderators."""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        user.is_superuser
        or user.groups.filter(name=CONTRIBUTORS_GROUP).exists()
        or user.is_moderator
    )


def can_edit(user, page):
    """Contributors edit entries.

    Protected entries stay editable by contributors, but their edits wait for
    a moderator (see contributions.services.review.needs_review).
    """
    return is_contributor(user)


def approved_edits(user):
    """Edits a moderator approved: the only ones that end the review period.

    Edits published at once (by an established contributor, or the copies
    and mirrors the wiki makes in the other language) do not count, so a
    newcomer cannot leave the review period by creating entries or by the
    side effects of one approval.
    """
    return EditRecord.objects.filter(user=user, status=EditRecord.Status.APPROVED).count()


def is_established(user):
    """Past the newcomer period: old enough and with enough approved edits.

    Both thresholds are settings: OGPT_ESTABLISHED_AFTER_DAYS (account age)
    and OGPT_REVIEW_FIRST_EDITS (approved edits). Moderators always are.
    """
    if is_moderator(user) or (user.is_authenticated and user.is_superuser):
        return True
    if not user.is_authenticated:
        return False
    age = timedelta(days=settings.OGPT_ESTABLISHED_AFTER_DAYS)
    if user.date_joined > timezone.now() - age:
        return False
    needed = settings.OGPT_REVIEW_FIRST_EDITS
    return needed <= 0 or approved_edits(user) >= needed
