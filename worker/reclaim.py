"""Tasks abandoned by a dead worker go back to the queue.

A worker claims a task by marking it RUNNING with its id; if the process is
killed (or the machine stops) the row stays RUNNING and nothing would run it
again. Two ways back:

- a worker that starts (or reconnects after a database outage) under a fixed
  id takes back the RUNNING tasks that carry its own id: it is not running them;
- any worker takes back tasks RUNNING for longer than OGPT_TASK_STALE_AFTER
  seconds (their worker is presumed dead), checked every few seconds.

Every task of the project is idempotent, so running one again is safe. A task
that was taken back OGPT_TASK_MAX_ATTEMPTS times is marked failed instead:
a task that kills its worker must not kill every worker forever.
"""

import logging
from datetime import timedelta

from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

GAVE_UP = "worker.reclaim.TooManyAttempts"


def reclaim_own(worker_id):
    """Requeue the tasks still marked RUNNING by this worker id (it is not running any)."""
    return _requeue(lambda task: task.worker_ids and task.worker_ids[-1] == worker_id)


def reclaim_stale(stale_after=None):
    """Requeue the tasks RUNNING for longer than `stale_after` seconds."""
    stale_after = settings.OGPT_TASK_STALE_AFTER if stale_after is None else stale_after
    limit = timezone.now() - timedelta(seconds=stale_after)
    return _requeue(lambda task: task.started_at is not None and task.started_at < limit)


def _requeue(abandoned):
    requeued = 0
    with transaction.atomic():
        # Rows another worker is taking back at this moment are locked: skip them.
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for task in running:
            if not abandoned(task):
                continue
            if len(task.worker_ids) >= settings.OGPT_TASK_MAX_ATTEMPTS:
                _give_up(task)
                continue
            task.status = TaskResultStatus.READY
            task.started_at = None
            task.save(update_fields=["status", "started_at"])
            requeued += 1
            logger.warning(
                "Task %s (%s) abandoned by worker %s: queued again.",
                task.id,
                task.task_path,
                task.worker_ids[-1] if task.worker_ids else "?",
            )
    return requeued


def _give_up(task):
    task.status = TaskResultStatus.FAILED
    task.finished_at = timezone.now()
    task.exception_class_path = GAVE_UP
    task.traceback = f"Abandoned by {len(task.worker_ids)} workers in a row; not retried."
    task.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
    logger.error(
        "Task %s (%s) gave up after %s attempts.", task.id, task.task_path, len(task.worker_ids)
    )
