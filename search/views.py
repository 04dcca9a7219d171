"""The search page, /<lang>/search/, and its autocomplete, /<lang>/search/suggest/."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pages.localized_urls import reverse_in
from pages.models import ENTRY_MODELS

from . import services
from .finding import MAX_RESULT_WINDOW

PER_PAGE = 20
SORT_LABELS = {
    "relevance": _("Relevance"),
    "updated": _("Recently updated"),
    "name": _("Name"),
}


class _PageOfHits:
    """The hits of one results page, posing as the whole list for Django's Paginator.

    The search engine returns one page at a time; the paginator only needs
    the total and the slice it asks for, which is the page we already have.
    """

    def __init__(self, results):
        self.results = results

    def __len__(self):
        return min(self.results.total, MAX_RESULT_WINDOW)

    def __getitem__(self, index):
        return self.results.hits


def _page_number(request):
    try:
        return max(1, min(int(request.GET.get("page", 1)), 10_000 // PER_PAGE))
    except ValueError:
        return 1


def search_view(request):
    """Never an error page: odd queries are cleaned, unknown facet values match nothing."""
    query = services.clean_query(request.GET.get("q", ""))
    filters = services.parse_filters(request.GET)
    sort = request.GET.get("sort", "relevance" if query else "name")
    sort = sort if sort in services.SORTS else "relevance"
    number = _page_number(request)
    results = services.find(
        query,
        get_language(),
        ENTRY_MODELS,
        limit=PER_PAGE,
        filters=filters,
        sort=sort,
        offset=(number - 1) * PER_PAGE,
        facets=True,
    )
    page = Paginator(_PageOfHits(results), PER_PAGE).get_page(number)
    state = [("q", query)] if query else []
    state += [(name, value) for name, values in filters.items() for value in values]
    if sort != ("relevance" if query else "name"):
        state.append(("sort", sort))
    _link_facets(results.facets, state)
    others = [item for item in state if item[0] != "q"]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "hits": page,
            "filters": filters,
            "sort": sort,
            "sorts": [(key, SORT_LABELS[key]) for key in services.SORTS],
            "state": state,
            "extra_query": urlencode(state),
            "any_filter": bool(filters),
            "suggestion_url": "?" + urlencode([("q", results.suggestion), *others])
            if results.suggestion
            else "",
            "other_language_url": _in_language(results.other_language, state),
        },
    )


def _in_language(language, state):
    """The same search on the site in `language` (the query and filters, as they are)."""
    if not language:
        return ""
    return reverse_in(language, "search") + "?" + urlencode(state)


def _toggled(state, name, value):
    """The query string of the current search with one facet value added or removed."""
    pair = (name, value)
    chosen = [item for item in state if item != pair and item[0] != "page"]
    if pair not in state:
        chosen.append(pair)
    return "?" + urlencode(chosen)


def _link_facets(facets, state):
    """Give every facet value the link that toggles it, and name the chosen ones for removal."""
    for facet in facets:
        for bucket in facet.buckets:
            bucket.url = _toggled(state, facet.name, bucket.value)


def suggest_view(request):
    """JSON for the search box's autocomplete: [{name, url, kind}] in the reader's language."""
    suggestions = services.suggest(request.GET.get("q", ""), get_language())
    labels = {model.kind: str(model._meta.verbose_name) for model in ENTRY_MODELS}
    data = [
        {"name": s.name, "url": s.url, "kind": s.kind, "kind_label": labels.get(s.kind, s.kind)}
        for s in suggestions
    ]
    response = JsonResponse({"results": data})
    response["Cache-Control"] = "public, max-age=60"
    return response
