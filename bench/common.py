"""What every benchmark shares: paths, logging, scratch databases, subprocesses, statistics.

The benches are scripts (`.venv/bin/python bench/<name>.py`): Python puts this folder
first on sys.path, so they import this module as `common`. `setup_django` puts the
project first again, so that `pages`, `search` and the other apps are the apps, never a
bench of the same name.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"


def log(message):
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


def run(args, env, timeout=3600):
    args = [str(arg) for arg in args]
    started = time.perf_counter()
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode:
        raise RuntimeError(
            f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout, time.perf_counter() - started


def setup_django():
    """django.setup() with the project first on sys.path (before this folder)."""
    here = [ROOT, ROOT / "bench"]
    others = [p for p in sys.path if Path(p or ".").resolve() not in here]
    sys.path[:] = [str(ROOT), *others, str(ROOT / "bench")]
    import django

    django.setup()


def database_url(base_url, name):
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path="/" + name))


def admin_connection(base_url):
    import psycopg

    return psycopg.connect(base_url, autocommit=True)


def create_database(base_url, name):
    with admin_connection(base_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(base_url, name):
    with admin_connection(base_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(db_url, static_root, port, cache_dir):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "ELASTICSEARCH"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="ogpsite.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=db_url,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(static_root),
        ELASTICSEARCH_URL="",
        LOG_LEVEL="ERROR",
        # An empty cache of our own: "cold" means cold, and runs do not share pages.
        CACHE_LOCATION=str(cache_dir),
    )
    return env


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:  # fields: state, ppid, ...
            found.append(int(stat.parent.name))
    return sorted(found)


def sql_summary(sql, width=400):
    """What identifies a query: its FROM, WHERE and ORDER BY, not its column list."""
    start = sql.find(" FROM ")
    return (sql[:start][:40] + " …" + sql[start:])[:width] if start > 0 else sql[:width]


def provenance():
    """The commit measured, and the files changed in the work tree at the time."""

    def git(*args):
        result = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return result.stdout.rstrip("\n")

    dirty = [line[3:] for line in git("status", "--porcelain").splitlines()]
    text = f"commit {git('rev-parse', '--short', 'HEAD')}"
    return text + (f" + uncommitted changes to {', '.join(dirty)}" if dirty else "")
