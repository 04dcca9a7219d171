from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkerConfig(AppConfig):
    """The task worker that keeps running through faults.

    django-tasks-db's `db_worker` stops at the first database error and leaves
    a task it was running "RUNNING" forever when it is killed. This app's
    `task_worker` command runs the same worker loop, waits for the database
    with back-off instead of dying, and hands abandoned tasks back to the queue.
    """

    name = "worker"
    label = "worker"
    verbose_name = _("Task worker")
