"""Who may do what on the public site."""

from .models import CONTRIBUTORS_GROUP


def can_edit(user, page):
    """Verified contributors (and moderators) edit entries.

    Protected entries stay editable by contributors, but their edits wait for
    a moderator (see contributions.services.review.needs_review).
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CONTRIBUTORS_GROUP).exists() or user.is_moderator
