"""The language switcher and hreflang alternates."""

import hashlib

from django import template
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page

from pages.cache import generation
from pages.languages import SITE_LANGUAGES

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per site language: code, name in that language, URL, current?

    On a page, the URL is the same page in the other language (keeping the
    sub-route, e.g. history/, translate/, discussion/). Elsewhere the current
    URL is translated.
    """
    request = context["request"]
    page = context.get("page") or context.get("self")
    current = get_language()
    key = None
    if isinstance(page, Page):
        # Every page shows the switcher: keep its lookups until the next publish.
        key = f"ogpt:langs:{generation()}:{request.get_host()}:{request.get_full_path()}:{current}"
        key = "ogpt:langs:" + hashlib.sha256(key.encode()).hexdigest()
        versions = cache.get(key)
        if versions is not None:
            return versions
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    versions = []
    for code in SITE_LANGUAGES:
        url = None
        if code in translations:
            target = translations[code]
            url = target.get_url(request)
            if url and page and request.path.startswith(page.get_url(request) or "\0"):
                url += portable_sub_route(request.path[len(page.get_url(request)) :])
        if url is None:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        versions.append(
            {"code": code, "name": info["name_local"], "url": url, "current": code == current}
        )
    if key:
        cache.set(key, versions, 60 * 60 * 24)
    return versions


def portable_sub_route(suffix):
    """The part of an entry sub-route that means the same in the other language.

    `edit/`, `history/`, `translate/`, `discussion/` do; what follows them
    (a revision id, a thread) belongs to one language version, so switching
    from `history/123/` leads to the other version's `history/`.
    """
    first = suffix.split("/", 1)[0]
    return f"{first}/" if first else ""
