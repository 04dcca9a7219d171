"""Where a translation stands, on entry pages and in lists of entries.

Entry pages are cached whole for anonymous readers until the next publish
(pages.cache); marking a field "still accurate" bumps the same generation,
so the notes below are never stale.
"""

from django import template
from django.utils.translation import get_language

from contributions.translation import state as translation
from contributions.translation.text import not_translated_banner, outdated_note
from pages.languages import other_language
from pages.routes import subpage_url

register = template.Library()


_LANGUAGES = {}  # locale id -> language code; locales are fixed once the site is set up


def _language_of(page):
    """The page's language without a query per page view (page.locale would be one)."""
    if page.locale_id not in _LANGUAGES:
        _LANGUAGES[page.locale_id] = page.locale.language_code
    return _LANGUAGES[page.locale_id]


@register.simple_tag
def entry_translation(page):
    """{untranslated, source_language, banner, notes, translate_url} for an entry page."""
    language = _language_of(page)
    states = translation.entry_states(page)
    untranslated = any(state.status == translation.MISSING for state in states.values())
    notes = [
        outdated_note(type(page), state, language)
        for state in states.values()
        if state.status in (translation.OUTDATED, translation.DIVERGED)
    ]
    return {
        "untranslated": untranslated,
        "source_language": other_language(language),
        "banner": not_translated_banner(language) if untranslated else "",
        "notes": notes,
        "translate_url": subpage_url(page.url, "translate"),
    }


@register.simple_tag
def untranslated_ids(entries):
    """The ids of the untranslated copies among `entries` (see translation.marks)."""
    try:
        ids = [entry.pk for entry in entries]
    except TypeError:
        return set()
    return translation.untranslated_among(ids)


@register.simple_tag
def source_language_code():
    """The language an untranslated copy on this site is written in: the other one."""
    return other_language(get_language())
