"""The small API the rest of the site uses to index and find entries.

Views call `find()`; page changes call `index_entries()`. When Elasticsearch is
not configured (the embedded default) or does not answer, `find()` falls back
to Wagtail's database search and says so, so a search page never fails.
"""

import logging
import re
from dataclasses import dataclass, field

from elasticsearch import TransportError
from elasticsearch.exceptions import ApiError
from elasticsearch.helpers import bulk

from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale, Page

from . import client
from .documents import EntryDocument

logger = logging.getLogger(__name__)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
ES_ERRORS = (TransportError, ApiError, ConnectionError)


@dataclass
class Hit:
    page: Page
    highlight: str = ""
    other_language_only: bool = False


@dataclass
class Results:
    hits: list = field(default_factory=list)
    total: int = 0
    backend: str = "database"
    degraded: bool = False  # True when Elasticsearch should have answered but did not


# ------------------------------------------------------------ Indexing ---


def alias_name():
    return client.index_name("entries")


def create_index():
    """Create a new versioned index and return its name (the alias is not moved)."""
    name = f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"
    EntryDocument._index.clone(name).create(using=client.get_client())
    return name


def ensure_index():
    """Make sure the alias points at an index; create the first one if needed."""
    es = client.get_client()
    if es.indices.exists_alias(name=alias_name()):
        return alias_name()
    name = create_index()
    es.indices.put_alias(index=name, name=alias_name())
    return alias_name()


def build_document(pages):
    """One document from the language versions of one entry (same translation key)."""
    first = pages[0].specific
    doc = EntryDocument(meta={"id": str(first.translation_key)})
    doc.kind = first.kind
    doc.languages = []
    doc.updated_at = max(p.last_published_at or timezone.now() for p in pages)
    for page in pages:
        page = page.specific
        language = page.locale.language_code
        if language not in LANGUAGES:
            continue
        doc.languages.append(language)
        doc[f"name_{language}"] = page.title
        doc[f"summary_{language}"] = page.summary
        doc[f"body_{language}"] = "\n".join(
            str(getattr(page, name, "") or "")
            for name in page.translatable_fields
            if name not in ("title", "summary")
        )
        doc[f"url_{language}"] = page.url
    doc.name_suggest = " / ".join(sorted({p.title for p in pages}))
    _add_facts(doc, first)
    doc.related = _related_names(first)
    return doc


# The relations whose names a document shows (search.signals follows the
# same many-to-many fields backwards when one of those pages changes).
RELATED_NAMES = ("topics", "developers", "organizations", "tools")


def _related_names(page):
    """Names, in every language, of the topics, organizations and tools an entry points at.

    So that a search for an organization or topic name finds the tools filed
    under it; search.signals re-indexes these entries when such a name changes.
    """
    ids = []
    for name in RELATED_NAMES:
        if hasattr(page, name):
            ids += getattr(page, name).values_list("translation_key", flat=True)
    if not ids:
        return []
    titles = Page.objects.live().filter(translation_key__in=ids).values_list("title", flat=True)
    return sorted(set(titles))


def _add_facts(doc, page):
    topics = list(page.topics.all()) if hasattr(page, "topics") else []
    doc.topics = [str(t.translation_key) for t in topics]
    doc.licence = getattr(page, "licence", "") or None
    doc.open_source = getattr(page, "is_open_source", None)
    doc.pricing = getattr(page, "pricing", "") or None
    doc.hosting = getattr(page, "hosting", "") or None
    doc.interface_languages = getattr(page, "interface_languages", []) or []
    country = getattr(page, "country", "")
    doc.countries = [str(country)] if country else []
    doc.sector = getattr(page, "sector", "") or None


def entry_pages():
    """Live language versions of every catalogue entry (tools, use cases, organizations, topics)."""
    from pages.models import ENTRY_MODELS

    return Page.objects.live().type(*ENTRY_MODELS)


