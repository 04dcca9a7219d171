"""Site-wide views of the public catalogue."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.templatetags.static import static
from django.utils.translation import check_for_language

from safety.redirects import safe_next

from .languages import SITE_LANGUAGES


def switch_language(request, language):
    """Remember the reader's language (cookie) and go to `next` in that language.

    A plain link rather than Django's POST set_language: pages then carry no
    CSRF token, so anonymous pages can be cached whole (see pages.cache).
    """
    if language not in SITE_LANGUAGES or not check_for_language(language):
        raise Http404
    target = safe_next(request, f"/{language}/")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


def favicon(request):
    """`/favicon.ico`, which browsers ask for on every site whatever the page says.

    A redirect to the static file, so that it carries the static files' long
    cache headers (and their hashed name in production).
    """
    response = HttpResponseRedirect(static("img/favicon.ico"))
    response["Cache-Control"] = f"public, max-age={60 * 60 * 24}"
    return response
