"""Contributors.

A custom User model from the first migration, so that profile fields (the
language of e-mails, notification preferences) can be added without a painful
swap later.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

CONTRIBUTORS_GROUP = "Contributors"
MODERATORS_GROUP = "Moderators"


class User(AbstractUser):
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("Language of the e-mails we send you."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    @property
    def is_moderator(self):
        return self.is_superuser or self.groups.filter(name=MODERATORS_GROUP).exists()


class EditRecord(models.Model):
    """What a contributor said about one page revision made from the public site.

    Wagtail's Revision stays the single source of page history (content,
    author, date); this row adds what a wiki needs on top of it: the edit
    summary, the minor flag, what kind of change it was and its size, so that
    history and recent changes list revisions without unpacking their JSON.
    """

    class Kind(models.TextChoices):
        CREATE = "create", _("created")
        EDIT = "edit", _("edited")
        RESTORE = "restore", _("restored")
        UNDO = "undo", _("undid")
        TRANSLATE = "translate", _("translated")
        IMPORT = "import", _("imported")

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="edit_record"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="edit_records"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edit_records",
    )
    created_at = models.DateTimeField(_("date"), db_index=True)
    language = models.CharField(_("language"), max_length=8, db_index=True)
    kind = models.CharField(_("kind of change"), max_length=16, choices=Kind.choices)
    summary = models.CharField(_("edit summary"), max_length=500, blank=True)
    minor = models.BooleanField(_("minor edit"), default=False)
    size = models.PositiveIntegerField(_("size in characters"), default=0)
    size_delta = models.IntegerField(_("size change"), default=0)

    class Status(models.TextChoices):
        PUBLISHED = "published", _("published")
        PENDING = "pending", _("pending review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    #: The revision the contributor started from (to merge a late approval).
    base_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_reason = models.TextField(_("reason given by the moderator"), blank=True)
    #: For restores and undos: the revision this one brought back or reversed.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("edit")
        verbose_name_plural = _("edits")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "-created_at"])]

    def __str__(self):
        return f"{self.page_id}@{self.revision_id}: {self.summary}"
