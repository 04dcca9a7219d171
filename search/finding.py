"""Finding entries: the search page's query, facets, sorting and paging, and autocomplete.

One query searches both languages; each hit is then shown in the reader's
language. When Elasticsearch is not configured (the embedded default) or does
not answer, the same call answers from the database's own index
(`search.database_search`), with the same features and `Results.backend ==
"database"`.
"""

import logging
from dataclasses import dataclass, field

from elasticsearch import TransportError
from elasticsearch.exceptions import ApiError
from elasticsearch_dsl import Q

from wagtail.models import Page

from pages.languages import SITE_LANGUAGES

from . import client, database_search
from .documents import EntryDocument
from .facets import FACETS, facet_results
from .indexing import alias_name

logger = logging.getLogger(__name__)
ES_ERRORS = (TransportError, ApiError, ConnectionError)
SORTS = ("relevance", "updated", "name")
MAX_QUERY_LENGTH = 200  # longer input is cut, never refused
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default deepest page


@dataclass
class Hit:
    page: Page
    highlight: str = ""
    other_language_only: bool = False  # the entry is not written in the reader's language yet


@dataclass
class Results:
    hits: list = field(default_factory=list)
    total: int = 0
    backend: str = "database"
    degraded: bool = False  # True when Elasticsearch should have answered but did not
    facets: list = field(default_factory=list)  # FacetResult, in FACETS order
    offset: int = 0
    suggestion: str = ""  # "did you mean": the query with its misspelt words corrected
    other_language: str = ""  # a language whose text matched the first hits better

    @property
    def has_facets(self):
        """Whether any facet has a value to show (none when nothing matched)."""
        return any(facet.buckets for facet in self.facets)


def clean_query(text):
    """Whitespace collapsed and length capped: any input is a valid query."""
    return " ".join(str(text or "").split())[:MAX_QUERY_LENGTH]


def find(
    query, language, models, limit=20, *, filters=None, sort="relevance", offset=0, facets=False
):
    """Entries matching `query` (all entries if empty), shown in `language`.

    `filters` maps facet names to accepted values (any of them, within a
    facet; every facet, across facets); `facets=True` also counts the values
    of every facet, each count taking the *other* facets' filters into
    account so that a reader sees what choosing a value would give.
    """
    query = clean_query(query)
    filters = filters or {}
    sort = sort if sort in SORTS else "relevance"
    offset = max(0, min(offset, MAX_RESULT_WINDOW - limit))
    if client.is_configured():
        try:
            return _find_elasticsearch(
                query, language, models, limit, filters, sort, offset, facets
            )
        except ES_ERRORS:
            logger.warning("Elasticsearch did not answer; searching the database.", exc_info=True)
            results = _find_database(query, language, models, limit, filters, sort, offset, facets)
            results.degraded = True
            return results
    return _find_database(query, language, models, limit, filters, sort, offset, facets)


# ------------------------------------------------------------ Database ---


def _find_database(query, language, models, limit, filters, sort, offset, with_facets):
    """The database's own index (`search.database_search`): the same page, from SQL."""
    kinds = {model.kind for model in models}
    entries, counts, fixed = database_search.search(
        query, language, kinds, filters, sort, with_facets
    )
    chosen = entries[offset : offset + limit]
    pages = _pages_in([entry.key for entry in chosen], language)
    hits = [
        Hit(
            page=pages[entry.key],
            other_language_only=language not in entry.facts.get("languages", [language]),
        )
        for entry in chosen
        if entry.key in pages
    ]
    results = Results(hits=hits, total=len(entries), backend="database", offset=offset)
    if with_facets:
        results.facets = facet_results(counts, filters, language)
    if fixed:
        results.suggestion = database_search.corrected_query(query, fixed)
    results.other_language = _better_language([entry.languages for entry in entries[:5]], language)
    return results


def _better_language(matched, language):
    """The other language, when most of the first hits matched only in its text."""
    others = [codes for codes in matched if codes and language not in codes]
    if matched and len(others) * 2 > len(matched):
        return next(iter(others[0]))
    return ""


# ------------------------------------------------------- Elasticsearch ---


def text_fields(language):
    """Fields and boosts: the reader's language first, then the other one's."""
    fields = []
    for code in [language, *[c for c in SITE_LANGUAGES if c != language]]:
        boost = 1.0 if code == language else 0.8
        fields += [
            f"name_{code}^{4 * boost:g}",
            f"summary_{code}^{2 * boost:g}",
            f"body_{code}^{boost:g}",
            f"name_{code}.folded^{2 * boost:g}",
            f"summary_{code}.folded^{0.5 * boost:g}",
        ]
    return fields


