"""Each log line is printed once; request errors are e-mailed to ADMINS in production."""

import os
import subprocess
import sys
from pathlib import Path

from .test_settings import SECRETS

ROOT = Path(__file__).resolve().parent.parent

LOG_ONE_LINE = """
import django, logging
django.setup()
logging.getLogger("django.request").warning("one warning line")
logging.getLogger("pages").warning("one app line")
"""

REPORT_AN_ERROR = """
import django, logging
django.setup()
from django.core import mail
from django.conf import settings
logging.getLogger("django.request").error("Internal Server Error: /en/boom/")
print(settings.ADMINS)
for message in mail.outbox:
    print(message.to, message.subject)
"""


def run(code, settings, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {*SECRETS, "ADMINS", "LOG_LEVEL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_a_django_log_line_is_printed_once_in_development():
    result = run(LOG_ONE_LINE, "ogpsite.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("one warning line") == 1
    assert result.stderr.count("one app line") == 1


def test_a_django_log_line_is_printed_once_in_production():
    result = run(LOG_ONE_LINE, "ogpsite.settings.production", **SECRETS)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("one warning line") == 1


def test_request_errors_are_printed_and_mailed_to_the_admins_in_production():
    admins = "Ada Admin <ada@example.org>, ops@example.org"
    result = run(
        REPORT_AN_ERROR,
        "ogpsite.settings.production",
        **SECRETS,
        ADMINS=admins,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Internal Server Error: /en/boom/") == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "[('Ada Admin', 'ada@example.org'), ('', 'ops@example.org')]"
    assert lines[1:] == [
        "['ada@example.org', 'ops@example.org'] [Django] ERROR: Internal Server Error: /en/boom/"
    ]
