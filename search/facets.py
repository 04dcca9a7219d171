"""The facets of the search page: which keyword fields, their URL names and their labels.

A facet's URL parameter is its field name (`?topics=…&licence=MIT`), values
are the stored keywords, so any filtered search is a plain, shareable link.
Values that do not exist simply match nothing; they never cause an error.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_VALUES_PER_FACET = 10  # no query string is needed to ask for silly numbers


@dataclass(frozen=True)
class Facet:
    name: str  # the document field and the URL parameter
    label: str
    max_buckets: int = 50


FACETS = (
    Facet("kind", _("Kind of entry")),
    Facet("themes", _("Theme")),
    Facet("topics", _("Topic")),
    Facet("licence", _("Licence")),
    Facet("open_source", _("Open source")),
    Facet("pricing", _("Pricing")),
    Facet("hosting", _("Hosting")),
    Facet("interface_languages", _("Interface language")),
    Facet("countries", _("Country")),
    Facet("sector", _("Organization sector")),
)
FACET_NAMES = tuple(facet.name for facet in FACETS)


@dataclass
class Bucket:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetResult:
    facet: Facet
    buckets: list = field(default_factory=list)

    @property
    def name(self):
        return self.facet.name

    @property
    def label(self):
        return self.facet.label

    @property
    def selected(self):
        return [bucket for bucket in self.buckets if bucket.selected]


def parse_filters(querydict):
    """Facet filters from request parameters: {facet name: [values]}, nothing else.

    Unknown parameters are ignored and values are capped in number and length,
    so a hand-edited URL gives a normal page.
    """
    filters = {}
    for name in FACET_NAMES:
        values = [value.strip()[:100] for value in querydict.getlist(name) if value.strip()]
        if values:
            filters[name] = list(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
    return filters


# Facets listed by count then label; the others keep their natural order.
BY_COUNT = ("topics", "themes", "countries", "interface_languages", "licence")


def facet_results(counts, filters, language):
    """[FacetResult] in FACETS order, from {facet name: [(value, count)]} in count order.

    Both searches count values their own way and end here, so that the page
    shows their facets alike.
    """
    label = labeller(language)
    results = []
    for facet in FACETS:
        chosen = set(filters.get(facet.name, []))
        buckets = [
            Bucket(value, label(facet.name, value), count, value in chosen)
            for value, count in counts.get(facet.name, [])
        ]
        # A chosen value with no results stays visible, so it can be unchosen.
        present = {bucket.value for bucket in buckets}
        buckets += [Bucket(value, label(facet.name, value), 0, True) for value in chosen - present]
        if facet.name in BY_COUNT:
            buckets.sort(key=lambda b: (-b.count, b.label.casefold()))
        results.append(FacetResult(facet, buckets))
    return results


def labeller(language):
    """A function (facet name, value) -> label in the reader's language."""
    labels = _ValueLabels(language)
    return labels.label


class _ValueLabels:
    """Labels for stored facet values; topic names come from the database in one query."""

    def __init__(self, language):
        self.language = language
        self._topic_cache = None

    def label(self, name, value):
        method = getattr(self, f"_{name}", None)
        return str(method(value)) if method else value

    def _kind(self, value):
        from pages.models import ENTRY_MODELS

        for model in ENTRY_MODELS:
            if model.kind == value:
                return model._meta.verbose_name_plural.capitalize()
        return value

    def _open_source(self, value):
        return pgettext_lazy("open source facet", "Yes") if value == "true" else _("No")

    def _licence(self, value):
        from pages.licences import PROPRIETARY

        return _("Proprietary") if value == PROPRIETARY else value

    def _choice(self, choices, value):
        return dict(choices.choices).get(value, value)

    def _pricing(self, value):
        from pages.models.choices import Pricing

        return self._choice(Pricing, value)

    def _hosting(self, value):
        from pages.models.choices import Hosting

        return self._choice(Hosting, value)

    def _sector(self, value):
        from pages.models.choices import Sector

        return self._choice(Sector, value)

    def _interface_languages(self, value):
        from pages.languages import language_label

        return language_label(value)

    def _countries(self, value):
        from django_countries import countries

        return countries.name(value) or value

    def _topics(self, value):
        return self.topic_names().get(value, value)

    _themes = _topics

    def topic_names(self):
        if self._topic_cache is None:
            self._topic_cache = _topic_names(self.language)
        return self._topic_cache


def _topic_names(language):
    """{translation key: title} of every topic, in `language` where it exists."""
    from pages.models import TopicPage

    names = {}
    rows = TopicPage.objects.live().values_list("translation_key", "title", "locale__language_code")
    for key, title, code in rows:
        if str(key) not in names or code == language:
            names[str(key)] = title
    return names