def live_versions_by_key(keys=None, chunk_size=500):
    """Yield (translation key, [live language versions]) for each entry, one group at a time.

    The one grouping used by `index_entries`, the index task and the
    `search_index` command; ordered by key so a rebuild streams in chunks
    instead of loading the catalogue into memory.
    """
    live = entry_pages().select_related("locale").order_by("translation_key", "pk")
    if keys is not None:
        live = live.filter(translation_key__in=list(keys))
    current, versions = None, []
    for page in live.specific().iterator(chunk_size=chunk_size):
        if versions and page.translation_key != current:
            yield current, versions
            versions = []
        current = page.translation_key
        versions.append(page)
    if versions:
        yield current, versions


def index_actions(groups, index=None):
    """Bulk actions (one document per entry) for `live_versions_by_key` groups."""
    for _key, versions in groups:
        action = build_document(versions).to_dict(include_meta=True)
        action["_index"] = index or alias_name()
        yield action


def index_entries(pages, index=None, refresh="wait_for"):
    """Index entries (any language version of each); returns how many documents were sent."""
    keys = {page.translation_key for page in pages}
    return index_groups(live_versions_by_key(keys), index, refresh)


def index_groups(groups, index=None, refresh=False):
    """Send the documents of `live_versions_by_key` groups; returns how many were sent."""
    sent, _errors = bulk(client.get_client(), index_actions(groups, index), refresh=refresh)
    return sent


def delete_entry(key, index=None, refresh=False):
    """Remove an entry's document; a document already gone is not an error."""
    client.get_client().options(ignore_status=404).delete(
        index=index or alias_name(), id=str(key), refresh=refresh
    )


# ------------------------------------------------------------- Finding ---


def find(query, language, models, limit=20):
    """Entries matching `query`, shown in `language`."""
    if client.is_configured():
        try:
            return _find_elasticsearch(query, language, models, limit)
        except ES_ERRORS:
            logger.warning("Elasticsearch did not answer; searching the database.", exc_info=True)
            results = _find_database(query, language, models, limit)
            results.degraded = True
            return results
    return _find_database(query, language, models, limit)


def _find_database(query, language, models, limit):
    # The database engines (SQLite FTS5, PostgreSQL) have their own query
    # syntax; only words reach them, so no input can make them fail.
    query = " ".join(re.findall(r"\w+", query))
    hits = []
    if not query:
        return Results(backend="database")
    locale = Locale.objects.filter(language_code=language).first()
    for model in models:
        queryset = model.objects.live().filter(locale=locale)
        for page in queryset.search(query)[:limit]:
            hits.append(Hit(page=page))
    return Results(hits=hits[:limit], total=len(hits), backend="database")


def _find_elasticsearch(query, language, models, limit):
    other = [code for code in LANGUAGES if code != language]
    fields = []
    for code in [language, *other]:
        boost = 1.0 if code == language else 0.8
        fields += [
            f"name_{code}^{3 * boost}",
            f"summary_{code}^{2 * boost}",
            f"body_{code}^{boost}",
        ]
        fields += [f"name_{code}.folded^{boost}", f"body_{code}.folded^{0.5 * boost}"]
    kinds = [model.kind for model in models]
    search = (
        EntryDocument.search(using=client.get_client(), index=alias_name())
        .filter("terms", kind=kinds)
        .query("multi_match", query=query, fields=fields, fuzziness="AUTO:4,7")
        .highlight_options(encoder="html", fragment_size=160, number_of_fragments=1)
        .highlight(f"summary_{language}", f"body_{language}")
        [:limit]
    )  # fmt: skip
    response = search.execute()
    keys = [hit.meta.id for hit in response]
    pages = {}
    for page in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        if str(page.translation_key) not in pages or page.locale.language_code == language:
            pages[str(page.translation_key)] = page
    hits = []
    for hit in response:
        page = pages.get(hit.meta.id)
        if page is None:
            continue
        highlight = ""
        if hasattr(hit.meta, "highlight"):
            fragments = hit.meta.highlight.to_dict().values()
            highlight = " … ".join(fragment for frags in fragments for fragment in frags)
        hits.append(
            Hit(
                page=page.specific,
                highlight=highlight,
                other_language_only=page.locale.language_code != language,
            )
        )
    return Results(hits=hits, total=response.hits.total.value, backend="elasticsearch")
