from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

import pages.localized_urls  # noqa: F401  (registers the entry_kind converter)
from contributions.views.create import create_view
from contributions.views.review import review_queue_view
from pages.robots import robots_txt
from pages.sitemap import sitemap_view
from pages.views import favicon, switch_language
from search.views import search_view, suggest_view

# 500: rendered without the database or context processors, in the URL's language.
handler500 = "pages.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("language/<str:language>/", switch_language, name="switch_language"),
    path("favicon.ico", favicon, name="favicon"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("api/v1/", include("opendata.urls_api")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# App routes are translated (pages.localized_urls): /en/search/, /fr/recherche/.
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL", "search/"), search_view, name="search"),
    path(pgettext_lazy("URL", "search/suggest/"), suggest_view, name="search_suggest"),
    path(pgettext_lazy("URL", "add/<entry_kind:kind>/"), create_view, name="create_entry"),
    path(pgettext_lazy("URL", "review/"), review_queue_view, name="review_queue"),
    # allauth's own URLs stay as they are in both languages.
    path("accounts/", include("allauth.urls")),
    path(pgettext_lazy("URL", "data/"), include("opendata.urls")),
    path("", include("contributions.urls")),
    path("", include("discussion.urls")),
    # Wagtail's page tree last: it answers every other URL.
    path("", include(wagtail_urls)),
)
