"""What every API response shares: CORS, rate limits, JSON errors, conditional GET.

The API is anonymous and read-only, so it answers GET, HEAD and the CORS
preflight (OPTIONS) to any origin, and nothing else. Its answers never
depend on the session: a logged-in moderator gets what an anonymous reader gets.

Rate limits are counted in the Django cache (shared by the workers of a
machine), per fixed window (throttling.windows): per account for a signed-in
reader (the session is read for this only), else per client address as
throttling.clients sees it behind the trusted proxies. Past the limit the
answer is 429 with Retry-After, the number of seconds until the window ends.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from throttling import windows
from throttling.clients import client_ip

from .catalogue import InvalidFilter

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
#: "requests/seconds" per client (or per account); override with OGPT_API_RATE_LIMIT.
DEFAULT_RATE_LIMIT = "300/60"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, Link, X-RateLimit-Limit, X-RateLimit-Remaining"


def rate_limit():
    requests, seconds = getattr(settings, "OGPT_API_RATE_LIMIT", DEFAULT_RATE_LIMIT).split("/")
    return int(requests), int(seconds)


def json_response(data, status=200):
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def error_response(status, message):
    return json_response({"error": {"status": status, "message": str(message)}}, status=status)


def _client(request):
    """Whose quota a request spends: its account when signed in, else its address.

    The session is read only when the request carries its cookie, so that an
    anonymous answer does not vary by cookie.
    """
    user = getattr(request, "user", None)
    signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES
    if signed_in and user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


def _check_rate(request):
    """None when the request may go on, else the seconds to wait."""
    limit, seconds = rate_limit()
    count = windows.hit(f"api:{_client(request)}", seconds)
    request.ogpt_rate = (limit, max(limit - count, 0))
    if count > limit:
        return windows.seconds_left(seconds)
    return None


def _add_cors(response, request):
    # LocaleMiddleware turns a 404 on an unprefixed path into a redirect to
    # /<lang>/…: the API is not translated, so its 404s are resolved against
    # a URLconf without language prefixes, where that redirect does not apply.
    request.urlconf = "opendata.urls_unprefixed"
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if hasattr(request, "ogpt_rate"):
        response["X-RateLimit-Limit"] = str(request.ogpt_rate[0])
        response["X-RateLimit-Remaining"] = str(request.ogpt_rate[1])
    return response


def api_view(view):
    """Wrap an API view: methods, preflight, rate limit, errors as JSON, CORS."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return _add_cors(response, request)
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, _("The API is read-only: use GET."))
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return _add_cors(response, request)
        wait = _check_rate(request)
        if wait is not None:
            response = error_response(429, _("Too many requests: try again in %d seconds.") % wait)
            response["Retry-After"] = str(wait)
            return _add_cors(response, request)
        try:
            response = view(request, *args, **kwargs)
        except InvalidFilter as error:
            response = error_response(400, error)
        except Http404:
            response = error_response(404, _("There is no such entry."))
        return _add_cors(response, request)

    # Nothing here changes state or reads a session: an unsafe method gets the
    # API's own 405, not the CSRF failure page.
    return csrf_exempt(wrapper)


def conditional(request, response, body_hash, last_modified):
    """Add ETag / Last-Modified and answer 304 when the client already has it."""
    etag = quote_etag(body_hash)
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=60)
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)


def json_conditional(request, data, last_modified):
    response = json_response(data)
    digest = hashlib.sha256(response.content).hexdigest()[:32]
    return conditional(request, response, digest, last_modified)
