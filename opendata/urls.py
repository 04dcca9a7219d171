"""Pages under the language prefix: `/<lang>/data/…`."""

from django.urls import path

from . import upload_views, views

urlpatterns = [
    path("", views.data_page, name="opendata_data"),
    path("api/", views.api_docs, name="opendata_api_docs"),
    path("import/", upload_views.import_view, name="opendata_import"),
]
