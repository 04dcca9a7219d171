"""The site's languages, and language names as readers see them.

`SITE_LANGUAGES` is the one list of the languages the catalogue is written in
(read from `settings.LANGUAGES`, in its order): every app asks here rather than
spelling "en" and "fr" again, so that a third language is a settings change.

Language names: never a raw code, cased as each language writes them.

Django's catalogue names most languages, but not every code a tool may list
("zh" has only "zh-hans" and "zh-hant"; "no" has no French name): those are
named here. Django's French names are capitalised, as for a menu ("Anglais");
in the middle of a French sentence a language is a common noun ("en anglais"),
so sentences ask for `language_in_sentence`.
"""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext, gettext_lazy

from pages.sorting import sort_key

#: The codes of the languages the site is written in, in the settings' order.
SITE_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)

# Codes Django does not name, or names without a French translation.
EXTRA_NAMES = {
    "zh": gettext_lazy("Chinese"),
    "no": gettext_lazy("Norwegian"),
}

# Reader languages that write language names in lower case within a sentence.
LOWER_CASE_LANGUAGE_NAMES = {"fr", "es", "it", "pt", "ca", "nl", "sv", "da", "no", "pl", "ro"}


def other_language(code):
    """The other site language: the catalogue is bilingual, each entry translated from the other."""
    others = [language for language in SITE_LANGUAGES if language != code]
    return others[0] if others else code


def language_label(code):
    """The name of the language `code` in the reader's language, as a label ("Chinese",
    "Chinois"); an unknown code stays as it is rather than vanish."""
    if code in EXTRA_NAMES:
        return capfirst(str(EXTRA_NAMES[code]))
    try:
        return capfirst(gettext(get_language_info(code)["name"]))
    except KeyError:
        return code


def language_in_sentence(code):
    """The name as it reads inside a sentence: "in English", "en anglais"."""
    name = language_label(code)
    if name != code and (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


def language_choices(codes):
    """(code, name) pairs ordered by name in the reader's language, for checkboxes."""
    return sorted(((code, language_label(code)) for code in codes), key=lambda c: sort_key(c[1]))
