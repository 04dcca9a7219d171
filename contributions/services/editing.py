"""Saving an edit made on the public site: one transaction, one revision.

`save_edit()` locks the page row (SELECT … FOR UPDATE), so two concurrent
saves of the same entry are serialised: the second one sees the first one's
revision as "theirs" and merges against it instead of overwriting it.

Once published, an edit also reaches the other language version of the entry
(see contributions.translation.counterparts and .state): changed shared facts are
applied there as a revision of its own, changed text makes the other
version's fields outdated, and a translation brings fields in line.
"""

from dataclasses import dataclass

from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import Page, Revision

from contributions.models import EditRecord, UntranslatedCopy
from contributions.snapshots import apply, revision_snapshot, snapshot, text_size
from contributions.translation import counterparts
from contributions.translation import state as translation
from pages.cache import bump_generation

from . import records
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
    synced_fields=(),
    auto_summary=None,
):
    """Apply `changes` ({field: snapshot value}) to `page` and publish a revision.

    Raises EditConflict (and saves nothing) when a field was changed both here
    and in a revision published after `base_revision_id`. With kind
    TRANSLATE, `synced_fields` are the text fields now in line with the other
    language (written, or confirmed still accurate). `auto_summary` is the
    structured part of the summary that restores and undos write (see
    contributions.summaries).
    """
    with transaction.atomic():
        # Both language versions may be written (shared facts): lock them in
        # one order, so that edits of the two versions never deadlock.
        ids = Page.objects.filter(translation_key=page.translation_key).values_list("pk")
        list(Page.objects.select_for_update().filter(pk__in=ids).order_by("pk").values("pk"))
        locked = Page.objects.get(pk=page.pk).specific
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
            records.publish(revision, user, previous_revision=restored)
        else:
            bump_generation()  # cached pages now say that changes are pending
        after_size = text_size(snapshot(locked), type(locked))
        status = EditRecord.Status.PUBLISHED if publish else EditRecord.Status.PENDING
        record = records.record_revision(
            locked,
            revision,
            user=user,
            kind=kind,
            size=after_size,
            size_delta=after_size - before_size,
            summary=summary,
            auto_summary=auto_summary or {},
            minor=minor,
            source_revision=source_revision,
            status=status,
            base_revision=current_revision,
            translation=_translation_note(locked, kind, synced_fields),
        )
        if publish:
            reach_counterpart(locked, revision, record, theirs, snapshot(locked))
        return EditOutcome(revision=revision, record=record, merged_fields=merged_fields)


def _translation_note(page, kind, synced_fields):
    if kind != EditRecord.Kind.TRANSLATE:
        return {}
    first = UntranslatedCopy.objects.filter(page_id=page.pk).exists()
    return {"fields": list(synced_fields), "first": first}


def reach_counterpart(page, revision, record, before, after):
    """What a published revision of `page` means for the other language version.

    - changed shared facts are applied there (and text, while it is an
      untranslated copy), as a revision in its history too;
    - changed text makes the same fields of the other version outdated;
    - a translation brings its fields in line and ends the untranslated copy.
    """
    other = translation.counterpart(page)
    text, _facts = counterparts.changed_fields(before, after, type(page))
    previous_id = record.base_revision_id
    translation.record_text_changes(page, revision, text, other, previous_id)
    if other is None:
        return
    is_copy = UntranslatedCopy.objects.filter(page_id=other.pk).exists()
    if counterparts.share_with_counterpart(
        page, other, revision, record, before, after, is_copy=is_copy
    ):
        other.refresh_from_db()
    if record.kind == EditRecord.Kind.TRANSLATE:
        UntranslatedCopy.objects.filter(page_id=page.pk).delete()
        fields = record.translation.get("fields") or ()
        translation.mark_synced(page, fields, own_revision_id=revision.pk, other=other)
    elif text and UntranslatedCopy.objects.filter(page_id=page.pk).delete()[0]:
        # Someone started translating a copy with the ordinary edit form: the
        # fields written are translations, the others still the source text.
        translation.mark_synced(page, text, own_revision_id=revision.pk, other=other)
        untouched = [name for name in type(page).translatable_fields if name not in text]
        translation.mark_outdated(page, untouched, other)


def create_entry(parent, page, user, *, summary="", kind=EditRecord.Kind.CREATE, publish=True):
    """Add a new entry under `parent` as a first revision by `user`.

    `kind` is CREATE, or IMPORT for an entry that the importer adds. With
    `publish` False (a newcomer's entry) it stays a draft with a pending
    record: readers do not see it until a moderator approves it
    (services.review.approve), and only then is its other-language copy made.
    """
    with transaction.atomic():
        page.owner = user
        page.live = False
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=user)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            records.publish(revision, user)
        size = text_size(snapshot(page), type(page))
        status = EditRecord.Status.PUBLISHED if publish else EditRecord.Status.PENDING
        record = records.record_revision(
            page,
            revision,
            user=user,
            kind=kind,
            size=size,
            size_delta=size,
            summary=summary,
            status=status,
        )
        if publish:
            # The entry exists in the other language at once, as a copy to translate.
            created = type(page).objects.get(pk=page.pk)
            counterparts.create_untranslated_copy(created, user)
        return EditOutcome(revision=revision, record=record, merged_fields=[])
