"""The read API, `/api/v1/`: entries, one entry, its published revisions.

Every answer is built from opendata.serialize (the same objects as the JSON
export) and described by opendata.openapi; tests/opendata/test_api_schema.py
fuzzes the one against the other.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page

from contributions.models import EditRecord
from contributions.summaries import summary_text
from pages.languages import SITE_LANGUAGES
from pages.numbers import MAX_BIG_INTEGER, whole_number

from . import catalogue
from .catalogue import Filters, InvalidFilter
from .http import api_view, json_conditional, json_response
from .openapi import openapi_document
from .serialize import UrlBuilder, content_type_ids, serialize_entries

PUBLIC_STATUSES = (EditRecord.Status.PUBLISHED, EditRecord.Status.APPROVED)


def base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def decorate(entry, request):
    """Add the API's own links to a serialized entry."""
    entry["api_url"] = request.build_absolute_uri(reverse("opendata_api:entry", args=[entry["id"]]))
    entry["revisions_url"] = request.build_absolute_uri(
        reverse("opendata_api:revisions", args=[entry["id"]])
    )
    return entry


@api_view
def root(request):
    data = {
        "entries": request.build_absolute_uri(reverse("opendata_api:entries")),
        "schema": request.build_absolute_uri(reverse("opendata_api:schema")),
        "documentation": request.build_absolute_uri(reverse("opendata_api_docs")),
        "exports": {
            "json": request.build_absolute_uri(reverse("opendata_api:export_json")),
            **{
                kind: request.build_absolute_uri(reverse("opendata_api:export_csv", args=[kind]))
                for kind in ("tools", "use-cases", "organizations", "topics")
            },
        },
        "licence": "CC0-1.0",
        "languages": list(SITE_LANGUAGES),
    }
    return json_response(data)


@api_view
def entries(request):
    filters = Filters.from_query(request.GET)
    size = catalogue.page_size(request.GET)
    groups = catalogue.entry_groups(filters)
    total = groups.count()
    cursor = catalogue.parameter(request.GET, "cursor")
    if cursor:
        groups = groups.filter(translation_key__gt=catalogue.decode_cursor(cursor))
    rows = list(groups[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    urls = UrlBuilder(base_url(request))
    results = [
        decorate(entry, request)
        for entry in serialize_entries(
            [(row["translation_key"], row["content_type_id"]) for row in rows], urls
        )
    ]
    next_url = None
    if more:
        query = request.GET.copy()
        query["cursor"] = catalogue.encode_cursor(rows[-1]["translation_key"])
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    data = {"count": total, "next": next_url, "results": results}
    last_modified = max(
        (row["last_modified"] for row in rows if row["last_modified"]), default=None
    )
    response = json_conditional(request, data, last_modified)
    if next_url:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


def _live_versions(entry_id):
    key = catalogue.parse_id(entry_id)
    pages = list(
        Page.objects.filter(
            translation_key=key, live=True, content_type_id__in=content_type_ids()
        ).values_list("pk", "content_type_id", "last_published_at")
    )
    if not pages:
        raise Http404
    return key, pages


def _entry_id_or_404(entry_id):
    try:
        return _live_versions(entry_id)
    except InvalidFilter as error:
        raise Http404 from error


@api_view
def entry(request, entry_id):
    key, pages = _entry_id_or_404(entry_id)
    urls = UrlBuilder(base_url(request))
    data = decorate(serialize_entries([(key, pages[0][1])], urls)[0], request)
    last_modified = max((published for _pk, _ct, published in pages if published), default=None)
    return json_conditional(request, data, last_modified)


@api_view
def revisions(request, entry_id):
    """Published revisions of both language versions, newest first."""
    key, pages = _entry_id_or_404(entry_id)
    size = catalogue.page_size(request.GET)
    records = (
        EditRecord.objects.filter(
            page_id__in=[pk for pk, _ct, _p in pages], status__in=PUBLIC_STATUSES
        )
        .select_related("user")
        .order_by("-revision_id")
    )
    before = catalogue.parameter(request.GET, "before")
    if before:
        revision_id = whole_number(before)
        if revision_id is None:
            raise InvalidFilter(
                _("before is a revision id (a whole number from 0 to %d).") % MAX_BIG_INTEGER
            )
        records = records.filter(revision_id__lt=revision_id)
    rows = list(records[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    results = [
        {
            "id": record.revision_id,
            "language": record.language,
            "date": record.created_at.isoformat(),
            "author": record.user.display_name if record.user else None,
            "summary": summary_text(record),
            "kind": record.kind,
            "minor": record.minor,
        }
        for record in rows
    ]
    next_url = None
    if more:
        query = request.GET.copy()
        query["before"] = str(rows[-1].revision_id)
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    data = {"entry": str(key), "next": next_url, "results": results}
    last_modified = max((record.created_at for record in rows), default=None)
    return json_conditional(request, data, last_modified)


@api_view
def schema(request):
    return json_response(openapi_document(base_url(request)))


@api_view
def not_found(request):
    """Any other path under /api/v1/: a JSON 404 rather than the site's HTML page."""
    raise Http404
