from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """What is stored: the catalogue's page types (tools, use cases, organizations, topics)."""

    name = "pages"
    label = "pages"
    verbose_name = _("Catalogue pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache  # noqa: F401 - connects the cache invalidation signals
