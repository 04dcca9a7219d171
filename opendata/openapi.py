"""The OpenAPI 3.1 description of `/api/v1/`, served at `/api/v1/schema/`.

Written by hand next to the views (opendata.api, opendata.exports) rather than
generated, so that it can say exactly what each field means; the schemathesis
test (tests/opendata/test_api_schema.py) keeps it honest by checking every
answer of the API against it. Field lists come from the page models, so a fact
added to a model appears here too.
"""

from pages.languages import SITE_LANGUAGES
from pages.licences import OPEN_SOURCE_LICENCES, PROPRIETARY
from pages.numbers import MAX_BIG_INTEGER

from .catalogue import MAX_PAGE_SIZE
from .exports import CSV_KINDS, LICENCE
from .serialize import MODELS

NULLABLE_STRING = {"type": ["string", "null"]}
DATE_TIME = {"type": "string", "format": "date-time"}
NULLABLE_DATE_TIME = {"type": ["string", "null"], "format": "date-time"}
STRING_LIST = {"type": "array", "items": {"type": "string"}}
FACTS = {
    "website": {"type": "string", "description": "Website (empty when unknown)."},
    "source_code_url": {"type": "string", "description": "Source code repository."},
    "licence": {
        "type": "string",
        "enum": ["", *sorted(OPEN_SOURCE_LICENCES), PROPRIETARY],
        "description": "SPDX identifier, “proprietary”, or empty when unknown.",
    },
    "open_source": {"type": ["boolean", "null"], "description": "As stated; null: not stated."},
    "pricing": {"type": "string"},
    "hosting": {"type": "string"},
    "interface_languages": {**STRING_LIST, "description": "ISO 639-1 codes."},
    "programming_languages": STRING_LIST,
    "has_api": {"type": ["boolean", "null"], "description": "null: not stated."},
    "logo_url": {**NULLABLE_STRING, "description": "The original logo image."},
    "country": {"type": "string", "description": "ISO 3166-1 alpha-2 code, or empty."},
    "year_started": {"type": ["integer", "null"]},
    "sector": {"type": "string"},
    "organization_kind": {"type": "string"},
}
RELATIONS = ("topics", "developers", "organizations", "tools", "parent")
ID_PARAMETER = {
    "name": "entry_id",
    "in": "path",
    "required": True,
    "description": "The entry's id (shared by its language versions).",
    "schema": {"type": "string", "format": "uuid"},
}
PAGE_SIZE = {
    "name": "page_size",
    "in": "query",
    "description": f"Results per page (default 50, at most {MAX_PAGE_SIZE}).",
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema, description, headers=None):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def _error(description):
    return _json(_ref("Error"), description)


CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Send it back in If-None-Match."},
    "Last-Modified": {"schema": {"type": "string"}, "description": "Latest change shown."},
}
COMMON_ERRORS = {
    "429": {
        **_error("Too many requests from this address; wait Retry-After seconds."),
        "headers": {"Retry-After": {"schema": {"type": "string"}, "required": True}},
    },
}
NOT_MODIFIED = {"304": {"description": "Not modified since the ETag or date you sent."}}


def _schemas():
    translation = {
        "type": "object",
        "required": ["id", "slug", "url", "last_published_at", "name", "summary", "description"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer", "description": "The page id of this language version."},
            "slug": {"type": "string"},
            "url": {**NULLABLE_STRING, "description": "The page on the site."},
            "last_published_at": NULLABLE_DATE_TIME,
            "name": {"type": "string"},
            "summary": {"type": "string"},
            "description": {"type": "string", "description": "Markdown."},
            "outcome": {"type": "string", "description": "Use cases only; Markdown."},
            "links": {
                "type": "array",
                "description": "Use cases only.",
                "items": {
                    "type": "object",
                    "required": ["url", "label"],
                    "additionalProperties": False,
                    "properties": {"url": {"type": "string"}, "label": {"type": "string"}},
                },
            },
        },
    }
    related = {
        "type": "object",
        "required": ["id", "kind", "urls"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "kind": {"type": "string", "enum": list(MODELS)},
            "urls": {
                "type": "object",
                "additionalProperties": False,
                "properties": dict.fromkeys(SITE_LANGUAGES, NULLABLE_STRING),
            },
        },
    }
    entry_properties = {
        "id": {"type": "string", "format": "uuid"},
        "kind": {"type": "string", "enum": list(MODELS)},
        "last_modified": NULLABLE_DATE_TIME,
        "languages": {"type": "array", "items": {"type": "string", "enum": list(SITE_LANGUAGES)}},
        "translations": {
            "type": "object",
            "additionalProperties": False,
            "properties": {language: _ref("Translation") for language in SITE_LANGUAGES},
        },
        "facts": {"type": "object", "additionalProperties": False, "properties": FACTS},
        "relations": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                name: {"type": "array", "items": _ref("RelatedEntry")} for name in RELATIONS
            },
        },
    }
    export_entry = {
        "type": "object",
        "required": list(entry_properties),
        "additionalProperties": False,
        "properties": entry_properties,
    }
    entry = {
        "type": "object",
        "required": [*entry_properties, "api_url", "revisions_url"],
        "additionalProperties": False,
        "properties": {
            **entry_properties,
            "api_url": {"type": "string"},
            "revisions_url": {"type": "string"},
        },
    }
    revision = {
        "type": "object",
        "required": ["id", "language", "date", "author", "summary", "kind", "minor"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "language": {"type": "string"},
            "date": DATE_TIME,
            "author": {**NULLABLE_STRING, "description": "The author's display name."},
            "summary": {"type": "string"},
            "kind": {
                "type": "string",
                "enum": ["create", "edit", "restore", "undo", "translate", "import"],
            },
            "minor": {"type": "boolean"},
        },
    }
    return {
        "Translation": translation,
        "RelatedEntry": related,
        "Entry": entry,
        "ExportEntry": export_entry,
        "EntryList": {
            "type": "object",
            "required": ["count", "next", "results"],
            "additionalProperties": False,
            "properties": {
                "count": {"type": "integer", "minimum": 0},
                "next": {**NULLABLE_STRING, "description": "The next page, or null."},
                "results": {"type": "array", "items": _ref("Entry")},
            },
        },
        "Revision": revision,
        "RevisionList": {
            "type": "object",
            "required": ["entry", "next", "results"],
            "additionalProperties": False,
            "properties": {
                "entry": {"type": "string", "format": "uuid"},
                "next": NULLABLE_STRING,
                "results": {"type": "array", "items": _ref("Revision")},
            },
        },
        "Export": {
            "type": "object",
            "required": [
                "licence",
                "licence_url",
                "source",
                "generated_at",
                "languages",
                "entries",
            ],
            "additionalProperties": False,
            "properties": {
                "licence": {"const": LICENCE},
                "licence_url": {"type": "string"},
                "source": {"type": "string"},
                "generated_at": DATE_TIME,
                "languages": STRING_LIST,
                "entries": {"type": "array", "items": _ref("ExportEntry")},
            },
        },
        "Root": {"type": "object"},
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["status", "message"],
                    "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
                }
            },
        },
    }


