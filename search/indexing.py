"""Building and sending the documents: one per entry, both languages together.

The grouping of language versions by translation key (`live_versions_by_key`)
is shared by the index task, the `search_index` command and the benchmarks,
so that every path writes the same document for an entry.
"""

import unicodedata
from itertools import islice

from elasticsearch.helpers import bulk

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

from . import client
from .documents import EntryDocument
from .related import RelatedFacts, languages_by_locale

LANGUAGES = [code for code, _name in settings.LANGUAGES]


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


def sort_key(text):
    """A name as it sorts for readers: case- and accent-insensitive ("Écrire" with the E's)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def untranslated_copies(page_ids):
    """The ids among `page_ids` of language versions that only hold the other language's text.

    Translation (contributions) keeps that list; such a copy's text is indexed
    under the language it is really written in, not twice, and its entry is
    flagged "only in French/English" to readers of the other language.
    """
    from django.apps import apps

    if not apps.is_installed("contributions"):
        return set()
    from contributions.services.translation import untranslated_among

    return untranslated_among(page_ids)


def build_document(pages, facts=None, languages=None):
    """One document from the language versions of one entry (same translation key).

    `facts` (a RelatedFacts) and `languages` ({locale id: code}) are read once
    per chunk by `index_actions`; alone, the function reads them itself.
    """
    pages = [page.specific for page in pages]
    first = pages[0]
    facts = facts or RelatedFacts([first])
    languages = languages or languages_by_locale()
    copies = untranslated_copies([page.pk for page in pages])
    doc = EntryDocument(meta={"id": str(first.translation_key)})
    doc.kind = first.kind
    doc.languages = []
    doc.updated_at = max(p.last_published_at or timezone.now() for p in pages)
    for page in pages:
        language = languages.get(page.locale_id)
        if language not in LANGUAGES:
            continue
        doc[f"url_{language}"] = page.url
        doc[f"name_sort_{language}"] = sort_key(page.title)
        if page.pk in copies:
            continue
        doc.languages.append(language)
        doc[f"name_{language}"] = page.title
        doc[f"summary_{language}"] = page.summary
        doc[f"body_{language}"] = "\n".join(
            str(getattr(page, name, "") or "")
            for name in page.translatable_fields
            if name not in ("title", "summary")
        )
    doc.name_suggest = " / ".join(sorted({p.title for p in pages}))
    _add_facts(doc, first, facts)
    doc.related = facts.related_names(first)
    return doc


def _add_facts(doc, page, facts):
    doc.topics, doc.themes = facts.topic_keys(page)
    doc.licence = getattr(page, "licence", "") or None
    doc.open_source = getattr(page, "is_open_source", None)
    doc.pricing = getattr(page, "pricing", "") or None
    doc.hosting = getattr(page, "hosting", "") or None
    doc.interface_languages = getattr(page, "interface_languages", []) or []
    organizations = facts.organizations_of(page)
    # The countries and sectors an entry is about: its own, or those of the
    # organizations that make or use it.
    countries = {str(getattr(page, "country", "") or "")} | {c for c, _s in organizations}
    doc.countries = sorted(c for c in countries if c)
    doc.sector = sorted({sector for _c, sector in organizations if sector})


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


def index_actions(groups, index=None, chunk_size=200):
    """Bulk actions (one document per entry) for `live_versions_by_key` groups.

    Groups are taken a chunk at a time so that related pages, locales and
    translation marks are read once per chunk, not once per entry.
    """
    groups = iter(groups)
    languages = languages_by_locale()
    while chunk := list(islice(groups, chunk_size)):
        facts = RelatedFacts([versions[0] for _key, versions in chunk])
        for _key, versions in chunk:
            action = build_document(versions, facts, languages).to_dict(include_meta=True)
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
