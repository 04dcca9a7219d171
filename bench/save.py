"""What one save from the edit form costs, in queries and time, side by side.

    .venv/bin/python bench/save.py --before /path/to/other/checkout

Each checkout (this one, and `--before`, e.g. a worktree of an older commit
with its own .venv) gets a PostgreSQL database of its own (role of
$DATABASE_URL), migrated, with the small test catalogue. Then, in rounds that
alternate between the checkouts (the machine is noisy), a fresh process of
each posts the edit form of an English tool whose description has several
paragraphs, exactly as Chromium sends it (CRLF in every textarea), changing
the summary only: warm-up saves, then timed ones. The report gives the median
time of a save, the queries of one save, and the ratio after/before. The
databases are dropped at the end.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent

SETUP = """
import django; django.setup()
from tests.conftest import load_mini_catalogue
from contributions.services.editing import save_edit
from contributions.models import User
from pages.models import ToolPage
load_mini_catalogue()
tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
text = "First paragraph.\\n\\nSecond one:\\n\\n- a list\\n- of items\\n\\nThe end."
save_edit(tool, User.objects.get(username="amina"), {"description": text})
"""

MEASURE = """
import json, time, django; django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from contributions.models import User
from pages.models import ToolPage
try:
    from tests.factories import edit_data
except ImportError:  # a checkout older than tests/factories.py
    from tests.contributions.factories import edit_data
client = Client()
client.force_login(User.objects.get(username="amina"))
times, queries = [], 0
for number in range(WARMUP + SAVES):
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    data = edit_data(tool, summary=f"Summary number {number}.")
    data = {k: v.replace("\\n", "\\r\\n") if isinstance(v, str) else v for k, v in data.items()}
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.post(tool.url + "edit/", data)
        elapsed = time.perf_counter() - start
    assert response.status_code == 302, response.status_code
    if number >= WARMUP:
        times.append(elapsed)
        queries = len(captured.captured_queries)
print("RESULT " + json.dumps({"times": times, "queries": queries}))
"""


def database_url(name):
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def run(checkout, name, code, database):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(database),
        "DJANGO_SETTINGS_MODULE": "ogpsite.settings.test",
        "ELASTICSEARCH_URL": "",
        "OGPT_REVIEW_FIRST_EDITS": "0",
    }
    python = str(Path(checkout) / ".venv" / "bin" / "python")
    result = subprocess.run(
        [python, "-c", code], cwd=checkout, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"{name} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def psql(command):
    parts = urlsplit(os.environ["DATABASE_URL"])
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    subprocess.run(
        ["psql", "-q", "-h", parts.hostname, "-p", str(parts.port), "-U", parts.username,
         "-d", "postgres", "-c", command],
        env=env, check=True, capture_output=True,
    )  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="The checkout to compare with.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--saves", type=int, default=10, help="Timed saves per round.")
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    checkouts = {"before": Path(args.before).resolve(), "after": ROOT}
    databases = {name: f"ogpt_bench_save_{name}" for name in checkouts}
    try:
        for name, checkout in checkouts.items():
            psql(f"DROP DATABASE IF EXISTS {databases[name]}")
            psql(f"CREATE DATABASE {databases[name]}")
            env_db = databases[name]
            run(checkout, name, "import django; django.setup()\n"
                "from django.core.management import call_command\n"
                "call_command('migrate', verbosity=0)", env_db)  # fmt: skip
            run(checkout, name, SETUP, env_db)
        times = {name: [] for name in checkouts}
        queries = {}
        code = MEASURE.replace("WARMUP", str(args.warmup)).replace("SAVES", str(args.saves))
        for _round in range(args.rounds):
            for name, checkout in checkouts.items():
                output = run(checkout, name, code, databases[name])
                result = json.loads(output.split("RESULT ", 1)[1])
                times[name] += result["times"]
                queries[name] = result["queries"]
    finally:
        for database in databases.values():
            psql(f"DROP DATABASE IF EXISTS {database}")
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    for name in checkouts:
        sys.stdout.write(
            f"{name:6} {checkouts[name]}: median {medians[name]:.1f} ms over "
            f"{len(times[name])} saves, {queries[name]} queries per save\n"
        )
    sys.stdout.write(
        f"ratio after/before: time {medians['after'] / medians['before']:.2f}x, "
        f"queries {queries['after'] / queries['before']:.2f}x\n"
    )


if __name__ == "__main__":
    main()