def _filters():
    return [
        {"name": "kind", "in": "query", "schema": {"type": "string", "enum": list(MODELS)}},
        {
            "name": "topic",
            "in": "query",
            "description": "A topic id: entries filed under it or one of its sub-topics.",
            "schema": {"type": "string", "format": "uuid"},
        },
        {
            "name": "licence",
            "in": "query",
            "schema": {"type": "string", "enum": [*sorted(OPEN_SOURCE_LICENCES), PROPRIETARY]},
        },
        {
            "name": "country",
            "in": "query",
            "description": "ISO 3166-1 alpha-2 code (use cases and organizations).",
            "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
        },
        {
            "name": "language",
            "in": "query",
            "description": "Only entries published in this language.",
            "schema": {"type": "string", "enum": list(SITE_LANGUAGES)},
        },
        {
            "name": "updated_since",
            "in": "query",
            "description": "Only entries changed at or after this time (ISO 8601).",
            "schema": {"type": "string", "format": "date-time"},
        },
        {
            "name": "cursor",
            "in": "query",
            "description": "The id of the last entry already seen; copy it from `next`.",
            "schema": {"type": "string", "format": "uuid"},
        },
        PAGE_SIZE,
    ]


def openapi_document(server_url):
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "OGP Toolbox API",
            "version": "1.0.0",
            "description": (
                "Read-only access to the OGP Toolbox catalogue: tools, use cases, organizations "
                "and topics, in English and French. The data is in the public domain (CC0 1.0). "
                "Anonymous, rate-limited per address; CORS is open to every origin."
            ),
            "license": {"name": "CC0-1.0", "identifier": "CC0-1.0"},
        },
        "servers": [{"url": server_url or "/"}],
        "paths": {
            "/api/v1/": {
                "get": {
                    "operationId": "root",
                    "summary": "Links to the endpoints and exports.",
                    "responses": {
                        "200": _json(_ref("Root"), "The API's entry points."),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/entries/": {
                "get": {
                    "operationId": "listEntries",
                    "summary": "Entries, both languages each, 50 per page.",
                    "parameters": _filters(),
                    "responses": {
                        "200": _json(_ref("EntryList"), "A page of entries.", CACHE_HEADERS),
                        **NOT_MODIFIED,
                        "400": _error("A filter, cursor or page size is not valid."),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/entries/{entry_id}/": {
                "get": {
                    "operationId": "getEntry",
                    "summary": "One entry.",
                    "parameters": [ID_PARAMETER],
                    "responses": {
                        "200": _json(_ref("Entry"), "The entry.", CACHE_HEADERS),
                        **NOT_MODIFIED,
                        "404": _error("No published entry has this id."),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/entries/{entry_id}/revisions/": {
                "get": {
                    "operationId": "listRevisions",
                    "summary": "The entry's published revisions in both languages, newest first.",
                    "parameters": [
                        ID_PARAMETER,
                        {
                            "name": "before",
                            "in": "query",
                            "description": "Only revisions older than this revision id.",
                            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_BIG_INTEGER},
                        },
                        PAGE_SIZE,
                    ],
                    "responses": {
                        "200": _json(_ref("RevisionList"), "Revisions.", CACHE_HEADERS),
                        **NOT_MODIFIED,
                        "400": _error("A parameter is not valid."),
                        "404": _error("No published entry has this id."),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/export/catalogue.json": {
                "get": {
                    "operationId": "exportJson",
                    "summary": "The whole catalogue, streamed (CC0).",
                    "responses": {
                        "200": _json(_ref("Export"), "Every entry.", CACHE_HEADERS),
                        **NOT_MODIFIED,
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/export/{kind}.csv": {
                "get": {
                    "operationId": "exportCsv",
                    "summary": "One kind as CSV: UTF-8, one column per field and language (CC0).",
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": list(CSV_KINDS)},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "One row per entry.",
                            "headers": CACHE_HEADERS,
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        **NOT_MODIFIED,
                        "404": _error("Unknown kind."),
                        **COMMON_ERRORS,
                    },
                }
            },
            "/api/v1/schema/": {
                "get": {
                    "operationId": "schema",
                    "summary": "This document.",
                    "responses": {
                        "200": _json({"type": "object"}, "OpenAPI 3.1."),
                        **COMMON_ERRORS,
                    },
                }
            },
        },
        "components": {"schemas": _schemas()},
    }
