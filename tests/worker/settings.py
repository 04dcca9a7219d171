"""Settings of the task worker the tests start as a real process.

The test settings, with the durable queue (the tests run tasks at once) and
e-mails written as files into OGPT_TEST_MAIL_DIR, so that a test counts what
the worker process sent.
"""

from ogpsite.settings.test import *  # noqa: F403
from ogpsite.settings.test import env

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env["OGPT_TEST_MAIL_DIR"]
