"""Who may do what on the public site: one place for the role checks."""

from .models import CONTRIBUTORS_GROUP


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
