"""django-tasks-db's worker loop, made to outlive database faults.

The library's `Worker.run` is reused as it is, in batch mode: it runs tasks
until the queue is empty (or `CHUNK` tasks ran), then returns to our loop,
which takes abandoned tasks back every RECLAIM_EVERY seconds and sleeps the
polling interval. A database error anywhere (claiming, running, recording the
result) lands in our loop: connections are closed and the worker retries with
a growing pause, instead of exiting with OperationalError as `db_worker` does.
A task that failed because the database went away is put back in the queue.
"""

import contextlib
import logging
import time

from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.db import InterfaceError, OperationalError, connections

from . import reclaim

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
DATABASE_ERROR_PATHS = {f"{e.__module__}.{e.__qualname__}" for e in DATABASE_ERRORS} | {
    "psycopg.OperationalError",
    "psycopg.InterfaceError",
}
CHUNK = 20  # tasks per pass of the library loop, between two reclaim checks
RECLAIM_EVERY = 10  # seconds
MAX_BACKOFF = 30  # seconds


class ResilientWorker(Worker):
    def __init__(self, **kwargs):
        self.forever = not kwargs["batch"]
        self.max_total = kwargs["max_tasks"]
        super().__init__(**{**kwargs, "batch": True, "max_tasks": CHUNK})
        self.backoff = 0
        self.next_reclaim = 0
        self.total = 0

    def run(self):
        logger.info("Task worker %s starting.", self.worker_id)
        first = True
        while self.running:
            try:
                if first:
                    reclaim.reclaim_own(self.worker_id)
                    first = False
                self._reclaim_when_due()
                self._run_tasks = 0
                super().run()
                self.startup_delay = False
                self.total += self._run_tasks
                self._reconnected()
            except DATABASE_ERRORS as error:
                self._wait_for_database(error)
                first = True  # our own RUNNING task, if any, was interrupted
                continue
            if self.max_total is not None and self.total >= self.max_total:
                return
            if self._run_tasks < CHUNK:  # the queue is empty
                if not self.forever:
                    return
                time.sleep(self.interval)

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        if (
            db_task_result.status == TaskResultStatus.FAILED
            and db_task_result.exception_class_path in DATABASE_ERROR_PATHS
        ):
            # Not the task's fault: run it again once the database answers.
            DBTaskResult.objects.filter(pk=db_task_result.pk).update(
                status=TaskResultStatus.READY, started_at=None, finished_at=None
            )
            logger.warning("Task %s hit a database error: queued again.", db_task_result.id)

    def _reclaim_when_due(self):
        now = time.monotonic()
        if now >= self.next_reclaim:
            reclaim.reclaim_stale()
            self.next_reclaim = now + RECLAIM_EVERY

    def _wait_for_database(self, error):
        self.backoff = min(max(1, self.backoff * 2), MAX_BACKOFF)
        logger.warning(
            "Database unavailable (%s); worker %s retries in %ss.",
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
            self.worker_id,
            self.backoff,
        )
        for connection in connections.all(initialized_only=True):
            with contextlib.suppress(DATABASE_ERRORS):
                connection.close()
        time.sleep(self.backoff)

    def _reconnected(self):
        if self.backoff:
            logger.warning("Database back; worker %s resumes.", self.worker_id)
        self.backoff = 0
