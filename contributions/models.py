"""Contributors.

A custom User model from the first migration, so that profile fields (the
language of e-mails, notification preferences) can be added without a painful
swap later.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

CONTRIBUTORS_GROUP = "Contributors"
MODERATORS_GROUP = "Moderators"
DISPLAY_NAME_MAX_LENGTH = 40


class User(AbstractUser):
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("Language of the e-mails we send you."),
    )
    #: The name a contributor chose to be shown under (see display_name);
    #: validated by contributions.services.profile (unique among user names
    #: and display names, whatever the case).
    public_name = models.CharField(
        _("display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        blank=True,
        help_text=_("Shown beside your edits and posts. Leave it empty to show your user name."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("public_name"),
                condition=~Q(public_name=""),
                name="user_public_name_unique_ignoring_case",
            )
        ]

    @property
    def display_name(self):
        """The chosen display name, else the full name an administrator set, else the user name."""
        return self.public_name or self.get_full_name() or self.username

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
        MOVE = "move", _("moved")

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
    #: The part of the summary the wiki writes itself, as data rather than
    #: text so that each reader sees it in their own language (see
    #: contributions.summaries): {"action": "restore" | "undo", "revision": id,
    #: "author": user name or None}. Empty for ordinary edits.
    auto_summary = models.JSONField(_("automatic summary"), default=dict, blank=True)
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
    #: The revision of the other language version that this one mirrors (an
    #: edit of shared facts appears in both histories) or that mirrors it.
    counterpart_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: For translations: {"fields": [fields brought in line], "first": bool}.
    #: Kept on the record so that a translation waiting for review updates the
    #: sync state when a moderator approves it.
    translation = models.JSONField(_("translation"), default=dict, blank=True)
    #: For moves (a new slug): {"from": old URL path, "to": new URL path},
    #: kept as they were so the history still tells the addresses of the time.
    move = models.JSONField(_("move"), default=dict, blank=True)

    class Meta:
        verbose_name = _("edit")
        verbose_name_plural = _("edits")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "-created_at"])]

    def __str__(self):
        return f"{self.page_id}@{self.revision_id}: {self.summary}"


class FieldSync(models.Model):
    """Where one translatable field of one language version stands against the other.

    One row per (page, field), written when either language changes the
    field or a translator brings it in line. Everything needed to tell
    in sync / outdated / diverged is on the row itself, so that a page of the
    translation dashboard, or the note on an entry page, is one query without
    joins between the two languages:

    - `changed_revision_id`: this version's revision that last changed the field;
    - `other_changed_revision_id` / `other_changed_at`: the same for the other
      language's version;
    - `synced_revision_id`: the other version's revision this field was last
      brought in line with; `own_sync_revision_id`: this version's revision at
      that moment.

    The field is **outdated** when the other side changed after the sync,
    **diverged** when this side changed too. Revision ids grow with time, so
    "after" compares ids. Ids rather than foreign keys: purging old revisions
    must not change what is outdated. A missing row means in sync (entries
    loaded in both languages start aligned).
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    changed_revision_id = models.BigIntegerField(null=True, blank=True)
    other_changed_revision_id = models.BigIntegerField(null=True, blank=True)
    other_changed_at = models.DateTimeField(null=True, blank=True)
    synced_revision_id = models.BigIntegerField(null=True, blank=True)
    own_sync_revision_id = models.BigIntegerField(null=True, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("translation sync state")
        verbose_name_plural = _("translation sync states")
        constraints = [
            models.UniqueConstraint(fields=["page", "field"], name="fieldsync_page_field")
        ]
        indexes = [models.Index(fields=["language", "other_changed_at"])]

    def __str__(self):
        return f"{self.page_id}.{self.field} ({self.language})"

    @property
    def outdated(self):
        return (self.other_changed_revision_id or 0) > (self.synced_revision_id or 0)

    @property
    def own_changed(self):
        return (self.changed_revision_id or 0) > (self.own_sync_revision_id or 0)


class UntranslatedCopy(models.Model):
    """A language version created as a copy of the other one, not translated yet.

    An entry added in one language exists in the other at once (no dead links,
    nothing missing when switching language): its page shows the source text
    under a banner until someone translates it, which deletes this row.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    source_page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("untranslated copy")
        verbose_name_plural = _("untranslated copies")

    def __str__(self):
        return f"{self.page_id} ← {self.source_page_id}"
