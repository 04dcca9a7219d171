"""Download views of the bulk exports (`/api/v1/export/…`), streamed."""

from django.http import Http404, StreamingHttpResponse

from .api import base_url
from .exports import CSV_KINDS, csv_chunks, export_version, json_chunks
from .http import api_view, conditional


def _download(request, chunks, content_type, filename):
    last_modified, version = export_version()
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return conditional(request, response, version + filename, last_modified)


@api_view
def export_json(request):
    chunks = json_chunks(base_url(request))
    return _download(request, chunks, "application/json; charset=utf-8", "ogptoolbox.json")


@api_view
def export_csv(request, kind):
    if kind not in CSV_KINDS:
        raise Http404
    chunks = csv_chunks(base_url(request), CSV_KINDS[kind])
    return _download(request, chunks, "text/csv; charset=utf-8", f"ogptoolbox-{kind}.csv")
