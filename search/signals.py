"""Keep the index in step with the pages: every change goes to the index's outbox.

Handlers only write the outbox row and enqueue the flush after the
transaction commits, so a publish never waits for Elasticsearch nor fails
because of it; the durable queue does the work, for the database's own
index and, when it is configured, Elasticsearch's. A change also re-indexes
the entries whose documents show the page (a renamed topic or organization
changes the tools filed under it).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete

from wagtail.signals import page_published, page_unpublished, post_page_move

from pages.models import is_entry

from . import pending

logger = logging.getLogger(__name__)
MAX_RELATED = 1000  # bound on the entries re-indexed for one change


def related_keys(page):
    """Translation keys of the entries whose documents show `page` (one query per relation)."""
    from pages.models import ENTRY_MODELS

    keys = set()
    for model in ENTRY_MODELS:
        for field in model._meta.get_fields():
            remote = getattr(field, "related_model", None)
            if field.many_to_many and not field.auto_created and remote is not None:
                if not issubclass(page.specific_class or type(page), remote):
                    continue
                lookup = {f"{field.name}__translation_key": page.translation_key}
                found = model.objects.filter(**lookup).values_list("translation_key", flat=True)
                keys.update(found.distinct()[: MAX_RELATED - len(keys)])
        if len(keys) >= MAX_RELATED:
            break
    return keys


def schedule(keys):
    """Record the entries in the outbox now, and ask for a flush once the transaction commits.

    The outbox row is written in the publishing transaction: it is saved
    exactly when the edit is. A failure to enqueue the task only delays the
    update (the next publish, or `search_index reconcile`, flushes the row).
    """
    if not keys:
        return
    pending.mark(keys)
    transaction.on_commit(request_flush)


def request_flush():
    from .tasks import request_flush as enqueue

    try:
        result = enqueue()
    except Exception:  # never lose an edit to the index: the outbox keeps the request
        logger.exception("Could not enqueue the search index update.")
        return
    if result is not None and result.status == "FAILED":  # an immediate backend ran it
        logger.warning("Updating the search index failed; the entries stay in its outbox.")


def on_change(sender, instance, **kwargs):
    # Wagtail sends these with the specific class as sender.
    if is_entry(sender):
        schedule({instance.translation_key, *related_keys(instance)})


def before_delete(sender, instance, **kwargs):
    # The relations are gone after the delete: find who shows the page now.
    if is_entry(sender):
        instance._search_related = related_keys(instance)


def after_delete(sender, instance, **kwargs):
    if is_entry(sender):
        schedule({instance.translation_key, *getattr(instance, "_search_related", ())})


def connect():
    page_published.connect(on_change, dispatch_uid="search.page_published")
    page_unpublished.connect(on_change, dispatch_uid="search.page_unpublished")
    post_page_move.connect(on_change, dispatch_uid="search.post_page_move")
    pre_delete.connect(before_delete, dispatch_uid="search.pre_delete")
    post_delete.connect(after_delete, dispatch_uid="search.post_delete")
