"""Building and sending the documents: one per entry, both languages together.

Versions come from `search.versions` (rows, grouped by entry); every path
(the index outbox, `search_index rebuild`, the benchmarks) builds documents
here, so that they all write the same document for an entry.
"""

import uuid
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from urllib.parse import quote

from elasticsearch.helpers import bulk, streaming_bulk

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page, Site

from pages.languages import SITE_LANGUAGES
from pages.licences import open_source_flag
from pages.sorting import sort_key

from . import client
from .documents import EntryDocument
from .related import RelatedFacts, languages_by_locale
from .versions import live_versions_by_key

URL_SAFE = "/~:@!$&'()*+,;="  # what django.urls.reverse leaves unquoted in a path


def alias_name():
    return client.index_name("entries")


def create_index(bulk_load=False):
    """Create a new versioned index and return its name (the alias is not moved).

    With `bulk_load`, the index is refreshed every few seconds only and not
    synced to disk at every request while it fills (nobody searches it
    before the alias moves, and a rebuild cut short is simply run again);
    `finish_bulk_load` restores both. Not refreshing at all would leave all
    of the segment writing to the final refresh, while the workers sit idle:
    0.7 s of a 15,000-tool rebuild, 0.1–0.3 s with a refresh every 2 s.
    """
    name = f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"
    index = EntryDocument._index.clone(name)
    # One copy of each shard on another node of a cluster (bin/stack runs two).
    index.settings(number_of_replicas=settings.ELASTICSEARCH_REPLICAS)
    if bulk_load:
        index.settings(refresh_interval="2s", translog={"durability": "async"})
    index.create(using=client.get_client())
    return name


def finish_bulk_load(name):
    es = client.get_client()
    es.indices.put_settings(
        index=name,
        settings={"index": {"refresh_interval": None, "translog.durability": "request"}},
    )
    es.indices.refresh(index=name)


def ensure_index():
    """Make sure the alias points at an index; create the first one if needed."""
    es = client.get_client()
    if es.indices.exists_alias(name=alias_name()):
        return alias_name()
    if es.indices.exists(index=alias_name()):
        # A write reached Elasticsearch before any index existed, and it made
        # a plain index under the alias's name: it holds a few stray
        # documents at most; the real index replaces it.
        es.indices.delete(index=alias_name())
    name = create_index()
    es.indices.put_alias(index=name, name=alias_name())
    return alias_name()


def untranslated_copies(page_ids=None):
    """The ids among `page_ids` (None: all) of language versions that only hold
    the other language's text.

    Translation (contributions) keeps that list; such a copy's text is indexed
    under the language it is really written in, not twice, and its entry is
    flagged "only in French/English" to readers of the other language.
    """
    from django.apps import apps

    if not apps.is_installed("contributions"):
        return set()
    from contributions.translation.state import untranslated_among

    return untranslated_among(page_ids)


class PageUrls:
    """Pages' URLs, as `page.url` gives them, without asking Wagtail for each page.

    For every page Wagtail reads the site list from the cache and reverses a
    URL under the page's language: a quarter of a rebuild's time. With one
    site, a page's URL is its language's serving prefix ("/fr/") followed by
    its path under the site root, so the prefix is reversed once per root and
    language. Several sites: Wagtail decides, page by page.
    """

    def __init__(self):
        self.roots = Site.get_site_root_paths()
        self.single_site = len({root.site_id for root in self.roots}) == 1
        self.prefixes = {}

    def warm(self):
        """Reverse every prefix now: the first reverse of a process loads the
        URL configuration, which forked workers then inherit."""
        for root in self.roots if self.single_site else ():
            self.url(root.root_path, None)
        return self

    def url(self, url_path, pk):
        """The URL of the page at `url_path` (`pk` is only read with several sites)."""
        if not self.single_site:
            return Page.objects.get(pk=pk).get_url()
        root = next((r for r in self.roots if url_path.startswith(r.root_path)), None)
        if root is None:
            return None
        key = (root.root_path, root.language_code)
        if key not in self.prefixes:
            with translation.override(root.language_code):
                self.prefixes[key] = reverse("wagtail_serve", args=("",))
        return self.prefixes[key] + quote(url_path[len(root.root_path) :], safe=URL_SAFE)


def build_document(versions, facts=None, languages=None, copies=None, urls=None):
    """The source of the document of one entry, from its live versions (same key).

    `versions` are rows of `search.versions`. The result is a plain dict,
    not an `EntryDocument`: a rebuild makes tens of thousands of them, and
    the dict is what the bulk helpers send (the mapping stays in
    `EntryDocument`). `facts` (a RelatedFacts), `languages` ({locale id:
    code}), `copies` (ids of untranslated copies) and `urls` are shared by
    a chunk in `index_actions`; alone, the function reads them itself.
    """
    first = versions[0]
    model = first["model"]
    facts = facts or RelatedFacts([first])
    languages = languages or languages_by_locale()
    copies = untranslated_copies([v["pk"] for v in versions]) if copies is None else copies
    urls = urls or PageUrls()
    body_fields = [name for name in model.translatable_fields if name not in ("title", "summary")]
    doc = {
        "kind": model.kind,
        "languages": [],
        "updated_at": max(v["last_published_at"] or timezone.now() for v in versions),
    }
    for version in versions:
        language = languages.get(version["locale_id"])
        if language not in SITE_LANGUAGES:
            continue
        doc[f"url_{language}"] = urls.url(version["url_path"], version["pk"])
        doc[f"name_sort_{language}"] = sort_key(version["title"])
        if version["pk"] in copies:
            continue
        doc["languages"].append(language)
        doc[f"name_{language}"] = version["title"]
        doc[f"summary_{language}"] = version["summary"]
        doc[f"body_{language}"] = "\n".join(version[name] or "" for name in body_fields)
    doc["name_suggest"] = " / ".join(sorted({v["title"] for v in versions}))
    _add_facts(doc, first, facts)
    doc["related"] = facts.related_names(first)
    return doc


