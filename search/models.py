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


class EntryText(models.Model):
    """One entry in one language, as the database search finds it (its own index).

    The `*_terms` columns hold stems made by `search.analysis`; the database
    indexes them for full-text search (an FTS5 table on SQLite, a weighted
    `tsvector` column with a GIN index on PostgreSQL: see the migration) and
    ranks what matches (BM25, `ts_rank_cd`). `facts` holds the rest of the
    entry's Elasticsearch document (kind, facets, languages, sort keys), the
    same in every language's row, so that facets, sorting and grouping by
    entry need no other table. Rows are written with the Elasticsearch
    documents, by the same outbox (`search.database_index`).
    """

    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8)
    name = models.CharField(max_length=255)
    name_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    related_terms = models.TextField(blank=True)
    facts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("searchable entry text")
        verbose_name_plural = _("searchable entry texts")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="search_entrytext_one_per_language"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"


class IndexedWord(models.Model):
    """A word of the indexed names, summaries and texts, folded but not stemmed.

    Typo tolerance asks it which known words are close to a word nothing
    contains (through a trigram index on PostgreSQL). A misspelt word is only
    corrected to words of names and summaries, as with Elasticsearch, names'
    first (`place`). Words are added as entries are indexed, and only dropped
    by a rebuild: a word no entry has any more corrects to nothing.
    """

    IN_TEXT, IN_SUMMARY, IN_NAME = 0, 1, 2

    word = models.CharField(max_length=64, primary_key=True)
    place = models.PositiveSmallIntegerField(default=IN_TEXT)  # the best place it was seen

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word
