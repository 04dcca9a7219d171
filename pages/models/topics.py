"""Topics: the two-level taxonomy (theme → sub-theme)."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..listing import page_by_name
from ..sorting import sort_key
from .base import EntryPage


class TopicPage(EntryPage):
    """A theme (child of the topic index) or a sub-theme (child of a theme).

    Tools and use cases point at topics; a topic page lists everything filed
    under it and under its sub-topics.
    """

    kind = "topic"
    parent_page_types = ["pages.TopicIndexPage", "pages.TopicPage"]
    subpage_types = ["pages.TopicPage"]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def is_theme(self):
        return not isinstance(self.get_parent().specific_deferred, TopicPage)

    @classmethod
    def can_create_at(cls, parent):
        """Two levels only: under the topic index, or under a theme."""
        if not super().can_create_at(parent):
            return False
        parent = parent.specific
        return not isinstance(parent, TopicPage) or parent.is_theme

    @cached_property
    def subtopics(self):
        return sorted(TopicPage.objects.child_of(self).live(), key=lambda t: sort_key(t.title))

    def topic_and_subtopic_ids(self):
        return [self.pk, *(topic.pk for topic in self.subtopics)]

    def filed_entries(self):
        """Tools and use cases filed under this topic or one of its sub-topics.

        A subquery on the relation tables rather than a join + DISTINCT: a
        theme can hold thousands of tools.
        """
        from .entries import ToolPage, UseCasePage

        ids = self.topic_and_subtopic_ids()
        filed = {}
        for key, model in (("tools", ToolPage), ("use_cases", UseCasePage)):
            through = model.topics.through.objects.filter(topicpage_id__in=ids)
            pks = through.values(f"{model._meta.model_name}_id")
            filed[key] = model.objects.live().filter(pk__in=pks)
        return filed

    def get_context(self, request, *args, **kwargs):
        """The filed entries, paginated: a theme can hold thousands of tools."""
        context = super().get_context(request, *args, **kwargs)
        for key, entries in self.filed_entries().items():
            context[f"filed_{key}"] = page_by_name(entries, 24, request.GET.get(f"{key}_page"))
        return context
