"""Relevance of every search on the demo catalogue, on SQLite and on PostgreSQL (issue #18).

    .venv/bin/python bench/search_relevance.py     # DATABASE_URL: a role that may create databases

For each database, a scratch one (a file under bench/results/ for SQLite; the
database `ogpt_bench_relevance`, dropped at the end, for PostgreSQL): migrate,
`load_demo_data`, Wagtail's `update_index` (its database backend, the search
the fallback used before), `search_index rebuild` (the database search's
index, and on PostgreSQL, when ELASTICSEARCH_URL is set, an Elasticsearch
index under the prefix `ogpt-bench-relevance`, deleted at the end); then
`bench/search.py --child relevance` on tests/search/judgments.yaml: nDCG@10,
recall@5, MRR and the queries that found nothing, per search. The full
`bench/search.py` measures the same on PostgreSQL as its part 5; this script
is the quick, both-databases version. The table is printed and saved to
bench/results/.
"""

import json
import os
import sys
import urllib.request
from datetime import datetime

import common
from common import PYTHON, RESULTS, ROOT, log
from search_report import relevance_table
from search_shared import JUDGMENTS

DATABASE = "ogpt_bench_relevance"
PREFIX = "ogpt-bench-relevance"


def environment(database_url, elasticsearch=""):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ELASTICSEARCH_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="ogpsite.settings.dev",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        DATABASE_URL=database_url,
        ELASTICSEARCH_INDEX_PREFIX=PREFIX,
    )
    if elasticsearch:
        env["ELASTICSEARCH_URL"] = elasticsearch
    return env


def measure(database_url, elasticsearch=""):
    """Load the demo catalogue into `database_url`, build the indexes, score every search."""
    plain = environment(database_url)
    common.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], plain)
    log("loading the demo catalogue")
    common.run([PYTHON, "manage.py", "load_demo_data"], plain)
    common.run([PYTHON, "manage.py", "update_index", "--backend", "default"], plain)
    full = environment(database_url, elasticsearch)
    common.run([PYTHON, "manage.py", "search_index", "rebuild"], full)
    out, _seconds = common.run(
        [PYTHON, ROOT / "bench" / "search.py", "--child", "relevance", "--judgments", JUDGMENTS],
        full,
    )
    return json.loads(out)


def delete_indexes(elasticsearch):
    """The bench's Elasticsearch indexes (by name: wildcard deletes are refused)."""
    url = f"{elasticsearch}/_alias/{PREFIX}-entries"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            names = list(json.load(answer))
    except OSError:
        return
    for name in names:
        request = urllib.request.Request(f"{elasticsearch}/{name}", method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


def main():
    base = os.environ.get("DATABASE_URL", "")
    elasticsearch = os.environ.get("ELASTICSEARCH_URL", "")
    RESULTS.mkdir(parents=True, exist_ok=True)
    reports = {}
    sqlite = RESULTS / "relevance.sqlite3"
    sqlite.unlink(missing_ok=True)
    log("SQLite")
    try:
        reports["SQLite"] = measure(f"sqlite:///{sqlite}")
    finally:
        sqlite.unlink(missing_ok=True)
    if base.startswith("postgres"):
        log("PostgreSQL")
        common.create_database(base, DATABASE)
        try:
            reports["PostgreSQL"] = measure(common.database_url(base, DATABASE), elasticsearch)
        finally:
            common.drop_database(base, DATABASE)
            if elasticsearch:
                delete_indexes(elasticsearch)
    else:
        log("PostgreSQL: not measured (DATABASE_URL is not a PostgreSQL URL)")
    lines = [f"Relevance on the demo catalogue, {JUDGMENTS.relative_to(ROOT)}"]
    for database, report in reports.items():
        lines.append(f"{database}: {report['scored']} of {report['queries']} queries scored")
        lines += relevance_table(report)
        if report["unresolved"]:
            lines.append(f"   entries of the judgments not found: {report['unresolved'][:10]}")
    table = "\n".join(lines)
    sys.stdout.write(table + "\n")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"search-relevance-{stamp}.txt").write_text(table + "\n")
    (RESULTS / f"search-relevance-{stamp}.json").write_text(json.dumps(reports, default=str))


if __name__ == "__main__":
    sys.exit(main())