def text_query(query, language):
    """Exact words first, then with typos (4+ letters), names as phrases, then related names."""
    fields = text_fields(language)
    return Q(
        "bool",
        should=[
            Q("multi_match", query=query, fields=fields, operator="and", boost=2),
            # Typos: on names and summaries only, where a misspelt word is
            # worth finding; fuzzy terms over long bodies cost much and add noise.
            Q(
                "multi_match",
                query=query,
                fields=[f for f in fields if f.startswith(("name_", "summary_"))],
                operator="and",
                fuzziness="AUTO:4,7",
                prefix_length=1,
                max_expansions=20,
            ),
            Q("multi_match", query=query, fields=fields, minimum_should_match="2<70%", boost=0.3),
            Q("multi_match", query=query, type="phrase", fields=fields[:1] + fields[5:6], boost=3),
            Q("match", related={"query": query, "operator": "and", "boost": 0.6}),
            Q("match", name_suggest={"query": query, "operator": "and", "boost": 0.5}),
        ],
        minimum_should_match=1,
    )


def facet_filter(name, values):
    if name == "open_source":
        # A boolean field: anything but true/false would be an error, so it matches nothing.
        values = [v for v in values if v in ("true", "false")] or ["__none__"]
        if values == ["__none__"]:
            return Q("bool", must_not=Q("match_all"))
    return Q("terms", **{name: values})


def _sorting(sort, language, has_query):
    name = [{f"name_sort_{language}": {"order": "asc", "missing": "_last"}}]
    if sort == "updated":
        return [{"updated_at": {"order": "desc"}}, *name]
    if sort == "name" or not has_query:
        return name
    return ["_score", *name]


def _find_elasticsearch(query, language, models, limit, filters, sort, offset, with_facets):
    search = EntryDocument.search(using=client.get_client(), index=alias_name())
    search = search.filter("terms", kind=[model.kind for model in models])
    search = search.query(text_query(query, language) if query else Q("match_all"))
    chosen = {name: facet_filter(name, values) for name, values in filters.items()}
    if chosen:
        search = search.post_filter(Q("bool", filter=list(chosen.values())))
    if with_facets:
        for facet in FACETS:
            others = [q for name, q in chosen.items() if name != facet.name]
            search.aggs.bucket(facet.name, "filter", filter=Q("bool", filter=others)).bucket(
                "values", "terms", field=facet.name, size=facet.max_buckets
            )
    if query:
        highlighted = [f"{kind}_{code}" for code in SITE_LANGUAGES for kind in ("summary", "body")]
        # Marking the words with the whole query made Elasticsearch expand
        # every fuzzy term again for each hit and field: 10 to 15 times the
        # cost of the search itself. The words (stemmed, with synonyms) are
        # what readers look for in an extract; misspelt ones stay unmarked.
        words = Q("multi_match", query=query, fields=highlighted)
        search = search.highlight_options(
            encoder="html",
            fragment_size=160,
            number_of_fragments=1,
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            highlight_query=words.to_dict(),
        ).highlight(*highlighted)
        for name in SPELLING_FIELDS:
            search = search.suggest(name, query, term={"field": name, **SPELLING})
    search = search.sort(*_sorting(sort, language, bool(query))).extra(track_total_hits=True)
    response = search[offset : offset + limit].execute()
    results = Results(
        hits=_hits(response, language),
        total=response.hits.total.value,
        backend="elasticsearch",
        offset=offset,
    )
    if with_facets:
        results.facets = _facet_results(response, filters, language)
    if query and results.total < FEW_RESULTS:
        results.suggestion = _spelling(response, query)
    matched = [_highlighted_languages(hit) for hit in list(response)[:5]]
    results.other_language = _better_language(matched, language)
    return results


# "Did you mean": the term suggester, on the words of names and summaries, for
# words those fields do not have; offered when the query finds little.
SPELLING_FIELDS = [
    f"{kind}_{code}.folded" for kind in ("name", "summary") for code in SITE_LANGUAGES
]
SPELLING = {"suggest_mode": "missing", "min_word_length": 4, "prefix_length": 1, "size": 1}
FEW_RESULTS = 5


def _spelling(response, query):
    """The query with each misspelt word replaced by the best-scored correction, or ""."""
    if not hasattr(response, "suggest"):
        return ""
    best = {}  # offset of a word -> (score, length, correction)
    for name in SPELLING_FIELDS:
        for entry in getattr(response.suggest, name, []):
            for option in entry.options:
                if option.score > best.get(entry.offset, (0,))[0]:
                    best[entry.offset] = (option.score, entry.length, option.text)
    if not best:
        return ""
    text = query
    for offset, (_score, length, correction) in sorted(best.items(), reverse=True):
        text = text[:offset] + correction + text[offset + length :]
    return text


