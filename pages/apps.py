from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """What is stored: the catalogue's page types (tools, use cases, organizations, topics)."""

    name = "pages"
    label = "pages"
    verbose_name = _("Catalogue pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_started

        from . import cache  # noqa: F401 - connects the cache invalidation signals

        request_started.connect(warm_content_types, dispatch_uid="ogpt-warm-content-types")


def warm_content_types(**kwargs):
    """Load every page type's ContentType in one query, once per process.

    Serving a page looks up the content types of the pages on its route one by
    one; a new worker would otherwise pay a query for each on its first pages.
    It runs outside the request handler, so a database outage must not escape
    from it (the page then answers 503): it tries again on the next request.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.signals import request_started
    from django.db import DatabaseError, InterfaceError

    from wagtail.models import Page

    models = [m for m in apps.get_models() if issubclass(m, Page)]
    try:
        ContentType.objects.get_for_models(*models)
    except (DatabaseError, InterfaceError):
        return
    request_started.disconnect(dispatch_uid="ogpt-warm-content-types")
