"""Index upkeep as tasks of the durable queue (django-tasks, database backend).

A publish only enqueues `index_entry`; `manage.py db_worker` runs it. When
Elasticsearch does not answer, the task schedules itself again a little later
and fails, so the update waits in the database instead of being lost.
"""

import logging
from datetime import timedelta

from django_tasks import task

from django.utils import timezone

from . import client, services

logger = logging.getLogger(__name__)
MAX_DELAY = 300  # seconds between two attempts, at most


@task()
def index_entry(translation_key, attempt=1):
    """Make the entry's document match its live language versions (or delete it)."""
    if not client.is_configured():
        return "not configured"
    try:
        services.ensure_index()
        groups = list(services.live_versions_by_key([translation_key]))
        if groups:
            services.index_groups(groups)
            return "indexed"
        services.delete_entry(translation_key)
        return "deleted"
    except services.ES_ERRORS:
        _retry_later(translation_key, attempt)
        raise


def _retry_later(translation_key, attempt):
    # The database backend keeps a failed task as failed: enqueue a fresh one
    # to run later. The immediate backend (tests) cannot defer: it just fails.
    backend = index_entry.get_backend()
    if not backend.supports_defer:
        return
    delay = min(2**attempt, MAX_DELAY)
    logger.warning(
        "Elasticsearch did not answer; indexing %s again in %ss.", translation_key, delay
    )
    index_entry.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        translation_key, attempt=attempt + 1
    )
