"""Site-wide navigation: the index pages and the other-language versions of this page."""

from wagtail.models import Page

from pages.models.indexes import HomePage


def site_navigation(request):
    return {"site_nav": _LazyNavigation(request)}


class _LazyNavigation:
    """Computed only when a template asks, so non-page views pay nothing."""

    def __init__(self, request):
        self.request = request
        self._sections = None

    @property
    def sections(self):
        if self._sections is None:
            language = getattr(self.request, "LANGUAGE_CODE", "en")
            home = (
                HomePage.objects.live().filter(locale__language_code=language).first()
                or HomePage.objects.live().first()
            )
            self._sections = list(Page.objects.child_of(home).live().in_menu()) if home else []
            self.home = home
        return self._sections

    @property
    def home_page(self):
        self.sections  # noqa: B018 - fills self.home
        return self.home
