"""Who may do what on the public site."""

from .models import CONTRIBUTORS_GROUP


def can_edit(user, page):
    """Verified contributors (and moderators) edit entries; locked entries need a moderator."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if page.locked and not user.is_moderator:
        return False
    return user.groups.filter(name=CONTRIBUTORS_GROUP).exists() or user.is_moderator
