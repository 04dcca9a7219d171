"""Which running tasks are taken back, and when a task is given up."""

from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from django.utils import timezone

from worker import reclaim

pytestmark = pytest.mark.django_db


def running(queued_delivery, worker_ids, minutes_ago):
    DBTaskResult.objects.filter(pk=queued_delivery.id).update(
        status="RUNNING",
        worker_ids=worker_ids,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
    )
    return DBTaskResult.objects.get(pk=queued_delivery.id)


def test_a_task_running_for_less_than_the_timeout_is_left_to_its_worker(queued_delivery):
    task = running(queued_delivery, ["busy"], minutes_ago=1)
    assert reclaim.reclaim_stale(stale_after=300) == 0
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_running_past_the_timeout_is_queued_again(queued_delivery):
    task = running(queued_delivery, ["dead"], minutes_ago=10)
    assert reclaim.reclaim_stale(stale_after=300) == 1
    task.refresh_from_db()
    assert (task.status, task.started_at) == ("READY", None)


def test_a_restarted_worker_takes_back_only_its_own_task(queued_delivery):
    task = running(queued_delivery, ["worker-b"], minutes_ago=0)
    assert reclaim.reclaim_own("worker-a") == 0
    assert reclaim.reclaim_own("worker-b") == 1
    task.refresh_from_db()
    assert task.status == "READY"


def test_a_task_abandoned_too_often_is_failed_not_retried(queued_delivery, settings):
    settings.OGPT_TASK_MAX_ATTEMPTS = 3
    task = running(queued_delivery, ["w1", "w2", "w3"], minutes_ago=10)
    assert reclaim.reclaim_stale(stale_after=300) == 0
    task.refresh_from_db()
    assert (task.status, task.exception_class_path) == ("FAILED", reclaim.GAVE_UP)
