"""The review queue: who is reviewed, and how moderators decide.

A newcomer's edits and new entries (until the account is established:
OGPT_ESTABLISHED_AFTER_DAYS old, with OGPT_REVIEW_FIRST_EDITS approved edits,
see contributions.permissions.is_established) and non-moderators' edits to
protected entries are saved as Wagtail revisions
without being published. Readers keep seeing the last approved version, with
a note that changes are pending. A moderator approves (the revision is
published, merged with any edit made since) or rejects it with a reason that
the contributor sees in the entry's history.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Page

from contributions.models import EditRecord
from contributions.permissions import is_established, is_moderator
from contributions.snapshots import revision_snapshot, snapshot
from contributions.translation import counterparts
from pages.cache import bump_generation

from . import records
from .editing import reach_counterpart, save_edit


def needs_review(user, page):
    """True when this user's edit of this page (None: a new entry) must wait for a moderator."""
    if is_moderator(user):
        return False
    if page is not None and page.locked:
        return True
    return not is_established(user)


def pending_records(page=None):
    records = EditRecord.objects.filter(status=EditRecord.Status.PENDING)
    if page is not None:
        records = records.filter(page_id=page.pk)
    return records.select_related("user", "page", "revision").order_by("created_at")


class ReviewConflict(Exception):
    """The pending edit and a later published edit changed the same fields."""


def approve(record, moderator):
    """Publish a pending edit; if the entry changed since, merge per field."""
    page = record.page.specific
    with transaction.atomic():
        if record.kind == EditRecord.Kind.CREATE and not page.live:
            # A newcomer's new entry: published now, and copied to the other language.
            records.publish(record.revision, moderator)
            counterparts.create_untranslated_copy(type(page).objects.get(pk=page.pk), record.user)
        elif page.live_revision_id == record.base_revision_id:
            before = snapshot(page)
            records.publish(record.revision, moderator)
            page.refresh_from_db()
            reach_counterpart(page, record.revision, record, before, snapshot(page))
        else:
            pending = revision_snapshot(record.revision)
            base = revision_snapshot(record.base_revision) if record.base_revision else {}
            changes = {name: value for name, value in pending.items() if base.get(name) != value}
            from .editing import EditConflict

            try:
                save_edit(
                    page,
                    record.user,
                    changes,
                    base_revision_id=record.base_revision_id,
                    summary=record.summary,
                    auto_summary=record.auto_summary,
                    minor=record.minor,
                    kind=(
                        EditRecord.Kind.TRANSLATE
                        if record.kind == EditRecord.Kind.TRANSLATE
                        else EditRecord.Kind.EDIT
                    ),
                    synced_fields=record.translation.get("fields") or (),
                )
            except EditConflict as conflict:
                raise ReviewConflict(", ".join(conflict.merge.conflicts)) from conflict
        records.approve_record(record, moderator, timezone.now())
        log(
            instance=page,
            action="wagtail.workflow.approve",
            user=moderator,
            revision=record.revision,
        )


def reject(record, moderator, reason):
    page = record.page.specific
    records.reject_record(record, moderator, reason or _("No reason given."), timezone.now())
    if not pending_records(page).exists():
        Page.objects.filter(pk=page.pk).update(has_unpublished_changes=False)
        bump_generation()
    log(
        instance=page,
        action="wagtail.workflow.reject",
        user=moderator,
        revision=record.revision,
        data={"comment": record.review_reason},
    )
