"""The one writer of EditRecord: what the wiki says about each revision it publishes.

Every path that makes a revision of an entry (a site edit, a translation, a
restore or undo, an import, a move, an approval, a fact shared with the other
language, an untranslated copy) publishes it with `publish()` and then calls
`record_revision()` once, with everything the record says, so a record is
written complete in one INSERT and never rewritten.

`publish()` marks the publish as the wiki's own while Wagtail sends
`page_published`, so the receiver (contributions.signals.record_publish) only
records the publishes that came from outside: the Wagtail admin, the loaders.

A record that is public news (published, or approved later) is announced once,
after the commit, by the `edit_recorded` signal (the discussion app notifies
the entry's followers): no listener has to tell a new record from a rewrite.
"""

from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone

from contributions.models import EditRecord
from contributions.signals import edit_recorded

_publishing = ContextVar("ogpt_wiki_publishing", default=False)


def publish(revision, user, **kwargs):
    """Publish `revision` as the wiki's own: the caller records it (record_revision)."""
    token = _publishing.set(True)
    try:
        revision.publish(user=user, skip_permission_checks=True, **kwargs)
    finally:
        _publishing.reset(token)


def publishing_from_wiki():
    """True while `publish()` runs: page_published then comes from the wiki itself."""
    return _publishing.get()


def record_revision(page, revision, *, user, kind, size, size_delta, **details):
    """Write the EditRecord of `revision` of `page` (once), and announce it if it is news.

    `details` are the record's other fields (summary, auto_summary, minor,
    status, base_revision, source_revision, counterpart_revision, translation,
    move); the summary is cut to the field's length.
    """
    if "summary" in details:
        details["summary"] = (details["summary"] or "")[:500]
    record = EditRecord.objects.create(
        revision=revision,
        page_id=page.pk,
        user=user,
        created_at=revision.created_at or timezone.now(),
        language=page.locale.language_code,
        kind=kind,
        size=size,
        size_delta=size_delta,
        **details,
    )
    if record.status == EditRecord.Status.PUBLISHED:
        announce(record)
    return record


def link_counterparts(record, other_revision):
    """`record`'s revision is mirrored by `other_revision` in the other language."""
    EditRecord.objects.filter(pk=record.pk).update(counterpart_revision=other_revision)
    record.counterpart_revision = other_revision


def approve_record(record, moderator, reviewed_at):
    """A moderator approved the pending `record`: it becomes news."""
    record.status = EditRecord.Status.APPROVED
    record.reviewed_by = moderator
    record.reviewed_at = reviewed_at
    record.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    announce(record)


def reject_record(record, moderator, reason, reviewed_at):
    """A moderator rejected the pending `record`, saying why."""
    record.status = EditRecord.Status.REJECTED
    record.reviewed_by = moderator
    record.review_reason = reason
    record.reviewed_at = reviewed_at
    record.save(update_fields=["status", "reviewed_by", "review_reason", "reviewed_at"])


def announce(record):
    """Send `edit_recorded` for `record` once the transaction commits."""
    transaction.on_commit(lambda: edit_recorded.send(sender=EditRecord, record=record))
