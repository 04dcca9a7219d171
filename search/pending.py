"""The index's outbox: record which entries changed, then bring their documents up to date.

Why an outbox rather than one task per change: during an Elasticsearch
outage, hundreds of edits would each leave a failed task to retry on its own
schedule, and the catch-up would crawl through them one entry at a time. Here
a change is one row (an entry changed five times is one row), the queue holds
at most one waiting `flush_index_queue` task, and that task sends whole
batches with the bulk API, so the index is level again seconds after
Elasticsearch answers.
"""

import logging
import time
import uuid

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import PendingEntry

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
MAX_ATTEMPTS = 5  # failures other than an outage, before an entry is left to `reconcile`


def mark(keys):
    """Record that the documents of `keys` must be rewritten (in the caller's transaction)."""
    now = timezone.now()
    rows = [
        PendingEntry(translation_key=key, token=uuid.uuid4(), queued_at=now, attempts=0)
        for key in sorted({str(key) for key in keys})
    ]
    PendingEntry.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["translation_key"],
        update_fields=["token", "queued_at", "attempts"],
    )


def waiting():
    """The requests a flush will take (entries given up on are left to `reconcile`)."""
    return PendingEntry.objects.filter(attempts__lt=MAX_ATTEMPTS)


def flush(sync, budget_s=30.0, batch_size=BATCH_SIZE):
    """Bring waiting entries' documents up to date, a batch at a time.

    `sync(keys)` writes the documents of `keys` (or deletes them) and returns
    the keys it wrote; Elasticsearch errors propagate so the caller can retry
    later, and nothing is removed from the outbox then. Each request is
    visited once per flush, in the order they came (a request renewed
    meanwhile, or refused, waits for the next flush). Returns (entries done,
    whether some are still waiting after `budget_s` seconds).
    """
    started = time.monotonic()
    done = 0
    after = Q(queued_at__lte=timezone.now())  # later requests: the task they enqueued
    while rows := list(
        waiting()
        .filter(after)
        .order_by("queued_at", "translation_key")
        .values_list("translation_key", "token", "queued_at")[:batch_size]
    ):
        keys = [str(key) for key, _token, _queued in rows]
        written = _sync_batch(sync, keys)
        _remove([(key, token) for key, token, _queued in rows if str(key) in written])
        refused = [key for key in keys if key not in written]
        PendingEntry.objects.filter(pk__in=refused).update(attempts=F("attempts") + 1)
        done += len(written)
        last_key, _token, last_queued = rows[-1]
        after &= Q(queued_at__gt=last_queued) | Q(
            queued_at=last_queued, translation_key__gt=last_key
        )
        if time.monotonic() - started > budget_s:
            return done, waiting().filter(after).exists()
    return done, False


def _sync_batch(sync, keys):
    from .finding import ES_ERRORS

    try:
        return set(sync(keys))
    except ES_ERRORS:
        raise
    except Exception:  # a document that cannot be built must not block the others
        logger.exception("Indexing a batch failed; trying its %s entries one by one.", len(keys))
    written = set()
    for key in keys:
        try:
            written |= set(sync([key]))
        except ES_ERRORS:
            raise
        except Exception:  # counted as refused by flush()
            logger.exception("Indexing %s failed.", key)
    return written


def _remove(pairs):
    """Delete the requests a batch handled, unless a newer request replaced them meanwhile."""
    if not pairs:
        return
    condition = Q()
    for key, token in pairs:
        condition |= Q(translation_key=key, token=token)
    with transaction.atomic():
        PendingEntry.objects.filter(condition).delete()


def retry_given_up():
    """Give the entries left aside another chance (`search_index reconcile`)."""
    return PendingEntry.objects.filter(attempts__gte=MAX_ATTEMPTS).update(attempts=0)