def _add_facts(doc, version, facts):
    doc["topics"], doc["themes"] = facts.topic_keys(version)
    doc["licence"] = version.get("licence") or None
    stated = version.get("open_source")
    doc["open_source"] = open_source_flag(stated, doc["licence"]) if "licence" in version else None
    doc["pricing"] = version.get("pricing") or None
    doc["hosting"] = version.get("hosting") or None
    doc["interface_languages"] = list(version.get("interface_languages") or [])
    organizations = facts.organizations_of(version)
    # The countries and sectors an entry is about: its own, or those of the
    # organizations that make or use it.
    countries = {str(version.get("country") or "")} | {c for c, _s in organizations}
    doc["countries"] = sorted(c for c in countries if c)
    doc["sector"] = sorted({sector for _c, sector in organizations if sector})


class Lookups:
    """What the documents of a run read besides their own versions.

    Locales' languages and URL prefixes always; for a full rebuild
    (`whole_catalogue()`), also the relations of the whole catalogue and its
    untranslated copies, read once instead of chunk after chunk.
    """

    def __init__(self, facts=None, copies=None):
        self.languages = languages_by_locale()
        self.urls = PageUrls()
        self.facts = facts
        self.copies = copies

    @classmethod
    def whole_catalogue(cls):
        lookups = cls(facts=RelatedFacts(), copies=untranslated_copies())
        lookups.urls.warm()
        return lookups


def index_actions(groups, index=None, chunk_size=200, lookups=None):
    """Bulk actions (one document per entry) for `live_versions_by_key` groups.

    Groups are taken a chunk at a time so that related pages and translation
    marks are read once per chunk, not once per entry (unless `lookups`
    already hold them for the whole catalogue).
    """
    groups = iter(groups)
    lookups = lookups or Lookups()
    index = index or alias_name()
    memo = {}
    while chunk := list(islice(groups, chunk_size)):
        facts, copies = lookups.facts, lookups.copies
        if facts is None:
            facts = RelatedFacts([versions[0] for _key, versions in chunk], memo)
        if copies is None:
            copies = untranslated_copies([v["pk"] for _key, vs in chunk for v in vs])
        for key, versions in chunk:
            source = build_document(versions, facts, lookups.languages, copies, lookups.urls)
            yield {"_index": index, "_id": str(key), "_source": source}


def send_overlapped(actions, chunk_size=500, in_flight=2, progress=None):
    """Send bulk actions while the next chunk is being built; returns how many were sent.

    Chunks are built here, in the calling thread (they read the database, and
    Django's connection belongs to this thread), and sent by two others, so
    that Elasticsearch analyses one chunk while Python builds the next.
    `progress(n)` is called as chunks are acknowledged.
    """
    es = client.get_client()
    sent = 0
    actions = iter(actions)
    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        waiting = deque()
        while chunk := list(islice(actions, chunk_size)):
            waiting.append(pool.submit(bulk, es, chunk))
            while len(waiting) >= in_flight:
                sent += _acknowledged(waiting.popleft(), progress)
        while waiting:
            sent += _acknowledged(waiting.popleft(), progress)
    return sent


def _acknowledged(future, progress):
    count, _errors = future.result()  # bulk() raises when a document is refused
    if progress:
        progress(count)
    return count


def sync_entries(keys, index=None, refresh=False):
    """Rewrite the documents of `keys` from the database, deleting those of
    entries with no live language version; returns the keys done.

    A key whose write Elasticsearch refused is left out of the result (it
    stays in the outbox); a connection error propagates. `refresh` is the
    bulk API's ("wait_for": searchable on return).
    """
    keys = {str(key) for key in keys}
    index = index or ensure_index()

    def actions():
        written = set()
        # A stray document's id need not even be a key (reconcile deletes it).
        groups = live_versions_by_key([key for key in keys if _is_key(key)])
        for action in index_actions(groups, index):
            written.add(action["_id"])
            yield action
        for key in sorted(keys - written):  # no live version left
            yield {"_op_type": "delete", "_index": index, "_id": key}

    done = set()
    for ok, item in streaming_bulk(
        client.get_client(), actions(), raise_on_error=False, max_retries=2, refresh=refresh
    ):
        operation, result = item.popitem()
        gone = operation == "delete" and result.get("status") == 404
        if ok or gone:
            done.add(result["_id"])
    return done


def _is_key(text):
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
