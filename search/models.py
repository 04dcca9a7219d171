"""The entries whose documents wait for an update (the index's outbox).

A publish writes the entry's key here in its own transaction, so the request
to update the index is exactly as durable as the edit: if the edit is saved,
so is the request, whatever Elasticsearch is doing. The queue's task takes
the keys a batch at a time and removes each one only once its document is
written; an outage leaves the rows in place, and one bulk catch-up empties
them when Elasticsearch is back (see `search.pending`).
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingEntry(models.Model):
    translation_key = models.UUIDField(_("entry"), primary_key=True)
    #: A new token at every request: a batch removes only the requests it saw,
    #: so an edit published while its entry is being indexed is not dropped.
    token = models.UUIDField(default=uuid.uuid4)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    #: Failed attempts that were not Elasticsearch being away (a document that
    #: cannot be built); the entry is left aside after a few, for `reconcile`.
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("entry waiting for the index")
        verbose_name_plural = _("entries waiting for the index")

    def __str__(self):
        return f"{self.translation_key} since {self.queued_at:%Y-%m-%d %H:%M:%S}"
