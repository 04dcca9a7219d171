"""Site-wide navigation: the home page and the index pages of the reader's language."""

from django.core.cache import cache

from wagtail.models import Page

from pages.cache import generation
from pages.models.indexes import HomePage


def site_navigation(request):
    return {"site_nav": _LazyNavigation(request)}


class _LazyNavigation:
    """Computed only when a template asks, and cached until the next publish.

    Every page shows the navigation; looking it up costs queries that grow
    with the tree, so it is kept in the cache under the catalogue generation.
    """

    def __init__(self, request):
        self.request = request
        self._data = None

    def _load(self):
        if self._data is None:
            language = getattr(self.request, "LANGUAGE_CODE", "en")
            key = f"ogpt:nav:{generation()}:{language}"
            self._data = cache.get(key)
            if self._data is None:
                self._data = _navigation(language)
                cache.set(key, self._data, 60 * 60 * 24)
        return self._data

    @property
    def sections(self):
        return self._load()["sections"]

    @property
    def home_url(self):
        return self._load()["home_url"]


def _navigation(language):
    home = (
        HomePage.objects.live().filter(locale__language_code=language).order_by().first()
        or HomePage.objects.live().order_by().first()
    )
    if home is None:
        return {"home_url": "/", "sections": []}
    sections = [
        {"title": page.title, "url": page.url, "path": page.path}
        for page in Page.objects.child_of(home).live().in_menu()
    ]
    return {"home_url": home.url, "sections": sections}
