"""While the database does not answer, pages say so: a translated 503 with Retry-After.

Without this, a PostgreSQL restart showed readers a bare "Server Error (500)"
and told crawlers and proxies nothing about coming back. Whatever layer hit
the database error (a middleware loading the session, a view), Django turns
it into a 500 response on the spot; the `got_request_exception` signal, sent
while the exception is being handled, marks the request, and the middleware
(placed near the top) swaps that 500 for the outage page. The page is
rendered without a request context (context processors query the database),
in the language of the URL prefix. Nothing is kept between requests: as soon
as the database answers again, so do the pages.
"""

import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER = 15  # seconds


def _mark_database_error(sender, request=None, **kwargs):
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_unavailable = True


got_request_exception.connect(_mark_database_error, dispatch_uid="ogpt-database-outage")


def outage_response(request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False):
            return outage_response(request)
        return response
