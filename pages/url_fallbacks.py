"""Addresses that moved: answer them with a permanent redirect rather than a 404.

Two kinds of old addresses reach Wagtail's page tree (the catch-all route)
and would find nothing there:

- an app route in the other language's words: `/fr/recent-changes/?page=2`
  (the English segments the French site used before its routes were
  translated, see pages.localized_urls) goes to `/fr/modifications-recentes/?page=2`;
- a sub-route of a renamed entry: `/en/tools/old-name/history/42/`.
  Wagtail's `contrib.redirects` records the entry's old address when its slug
  changes and redirects that address itself; what lies below it is sent to the
  same place below the new address.
"""

from urllib.parse import urlsplit

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language, override

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from .languages import SITE_LANGUAGES

CATCH_ALL = "wagtail_serve"


class HttpResponsePermanentRedirectKeepMethod(HttpResponseRedirect):
    """308: a POST to an old address (a one-click unsubscribe) stays a POST."""

    status_code = 308


def _is_catch_all(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == CATCH_ALL


def _with_query(request, path):
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def _permanent(request, url):
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(url)
    return HttpResponsePermanentRedirectKeepMethod(url)


def app_path_in_current_language(path):
    """The current language's URL of an app route written in another language, or None."""
    current = get_language()
    prefix = f"/{current}/"
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix) :]
    for code in SITE_LANGUAGES:
        if code == current:
            continue
        with override(code):
            try:
                match = resolve(f"/{code}/{rest}")
            except Resolver404:
                continue
        if match.url_name == CATCH_ALL:
            continue
        target = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        if target != path:
            return target
    return None


class OtherLanguageRouteMiddleware:
    """`/fr/search/` → `/fr/recherche/` (301, query string kept).

    Runs before the CSRF check, so that an old address posted to (a one-click
    unsubscribe link in an e-mail sent earlier) is redirected, not refused.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _is_catch_all(request):
            return None
        target = app_path_in_current_language(request.path)
        return _permanent(request, _with_query(request, target)) if target else None


def _prefixes(path):
    """ "/en/tools/a/history/42" → ("/en/tools/a/history", "history/42/"), ("/en/tools/a", …)."""
    parts = path.strip("/").split("/")
    for cut in range(len(parts) - 1, 1, -1):
        yield "/" + "/".join(parts[:cut]), "/".join(parts[cut:]) + "/"


class MovedEntrySubRouteMiddleware:
    """`/en/tools/old-name/history/` → `/en/tools/new-name/history/` after a rename."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or not _is_catch_all(request):
            return response
        target = self.moved_target(request)
        return _permanent(request, _with_query(request, target)) if target else response

    @staticmethod
    def moved_target(request):
        prefixes = dict(_prefixes(urlsplit(request.path).path))
        if not prefixes:
            return None
        site = Site.find_for_request(request)
        redirects = (
            Redirect.get_for_site(site)
            .filter(old_path__in=prefixes, redirect_page__isnull=False)
            .select_related("redirect_page")
        )
        best = max(redirects, key=lambda redirect: len(redirect.old_path), default=None)
        if best is None:
            return None
        url = best.redirect_page.get_url(request)
        return url + prefixes[best.old_path] if url else None
