"""The small API the rest of the site uses to index and find entries.

Views call `find()` and `suggest()`; page changes reach the indexes through
their outbox (`search.pending`), which calls `update_entries()`: the
database's own index (`database_index`), then Elasticsearch's (`sync_entries()`).
Nothing outside `search/` talks to Elasticsearch: this module is the door.
The work is done in `indexing` (documents and index upkeep) and `finding`
(queries, facets, autocomplete, database fallback).
"""

from . import client, database_index
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


def update_entries(keys):
    """The database's index first, then Elasticsearch's (when configured); returns the keys done.

    While Elasticsearch is away, the database search that stands in for it is
    current; the outbox keeps the keys until Elasticsearch has them too.
    """
    done = database_index.sync(keys)
    return sync_entries(keys) if client.is_configured() else done


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
    "update_entries",
]
