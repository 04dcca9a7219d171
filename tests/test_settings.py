"""Settings read the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRETS = {
    "SECRET_KEY": "k3y-" + "".join(chr(33 + (i * 7) % 90) for i in range(60)),
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db",
    "ALLOWED_HOSTS": "toolbox.example.org",
    "SITE_URL": "https://toolbox.example.org",
}


def manage(*args, **env):
    # The browser tests allow async-unsafe ORM calls in this process only.
    skip = {*SECRETS, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    clean.update(env, DJANGO_SETTINGS_MODULE="ogpsite.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_its_secrets():
    result = manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "DATABASE_URL" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", **{**SECRETS, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "at least 50" in result.stderr


def test_check_deploy_is_clean_with_the_secrets():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **SECRETS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_embedded_default_is_sqlite_and_database_search():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ELASTICSEARCH_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "ogpsite.settings.dev"
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], repr(s.ELASTICSEARCH_URL), s.EMAIL_BACKEND)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    ).stdout
    assert "sqlite3" in out
    assert "''" in out
    assert "console" in out
