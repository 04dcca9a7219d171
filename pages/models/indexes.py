"""The home page and one index page per entry kind, in a tree per locale.

English tree: /en/ → tools/, use-cases/, organizations/, topics/.
French tree:  /fr/ → outils/, cas-d-usage/, organisations/, thematiques/.
The French pages are Wagtail translations of the English ones (same
translation_key), which is how the language switcher finds its way.
"""

from functools import partial

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from pages.cache import mark_cacheable
from pages.sorting import sort_key

from .base import IndexPage, MarkdownField
from .entries import OrganizationPage, ToolPage, UseCasePage
from .topics import TopicPage


class ToolIndexPage(IndexPage):
    add_label = _("Add a tool")
    entry_model = ToolPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ToolPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tool index")


class UseCaseIndexPage(IndexPage):
    add_label = _("Add a use case")
    entry_model = UseCasePage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.UseCasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("use case index")


class OrganizationIndexPage(IndexPage):
    add_label = _("Add an organization")
    entry_model = OrganizationPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.OrganizationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organization index")


class TopicIndexPage(IndexPage):
    add_label = _("Add a topic")
    """Lists the themes, each with its sub-themes (not paginated: the taxonomy is small)."""

    entry_model = TopicPage
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.TopicPage"]
    max_count_per_parent = 1
    listing_template = "pages/topic_index_page.html"

    class Meta:
        verbose_name = _("topic index")

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        context["themes"] = themes_with_subtopics(self)
        return context


def themes_with_subtopics(topic_index):
    """[(theme, [sub-theme, …]), …] in two queries, each list by name (case and accents aside)."""
    by_name = partial(sorted, key=lambda topic: sort_key(topic.title))
    themes = by_name(TopicPage.objects.child_of(topic_index).live())
    subtopics = {}
    for page in by_name(
        TopicPage.objects.live().filter(
            path__startswith=topic_index.path, depth=topic_index.depth + 2
        )
    ):
        subtopics.setdefault(page.path[: -Page.steplen], []).append(page)
    return [(theme, subtopics.get(theme.path, [])) for theme in themes]


# What the home page counts, with the right plural in each language.
COUNTED = [
    (ToolPage, lambda n: ngettext("tool", "tools", n)),
    (UseCasePage, lambda n: ngettext("use case", "use cases", n)),
    (OrganizationPage, lambda n: ngettext("organization", "organizations", n)),
]


class HomePage(Page):
    """What the Toolbox is, counts, recent additions and entry points by topic."""

    intro = MarkdownField(_("introduction"))
    translatable_fields = ("title", "intro")
    fact_fields = ()
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ToolIndexPage",
        "pages.UseCaseIndexPage",
        "pages.OrganizationIndexPage",
        "pages.TopicIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def serve(self, request, *args, **kwargs):
        mark_cacheable(request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        in_locale = {"locale_id": self.locale_id}
        context["counts"] = [
            (count, label(count))
            for model, label in COUNTED
            for count in [model.objects.live().filter(**in_locale).count()]
        ]
        context["recent_tools"] = (
            ToolPage.objects.live().filter(**in_locale).order_by("-first_published_at")[:6]
        )
        topic_index = TopicIndexPage.objects.child_of(self).live().first()
        context["themes"] = themes_with_subtopics(topic_index) if topic_index else []
        return context
