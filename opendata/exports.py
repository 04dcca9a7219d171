"""CC0 bulk exports, streamed: the whole catalogue as JSON, one CSV per kind.

Exports are made while they are downloaded (StreamingHttpResponse over
generators) rather than stored by a background task: there is nothing to keep
fresh, a download always matches the catalogue of that moment, and memory stays
flat however large the catalogue grows, because entry ids are read with a
server-side cursor (`.iterator(chunk_size=…)`) and serialized BATCH at a time
in a constant number of queries per batch (opendata.serialize).
"""

import csv
import hashlib
import json
from itertools import islice

from django.utils import timezone

from pages.languages import SITE_LANGUAGES
from safety.spreadsheets import safe_row

from .catalogue import Filters, catalogue_last_modified, entry_groups
from .serialize import (
    MODELS,
    TEXT_NAMES,
    UrlBuilder,
    fact_fields,
    has_links,
    has_logo,
    relation_fields,
    serialize_entries,
    text_fields,
)

BATCH = 200
#: The order in which kinds are written: what an entry points at comes first.
KIND_ORDER = ("topic", "organization", "tool", "use_case")
#: URL names of the CSV files (plural, hyphenated as in the site's URLs).
CSV_KINDS = {
    "tools": "tool",
    "use-cases": "use_case",
    "organizations": "organization",
    "topics": "topic",
}
LICENCE = "CC0-1.0"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
LIST_SEPARATOR = "|"


def batches(kind):
    """Lists of (translation_key, content_type_id), BATCH long, read with a server-side cursor."""
    rows = entry_groups(Filters(kind=kind)).values_list("translation_key", "content_type_id")
    iterator = rows.iterator(chunk_size=BATCH)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def iter_entries(base, kinds=KIND_ORDER):
    urls = UrlBuilder(base)
    for kind in kinds:
        for batch in batches(kind):
            yield from serialize_entries(batch, urls)


def export_version():
    """(last change, ETag seed): a new publish, unpublish or deletion changes both."""
    last = catalogue_last_modified()
    count = entry_groups(Filters()).count()
    seed = f"{last.isoformat() if last else ''}:{count}"
    return last, hashlib.sha256(seed.encode()).hexdigest()[:32]


def json_chunks(base):
    header = {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "source": base + "/",
        "generated_at": timezone.now().isoformat(),
        "languages": list(SITE_LANGUAGES),
    }
    yield json.dumps(header, ensure_ascii=False)[:-1] + ',"entries":['
    separator = "\n"
    for entry in iter_entries(base):
        yield separator + json.dumps(entry, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def csv_columns(kind):
    model = MODELS[kind]
    columns = ["id", "kind", "last_modified"]
    per_language = [TEXT_NAMES.get(name, name) for name in text_fields(model)] + ["slug", "url"]
    if has_links(model):
        per_language.append("links")
    columns += [f"{name}_{language}" for name in per_language for language in SITE_LANGUAGES]
    columns += fact_fields(model)
    if has_logo(model):
        columns.append("logo_url")
    columns += relation_fields(model)
    return columns


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value


def csv_row(entry, columns):
    row = []
    for column in columns:
        if column in ("id", "kind", "last_modified"):
            row.append(_cell(entry[column]))
            continue
        name, _sep, language = column.rpartition("_")
        if language in SITE_LANGUAGES and name:
            text = entry["translations"].get(language, {})
            value = text.get(name, "")
            if name == "links":
                value = json.dumps(value, ensure_ascii=False) if value else ""
            row.append(_cell(value))
        elif column in entry["relations"]:
            row.append(LIST_SEPARATOR.join(item["id"] for item in entry["relations"][column]))
        else:
            row.append(_cell(entry["facts"].get(column)))
    return row


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def csv_chunks(base, kind):
    columns = csv_columns(kind)
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns)  # the BOM lets spreadsheets see UTF-8
    for entry in iter_entries(base, kinds=(kind,)):
        yield writer.writerow(safe_row(csv_row(entry, columns)))
