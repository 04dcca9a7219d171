"""Index upkeep as a task of the durable queue (django-tasks, database backend).

A publish records its entry in the outbox (`search.pending`) and asks for one
`flush_index_queue` task; `manage.py db_worker` runs it. The task has a high
priority, so that the worker runs it before the other work a publish
enqueues (Wagtail's own index and references, e-mails): search results are
what readers notice first. When Elasticsearch does not answer, the task
asks to run again a few seconds later and fails; the outbox keeps every
request meanwhile, so an outage delays updates and loses none.
"""

import logging
from datetime import timedelta

from django_tasks import task

from django.utils import timezone

from . import pending, services

logger = logging.getLogger(__name__)
PRIORITY = 50  # django-tasks runs higher priorities first (-100 … 100, default 0)
MAX_DELAY = 10  # seconds between two attempts during an outage, at most
BUDGET_S = 30  # a task hands over to a fresh one after this long, so others get a turn


@task(priority=PRIORITY)
def flush_index_queue(attempt=1):
    """Bring the index rows and documents of every entry in the outbox up to date."""
    try:
        done, more = pending.flush(services.update_entries, budget_s=BUDGET_S)
    except services.ES_ERRORS:
        _retry_later(attempt)
        raise
    if more:
        request_flush(force=True)
    return f"{done} entries indexed"


def request_flush(force=False):
    """Enqueue `flush_index_queue`, unless one is already waiting to run (it will see our rows)."""
    if not force and _waiting_task_exists(flush_index_queue.get_backend()):
        return None
    return flush_index_queue.enqueue()


def _waiting_task_exists(backend):
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return False
    if not isinstance(backend, DatabaseBackend):  # other backends: one task per request
        return False
    return DBTaskResult.objects.filter(
        task_path=flush_index_queue.module_path, status="READY"
    ).exists()


def _retry_later(attempt):
    # The database backend keeps a failed task as failed: enqueue a fresh one
    # to run later. The immediate backend (tests) cannot defer; the rows wait
    # for the next publish or `search_index reconcile`.
    backend = flush_index_queue.get_backend()
    if not backend.supports_defer:
        return
    delay = min(2**attempt, MAX_DELAY)
    logger.warning("Elasticsearch did not answer; updating the index again in %ss.", delay)
    flush_index_queue.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        attempt=attempt + 1
    )
