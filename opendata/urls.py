"""Pages under the language prefix: `/<lang>/data/…`."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import upload_views, views

urlpatterns = [
    path("", views.data_page, name="opendata_data"),
    path("api/", views.api_docs, name="opendata_api_docs"),
    path(pgettext_lazy("URL", "import/"), upload_views.import_view, name="opendata_import"),
]
