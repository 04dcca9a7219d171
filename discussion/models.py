"""Threads, posts, follows, notifications, reports and e-mail preferences.

Threads belong to an entry through its Wagtail `translation_key`, not to one
language version: the English and French pages of a tool show the same
conversation, and each post records the language it was written in.

A post's text history is kept by django-reversion (registered at the bottom of
this module): one version per save, with the editor and the reason given.
"""

import reversion

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

POST_MAX_LENGTH = 20_000
TITLE_MAX_LENGTH = 200


class Thread(models.Model):
    translation_key = models.UUIDField(_("entry"), db_index=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    #: Date of the newest post: threads are listed by it, and "unread" compares to it.
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    locked = models.BooleanField(_("locked"), default=False)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["translation_key", "-last_activity_at"])]

    def __str__(self):
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=8)
    #: The post this one answers (a quote or a reply), shown as a link above it.
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread_id}#{self.pk}"


class Follow(models.Model):
    """A user follows one thread, a whole entry (its watchlist) or a translation queue.

    A translation queue is what the dashboard lists for one language (entries
    missing in it or with fields behind the other language), narrowed like the
    dashboard by entry kind and topic: translators hear when work arrives in
    the lists they took on, without watching every entry one by one. The topic
    is stored as its translation key, so the follow holds in both languages.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_follows"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    translation_key = models.UUIDField(_("entry"), null=True, blank=True)
    #: The language that needs work ("fr": entries to translate into or update in French).
    queue_language = models.CharField(_("language to translate into"), max_length=8, blank=True)
    #: An entry kind ("tool", "use_case"…), or "" for all kinds.
    queue_kind = models.CharField(_("entry kind"), max_length=32, blank=True)
    #: A topic's translation key, or "" for all topics.
    queue_topic = models.CharField(_("topic"), max_length=36, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="discussion_follow_thread"),
            models.UniqueConstraint(
                fields=["user", "translation_key"], name="discussion_follow_entry"
            ),
            models.UniqueConstraint(
                fields=["user", "queue_language", "queue_kind", "queue_topic"],
                condition=~models.Q(queue_language=""),
                name="discussion_follow_queue",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(thread__isnull=False, translation_key__isnull=True, queue_language="")
                    | models.Q(
                        thread__isnull=True, translation_key__isnull=False, queue_language=""
                    )
                    | (
                        models.Q(thread__isnull=True, translation_key__isnull=True)
                        & ~models.Q(queue_language="")
                    )
                ),
                name="discussion_follow_one_target",
            ),
        ]
        indexes = [
            models.Index(fields=["translation_key"]),
            models.Index(
                fields=["queue_language"],
                condition=~models.Q(queue_language=""),
                name="discussion_follow_queues",
            ),
        ]

    def __str__(self):
        if self.queue_language:
            target = "/".join(
                (self.queue_language, self.queue_kind or "*", self.queue_topic or "*")
            )
        else:
            target = self.thread_id or self.translation_key
        return f"{self.user_id} → {target}"


class ReadMarker(models.Model):
    """When a user last read a thread: the "unread" markers compare to it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="discussion_read_once")
        ]

    def __str__(self):
        return f"{self.user_id} read {self.thread_id} at {self.read_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("new reply")
        MENTION = "mention", _("mention")
        NEW_THREAD = "new_thread", _("new topic")
        EDIT = "edit", _("entry edited")
        TRANSLATION = "translation", _("translation changed")
        NEEDS_TRANSLATION = "needs_translation", _("needs translation")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_notifications"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    translation_key = models.UUIDField(_("entry"))
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE)
    #: For edits and translations: the page revision to show a short diff of.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    #: For "needs translation": the language version that needs work.
    language = models.CharField(_("language"), max_length=8, blank=True)
    #: For "needs translation": names of the outdated fields; empty when the
    #: whole entry is still to translate.
    fields = models.JSONField(_("fields"), default=list, blank=True)
    #: For "needs translation": the followed queue it came through, so that the
    #: following page can count what is unread per queue.
    queue_follow = models.ForeignKey(
        Follow, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    #: Set once an e-mail (immediate or digest) included this notification.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["emailed_at", "recipient"]),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient_id}"


class Report(models.Model):
    """A post a user flagged for the moderators, with the reason given."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("open")
        HIDDEN = "hidden", _("post hidden")
        DISMISSED = "dismissed", _("dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.OPEN, db_index=True
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"report on {self.post_id}: {self.outcome}"


class EmailPreference(models.Model):
    """How a user wants notifications by e-mail; no row means the default (immediately)."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately, one e-mail per notification")
        DAILY = "daily", _("Once a day, a digest of everything")
        NEVER = "never", _("Never (notifications stay on the site)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_email"
    )
    frequency = models.CharField(
        _("e-mail notifications"),
        max_length=16,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class EmailDelivery(models.Model):
    """One e-mail sent, under a key naming what it carried (its de-duplication key).

    The row is written in the transaction that sends the e-mail and marks its
    notifications e-mailed: a task run again after a crash before the commit
    finds no row and sends again (at least once); a run after the commit, or a
    second worker running the same task at the same time (it waits on the
    unique key), finds the row and sends nothing (never twice).
    """

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")

    def __str__(self):
        return self.key


DEFAULT_FREQUENCY = EmailPreference.Frequency.IMMEDIATE

# Only the text is versioned: hiding, locking and thread moves are moderation
# state, not what the author said.
reversion.register(Post, fields=["body"])
