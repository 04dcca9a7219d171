"""What needs translating: the queries behind `/<lang>/translations/`.

Four lists, each filterable by entry kind and topic and sorted by age (what
has waited longest first):

- missing in French / in English: live entries whose version in that language
  does not exist or is still an untranslated copy;
- outdated in French (English → French) / in English (French → English):
  entries with at least one field that the other language changed since the
  last sync (FieldSync rows, one per field, compared on the row itself).

Every list is counted and paginated in SQL, and a page of rows is completed
with one query for its fields and one for its pages: the number of queries
does not grow with the catalogue or with the page size.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Min, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from contributions.models import UntranslatedCopy
from contributions.translation import state as translation
from contributions.translation.text import field_label
from pages.models import ENTRY_MODELS, TopicPage
from pages.routes import subpage_url

ENTRY_KINDS = {model.kind: model for model in ENTRY_MODELS}
LISTS = {
    "outdated-fr": ("outdated", "fr", _("Outdated in French (English → French)")),
    "outdated-en": ("outdated", "en", _("Outdated in English (French → English)")),
    "missing-fr": ("missing", "fr", _("Missing in French")),
    "missing-en": ("missing", "en", _("Missing in English")),
}


class DashboardFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Entry kind"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=TopicPage.objects.none(),
        empty_label=_("All topics"),
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (model.kind, capfirst(model._meta.verbose_name_plural)) for model in ENTRY_MODELS
        ]
        self.fields["topic"].queryset = (
            TopicPage.objects.live().filter(locale__language_code=language).order_by("path")
        )

    def filters(self):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("kind") or "", data.get("topic")


def _entry_types(kind):
    models = [ENTRY_KINDS[kind]] if kind else list(ENTRY_MODELS)
    return list(ContentType.objects.get_for_models(*models).values())


def _filed_under(topic):
    """Q on page ids: filed under `topic` or one of its sub-topics, in either language."""
    topic_ids = [topic.pk, *(sub.pk for sub in topic.subtopics)]
    keys = Page.objects.filter(pk__in=topic_ids).values("translation_key")
    all_topic_ids = Page.objects.filter(translation_key__in=keys).values("pk")
    condition = Q(pk__in=all_topic_ids)  # the topic pages themselves
    for model in ENTRY_MODELS:
        if hasattr(model, "topics"):
            through = model.topics.through.objects.filter(topicpage_id__in=all_topic_ids)
            condition |= Q(pk__in=through.values(f"{model._meta.model_name}_id"))
    return condition


def _translated_keys(language):
    """translation_keys that have a real (not a copy) version in `language`.

    Used as `translation_key NOT IN (…)`: PostgreSQL hashes the subquery once.
    A correlated NOT EXISTS per page made the dashboard take 3.5 s instead of
    0.3 s at 15,000 tools (docs/performance.md).
    """
    return (
        Page.objects.filter(locale__language_code=language)
        .exclude(pk__in=UntranslatedCopy.objects.values("page_id"))
        .values("translation_key")
    )


def missing(language, kind="", topic=None):
    """Source pages (in the other language) that have no real `language` version, oldest first."""
    pages = (
        Page.objects.live()
        .filter(content_type__in=_entry_types(kind))
        .exclude(locale__language_code=language)
        .exclude(pk__in=UntranslatedCopy.objects.values("page_id"))
        .exclude(translation_key__in=_translated_keys(language))
    )
    if topic is not None:
        pages = pages.filter(_filed_under(topic))
    return (
        pages.select_related("locale")
        .annotate(since=F("first_published_at"))
        .order_by("since", "pk")
    )


def outdated(language, kind="", topic=None):
    """{page_id, since} of `language` pages with outdated fields, longest outdated first."""
    pages = (
        Page.objects.live()
        .filter(locale__language_code=language, content_type__in=_entry_types(kind))
        .exclude(pk__in=UntranslatedCopy.objects.values("page_id"))
    )
    if topic is not None:
        pages = pages.filter(_filed_under(topic))
    return (
        translation.outdated_rows()
        .filter(language=language, page_id__in=pages.values("pk"))
        .values("page_id")
        .annotate(since=Min("other_changed_at"))
        .order_by("since", "page_id")
    )


@dataclass
class Row:
    page: Page
    url: str
    since: object
    translate_url: str
    fields: list = field(default_factory=list)  # (label, diverged)


def missing_rows(pages, language, request):
    """Rows for one page of `missing()`: links go to the copy's translate view."""
    pages = list(pages)
    targets = {
        target.translation_key: target
        for target in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=language,
        )
    }
    rows = []
    for page in pages:
        target = targets.get(page.translation_key)
        url = page.get_url(request) or ""
        base = target.get_url(request) if target is not None else url
        rows.append(
            Row(page=page, url=url, since=page.since, translate_url=subpage_url(base, "translate"))
        )
    return rows


def outdated_rows(items, request):
    """Rows for one page of `outdated()`: the page, its outdated fields, diverged or not."""
    items = list(items)
    ids = [item["page_id"] for item in items]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).select_related("locale")}
    fields = {}
    for sync in translation.outdated_rows().filter(page_id__in=ids).order_by("field"):
        fields.setdefault(sync.page_id, []).append(sync)
    rows = []
    for item in items:
        page = pages[item["page_id"]]
        model = page.specific_class
        labels = [
            (field_label(model, sync.field), sync.own_changed)
            for sync in fields.get(page.pk, [])
            if sync.field in model.translatable_fields
        ]
        url = page.get_url(request) or ""
        rows.append(
            Row(
                page=page,
                url=url,
                since=item["since"],
                translate_url=subpage_url(url, "translate"),
                fields=labels,
            )
        )
    return rows
