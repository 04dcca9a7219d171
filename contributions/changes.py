"""Which changes recent changes, its Atom feed and contributor pages list.

The filters live in one form so the page and the feed answer the same query
string: a reader who narrows recent changes to "French tools, no minor
edits" subscribes to exactly that. Rows are EditRecords, one per revision,
with their page and user joined in: a page of fifty rows costs the same few
queries whatever the size of the wiki.

By default every list holds published changes only (published at once, or
approved by a moderator), as a reader of a wiki's public feed expects: an
edit waiting for review, or rejected, was never shown to readers. The
"review status" filter brings them in, always marked as such.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from contributions.models import EditRecord
from contributions.services.history import compare_url, entry_route_url
from contributions.translation.text import change_label
from pages.models import ENTRY_MODELS

PUBLISHED = (EditRecord.Status.PUBLISHED, EditRecord.Status.APPROVED)
#: The review status filter: its value → which EditRecord statuses it lists.
REVIEW_STATUSES = {
    "": PUBLISHED,
    "pending": (EditRecord.Status.PENDING,),
    "rejected": (EditRecord.Status.REJECTED,),
    "all": (*PUBLISHED, EditRecord.Status.PENDING, EditRecord.Status.REJECTED),
}
PERIODS = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30)}
ENTRY_KINDS = {model.kind: model for model in ENTRY_MODELS}


def _entry_kind_choices():
    return [("", _("All kinds"))] + [
        (model.kind, capfirst(model._meta.verbose_name_plural)) for model in ENTRY_MODELS
    ]


def _language_choices():
    return [("", _("All languages")), *settings.LANGUAGES]


class ChangesFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Entry kind"), required=False, choices=_entry_kind_choices)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=_language_choices)
    user = forms.CharField(label=_("Contributor (user name)"), required=False, max_length=150)
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[
            ("", _("All time")),
            ("24h", _("Last 24 hours")),
            ("7d", _("Last 7 days")),
            ("30d", _("Last 30 days")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Review status"),
        required=False,
        choices=[
            ("", _("Published changes")),
            ("pending", _("Waiting for review")),
            ("rejected", _("Rejected")),
            ("all", _("All, including unpublished edits")),
        ],
    )
    hide_minor = forms.BooleanField(label=_("Hide minor edits"), required=False)

    @property
    def review_status(self):
        """The valid review status asked for ("" = published changes only)."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("status") or ""

    def filter(self, records):
        """`records` narrowed by the valid filters (an invalid one is ignored).

        Whatever the filters, only published changes are listed unless the
        review status asks for others.
        """
        records = records.filter(status__in=REVIEW_STATUSES[self.review_status])
        data = getattr(self, "cleaned_data", {})
        if data.get("kind"):
            model = ENTRY_KINDS[data["kind"]]
            records = records.filter(page__content_type=ContentType.objects.get_for_model(model))
        if data.get("language"):
            records = records.filter(language=data["language"])
        if data.get("user"):
            records = records.filter(user__username=data["user"].strip())
        if data.get("period"):
            records = records.filter(created_at__gte=timezone.now() - PERIODS[data["period"]])
        if data.get("hide_minor"):
            records = records.filter(minor=False)
        return records


def published_changes():
    """The published changes of live entries, newest first (see all_changes())."""
    return all_changes().filter(status__in=PUBLISHED)


def unpublished_count(records):
    """How many of `records` (all_changes() narrowed) wait for review or were rejected."""
    return records.exclude(status__in=PUBLISHED).count()


def all_changes():
    """Every EditRecord of a live entry, newest first, with what a row shows joined in.

    Whatever their review status: narrow them with ChangesFilterForm.filter()
    or published_changes().
    """
    entry_types = ContentType.objects.get_for_models(*ENTRY_MODELS).values()
    # A moderation decision brings its edit back to the top, at the time of the decision.
    # Revisions made automatically in the other language (shared facts, the
    # untranslated copy of a new entry) are in that entry's history, not here:
    # the change that caused them is listed already.
    return (
        EditRecord.objects.filter(page__live=True, page__content_type__in=entry_types)
        .exclude(counterpart_revision_id__lt=F("revision_id"))
        .select_related("user", "page", "reviewed_by")
        .annotate(activity_at=Coalesce("reviewed_at", "created_at"))
        .order_by("-activity_at", "-pk")
    )


def unpublished_label(status):
    """How a change that readers never saw is marked wherever it is listed ("" if published)."""
    labels = {
        EditRecord.Status.PENDING: _("waiting for review"),
        EditRecord.Status.REJECTED: _("rejected"),
    }
    return labels.get(status, "")


def changes_description(review_status):
    """What a list of changes filtered on this review status holds, said to its reader."""
    return {
        "": _(
            "Every change published on the wiki, newest first: creations, edits, restores "
            "and undos, in every language."
        ),
        "pending": _(
            "Edits waiting for review by a moderator, newest first: readers do not see them yet."
        ),
        "rejected": _("Edits rejected by a moderator, newest first: readers never saw them."),
        "all": _(
            "Every change, newest first, published or not: edits waiting for review and "
            "rejected edits are marked."
        ),
    }[review_status]


@dataclass
class Day:
    """The changes of one day (in the site's time zone), for a heading and its rows."""

    date: date
    changes: list


def group_by_day(records):
    """Consecutive `records` (newest first, described) grouped by the day of their activity.

    Grouped by the moment that orders the list (a moderator's decision, else
    the edit), so each day comes once. A day cut by paging is continued
    under the same heading on the next page.
    """
    days = []
    for record in records:
        moment = getattr(record, "activity_at", None) or record.created_at
        local_day = timezone.localdate(moment)
        if not days or days[-1].date != local_day:
            days.append(Day(local_day, []))
        days[-1].changes.append(record)
    return days


def describe(records, request=None):
    """Attach to each record the URLs and labels its row needs (no query per row)."""
    records = list(records)
    for record in records:
        page = record.page
        url = page.get_url(request) or ""
        record.entry_url = url
        record.entry_kind_label = capfirst(page.specific_class.kind_label())
        record.entry_kind = page.specific_class.kind
        record.diff_url = compare_url(url, None, record.revision_id)
        record.history_url = entry_route_url(url, "history")
        # "translated to French", "updated the French description"...
        record.kind_text = change_label(record, page.specific_class) or record.get_kind_display()
        record.unpublished_label = unpublished_label(record.status)
    return records
