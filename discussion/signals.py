"""Entry watchlists and translation queues: what the wiki does notifies their followers.

Published edits and translations notify the entry's followers; an entry
version that needs translation work (the wiki's `translation_needed` signal)
notifies the followers of the translation queues it falls in.

The wiki announces each EditRecord once, after the commit, when its revision
becomes public (`edit_recorded`: published at once, or approved later; edits
waiting for review are not news yet), with the kind of change and its
author, so this app needs no hook in the wiki's code and no de-duplication.
"""

from django.db import transaction
from django.dispatch import receiver

from wagtail.models import Page

from contributions.signals import edit_recorded, translation_needed

from .services.notify import notify_entry_change, notify_translation_needed


@receiver(edit_recorded)
def edit_published(sender, record, **kwargs):
    """Sent after the wiki's commit: the notifications get a transaction of their own."""
    key = Page.objects.filter(pk=record.page_id).values_list("translation_key", flat=True).first()
    if key is not None:
        with transaction.atomic():
            notify_entry_change(record, key)


@receiver(translation_needed)
def translation_work(sender, page, language, fields=(), revision=None, actor=None, **kwargs):
    """Sent after the wiki's commit: the notifications get a transaction of their own."""
    with transaction.atomic():
        notify_translation_needed(page, language, fields, revision=revision, actor=actor)
