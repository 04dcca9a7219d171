"""Benchmark of translation tracking (issue 4): the dashboard and an entry page with notes.

    .venv/bin/python bench/translations.py --tools 1000,15000

For each size, in a fresh PostgreSQL database `ogpt_trans_bench_<n>` created
(and dropped at the end) with the role of $DATABASE_URL:

1. migrate and generate the synthetic bilingual catalogue
   (`manage.py generate_catalogue`, use cases and organizations = n/10);
2. give it translation work to show, in bulk: 20 % of the French tools have an
   outdated description (and half of them an outdated summary too), 5 % of the
   English tools are outdated by French edits, and 3 % of the French tools are
   untranslated copies (contributions.FieldSync / UntranslatedCopy rows, as
   save_edit and create_entry would write them);
3. in a fresh process (test settings, no Elasticsearch), with Django's test
   Client and a session cookie (so the anonymous whole-page cache steps
   aside): for each URL, two warm-up requests, then the SQL query count of one
   request (an execute wrapper) and the median / p95 of N timed requests.

URLs: the dashboard's first and a far page of "outdated in French", "missing in
French", "outdated in English" filtered by kind and topic, and a French tool
page showing two outdated-field notes (and, for comparison, a tool in line).
The output is printed and saved to bench/results/ (gitignored).
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime

from common import PYTHON, RESULTS, database_url, log, run, setup_django

UNCACHED_COOKIE = ("sessionid", "bench-no-such-session")


def admin(base_url, statement):
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(statement)


# ------------------------------------------------- in-process (child) ---


def seed():
    """Outdated fields and untranslated copies, inserted in bulk (see the module doc)."""
    setup_django()
    from datetime import timedelta

    from django.utils import timezone

    from contributions.models import FieldSync, UntranslatedCopy
    from pages.models import ToolPage

    def pairs(language):
        pages = ToolPage.objects.filter(locale__language_code=language).order_by("path")
        return list(pages.values_list("pk", "translation_key", "live_revision_id"))

    french, english = pairs("fr"), pairs("en")
    by_key = {
        language: {key: (pk, revision) for pk, key, revision in rows}
        for language, rows in (("fr", french), ("en", english))
    }
    now = timezone.now()
    rows = []

    def outdated(pk, language, other_revision, field, age_minutes):
        rows.append(
            FieldSync(
                page_id=pk,
                field=field,
                language=language,
                other_changed_revision_id=other_revision,
                other_changed_at=now - timedelta(minutes=age_minutes),
                synced_revision_id=other_revision - 1,
                own_sync_revision_id=None,
            )
        )

    n = len(french)
    for number, (pk, key, _rev) in enumerate(french[: n // 5]):
        other = by_key["en"][key][1]
        outdated(pk, "fr", other, "description", number)
        if number % 2:
            outdated(pk, "fr", other, "summary", number)
    for number, (pk, key, _rev) in enumerate(english[n // 5 : n // 5 + n // 20]):
        outdated(pk, "en", by_key["fr"][key][1], "description", number)
    FieldSync.objects.bulk_create(rows, batch_size=2000)
    copies = [
        UntranslatedCopy(page_id=pk, source_page_id=by_key["en"][key][0], language="fr")
        for pk, key, _rev in french[n // 2 : n // 2 + max(1, n * 3 // 100)]
    ]
    UntranslatedCopy.objects.bulk_create(copies, batch_size=2000)
    sys.stdout.write(json.dumps({"field_rows": len(rows), "copies": len(copies)}))


def urls():
    from contributions.models import FieldSync
    from pages.models import ToolPage, TopicPage

    noted = FieldSync.objects.filter(language="fr", field="summary").order_by("pk").first()
    noted_tool = ToolPage.objects.get(pk=noted.page_id)
    in_line = (
        ToolPage.objects.filter(locale__language_code="fr")
        .exclude(pk__in=FieldSync.objects.values("page_id"))
        .order_by("-path")
        .first()
    )
    theme = TopicPage.objects.filter(locale__language_code="en", depth=4).order_by("path").first()
    return {
        "dashboard outdated-fr p1": "/en/translations/?list=outdated-fr",
        "dashboard outdated-fr p30": "/en/translations/?list=outdated-fr&page=30",
        "dashboard missing-fr p1": "/en/translations/?list=missing-fr",
        "dashboard outdated-en tool+topic": (
            f"/en/translations/?list=outdated-en&kind=tool&topic={theme.pk}"
        ),
        "entry with 2 notes (fr)": noted_tool.url,
        "entry in line (fr)": in_line.url,
    }


def measure(requests):
    setup_django()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[UNCACHED_COOKIE[0]] = UNCACHED_COOKIE[1]
    report = {}
    for label, url in urls().items():
        for _warm in range(2):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"GET {url} answered {response.status_code}")
        # Counted with an execute wrapper: it sees every query whatever the
        # state of the connection's debug log (which each request resets).
        executed = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        timings = []
        for _number in range(requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        html = response.content.decode()
        report[label] = {
            "url": url,
            "queries": len(executed),
            "median_ms": statistics.median(timings),
            "p95_ms": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))],
            "notes": html.count("<li>", html.find("translation-notes"))
            if "translation-notes" in html
            else 0,
            "sql": executed,
        }
    sys.stdout.write(json.dumps(report))


# ------------------------------------------------------------ the run ---


def bench_size(base_url, tools, requests):
    name = f"ogpt_trans_bench_{tools}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH")}
    env.update(
        DATABASE_URL=database_url(base_url, name),
        DJANGO_SETTINGS_MODULE="ogpsite.settings.test",
        ELASTICSEARCH_URL="",
    )
    admin(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(base_url, f'CREATE DATABASE "{name}"')
    try:
        log(f"{tools} tools: migrate")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        log(f"{tools} tools: generate the catalogue")
        started = time.perf_counter()
        run(
            [
                PYTHON, "manage.py", "generate_catalogue", "--tools", tools,
                "--use-cases", max(1, tools // 10), "--organizations", max(1, tools // 10),
                "--revisions", 3, "--no-progress", "--no-verify",
            ],
            env,
        )  # fmt: skip
        generated_s = time.perf_counter() - started
        seeded = json.loads(run([PYTHON, __file__, "--child", "seed"], env)[0])
        log(f"{tools} tools: measure")
        report = json.loads(
            run([PYTHON, __file__, "--child", "measure", "--requests", requests], env)[0]
        )
        return {"tools": tools, "generated_s": generated_s, "seeded": seeded, "urls": report}
    finally:
        admin(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def table(results):
    lines = [
        "| tools | URL | SQL queries | median ms | p95 ms |",
        "|---:|---|---:|---:|---:|",
    ]
    for result in results:
        for label, row in result["urls"].items():
            lines.append(
                f"| {result['tools']:,} | {label} | {row['queries']} "
                f"| {row['median_ms']:.1f} | {row['p95_ms']:.1f} |"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tools", default="1000,15000")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--child", choices=["seed", "measure"])
    args = parser.parse_args()
    if args.child == "seed":
        return seed()
    if args.child == "measure":
        return measure(args.requests)
    base_url = os.environ["DATABASE_URL"]
    results = [bench_size(base_url, int(n), args.requests) for n in args.tools.split(",")]
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"translations-{stamp}.json").write_text(json.dumps(results, indent=1))
    text = table(results)
    (RESULTS / f"translations-{stamp}.txt").write_text(text + "\n")
    sys.stdout.write(text + "\n")
    for result in results:
        sys.stdout.write(
            f"{result['tools']} tools: generated in {result['generated_s']:.0f} s, "
            f"seeded {result['seeded']}\n"
        )


if __name__ == "__main__":
    main()
