"""Whole-page cache for anonymous readers.

Most visitors read without an account, and a catalogue page changes only when
someone publishes. Anonymous GETs of Wagtail pages are stored whole, keyed by
URL and a catalogue-wide generation number that every publish, unpublish,
move or delete bumps: relations are shown both ways, so one edit can change
many pages and a global generation is the simple, always-correct invalidation.
Logged-in readers (session cookie) always get a fresh page.

Behind nginx (bin/stack), such a page also tells the proxy it may serve it
again for OGPT_PROXY_CACHE_SECONDS (the `X-Accel-Expires` header, which nginx
reads and never passes on): readers then get it at the speed of a static
file, at most that many seconds behind a publish. Nothing else is marked, so
search, the API, forms and every logged-in page still reach the site.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "ogpt:pages:generation"
TIMEOUT = 60 * 60 * 24
SESSION_COOKIE = "sessionid"


def generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def bump_generation(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"ogpt:page:{generation()}:{path}"


def _cacheable_request(request):
    return request.method in ("GET", "HEAD") and SESSION_COOKIE not in request.COOKIES


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for anonymous readers (only Wagtail pages opt in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return _shareable(cached)
        response = self.get_response(request)
        if (
            getattr(request, "ogpt_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, TIMEOUT)
            return _shareable(response)
        return response


def _shareable(response):
    seconds = settings.OGPT_PROXY_CACHE_SECONDS
    if seconds:
        response["X-Accel-Expires"] = str(seconds)
    return response


def mark_cacheable(request):
    """Called by page views whose output depends only on the URL and the catalogue."""
    request.ogpt_cacheable = True


receiver(page_published)(bump_generation)
receiver(page_unpublished)(bump_generation)
receiver(post_page_move)(bump_generation)


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_generation()
