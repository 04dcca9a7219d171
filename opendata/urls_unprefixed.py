"""The API alone, without the site's language-prefixed pages (see opendata.http._add_cors)."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("opendata.urls_api"))]
