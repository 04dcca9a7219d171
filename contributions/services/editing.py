"""Saving an edit made on the public site: one transaction, one revision.

`save_edit()` locks the page row (SELECT … FOR UPDATE), so two concurrent
saves of the same entry are serialised: the second one sees the first one's
revision as "theirs" and merges against it instead of overwriting it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page, Revision

from contributions.models import EditRecord
from contributions.snapshots import apply, revision_snapshot, snapshot, text_size
from pages.cache import bump_generation

from .merge import three_way_merge


class EditConflict(Exception):
    """Both this edit and a newer revision changed the same fields."""

    def __init__(self, merge, theirs_revision):
        super().__init__(f"Conflicting fields: {', '.join(merge.conflicts)}")
        self.merge = merge
        self.theirs_revision = theirs_revision


@dataclass
class EditOutcome:
    revision: Revision
    record: EditRecord
    merged_fields: list  # fields taken from someone else's newer revision


def save_edit(
    page,
    user,
    changes,
    *,
    base_revision_id=None,
    summary="",
    minor=False,
    kind=EditRecord.Kind.EDIT,
    source_revision=None,
    publish=True,
):
    """Apply `changes` ({field: snapshot value}) to `page` and publish a revision.

    Raises EditConflict (and saves nothing) when a field was changed both here
    and in a revision published after `base_revision_id`.
    """
    with transaction.atomic():
        locked = Page.objects.select_for_update().get(pk=page.pk).specific
        # Compare with what is published: a revision waiting for review is
        # not "theirs" until a moderator approves it.
        current_revision = locked.live_revision
        theirs = snapshot(locked)
        merged_fields = []
        if base_revision_id and current_revision and current_revision.pk != base_revision_id:
            base = revision_snapshot(Revision.page_revisions.get(pk=base_revision_id))
            merge = three_way_merge(base, theirs, changes)
            if not merge.clean:
                raise EditConflict(merge, current_revision)
            changes = {name: merge.merged[name] for name in changes}
            merged_fields = merge.theirs_changed
        before_size = text_size(theirs, type(locked))
        apply(locked, changes)
        # A restore is logged by Wagtail as "wagtail.revert" to the old revision.
        restored = source_revision if kind == EditRecord.Kind.RESTORE else None
        revision = locked.save_revision(user=user, log_action=True, previous_revision=restored)
        if publish:
            revision.publish(user=user, skip_permission_checks=True, previous_revision=restored)
        else:
            bump_generation()  # cached pages now say that changes are pending
        after_size = text_size(snapshot(locked), type(locked))
        status = EditRecord.Status.PUBLISHED if publish else EditRecord.Status.PENDING
        # publish() may already have recorded the revision (signals.record_publish).
        record, _created = EditRecord.objects.update_or_create(
            revision=revision,
            defaults={
                "page": locked,
                "user": user,
                "created_at": revision.created_at or timezone.now(),
                "language": locked.locale.language_code,
                "kind": kind,
                "summary": summary[:500],
                "minor": minor,
                "size": after_size,
                "size_delta": after_size - before_size,
                "source_revision": source_revision,
                "status": status,
                "base_revision": current_revision,
            },
        )
        return EditOutcome(revision=revision, record=record, merged_fields=merged_fields)


def create_entry(parent, page, user, *, summary=""):
    """Add a new entry under `parent` as a first published revision by `user`."""
    with transaction.atomic():
        page.owner = user
        page.live = False
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=user)
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        size = text_size(snapshot(page), type(page))
        record, _created = EditRecord.objects.update_or_create(
            revision=revision,
            defaults={
                "page": page,
                "user": user,
                "created_at": revision.created_at,
                "language": page.locale.language_code,
                "kind": EditRecord.Kind.CREATE,
                "summary": summary[:500],
                "size": size,
                "size_delta": size,
            },
        )
        return EditOutcome(revision=revision, record=record, merged_fields=[])
