"""Site-wide URLs of the wiki's history (entry sub-routes are in pages.routes).

Included inside i18n_patterns, before Wagtail's page tree, so /en/ and /fr/
both answer and the interface follows the language of the URL. Routes are
translated (`/fr/modifications-recentes/`, see pages.localized_urls).
"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from .feeds import EntryHistoryFeed, RecentChangesFeed
from .translation.views.dashboard import translations_view
from .views.autocomplete import autocomplete_view
from .views.changes import contributor_view, recent_changes_view
from .views.profile import profile_view

urlpatterns = [
    path(pgettext_lazy("URL", "recent-changes/"), recent_changes_view, name="recent_changes"),
    path(
        pgettext_lazy("URL", "recent-changes/feed/"),
        RecentChangesFeed(),
        name="recent_changes_feed",
    ),
    path(
        pgettext_lazy("URL", "history-feed/<int:page_id>/"), EntryHistoryFeed(), name="history_feed"
    ),
    path(
        pgettext_lazy("URL", "contributors/<str:username>/"), contributor_view, name="contributor"
    ),
    path(
        pgettext_lazy("URL", "entries/autocomplete/"), autocomplete_view, name="entry_autocomplete"
    ),
    path(pgettext_lazy("URL", "translations/"), translations_view, name="translations"),
    path(pgettext_lazy("URL", "profile/"), profile_view, name="profile"),
]
