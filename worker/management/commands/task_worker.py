"""`manage.py task_worker`: `db_worker` that survives database outages and reclaims tasks.

Same options as django-tasks-db's `db_worker` (queues, interval, batch,
max-tasks, worker id); see worker/resilient.py for what differs. Give each
worker a fixed `--worker-id` (the supervisor's program name): a restarted
worker then takes back at once the task it was running when it died.
"""

import logging

from django_tasks_db.management.commands import db_worker

from worker.resilient import ResilientWorker


class _QuietBatchEnd(logging.Filter):
    """Our loop ends the library's loop on purpose every pass: not news."""

    def filter(self, record):
        message = str(record.msg)
        return not message.startswith(("No more tasks to run", "Run maximum tasks"))


class Command(db_worker.Command):
    help = "Run the task worker: survives database outages, takes back abandoned tasks."

    def handle(self, *args, **options):
        logging.getLogger("django_tasks_db").addFilter(_QuietBatchEnd())
        original = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original
