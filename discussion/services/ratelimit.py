"""Posting limits, counted in the cache.

A fixed window per user and per limit: cheap (one add and one incr per window)
and shared by every worker through the cache. Moderators are not limited, so
they can always clean up after a flood.
"""

import time

from django.conf import settings
from django.core.cache import cache

from contributions.permissions import is_moderator

#: (number of posts, window in seconds), all of which must hold.
DEFAULT_LIMITS = ((5, 60), (40, 3600))


def limits():
    return getattr(settings, "OGPT_DISCUSSION_RATE_LIMITS", DEFAULT_LIMITS)


def _key(user, window):
    return f"ogpt:discussion:rate:{user.pk}:{window}:{int(time.time() // window)}"


def allowed(user):
    """Whether `user` may post now (does not count a post)."""
    if is_moderator(user):
        return True
    return all((cache.get(_key(user, window)) or 0) < count for count, window in limits())


def record_post(user):
    for _count, window in limits():
        key = _key(user, window)
        if not cache.add(key, 1, window + 1):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, window + 1)
