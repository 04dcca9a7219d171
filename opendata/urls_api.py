"""`/api/v1/`: outside the language prefix, since every answer carries both languages."""

from django.urls import path, re_path

from . import api, export_views

app_name = "opendata_api"

urlpatterns = [
    path("", api.root, name="root"),
    path("schema/", api.schema, name="schema"),
    path("entries/", api.entries, name="entries"),
    path("entries/<str:entry_id>/", api.entry, name="entry"),
    path("entries/<str:entry_id>/revisions/", api.revisions, name="revisions"),
    path("export/catalogue.json", export_views.export_json, name="export_json"),
    path("export/<str:kind>.csv", export_views.export_csv, name="export_csv"),
    re_path(r"^.*$", api.not_found, name="not_found"),
]
