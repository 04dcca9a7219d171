"""A real `manage.py task_worker` process against the test database."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from django.db import connection

from discussion.models import Notification
from discussion.tasks import deliver_notifications
from tests.factories import contributor

REPO = Path(__file__).resolve().parents[2]


def wait_for(condition, timeout=30, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class WorkerProcess:
    def __init__(self, mail_dir, log_dir):
        self.mail_dir = mail_dir
        self.log_dir = log_dir
        self.processes = []

    def start(self, worker_id, stale_after=300):
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker.settings",
            "DATABASE_URL": (
                f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
            ),
            "OGPT_TEST_MAIL_DIR": str(self.mail_dir),
            "OGPT_TASK_STALE_AFTER": str(stale_after),
        }
        log = open(self.log_dir / f"{worker_id}-{len(self.processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "manage.py", "task_worker", "--worker-id", worker_id]
            + ["--interval", "0.2", "--no-startup-delay", "--no-reload"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log_file = log
        self.processes.append(process)
        return process

    def log(self, process):
        process.log_file.flush()
        return Path(process.log_file.name).read_text()

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait(10)
            process.log_file.close()


@pytest.fixture
def worker(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs the PostgreSQL test database")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    (tmp_path / "mail").mkdir()
    workers = WorkerProcess(tmp_path / "mail", tmp_path)
    yield workers
    workers.stop_all()


def mails_sent(workers):
    """The Message-IDs of the e-mails the worker wrote (a file is opened before sending)."""
    return [
        line
        for path in sorted(workers.mail_dir.iterdir())
        for line in path.read_text().splitlines()
        if line.startswith("Message-ID: ")
    ]


@pytest.fixture
def notification(db):
    """A notification of a reply, waiting for its immediate e-mail."""
    bob = contributor("bob")
    return Notification.objects.create(
        recipient=bob, kind=Notification.Kind.REPLY, translation_key=uuid.uuid4()
    )


@pytest.fixture
def queued_delivery(worker, notification):
    """The e-mail task of `notification`, in the durable queue."""
    return deliver_notifications.enqueue([notification.pk])
