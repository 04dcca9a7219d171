"""The small API the rest of the site uses to index and find entries.

Views call `find()` and `suggest()`; page changes reach the index through
its outbox (`search.pending`), which calls `sync_entries()`.
Nothing outside `search/` talks to Elasticsearch: this module is the door.
The work is done in `indexing` (documents and index upkeep) and `finding`
(queries, facets, autocomplete, database fallback).
"""

from .documents import EntryDocument
from .facets import FACETS, parse_filters
from .finding import ES_ERRORS, SORTS, Hit, Results, clean_query, find, suggest
from .indexing import (
    alias_name,
    build_document,
    create_index,
    ensure_index,
    finish_bulk_load,
    index_actions,
    send_overlapped,
    sort_key,
    sync_entries,
)
from .related import RELATED_NAMES
from .versions import entry_pages, live_versions_by_key

__all__ = [
    "ES_ERRORS",
    "FACETS",
    "RELATED_NAMES",
    "SORTS",
    "EntryDocument",
    "Hit",
    "Results",
    "alias_name",
    "build_document",
    "clean_query",
    "create_index",
    "ensure_index",
    "entry_pages",
    "finish_bulk_load",
    "find",
    "index_actions",
    "live_versions_by_key",
    "parse_filters",
    "send_overlapped",
    "sort_key",
    "suggest",
    "sync_entries",
]
