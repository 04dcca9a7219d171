from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """How the catalogue is found. This app owns the Elasticsearch index:
    other apps call `search.services`, never the Elasticsearch client."""

    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals

        signals.connect()
