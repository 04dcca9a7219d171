"""What every catalogue entry shares.

Each entry kind declares which of its fields are **translatable text** (one
value per language: name, summary, description, outcome) and which are
**language-neutral facts** (URLs, licence, flags, relations, topics, logo,
country). Translation tracking and fact sharing between the English and French
versions of an entry are built on that split, so keep the two tuples complete
when a field is added.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from pages import routes
from pages.cache import mark_cacheable
from pages.markdown import plain_text
from pages.text import normalise_entry

SUMMARY_MAX_LENGTH = 300
TEXT_MAX_LENGTH = 100_000


class MarkdownField(models.TextField):
    """Long text a contributor writes in Markdown; rendered by pages.markdown."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [MaxLengthValidator(TEXT_MAX_LENGTH)])
        kwargs.setdefault("help_text", _("Markdown: **bold**, *italic*, [link](https://…), lists."))
        super().__init__(*args, **kwargs)


class EntryPage(RoutablePageMixin, Page):
    """A catalogue entry: a tool, use case, organization or topic.

    Entries are wiki pages: besides being read they can be edited, their
    history browsed, translated and discussed, under sub-routes reserved here
    and implemented by the `contributions` app (see pages.routes).
    """

    summary = models.CharField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        blank=True,
        help_text=_("One sentence shown in lists and search results."),
    )
    description = MarkdownField(_("description"))

    #: Text written once per language.
    translatable_fields = ("title", "summary", "description")
    #: Facts that are the same in every language.
    fact_fields = ()
    #: Machine name of the kind, used in URLs, search facets and CSS.
    kind = ""

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("description")]

    class Meta:
        abstract = True

    @classmethod
    def kind_label(cls):
        return cls._meta.verbose_name

    def full_clean(self, *args, **kwargs):
        # Every revision goes through here (save_revision cleans first),
        # whichever form or import made it: store text in its normal form.
        normalise_entry(self)
        super().full_clean(*args, **kwargs)

    def get_meta_description(self):
        return self.search_description or self.summary or plain_text(self.description, 160)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_tabs"] = self.entry_tabs(request)
        return context

    def entry_tabs(self, request):
        """Read / Edit / History / Discussion / Translate, as far as they exist."""
        tabs = [("read", _("Read"), self.url)]
        labels = {
            "edit": _("Edit"),
            "history": _("History"),
            "discussion": _("Discussion"),
            "translate": _("Translate"),
        }
        for name, label in labels.items():
            if routes.is_available(name):
                tabs.append((name, label, self.url + self.reverse_subpage(name)))
        return tabs

    @path("", name="read")
    def index_route(self, request, *args, **kwargs):
        mark_cacheable(request)
        return super().index_route(request, *args, **kwargs)

    # ------------------------------------------------------ Sub-routes ---
    # Reserved here so every entry answers on the same URLs; see pages.routes.

    @path("edit/", name="edit")
    def edit_route(self, request):
        return routes.dispatch("edit", request, self)

    @path("history/", name="history")
    def history_route(self, request):
        return routes.dispatch("history", request, self)

    @path("history/compare/", name="history_compare")
    def history_compare_route(self, request):
        return routes.dispatch("history_compare", request, self)

    @path("history/<int:revision_id>/", name="history_revision")
    def history_revision_route(self, request, revision_id):
        return routes.dispatch("history_revision", request, self, revision_id=revision_id)

    @path("history/<int:revision_id>/restore/", name="history_restore")
    def history_restore_route(self, request, revision_id):
        return routes.dispatch("history_restore", request, self, revision_id=revision_id)

    @path("history/<int:revision_id>/undo/", name="history_undo")
    def history_undo_route(self, request, revision_id):
        return routes.dispatch("history_undo", request, self, revision_id=revision_id)

    @path("history/<int:revision_id>/review/", name="history_review")
    def history_review_route(self, request, revision_id):
        return routes.dispatch("history_review", request, self, revision_id=revision_id)

    @path("protect/", name="protect")
    def protect_route(self, request):
        return routes.dispatch("protect", request, self)

    @path("move/", name="move")
    def move_route(self, request):
        return routes.dispatch("move", request, self)

    @path("translate/", name="translate")
    def translate_route(self, request):
        return routes.dispatch("translate", request, self)

    @path("discussion/", name="discussion")
    def discussion_route(self, request):
        return routes.dispatch("discussion", request, self)


def is_entry(page_or_class):
    """Whether a page, or a page class, is a catalogue entry (a subclass of EntryPage).

    The one answer to "is this an entry?": it takes a model class, a specific page
    or a plain `Page` (looked up through its `specific_class`, without a query), so
    callers never guess from the attributes a class happens to have.
    """
    if page_or_class is None:
        return False
    if isinstance(page_or_class, type):
        model = page_or_class
    else:
        model = getattr(page_or_class, "specific_class", None) or type(page_or_class)
    return issubclass(model, EntryPage)


class IndexPage(Page):
    """A listing of one entry kind, paginated and sortable."""

    intro = MarkdownField(_("introduction"))
    translatable_fields = ("title", "intro")
    fact_fields = ()
    #: The entry model listed here (set by subclasses).
    entry_model = None
    per_page = 24
    #: Shared by the index kinds (Wagtail would otherwise want one template per class).
    listing_template = "pages/index_page.html"
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    @property
    def add_kind(self):
        """The kind in the "add an entry" URL (/<lang>/add/<kind>/)."""
        return self.entry_model.kind.replace("_", "-")

    def get_template(self, request, *args, **kwargs):
        return self.listing_template

    def serve(self, request, *args, **kwargs):
        mark_cacheable(request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from pages.listing import paginate_entries

        context = super().get_context(request, *args, **kwargs)
        context.update(paginate_entries(request, self.entry_model, self, self.per_page))
        return context
