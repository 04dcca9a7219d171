"""Reading catalogue files into records: our JSON export, CSV, publiccode.yml.

Each parser turns a file into `Record`s (one entry each, with the line it
starts on) and raises `ImportFileError` with the file name and line for
anything it cannot read. Values are checked with the page models' own form
fields, so a file can only bring what the edit form would accept; an unknown
licence, kind or country, or an entry without a name, stops the import before
anything is written.
"""

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from contributions.snapshots import LINKS, RELATION, SCALAR, editable_fields
from pages.languages import SITE_LANGUAGES
from pages.licences import OPEN_SOURCE_LICENCES, PROPRIETARY
from pages.models import ToolPage
from safety.spreadsheets import unquote_cell

from ..serialize import MODELS

FORMATS = ("json", "csv", "publiccode")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
LIST_SEPARATOR = "|"


class ImportFileError(Exception):
    """A file that cannot be imported; says where, as `file:line: message`."""

    def __init__(self, source, line, message):
        self.source, self.line, self.message = source, line, str(message)
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


@dataclass
class Record:
    """One entry as a file describes it; only what the file gives is set."""

    source: str
    line: int
    kind: str
    entry_id: str = ""  # our own id (from our exports), when given
    external_id: str = ""  # the source's id for it
    text: dict = field(default_factory=dict)  # {language: {field: text}}
    links: dict = field(default_factory=dict)  # {language: [(url, label), …]}
    slugs: dict = field(default_factory=dict)  # {language: slug}
    facts: dict = field(default_factory=dict)  # {field: value}
    relations: dict = field(default_factory=dict)  # {field: [reference, …]}
    parent: str = ""  # topics: reference to the theme

    @property
    def name(self):
        for language in SITE_LANGUAGES:
            if self.text.get(language, {}).get("title"):
                return self.text[language]["title"]
        return ""

    @property
    def identity(self):
        return self.external_id or self.entry_id


