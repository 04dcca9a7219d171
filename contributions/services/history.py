"""An entry's revisions as history rows: who, when, why, how big, what status.

Wagtail's Revision is the history; EditRecord adds what a wiki shows beside
each revision (summary, minor flag, kind, size). Rows are built for one page
of history at a time with a fixed number of queries, whatever the length of
the history: revisions with their users, then the records, the rejected
revisions and the revision just before the page, each in one query.
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import Revision, TaskState

from contributions.models import EditRecord
from pages.numbers import whole_number
from pages.routes import ENTRY_ROUTES

CURRENT = "current"
PENDING = "pending"
REJECTED = "rejected"


def page_revisions(page):
    """Every revision of `page`, newest first, without their (large) content."""
    return (
        Revision.page_revisions.filter(object_id=str(page.pk))
        .select_related("user")
        .defer("content", "object_str")
        .order_by("-created_at", "-pk")
    )


def get_revision(page, revision_id):
    """A revision of this page (with its content), or None: never one of another page."""
    revision_id = whole_number(revision_id)
    if revision_id is None:
        return None
    return (
        Revision.page_revisions.filter(object_id=str(page.pk), pk=revision_id)
        .select_related("user")
        .first()
    )


def _before(revision):
    return Q(created_at__lt=revision.created_at) | Q(
        created_at=revision.created_at, pk__lt=revision.pk
    )


def _after(revision):
    return Q(created_at__gt=revision.created_at) | Q(
        created_at=revision.created_at, pk__gt=revision.pk
    )


def older_revision_id(page, revision):
    return page_revisions(page).filter(_before(revision)).values_list("pk", flat=True).first()


def newer_revision_id(page, revision):
    return (
        page_revisions(page)
        .filter(_after(revision))
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def is_newer(revision, other):
    """True if `revision` comes after `other` in the page's history."""
    return (revision.created_at, revision.pk) > (other.created_at, other.pk)


@dataclass
class HistoryRow:
    revision: Revision
    record: EditRecord | None
    #: The revision just before this one (None for the first revision).
    previous_id: int | None
    status: str

    @property
    def user(self):
        return self.revision.user

    @property
    def kind(self):
        if self.record:
            return self.record.kind
        # Revisions made outside the wiki (bulk imports, scripts) carry no record.
        return EditRecord.Kind.EDIT if self.previous_id else EditRecord.Kind.CREATE

    @property
    def kind_label(self):
        from django.contrib.contenttypes.models import ContentType

        from contributions.translation.text import change_label

        model = None
        if self.record and self.record.kind == EditRecord.Kind.TRANSLATE:
            model = ContentType.objects.get_for_id(self.revision.content_type_id).model_class()
        return change_label(self.record, model) or EditRecord.Kind(self.kind).label

    @property
    def summary(self):
        return self.record.summary if self.record else ""

    @property
    def minor(self):
        return bool(self.record and self.record.minor)

    @property
    def review_reason(self):
        """Why a moderator rejected this edit, shown to its author in the history."""
        return getattr(self.record, "review_reason", "") if self.status == REJECTED else ""

    @property
    def size(self):
        return self.record.size if self.record else None

    @property
    def size_delta(self):
        return self.record.size_delta if self.record else None


def revision_status(page, revision, record, rejected_ids):
    """current, pending, rejected or "" (an older published revision).

    Current is the revision the public page shows. The review queue marks its
    records pending or rejected; a Wagtail workflow (admin) rejects with a
    TaskState. A revision after the live one with no record at all was saved
    but never published (records are written on publish): it is pending too.
    Revision ids grow with time, so "after" compares ids.
    """
    if page.live and revision.pk == page.live_revision_id:
        return CURRENT
    review = getattr(record, "status", None)
    if review == REJECTED or revision.pk in rejected_ids:
        return REJECTED
    if review == PENDING:
        return PENDING
    after_live = page.live_revision_id is None or revision.pk > page.live_revision_id
    if record is None and after_live:
        return PENDING
    return ""


def rejected_revision_ids(revision_ids):
    return set(
        TaskState.objects.filter(
            revision_id__in=revision_ids, status=TaskState.STATUS_REJECTED
        ).values_list("revision_id", flat=True)
    )


def history_rows(page, revisions):
    """HistoryRows for `revisions` (one page of page_revisions(page), newest first)."""
    revisions = list(revisions)
    if not revisions:
        return []
    ids = [revision.pk for revision in revisions]
    records = {
        record.revision_id: record for record in EditRecord.objects.filter(revision_id__in=ids)
    }
    rejected = rejected_revision_ids(ids)
    previous_ids = [*ids[1:], older_revision_id(page, revisions[-1])]
    return [
        HistoryRow(
            revision=revision,
            record=records.get(revision.pk),
            previous_id=previous_id,
            status=revision_status(page, revision, records.get(revision.pk), rejected),
        )
        for revision, previous_id in zip(revisions, previous_ids, strict=True)
    ]


def live_revision(page):
    """The revision readers see, with its author, in one small query (None if unpublished).

    Its author is who last edited the page, as MediaWiki's "last edited by"
    says: an approved edit keeps its author, a restore is its restorer's.
    Only the columns the line shows are loaded (not the revision's content).
    """
    if not page.live_revision_id:
        return None
    return (
        Revision.objects.filter(pk=page.live_revision_id)
        .select_related("user")
        .only(
            "created_at",
            "user__username",
            "user__public_name",
            "user__first_name",
            "user__last_name",
        )
        .first()
    )


def entry_route_url(page_url, name, **kwargs):
    """The URL of an entry sub-route, built from the entry's URL and pages.routes.

    Works for a plain wagtail Page too (recent changes list pages of every kind
    without loading each one's specific model).
    """
    pattern = ENTRY_ROUTES[name]
    for key, value in kwargs.items():
        pattern = pattern.replace(f"<int:{key}>", str(value))
    return page_url + pattern


def compare_url(page_url, from_id, to_id):
    url = entry_route_url(page_url, "history_compare")
    if from_id:
        return f"{url}?from={from_id}&to={to_id}"
    return f"{url}?to={to_id}"
