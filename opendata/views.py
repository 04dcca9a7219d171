"""The human pages: `/<lang>/data/` (downloads, CC0) and `/<lang>/data/api/` (the API explained)."""

from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.models import Page

from .catalogue import catalogue_last_modified
from .exports import CSV_KINDS
from .serialize import MODELS, content_type_ids, kind_of_content_type


def entry_counts():
    """{kind: number of entries}, an entry being counted once for its two languages."""
    rows = (
        Page.objects.filter(live=True, content_type_id__in=content_type_ids())
        .values("content_type_id")
        .annotate(total=Count("translation_key", distinct=True))
        .order_by()
    )
    return {kind_of_content_type(row["content_type_id"]): row["total"] for row in rows}


def data_page(request):
    counts = entry_counts()
    downloads = [
        {
            "url": reverse("opendata_api:export_csv", args=[slug]),
            "label": MODELS[kind]._meta.verbose_name_plural,
            "count": counts.get(kind, 0),
        }
        for slug, kind in CSV_KINDS.items()
    ]
    context = {
        "json_url": reverse("opendata_api:export_json"),
        "downloads": downloads,
        "last_modified": catalogue_last_modified(),
        "total": sum(counts.values()),
        "api_docs_url": reverse("opendata_api_docs"),
    }
    return TemplateResponse(request, "opendata/data_page.html", context)


def api_docs(request):
    entries_url = request.build_absolute_uri(reverse("opendata_api:entries"))
    context = {
        "api_root": request.build_absolute_uri(reverse("opendata_api:root")),
        "schema_url": request.build_absolute_uri(reverse("opendata_api:schema")),
        "entries_url": entries_url,
        "example_url": entries_url + "?kind=tool&licence=AGPL-3.0-or-later&language=fr",
        "data_url": reverse("opendata_data"),
    }
    return TemplateResponse(request, "opendata/api_docs.html", context)
