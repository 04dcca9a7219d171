"""From a thread's translation_key to the entry page in the reader's language."""

from django.utils.translation import get_language

from wagtail.models import Page


def entry_page(translation_key, language=None):
    """The live entry in `language` (the current one by default), else any live version."""
    return entry_pages([translation_key], language).get(translation_key)


def entry_pages(translation_keys, language=None):
    """{translation_key: specific page} in the language if it exists, in two queries.

    Lists (following, inbox, queue) show many entries: the language versions
    are chosen from one light query, then the chosen pages are loaded as their
    specific models together.
    """
    language = language or get_language()
    chosen = {}
    versions = Page.objects.live().filter(translation_key__in=set(translation_keys))
    for pk, key, code in versions.values_list("pk", "translation_key", "locale__language_code"):
        if key not in chosen or code == language:
            chosen[key] = pk
    if not chosen:
        return {}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=chosen.values()).specific()}
    return {key: pages[pk] for key, pk in chosen.items() if pk in pages}


def entry_versions(translation_keys):
    """{(translation_key, language): specific page} of every live version, for e-mails."""
    versions = Page.objects.live().filter(translation_key__in=set(translation_keys))
    rows = list(versions.values_list("pk", "translation_key", "locale__language_code"))
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[r[0] for r in rows]).specific()}
    return {(key, code): pages[pk] for pk, key, code in rows if pk in pages}


def version(translation_key, language):
    """The live `language` version of an entry (specific), or None."""
    page = (
        Page.objects.live()
        .filter(translation_key=translation_key, locale__language_code=language)
        .first()
    )
    return page.specific if page is not None else None


def translate_url(page):
    """Where `page`'s version gets written: its translate view (the dashboard links there too)."""
    return page.url + page.reverse_subpage("translate")
