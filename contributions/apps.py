from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    """How people change the catalogue: accounts, editing, history, translation, discussion."""

    name = "contributions"
    label = "contributions"
    verbose_name = _("Contributions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pages.routes import register_entry_view

        from . import signals  # noqa: F401
        from .views.edit import edit_view
        from .views.restore import restore_view, undo_view

        register_entry_view("edit", edit_view)
        register_entry_view("history_restore", restore_view)
        register_entry_view("history_undo", undo_view)
