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
        from .translation.views.translate import translate_view
        from .views.edit import edit_view
        from .views.history import history_compare_view, history_revision_view, history_view
        from .views.move import move_view
        from .views.protect import protect_view
        from .views.restore import restore_view, undo_view
        from .views.review import review_view

        register_entry_view("edit", edit_view)
        register_entry_view("history", history_view)
        register_entry_view("history_revision", history_revision_view)
        register_entry_view("history_compare", history_compare_view)
        register_entry_view("history_restore", restore_view)
        register_entry_view("history_undo", undo_view)
        register_entry_view("protect", protect_view)
        register_entry_view("move", move_view)
        register_entry_view("history_review", review_view)
        register_entry_view("translate", translate_view)
