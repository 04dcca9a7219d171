"""Live language versions of catalogue entries, read as rows and grouped by entry.

A document needs about a dozen columns of each language version. Read as
Wagtail pages (specific instances, with their cluster machinery), the
versions were half of a full rebuild's time; read as rows of those columns,
they cost a tenth of that. The index outbox (`sync_entries`), `search_index
rebuild` and the benchmarks all read through `live_versions_by_key`, so that
every path writes the same document for an entry.

A version is a dict: the columns below, plus `model` (its page class).
"""

from wagtail.models import Page

#: Columns every version has.
COMMON = ("pk", "translation_key", "locale_id", "title", "url_path", "last_published_at")
#: Facet columns, read from the models that have them.
FACTS = ("licence", "open_source", "pricing", "hosting", "interface_languages", "country", "sector")


def entry_models():
    from pages.models import ENTRY_MODELS

    return ENTRY_MODELS


def entry_pages():
    """Live language versions of every catalogue entry (tools, use cases, organizations, topics)."""
    return Page.objects.live().type(*entry_models())


def columns(model):
    """What a document needs of a version of `model`: its text and its facets."""
    concrete = {field.name for field in model._meta.concrete_fields}
    text = [name for name in model.translatable_fields if name != "title"]
    return [*COMMON, *text, *(name for name in FACTS if name in concrete)]


def live_versions_by_key(keys=None, chunk_size=2000, models=None, key_range=None):
    """Yield (translation key, [live versions]) for each entry, one entry at a time.

    Kind after kind, ordered by key, so a rebuild streams the catalogue
    instead of loading it. `keys` limits it to those entries; `models` and
    `key_range` (from a key, included, to a key, excluded, or None for no
    bound) to a part of the catalogue (see `search.rebuilding`).
    """
    if keys is not None:
        keys = list(keys)
        if not keys:
            return
    for model in models or entry_models():
        rows = model.objects.live().order_by("translation_key", "pk").values(*columns(model))
        if keys is not None:
            rows = rows.filter(translation_key__in=keys)
        if key_range is not None:
            start, stop = key_range
            rows = rows.filter(translation_key__gte=start) if start is not None else rows
            rows = rows.filter(translation_key__lt=stop) if stop is not None else rows
        current, versions = None, []
        for row in rows.iterator(chunk_size=chunk_size):
            row["model"] = model
            if versions and row["translation_key"] != current:
                yield current, versions
                versions = []
            current = row["translation_key"]
            versions.append(row)
        if versions:
            yield current, versions