def _highlighted_languages(hit):
    """The languages whose fields matched a hit's words (from its highlighted fields)."""
    if not hasattr(hit.meta, "highlight"):
        return set()
    return {name.rsplit("_", 1)[-1] for name in hit.meta.highlight.to_dict()}


def _pages_in(keys, language):
    """{translation key: the live page to show}, the reader's language when it exists.

    The reader's language first, then the other language only for the keys
    it lacks: most entries exist in both, and building each hit's page twice
    (Wagtail's specific pages are costly to make) was half of a search's time.
    `.specific()` fetches one query per page type, not one per hit.
    """
    if not keys:
        return {}
    live = Page.objects.live()
    chosen = {
        str(page.translation_key): page
        for page in live.filter(translation_key__in=keys, locale__language_code=language).specific()
    }
    missing = [key for key in keys if str(key) not in chosen]
    for page in live.filter(translation_key__in=missing).specific() if missing else ():
        chosen.setdefault(str(page.translation_key), page)
    return chosen


def _highlight(hit, language):
    if not hasattr(hit.meta, "highlight"):
        return ""
    fragments = hit.meta.highlight.to_dict()
    # The reader's language first; the other language only when it alone matched.
    own = [frag for name, frags in fragments.items() if name.endswith(language) for frag in frags]
    other = [frag for frags in fragments.values() for frag in frags]
    return " … ".join(own or other[:1])


def _hits(response, language):
    pages = _pages_in([hit.meta.id for hit in response], language)
    hits = []
    for hit in response:
        page = pages.get(hit.meta.id)
        if page is None:  # unpublished since it was indexed: the index task will catch up
            continue
        written = list(getattr(hit, "languages", []) or [])
        hits.append(
            Hit(
                page=page,
                highlight=_highlight(hit, language),
                other_language_only=bool(written) and language not in written,
            )
        )
    return hits


def _facet_results(response, filters, language):
    counts = {}
    for facet in FACETS:
        buckets = getattr(response.aggregations, facet.name).values.buckets
        counts[facet.name] = [
            (
                bucket.key_as_string if facet.name == "open_source" else str(bucket.key),
                bucket.doc_count,
            )
            for bucket in buckets
        ]
    return facet_results(counts, filters, language)


# -------------------------------------------------------- Autocomplete ---


@dataclass
class Suggestion:
    name: str
    url: str
    kind: str


def suggest(prefix, language, limit=8):
    """Entry names starting with the words typed, for the search box; cheap enough per keystroke."""
    prefix = clean_query(prefix)[:60]
    if not prefix.strip():
        return []
    if client.is_configured():
        try:
            return _suggest_elasticsearch(prefix, language, limit)
        except ES_ERRORS:
            logger.warning("Elasticsearch did not answer; suggesting from the database.")
    return _suggest_database(prefix, language, limit)


def _suggest_elasticsearch(prefix, language, limit):
    other = [code for code in SITE_LANGUAGES if code != language]
    query = Q(
        "bool",
        must=Q("match", name_suggest={"query": prefix, "operator": "and"}),
        should=[
            Q("match_phrase_prefix", **{f"name_{code}.folded": prefix}) for code in SITE_LANGUAGES
        ],
    )
    fields = ["kind"] + [f"{name}_{code}" for name in ("name", "url") for code in SITE_LANGUAGES]
    search = (
        EntryDocument.search(using=client.get_client(), index=alias_name())
        .query(query)
        .source(fields)
        .sort("_score", {f"name_sort_{language}": {"order": "asc", "missing": "_last"}})
        [:limit]
    )  # fmt: skip
    suggestions = []
    for hit in search.execute():
        names = [getattr(hit, f"name_{code}", None) for code in [language, *other]]
        urls = [getattr(hit, f"url_{code}", None) for code in [language, *other]]
        name, url = next((n for n in names if n), None), next((u for u in urls if u), None)
        if name and url:
            suggestions.append(Suggestion(name=name, url=url, kind=hit.kind))
    return suggestions


def _suggest_database(prefix, language, limit):
    from pages.models import ENTRY_MODELS

    pages = (
        Page.objects.live()
        .type(*ENTRY_MODELS)
        .filter(locale__language_code=language, title__icontains=prefix)
        .order_by("title")
        .specific()[:limit]
    )
    return [Suggestion(name=page.title, url=page.url, kind=page.kind) for page in pages]
