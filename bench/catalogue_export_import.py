"""Benchmark of the open data (issue 7): export time and memory, import throughput.

    .venv/bin/python bench/catalogue_export_import.py --tools 1000,15000 [--import-tools 1000]

For each size, in a fresh PostgreSQL database `ogpt_data_bench_<n>` (created
with the role of $DATABASE_URL and dropped at the end):

1. migrate and generate the synthetic catalogue (`manage.py generate_catalogue`,
   use cases and organizations = n/10, one revision per page);
2. in a fresh process, download the JSON export and the four CSV files through
   Django's test client (the real views, streamed) and read them to the end:
   wall time, bytes, the process's peak RSS (ru_maxrss) and the peak of Python
   allocations while streaming (tracemalloc). Memory must not grow with n.

Then, for the import: the JSON export of a catalogue of `--import-tools`
tools (default 50: every entry is written as real revisions in both languages)
is imported with `manage.py import_catalogue` into another fresh database
(tree only): entries per second; then the same file again (nothing changes:
the time of an idempotent re-harvest).

Elasticsearch is left out (ELASTICSEARCH_URL empty) so that only this app's
code is measured. Results are printed and saved to bench/results/ (gitignored).
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

from common import PYTHON, RESULTS, ROOT, database_url, log, run, setup_django

DOWNLOADS = [
    "/api/v1/export/catalogue.json",
    "/api/v1/export/tools.csv",
    "/api/v1/export/use-cases.csv",
    "/api/v1/export/organizations.csv",
    "/api/v1/export/topics.csv",
]


def admin(base_url, sql):
    import psycopg

    with psycopg.connect(database_url(base_url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def child_env(db_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        DJANGO_SETTINGS_MODULE="ogpsite.settings.test",
        ELASTICSEARCH_URL="",
        PYTHONPATH=str(ROOT),
    )
    return env


def measure_exports(save_json=None):
    """In this process (a fresh one): stream every export to the end, time and memory."""
    setup_django()
    from django.test import Client

    from opendata.views import entry_counts

    client = Client()
    client.get("/api/v1/entries/?page_size=1")  # imports and URL resolvers: not the export's cost
    results = {"entries": entry_counts()}
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = open(save_json, "wb") if save_json else None  # noqa: SIM115
    try:
        for path in DOWNLOADS:
            tracemalloc.start()
            started = time.perf_counter()
            response = client.get(path)
            size = 0
            for chunk in response.streaming_content:
                size += len(chunk)
                if out and path.endswith(".json"):
                    out.write(chunk)
            elapsed = time.perf_counter() - started
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            results[path] = {
                "seconds": round(elapsed, 2),
                "mib": round(size / 2**20, 1),
                "python_peak_mib": round(peak / 2**20, 1),
            }
    finally:
        if out:
            out.close()
    results["rss_before_mib"] = round(baseline / 1024, 1)
    results["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    sys.stdout.write(json.dumps(results) + "\n")


def fresh_database(base_url, name):
    admin(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(base_url, f'CREATE DATABASE "{name}"')
    env = child_env(database_url(base_url, name))
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    return env


def bench_size(base_url, tools, export_file=None):
    name = f"ogpt_data_bench_{tools}"
    log(f"{tools} tools: database {name}")
    try:
        env = fresh_database(base_url, name)
        others = max(1, tools // 10)
        _out, generate_s = run(
            [PYTHON, "manage.py", "generate_catalogue", "--tools", tools, "--use-cases", others,
             "--organizations", others, "--revisions", 1, "--no-progress", "--no-verify"],
            env,
        )  # fmt: skip
        log(f"{tools} tools: generated in {generate_s:.0f} s; exporting")
        extra = ["--save-json", export_file] if export_file else []
        out, _s = run([PYTHON, __file__, "--measure-exports", *extra], env)
        return {"tools": tools, "generate_s": round(generate_s, 1), **json.loads(out)}
    finally:
        admin(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_import(base_url, export_file):
    name = "ogpt_data_bench_import"
    log("import: database " + name)
    try:
        env = fresh_database(base_url, name)
        entries = len(json.loads(Path(export_file).read_text())["entries"])
        command = [PYTHON, "manage.py", "import_catalogue", export_file, "--format", "json",
                   "-v0"]  # fmt: skip
        first, first_s = run(command, env)
        second, second_s = run(command, env)
        return {
            "entries": entries,
            "first_s": round(first_s, 1),
            "entries_per_s": round(entries / first_s, 1),
            "first_summary": first.strip().splitlines()[-1],
            "second_s": round(second_s, 1),
            "second_summary": second.strip().splitlines()[-1],
        }
    finally:
        admin(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", default="1000,15000")
    parser.add_argument("--import-tools", type=int, default=50, help="0: no import")
    parser.add_argument("--measure-exports", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--save-json", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_exports:
        measure_exports(args.save_json)
        return
    base_url = os.environ["DATABASE_URL"]
    sizes = [int(size) for size in args.tools.split(",")]
    results = {"date": datetime.now().isoformat(timespec="seconds"), "sizes": []}
    export_file = Path(tempfile.mkdtemp(prefix="ogpt-data-bench-")) / "catalogue.json"
    for tools in sizes:
        results["sizes"].append(bench_size(base_url, tools))
        log(json.dumps(results["sizes"][-1]))
    if args.import_tools:
        results["import_source"] = bench_size(base_url, args.import_tools, export_file)
        results["import"] = bench_import(base_url, export_file)
        log(json.dumps(results["import"]))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"catalogue-export-import-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(results, indent=2))
    sys.stdout.write(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
