"""Entry watchlists and translation queues: what the wiki does notifies their followers.

Published edits and translations notify the entry's followers; an entry
version that needs translation work (the wiki's `translation_needed` signal)
notifies the followers of the translation queues it falls in.

Listening to the EditRecord that the wiki writes for every published revision
(whoever published it) gives the kind of change and its author without
touching the wiki's code. The wiki creates the record while publishing and
completes it (kind, summary, status) later in the same transaction, so the
notification is decided after the commit, from the record as it ended up.
Edits waiting for review are not news yet: they notify once approved.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page

from contributions.models import EditRecord
from contributions.signals import translation_needed

from .models import Notification
from .services.notify import notify_entry_change, notify_translation_needed

NEWS = (EditRecord.Status.PUBLISHED, EditRecord.Status.APPROVED)


@receiver(post_save, sender=EditRecord)
def edit_recorded(sender, instance, raw=False, **kwargs):
    if raw or instance.status not in NEWS:
        return
    record_id = instance.pk
    transaction.on_commit(lambda: notify_published_record(record_id))


def notify_published_record(record_id):
    record = EditRecord.objects.filter(pk=record_id, status__in=NEWS).first()
    if record is None:
        return
    already = Notification.objects.filter(
        revision_id=record.revision_id,
        kind__in=[Notification.Kind.EDIT, Notification.Kind.TRANSLATION],
    )
    if already.exists():
        return
    key = Page.objects.filter(pk=record.page_id).values_list("translation_key", flat=True).first()
    if key is not None:
        with transaction.atomic():
            notify_entry_change(record, key)


@receiver(translation_needed)
def translation_work(sender, page, language, fields=(), revision=None, actor=None, **kwargs):
    """Sent after the wiki's commit: the notifications get a transaction of their own."""
    with transaction.atomic():
        notify_translation_needed(page, language, fields, revision=revision, actor=actor)
