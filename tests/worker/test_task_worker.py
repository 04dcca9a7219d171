"""The task worker, as a real process: abandoned tasks come back, database faults are survived."""

import signal
from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connection, transaction
from django.utils import timezone

from discussion.models import EmailDelivery, Notification
from discussion.tasks import deliver_notifications

from .conftest import mails_sent, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def status(result):
    return DBTaskResult.objects.get(pk=result.id).status


def test_a_task_left_running_by_a_dead_worker_runs_again_after_the_timeout(worker, queued_delivery):
    DBTaskResult.objects.filter(pk=queued_delivery.id).update(
        status="RUNNING",
        worker_ids=["gone-for-good"],
        started_at=timezone.now() - timedelta(hours=1),
    )
    worker.start("worker-a", stale_after=60)
    wait_for(lambda: status(queued_delivery) == "SUCCESSFUL", what="the reclaimed task")
    assert len(mails_sent(worker)) == 1
    assert DBTaskResult.objects.get(pk=queued_delivery.id).worker_ids == [
        "gone-for-good",
        "worker-a",
    ]


def test_a_worker_killed_during_a_task_takes_it_back_when_restarted(
    worker, queued_delivery, notification
):
    with transaction.atomic():
        # Hold the notification: the worker's e-mail task waits on it, mid-task.
        Notification.objects.select_for_update().get(pk=notification.pk)
        first = worker.start("worker-a")
        wait_for(lambda: status(queued_delivery) == "RUNNING", what="the task to start")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    assert status(queued_delivery) == "RUNNING"  # what a dead worker leaves behind
    assert mails_sent(worker) == []

    worker.start("worker-a")  # as the supervisor restarts it, under the same id

    wait_for(lambda: status(queued_delivery) == "SUCCESSFUL", what="the task to complete")
    assert len(mails_sent(worker)) == 1
    assert EmailDelivery.objects.filter(key=f"notification:{notification.pk}").count() == 1


def test_a_worker_outlives_its_database_connections_being_cut(worker, notification):
    process = worker.start("worker-a")
    first = deliver_notifications.enqueue([notification.pk])
    wait_for(lambda: status(first) == "SUCCESSFUL", what="the first task")

    with connection.cursor() as cursor:  # what a database restart does to the worker
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
    EmailDelivery.objects.all().delete()
    second = deliver_notifications.enqueue([notification.pk])

    wait_for(lambda: status(second) == "SUCCESSFUL", what="the task after the cut")
    assert process.poll() is None, worker.log(process)
    assert len(mails_sent(worker)) == 2
