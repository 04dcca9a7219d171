"""Restore an old revision, or undo one edit, as new revisions.

Both go through save_edit(), so they are ordinary revisions: attributed,
summarised, diffable, and themselves restorable or undoable.
"""

from django.utils.translation import gettext as _

from wagtail.models import Revision

from contributions.models import EditRecord
from contributions.snapshots import revision_snapshot

from .editing import save_edit


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


def _summary(revision, by_someone, by_unknown):
    """One sentence per case: an author's name and "an unknown contributor" do not
    take the same preposition in French ("de bruno", "d’un contributeur inconnu")."""
    if revision.user is None:
        return by_unknown % {"id": revision.pk}
    return by_someone % {"id": revision.pk, "author": revision.user.get_username()}


def restore_revision(page, user, revision):
    """A new revision equal to `revision` (every field), with an automatic summary."""
    summary = _summary(
        revision,
        _("Restored revision %(id)s by %(author)s"),
        _("Restored revision %(id)s by an unknown contributor"),
    )
    return save_edit(
        page,
        user,
        revision_snapshot(revision),
        base_revision_id=page.live_revision_id,
        summary=summary,
        kind=EditRecord.Kind.RESTORE,
        source_revision=revision,
    )


def undo_changes(page, revision):
    """The fields `revision` changed, with the values they had before it."""
    previous = previous_revision(page, revision)
    if previous is None:
        return {}
    before, after = revision_snapshot(previous), revision_snapshot(revision)
    return {name: before[name] for name in after if before.get(name) != after[name]}


def undo_revision(page, user, revision):
    """Reverse one edit. Later edits to other fields stay; if a later edit touched
    the same fields, save_edit raises EditConflict and the merge view opens."""
    summary = _summary(
        revision,
        _("Undid revision %(id)s by %(author)s"),
        _("Undid revision %(id)s by an unknown contributor"),
    )
    return save_edit(
        page,
        user,
        undo_changes(page, revision),
        base_revision_id=revision.pk,
        summary=summary,
        kind=EditRecord.Kind.UNDO,
        source_revision=revision,
    )
