"""`/sitemap.xml`: every published page in every language, with its translations.

Wagtail's own sitemap lists the descendants of the site's root page, which is
the English home: the French tree, a sibling of it, would be missing. Here
every live, public page is listed, and each `<url>` names all the versions of
the same entry (pages sharing a `translation_key`) as `hreflang` alternates,
itself included, with the site's first language as `x-default`, as search
engines ask. Addresses are absolute, built from the request (the host the site
answers on, https behind the proxy).
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap

from wagtail.models import Page

from .languages import SITE_LANGUAGES


class CatalogueSitemap(Sitemap):
    limit = 10_000  # URLs per sitemap page (`?p=2`...); the protocol allows 50,000

    def __init__(self, request):
        self.request = request

    def items(self):
        pages = Page.objects.live().public().filter(depth__gt=1)
        return pages.select_related("locale").order_by("path")

    def _urls(self, page_number, protocol, domain):
        pages = list(self.paginator.page(page_number).object_list)
        versions = self._versions({page.translation_key for page in pages})
        urls = []
        for page in pages:
            by_language = versions[page.translation_key]
            location = by_language.get(page.locale.language_code)
            if location is None:
                continue  # not reachable from any site
            urls.append(
                {
                    "item": page,
                    "location": location,
                    "lastmod": page.last_published_at,
                    "alternates": alternates(by_language),
                }
            )
        return urls

    def _versions(self, keys):
        """{translation_key: {language code: absolute URL}} of these entries' live versions."""
        versions = defaultdict(dict)
        live = Page.objects.live().public().filter(translation_key__in=keys)
        for page in live.select_related("locale"):
            url = page.get_url(self.request)
            if url:
                code = page.locale.language_code
                versions[page.translation_key][code] = self.request.build_absolute_uri(url)
        return versions


def alternates(by_language):
    """The hreflang links of one entry: each language it is published in, then x-default."""
    links = [
        {"lang_code": code, "location": by_language[code]}
        for code in SITE_LANGUAGES
        if code in by_language
    ]
    default = by_language.get(SITE_LANGUAGES[0])
    if default:
        links.append({"lang_code": "x-default", "location": default})
    return links


def sitemap_view(request):
    return sitemap(request, sitemaps={"pages": CatalogueSitemap(request)})
