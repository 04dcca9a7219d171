"""What every API response shares: CORS, rate limits, JSON errors, conditional GET.

The API is anonymous and read-only, so it answers GET, HEAD and the CORS
preflight (OPTIONS) to any origin, and nothing else. It never reads the
session: a logged-in moderator gets exactly what an anonymous reader gets.

Rate limits are counted in the Django cache (shared by the workers of a
machine), per client address and per fixed window; past the limit the answer
is 429 with Retry-After, the number of seconds until the window ends.
"""

import functools
import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .catalogue import InvalidFilter

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
#: "requests/seconds" per client address; override with OGPT_API_RATE_LIMIT.
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
    return request.META.get("REMOTE_ADDR", "unknown")


def _check_rate(request):
    """None when the request may go on, else the seconds to wait."""
    limit, seconds = rate_limit()
    now = time.time()
    window = int(now // seconds)
    key = f"ogpt:api:rate:{_client(request)}:{window}"
    cache.add(key, 0, seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        count = 1
    request.ogpt_rate = (limit, max(limit - count, 0))
    if count > limit:
        return max(1, int((window + 1) * seconds - now))
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
