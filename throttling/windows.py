"""Counting hits in fixed windows of the shared cache.

One key per (subject, window length, window number): an add and an incr per
hit, shared by every worker through the cache, expiring with its window. The
API, discussion posts and wiki edits all count this way.
"""

import time

from django.core.cache import cache


def now():
    """The windows' clock (tests hold it still, so that no window ends mid-test)."""
    return time.time()


def _key(subject, seconds):
    return f"ogpt:rate:{subject}:{seconds}:{int(now() // seconds)}"


def used(subject, seconds):
    """How many hits `subject` made in the current window of `seconds`."""
    return cache.get(_key(subject, seconds)) or 0


def hit(subject, seconds):
    """Count one hit of `subject` in the current window; the count so far."""
    key = _key(subject, seconds)
    if cache.add(key, 1, seconds + 1):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        return 1


def seconds_left(seconds):
    """Seconds until the current window of `seconds` ends (at least 1)."""
    moment = now()
    return max(1, int((moment // seconds + 1) * seconds - moment))
