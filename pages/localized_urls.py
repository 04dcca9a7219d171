"""App URLs in the reader's language: `/en/recent-changes/`, `/fr/modifications-recentes/`.

The site's own pages (search, recent changes, adding an entry…) live inside
`i18n_patterns` with routes translated by gettext (`pgettext_lazy("URL", …)`),
so Django resolves and reverses each language's segments itself and
`translate_url()` (the language switcher) maps a page to its other-language
URL. Only the entry kind inside a route (`/fr/ajouter/outil/`) is a URL
*parameter*; `EntryKindConverter` translates it the same way.

The English segments that used to answer under `/fr/` redirect there (see
pages.url_fallbacks).
"""

from django.urls import register_converter, reverse
from django.utils.translation import override, pgettext_lazy

#: The kind in "add an entry" URLs (IndexPage.add_kind) → its URL segment.
KIND_SEGMENTS = {
    "tool": pgettext_lazy("URL", "tool"),
    "use-case": pgettext_lazy("URL", "use-case"),
    "organization": pgettext_lazy("URL", "organization"),
    "topic": pgettext_lazy("URL", "topic"),
}


class EntryKindConverter:
    """`<entry_kind:kind>`: the URL segment of the active language ⇄ the kind.

    Resolving `/fr/ajouter/outil/` gives `kind="tool"`; reversing with
    `kind="tool"` under French gives `outil`. A segment of another language
    does not match (`/fr/ajouter/tool/` is not a French URL).
    """

    regex = "[-a-z]+"

    def to_python(self, value):
        for kind, segment in KIND_SEGMENTS.items():
            if str(segment) == value:
                return kind
        raise ValueError(value)

    def to_url(self, value):
        if value not in KIND_SEGMENTS:
            raise ValueError(value)  # NoReverseMatch for an unknown kind
        return str(KIND_SEGMENTS[value])


register_converter(EntryKindConverter, "entry_kind")


def reverse_in(language, viewname, *args, **kwargs):
    """`reverse()` with the routes of `language`, whatever the active language."""
    with override(language):
        return reverse(viewname, *args, **kwargs)
