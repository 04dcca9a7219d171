"""How fast accounts and clients change the wiki, like MediaWiki's $wgRateLimits.

settings.OGPT_RATE_LIMITS gives, for each action ("edit", "create", "upload",
"post"), windows of (count, seconds) that must all hold: per account, the
"newcomer" ones until the account is established
(contributions.permissions.is_established), then the "member" ones; and per
client address ("client": every account behind one address together, as
throttling.clients finds it behind the trusted proxies). Moderators are not
limited, so that they can always clean up after a flood.

A view asks `wait_before()` when a valid form is about to be saved, and on
saving calls `record()`; past a limit it shows the form again, text as typed,
with `limited_message()`, and answers 429.
"""

from django.conf import settings
from django.utils.translation import ngettext

from throttling import windows
from throttling.clients import client_ip

from .permissions import is_established, is_moderator


def _subjects(action, user, client):
    rules = settings.OGPT_RATE_LIMITS.get(action, {})
    group = "member" if is_established(user) else "newcomer"
    return [
        (f"{action}:user:{user.pk}", rules.get(group, ())),
        (f"{action}:ip:{client}", rules.get("client", ())),
    ]


def wait_before(action, request):
    """None when `request.user` may do `action` now, else the seconds to wait."""
    user = request.user
    if is_moderator(user):
        return None
    waits = [
        windows.seconds_left(seconds)
        for subject, limits in _subjects(action, user, client_ip(request))
        for count, seconds in limits
        if windows.used(subject, seconds) >= count
    ]
    return max(waits) if waits else None


def record(action, request):
    """Count one `action` by `request.user` from its client."""
    if is_moderator(request.user):
        return
    for subject, limits in _subjects(action, request.user, client_ip(request)):
        for _count, seconds in limits:
            windows.hit(subject, seconds)


def limited_message(wait):
    """What the person reads: how long to wait, and that nothing is lost."""
    minutes = max(1, round(wait / 60))
    return ngettext(
        "You are saving changes too quickly. Wait %(minutes)d minute, then save "
        "again: your text is kept below.",
        "You are saving changes too quickly. Wait %(minutes)d minutes, then save "
        "again: your text is kept below.",
        minutes,
    ) % {"minutes": minutes}


def uploads(request):
    """Whether the request carries files (logos, images): they count as uploads too."""
    return any(upload for upload in request.FILES.values())


def wait_before_saving(action, request):
    """The wait for `action`, and for an upload when files come with it."""
    waits = [wait_before(action, request)]
    if uploads(request):
        waits.append(wait_before("upload", request))
    waits = [wait for wait in waits if wait is not None]
    return max(waits) if waits else None


def record_saving(action, request):
    record(action, request)
    if uploads(request):
        record("upload", request)
