"""Restore an old revision, or undo one edit: what the edit form proposes.

Neither saves anything. Each computes the entry as it would be (every field),
which the edit form shows pre-filled with the differences from the current
version; the contributor checks, changes what they like, and saves with the
ordinary save button, through save_edit(), as a revision of kind "restore" or
"undo" that remembers its source revision.

One rule goes beyond copying old values: a revision made while this language
version was an untranslated copy of the other one holds the other language's
text. Restoring (or undoing) it must not put that text back over a real
translation, so its text fields keep their current value, and the form says
which.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Revision

from contributions.snapshots import TEXT, editable_fields, revision_snapshot, snapshot
from contributions.translation import state as translation

from .editing import EditConflict
from .merge import three_way_merge

RESTORE = "restore"
UNDO = "undo"


@dataclass
class Proposal:
    action: str  # RESTORE or UNDO
    revision: Revision
    #: Every editable field as the form proposes it (snapshot values).
    values: dict
    #: Text fields kept at their current value (see the module docstring).
    kept_text: list = field(default_factory=list)
    #: Undo only: later edits changed the same fields; the merge view decides.
    conflict: EditConflict | None = None
    #: Undo only: the revision changed nothing (it is its own previous state).
    nothing_to_undo: bool = False


def page_revision(page, revision_id):
    return Revision.page_revisions.select_related("user").get(
        pk=revision_id, object_id=str(page.pk)
    )


def previous_revision(page, revision):
    return (
        Revision.page_revisions.filter(object_id=str(page.pk), pk__lt=revision.pk)
        .order_by("-pk")
        .first()
    )


def restore_proposal(page, revision):
    """The entry with every field as in `revision` (text of a copy period excepted)."""
    current = snapshot(page)
    values = revision_snapshot(revision)
    kept = _keep_translations(page, revision, values, current)
    return Proposal(RESTORE, revision, values, kept_text=kept)


def undo_changes(page, revision):
    """The fields `revision` changed, with the values they had before it."""
    previous = previous_revision(page, revision)
    if previous is None:
        return {}
    before, after = revision_snapshot(previous), revision_snapshot(revision)
    return {name: before[name] for name in after if before.get(name) != after[name]}


def undo_proposal(page, revision):
    """The current entry with what `revision` changed put back.

    Later edits to other fields stay. When a later edit changed one of the
    same fields, the proposal carries the conflict, as a concurrent edit
    would: the edit form opens in merge mode with both texts.
    """
    current = snapshot(page)
    changes = undo_changes(page, revision)
    if not changes:
        return Proposal(UNDO, revision, current, nothing_to_undo=True)
    kept = _keep_translations(page, revision, changes, current)
    for name in kept:
        del changes[name]
    merge = three_way_merge(revision_snapshot(revision), current, changes)
    conflict = None if merge.clean else EditConflict(merge, page.live_revision)
    return Proposal(UNDO, revision, merge.merged, kept_text=kept, conflict=conflict)


def _keep_translations(page, revision, values, current):
    """Put the current text back in `values` where `revision` held copied text.

    Returns the names of the text fields kept (those that would have changed).
    """
    if not made_as_untranslated_copy(page, revision):
        return []
    kept = []
    for name, kind in editable_fields(type(page)):
        if kind == TEXT and name in values and values[name] != current[name]:
            values[name] = current[name]
            kept.append(name)
    return kept


def made_as_untranslated_copy(page, revision):
    """True if `revision` is from a time when `page` copied the other language's text.

    An untranslated copy is created with the other version's text and follows
    every change of it, so its revisions hold, in every text field at once,
    the text of some earlier revision of the other version. Nothing else
    does, short of a page written identically in both languages (a copy in
    all but name). Revision ids grow with time, so "earlier" compares ids.

    One query, whatever the length of the history: the database compares the
    text fields of the other version's earlier revisions.
    """
    other = translation.counterpart(page)
    if other is None:
        return False
    same_text = Q()
    for name in type(page).translatable_fields:
        text = revision.content.get(name) or ""
        if text:
            same_text &= Q(**{f"content__{name}": text})
        else:  # stored as "", as null, or not at all
            same_text &= (
                Q(**{f"content__{name}": ""})
                | Q(**{f"content__{name}": None})
                | Q(**{f"content__{name}__isnull": True})
            )
    return Revision.page_revisions.filter(
        same_text, object_id=str(other.pk), pk__lt=revision.pk
    ).exists()


def kept_text_note(page, field_labels):
    """Why some text fields keep their current value, in a sentence per direction."""
    values = {"fields": ", ".join(str(label) for label in field_labels)}
    if page.locale.language_code == "fr":
        return (
            _(
                "This revision dates from when the French version was an untranslated "
                "copy of the English one: its text is English. The current French text "
                "is kept in: %(fields)s."
            )
            % values
        )
    return (
        _(
            "This revision dates from when the English version was an untranslated "
            "copy of the French one: its text is French. The current English text "
            "is kept in: %(fields)s."
        )
        % values
    )