def max_bytes():
    return getattr(settings, "OGPT_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_size(source, size):
    if size > max_bytes():
        raise ImportFileError(
            source,
            0,
            _("The file is %(size)d MB; files up to %(limit)d MB can be imported.")
            % {"size": size // (1024 * 1024), "limit": max_bytes() // (1024 * 1024)},
        )


def read_text(source, raw):
    check_size(source, len(raw))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(source, line, _("The file is not UTF-8 text.")) from error


# ------------------------------------------------------------ checking ---


def check_record(record):
    """Validate a record's values with the model fields; raise ImportFileError."""
    model = MODELS.get(record.kind)
    if model is None:
        raise ImportFileError(
            record.source,
            record.line,
            _("Unknown kind “%(kind)s”: use one of %(kinds)s.")
            % {"kind": record.kind, "kinds": ", ".join(MODELS)},
        )
    if not record.name:
        raise ImportFileError(record.source, record.line, _("This entry has no name."))
    kinds = dict(editable_fields(model))
    for name, value in list(record.facts.items()):
        if kinds.get(name) != SCALAR or name == "logo":
            del record.facts[name]  # a fact this kind does not have (e.g. a logo URL)
            continue
        if name == "licence" and value and value not in {*OPEN_SOURCE_LICENCES, PROPRIETARY}:
            raise ImportFileError(
                record.source,
                record.line,
                _("Unknown licence “%s”: use an SPDX identifier or “proprietary”.") % value,
            )
        model_field = model._meta.get_field(name)
        try:
            record.facts[name] = _clean(model_field, value)
        except ValidationError as error:
            raise ImportFileError(
                record.source,
                record.line,
                _("%(field)s: %(errors)s") % {"field": name, "errors": " ".join(error.messages)},
            ) from error
    record.relations = {
        name: refs for name, refs in record.relations.items() if kinds.get(name) == RELATION
    }
    links_field = next((name for name, kind in kinds.items() if kind == LINKS), None)
    if links_field is None:
        record.links = {}
    for language, texts in record.text.items():
        record.text[language] = {
            name: value for name, value in texts.items() if name in model.translatable_fields
        }
        for name, value in record.text[language].items():
            _validate(record, f"{name} ({language})", model._meta.get_field(name), value)
    for language, links in record.links.items():
        link_model = model._meta.get_field(links_field).related_model
        for url, label in links:
            _validate(record, f"links ({language})", link_model._meta.get_field("url"), url)
            _validate(record, f"links ({language})", link_model._meta.get_field("label"), label)
    return record


def _validate(record, where, model_field, value):
    """Run the model field's own checks (length, validators) on one text; ImportFileError.

    The same checks as the edit form's, so an import can bring nothing a person
    could not type; every message names the field and the line.
    """
    if not isinstance(value, str):
        raise ImportFileError(
            record.source, record.line, _("%(field)s: expected text.") % {"field": where}
        )
    if not value:
        return  # an empty name falls back to the other language's (checked above)
    try:
        model_field.clean(value, None)
    except ValidationError as error:
        raise ImportFileError(
            record.source,
            record.line,
            _("%(field)s: %(errors)s") % {"field": where, "errors": " ".join(error.messages)},
        ) from error


def _clean(model_field, value):
    if value is None:
        return None if model_field.null else ""
    if model_field.get_internal_type() == "JSONField":
        if isinstance(value, str):
            value = [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(_("Expected a list of words."))
        return value
    if model_field.get_internal_type() == "BooleanField":
        if isinstance(value, str):
            lowered = value.strip().lower()
            if lowered in ("", "none", "null") and model_field.null:
                return None
            if lowered not in ("true", "false", "1", "0", "yes", "no"):
                raise ValidationError(_("Expected true or false."))
            return lowered in ("true", "1", "yes")
        return value
    if isinstance(value, str):
        value = value.strip()
        if value == "" and model_field.null:
            return None
    if model_field.name == "country" and isinstance(value, str):
        value = value.upper()
    cleaned = model_field.clean(value, None)
    if hasattr(cleaned, "code"):
        return str(cleaned.code)
    return cleaned


# ------------------------------------------------------------- formats ---


def _ref(item):
    if isinstance(item, dict):
        return str(item.get("id") or item.get("name") or "")
    return str(item)


def record_from_export(source, line, data):
    """A record from one entry of our own JSON export (opendata.serialize)."""
    if not isinstance(data, dict):
        raise ImportFileError(source, line, _("Each entry is a JSON object."))
    record = Record(
        source=source,
        line=line,
        kind=str(data.get("kind", "")),
        entry_id=str(data.get("id") or ""),
        external_id=str(data.get("external_id") or ""),
    )
    for language, text in (data.get("translations") or {}).items():
        if language not in SITE_LANGUAGES or not isinstance(text, dict):
            continue
        values = {"title": text.get("name", "")}
        for name in ("summary", "description", "outcome"):
            if name in text:
                values[name] = text[name] or ""
        record.text[language] = values
        if text.get("slug"):
            record.slugs[language] = text["slug"]
        if "links" in text:
            record.links[language] = [
                (link.get("url", ""), link.get("label", "")) for link in text["links"] or []
            ]
    record.facts = dict(data.get("facts") or {})
    relations = dict(data.get("relations") or {})
    parents = relations.pop("parent", [])
    if parents:
        record.parent = _ref(parents[0])
    record.relations = {
        name: [_ref(item) for item in items or []] for name, items in relations.items()
    }
    return record


def parse_json(source, text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(source, error.lineno, _("Broken JSON: %s.") % error.msg) from error
    items = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ImportFileError(
            source, 1, _("Expected a list of entries, or an object with “entries”.")
        )
    lines = _entry_lines(text, len(items))
    return [record_from_export(source, lines[i], item) for i, item in enumerate(items)]


def _entry_lines(text, count):
    """The line on which each entry of the entries array starts (for error messages)."""
    decoder = json.JSONDecoder()
    start = text.find('"entries"')
    position = text.find("[", start if start >= 0 else 0)
    lines = []
    position += 1
    while len(lines) < count and position > 0:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        lines.append(text.count("\n", 0, position) + 1)
        try:
            _value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break
    return lines + [0] * (count - len(lines))


def parse_csv(source, text):
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    records = []
    try:
        header = reader.fieldnames or []
        if "kind" not in header:
            raise ImportFileError(source, 1, _("The CSV file needs a “kind” column."))
        for row in reader:
            records.append(_record_from_row(source, reader.line_num, row))
    except csv.Error as error:
        # The reader has not counted the line it failed on yet.
        line = reader.line_num + 1
        raise ImportFileError(source, line, _("Broken CSV: %s.") % error) from error
    return records


def _record_from_row(source, line, row):
    if None in row:
        raise ImportFileError(source, line, _("This row has more cells than the header."))
    row = {column: unquote_cell(value) for column, value in row.items()}  # our own exports
    kind = (row.get("kind") or "").strip()
    record = Record(
        source=source,
        line=line,
        kind=kind,
        entry_id=(row.get("id") or "").strip(),
        external_id=(row.get("external_id") or "").strip(),
    )
    model = MODELS.get(kind)
    kinds = dict(editable_fields(model)) if model else {}
    for language in SITE_LANGUAGES:
        values = {}
        for column, name in (
            ("name", "title"),
            ("summary", "summary"),
            ("description", "description"),
            ("outcome", "outcome"),
        ):
            key = f"{column}_{language}"
            if key in row and row[key] is not None:
                values[name] = row[key]
        if any(values.values()):
            values.setdefault("title", "")
            record.text[language] = values
        if row.get(f"slug_{language}"):
            record.slugs[language] = row[f"slug_{language}"]
        links = row.get(f"links_{language}")
        if links:
            try:
                record.links[language] = [
                    (item["url"], item.get("label", "")) for item in json.loads(links)
                ]
            except (json.JSONDecodeError, TypeError, KeyError) as error:
                raise ImportFileError(
                    source, line, _("links_%s is not a JSON list of links.") % language
                ) from error
    for column, value in row.items():
        kind_of_field = kinds.get(column)
        if kind_of_field == SCALAR:
            record.facts[column] = value
        elif kind_of_field == RELATION:
            record.relations[column] = [
                ref.strip() for ref in (value or "").split(LIST_SEPARATOR) if ref.strip()
            ]
    if row.get("parent"):
        record.parent = row["parent"].strip()
    return record


def parse_publiccode(source, text):
    """publiccode.yml: one tool per YAML document (a file may hold several)."""
    import yaml

    from .safe_yaml import YamlLimitError, load_all

    try:
        documents = load_all(text)
    except YamlLimitError as error:
        raise ImportFileError(source, error.line, str(error)) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(error, "problem", None) or str(error)
        raise ImportFileError(source, line, _("Broken YAML: %s.") % problem) from error
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("---")] or [1]
    records = []
    for index, document in enumerate(item for item in documents if item is not None):
        line = starts[index] if index < len(starts) else 1
        if not isinstance(document, dict):
            raise ImportFileError(source, line, _("A publiccode.yml document is a mapping."))
        records.append(_record_from_publiccode(source, line, document))
    return records


def _record_from_publiccode(source, line, data):
    url = str(data.get("url") or "")
    record = Record(source=source, line=line, kind=ToolPage.kind, external_id=url)
    name = str(data.get("name") or "")
    descriptions = data.get("description") or {}
    for language in SITE_LANGUAGES:
        text = descriptions.get(language) or {}
        if not isinstance(text, dict):
            continue
        values = {"title": str(text.get("localisedName") or name)}
        if text.get("shortDescription"):
            values["summary"] = str(text["shortDescription"]).strip()
        if text.get("longDescription"):
            values["description"] = str(text["longDescription"]).strip()
        if text:
            record.text[language] = values
    if not record.text and name:
        record.text["en"] = {"title": name}
    if url:
        record.facts["source_code_url"] = url
    if data.get("landingURL"):
        record.facts["website"] = str(data["landingURL"])
    legal = data.get("legal") or {}
    if legal.get("license"):
        record.facts["licence"] = str(legal["license"])
    languages = (data.get("localisation") or {}).get("availableLanguages") or []
    codes = sorted({str(code).split("-")[0].lower() for code in languages})
    if codes:
        record.facts["interface_languages"] = codes
    if data.get("categories"):
        record.relations["topics"] = [str(category) for category in data["categories"]]
    owner = legal.get("repoOwner") or legal.get("mainCopyrightOwner")
    if owner:
        record.relations["developers"] = [str(owner)]
    return record


PARSERS = {"json": parse_json, "csv": parse_csv, "publiccode": parse_publiccode}


def read_records(source, raw, file_format):
    """Parse and check every record of one file (bytes), or raise ImportFileError."""
    if file_format not in PARSERS:
        raise ImportFileError(source, 0, _("Unknown format: use json, csv or publiccode."))
    records = PARSERS[file_format](source, read_text(source, raw))
    return [check_record(record) for record in records]


def read_path(path, file_format):
    """Records of a file, or of every *.yml / *.yaml file of a folder (publiccode)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".yml", ".yaml"))
    else:
        files = [path]
    records = []
    for file_path in files:
        check_size(os.fspath(file_path), file_path.stat().st_size)  # before reading it
        records += read_records(os.fspath(file_path), file_path.read_bytes(), file_format)
    return records
