from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Talk pages of the entries: threads, posts, follows and notifications.

    An app of its own, beside `contributions` which it builds on (contributors,
    their permissions, the Markdown and diff helpers, the `edit_recorded`
    signal); nothing in `contributions` imports it, so dependencies point one way.
    """

    name = "discussion"
    label = "discussion"
    verbose_name = _("Discussion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pages.routes import register_entry_view

        from . import signals  # noqa: F401
        from .views.entry import entry_discussion_view

        # The "Discussion" tab of every entry appears once this is registered.
        register_entry_view("discussion", entry_discussion_view)
