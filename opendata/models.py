"""What the harvester remembers between imports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedEntry(models.Model):
    """The values the importer last wrote to an entry, per external id.

    Matching the next import of the same source against these values tells the
    importer's own past writes from what people changed since: a field whose
    current value differs from the last imported one was edited by someone and
    is not overwritten (it is reported as a conflict instead).
    """

    external_id = models.CharField(_("external id"), max_length=500, unique=True)
    translation_key = models.UUIDField(_("entry"), db_index=True)
    source = models.CharField(_("source"), max_length=500)
    values = models.JSONField(_("last imported values"), default=dict)
    imported_at = models.DateTimeField(_("last imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported entry")
        verbose_name_plural = _("imported entries")

    def __str__(self):
        return self.external_id
