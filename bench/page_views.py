"""Benchmark of the catalogue pages (issue 2): SQL queries, latency, memory.

    .venv/bin/python bench/page_views.py --tools 1000,15000

For each size, in a fresh PostgreSQL database `ogpt_bench_<n>` created (and
dropped at the end) with the role of $DATABASE_URL:

1. migrate, collectstatic into a temporary STATIC_ROOT, generate the synthetic
   catalogue (`manage.py generate_catalogue`, use cases and organizations = n/10);
2. (a) count the SQL queries of a cold request (a fresh process, and an empty
   cache of its own) to a tool page, the tool index and a topic (theme) page,
   in English, with Django's test Client and CaptureQueriesContext; also the
   cached count (the same again, anonymous: whole-page cache), the warm count
   (rendered again, with a session cookie) and the cleared count (cache
   cleared, warm process: what tests/pages/test_page_cache.py counts);
3. (b) serve the site with gunicorn (2 workers, production settings) on
   127.0.0.1 and time N sequential GETs (after warm-up GETs) of the tool page,
   alternating with GETs of a static file of the same size served by the same
   gunicorn (whitenoise): median, p95 and the page/static ratio;
4. (c) read the RSS of the gunicorn workers (/proc/<pid>/status VmRSS).

Only loopback traffic, bounded loops; gunicorn is stopped and the databases
are dropped in `finally` blocks. The output is printed and saved to
bench/results/ (gitignored) with the full query lists.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from http.client import HTTPConnection
from pathlib import Path

from common import (
    PYTHON,
    RESULTS,
    ROOT,
    children,
    create_database,
    database_url,
    drop_database,
    free_port,
    log,
    percentile,
    production_env,
    provenance,
    rss_kib,
    run,
    setup_django,
    sql_summary,
    stop,
)

QUERY_GOAL = 20
RATIO_GOAL = 2.0
STATIC_NAME = "bench-same-size.html"
#: A session cookie makes pages.cache (the anonymous whole-page cache) step aside.
UNCACHED_COOKIE = "sessionid=bench-no-such-session"
KEYS = ("tool", "index", "topic")


# ------------------------------------------- in-process (child) modes ---


def find_urls():
    """Print the English URLs to measure (run in its own process)."""
    setup_django()
    from pages.models import ToolIndexPage, ToolPage, TopicPage

    en = {"locale__language_code": "en"}
    tool = ToolPage.objects.live().filter(**en).order_by("path").first()
    theme = TopicPage.objects.live().filter(depth=4, **en).order_by("path").first()
    index = ToolIndexPage.objects.live().filter(**en).first()
    sys.stdout.write(json.dumps({"tool": tool.url, "index": index.url, "topic": theme.url}))


def count_queries(url, html_out=None):
    """First (cold) and second (warm) request to `url` in this fresh process."""
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    report = {"url": url}
    # cold: first request of the process, empty cache; cached: the same again
    # (anonymous, so the whole-page cache answers if the app has one);
    # warm: rendered again in the warm process (a session cookie bypasses the
    # anonymous page cache); cleared: anonymous again after cache.clear(), in
    # the warm process (per-process lookups such as ContentTypes already done).
    from django.core.cache import cache

    steps = (("cold", None), ("cached", None), ("warm", UNCACHED_COOKIE), ("cleared", None))
    for label, cookie in steps:
        name, value = UNCACHED_COOKIE.split("=", 1)
        if cookie:
            client.cookies[name] = value
        else:
            client.cookies.pop(name, None)
        if label == "cleared":
            cache.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        report[f"{label}_ms"] = (time.perf_counter() - started) * 1000
        report[f"{label}_sql_ms"] = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        report[label] = len(queries)
        report[f"{label}_queries"] = [(q["sql"], q["time"]) for q in queries.captured_queries]
        if label == "cold":
            report["bytes"] = len(response.content)
            if html_out:
                Path(html_out).write_bytes(response.content)
    sys.stdout.write(json.dumps(report))


# ------------------------------------------------------------ the run ---


def timed_get(port, path, cookie=None):
    headers = {"Host": f"127.0.0.1:{port}"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return elapsed, len(body)


def wait_ready(port, path, process, deadline_s=60):
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            timed_get(port, path)
            return
        except (OSError, RuntimeError):
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def latency(env, port, urls, requests, warmup):
    """Serve with gunicorn; alternate GETs of the tool page and the same-size static file."""
    static_path = f"/static/{STATIC_NAME}"
    gunicorn = [
        PYTHON, "-m", "gunicorn", "ogpsite.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "2",
        "--error-logfile", "-", "--log-level", "warning",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log_file:
        process = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=log_file, stderr=log_file)
        try:
            wait_ready(port, static_path, process)
            series = {
                # What an anonymous reader gets (whole-page cache, if the app has one).
                "page": (urls["tool"], None),
                # A reader with a session cookie: the page is rendered every time.
                "uncached": (urls["tool"], UNCACHED_COOKIE),
                "static": (static_path, None),
            }
            for _ in range(warmup):
                for path, cookie in series.values():
                    timed_get(port, path, cookie)
            times = {name: [] for name in series}
            sizes = {}
            for _ in range(requests):
                for name, (path, cookie) in series.items():
                    elapsed, sizes[name] = timed_get(port, path, cookie)
                    times[name].append(elapsed)
            workers = children(process.pid)
            rss = {pid: rss_kib(pid) for pid in workers}
            master_rss = rss_kib(process.pid)
        finally:
            stop(process)
            log_file.seek(0)
            errors = log_file.read().decode(errors="replace").strip()
    if errors:
        log("gunicorn said:\n" + errors[-2000:])
    ms = 1000
    result = {f"{name}_bytes": size for name, size in sizes.items()}
    for name, values in times.items():
        result[f"{name}_median_ms"] = statistics.median(values) * ms
        result[f"{name}_p95_ms"] = percentile(values, 0.95) * ms
    result["worker_rss_mib"] = [round(v / 1024, 1) for v in rss.values()]
    result["master_rss_mib"] = round(master_rss / 1024, 1)
    return result


def bench_size(base_url, tools, args):
    name = f"ogpt_bench_{tools}"
    db_url = database_url(base_url, name)
    port = free_port()
    static_root = Path(tempfile.mkdtemp(prefix="ogpt-bench-static-"))
    caches = Path(tempfile.mkdtemp(prefix="ogpt-bench-cache-"))
    # generate_catalogue requests the first tool to verify it: keep that out of
    # the cache that the measured requests start with.
    build_env = production_env(db_url, static_root, port, caches / "build")
    env = production_env(db_url, static_root, port, caches / "run")
    result = {"tools": tools, "database": name}
    manage = [PYTHON, "manage.py"]
    log(f"{tools} tools: creating database {name}")
    create_database(base_url, name)
    try:
        _out, result["migrate_s"] = run([*manage, "migrate", "--noinput", "-v0"], build_env)
        _out, _s = run([*manage, "collectstatic", "--noinput", "-v0"], build_env)
        others = max(1, tools // 10)
        log(f"{tools} tools: generating ({others} use cases, {others} organizations, "
            f"{args.revisions} revisions)")  # fmt: skip
        out, result["generate_s"] = run(
            [*manage, "generate_catalogue", "--tools", tools, "--use-cases", others,
             "--organizations", others, "--revisions", args.revisions, "--no-progress"],
            build_env,
        )  # fmt: skip
        result["generate_output"] = out.strip()
        out, _s = run([PYTHON, __file__, "--find-urls"], build_env)
        urls = json.loads(out)
        result["urls"] = urls
        log(f"{tools} tools: counting queries (cold processes)")
        html = static_root / STATIC_NAME
        queries = {}
        for key in ("tool", "index", "topic"):
            extra = ["--html-out", str(html)] if key == "tool" else []
            # Each page its own empty cache: cached navigation is not shared.
            count_env = production_env(db_url, static_root, port, caches / f"count-{key}")
            out, _s = run([PYTHON, __file__, "--count-queries", urls[key], *extra], count_env)
            queries[key] = json.loads(out)
        result["queries"] = queries
        log(f"{tools} tools: gunicorn on 127.0.0.1:{port}, {args.requests} GETs each")
        result["latency"] = latency(env, port, urls, args.requests, args.warmup)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(caches, ignore_errors=True)
        if not args.keep:
            drop_database(base_url, name)
            log(f"{tools} tools: dropped database {name}")
    return result


# ------------------------------------------------------------- report ---


def table(results, args):
    lines = [
        f"Pages benchmark — {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"{args.revisions} revisions/page, {args.requests} GETs after {args.warmup} warm-up",
        provenance(),
        "",
        "SQL queries per request — cold: first request, fresh process, empty cache; "
        "cleared: cache cleared in the warm process; warm: rendered again (session "
        "cookie); cached: anonymous, page cache",
        "tools  | gen s | cold/cleared/warm/cached: tool | index             | topic"
        f"             | goal: cold <= {QUERY_GOAL}, same at all sizes",
    ]
    for r in results:
        q = r["queries"]
        cells = " | ".join(
            f"{q[k]['cold']:>2} /{q[k]['cleared']:>3} /{q[k]['warm']:>3} /{q[k]['cached']:>2}"
            for k in KEYS
        )
        lines.append(f"{r['tools']:>6} | {r['generate_s']:>5.0f} | {' ' * 18}{cells}")
    lines += [
        "",
        "In-process request ms (of which SQL): cold / warm",
        "tools  |        tool         |        index        |        topic",
    ]
    for r in results:
        q = r["queries"]
        cells = " | ".join(
            f"{q[k]['cold_ms']:>4.0f} ({q[k]['cold_sql_ms']:>3.0f}) / "
            f"{q[k]['warm_ms']:>3.0f} ({q[k]['warm_sql_ms']:>2.0f})"
            for k in KEYS
        )
        lines.append(f"{r['tools']:>6} | {cells}")
    lines += [
        "",
        "tools  | bytes | ms median / p95:  page (anonymous)   page (uncached)    static"
        f"  | ratio page/static med (p95) | uncached/static | goal <= {RATIO_GOAL}",
    ]
    for r in results:
        lat = r["latency"]
        cells = "  ".join(
            f"{lat[f'{name}_median_ms']:>7.1f} / {lat[f'{name}_p95_ms']:>6.1f}"
            for name in ("page", "uncached", "static")
        )
        lines.append(
            f"{r['tools']:>6} | {lat['page_bytes']:>5} | {' ' * 16}{cells}  | "
            f"{ratio(lat, 'page', 'median'):>6.1f} ({ratio(lat, 'page', 'p95'):.1f})"
            f"{' ' * 17}| {ratio(lat, 'uncached', 'median'):>6.1f}"
        )
    lines += ["", "tools  | gunicorn worker RSS MiB after the run (master)"]
    for r in results:
        lat = r["latency"]
        rss = " / ".join(f"{v:.0f}" for v in lat["worker_rss_mib"])
        lines.append(f"{r['tools']:>6} | {rss} ({lat['master_rss_mib']:.0f})")
    counts = {k: {r["queries"][k]["cold"] for r in results} for k in KEYS}
    query_ok = all(max(v) <= QUERY_GOAL and len(v) == 1 for v in counts.values())
    ratio_ok = all(ratio(r["latency"], "page", "median") <= RATIO_GOAL for r in results)
    lines += [
        "",
        f"goal queries <= {QUERY_GOAL} and constant: {'met' if query_ok else 'NOT met'}; "
        f"goal page/static <= {RATIO_GOAL}x: {'met' if ratio_ok else 'NOT met'}",
    ]
    return "\n".join(lines)


def ratio(latency, name, stat):
    return latency[f"{name}_{stat}_ms"] / latency[f"static_{stat}_ms"]


def top_queries(results, limit=8):
    """The repeated SQL shapes of each cold request: where the queries go."""
    import re

    lines = []
    for r in results:
        for key, q in r["queries"].items():
            shapes = {}
            for sql, _time in q["cold_queries"]:
                shape = re.sub(r"\b\d+\b", "N", re.sub(r"'[^']*'", "'…'", sql))[:160]
                shapes[shape] = shapes.get(shape, 0) + 1
            lines.append(
                f"-- {r['tools']} tools, {key} {q['url']}: {q['cold']} queries cold, "
                f"{q['cleared']} cleared, {q['warm']} warm ({q['warm_ms']:.0f} ms in-process, "
                f"of which SQL {q['warm_sql_ms']:.0f} ms), {q['cached']} cached"
            )
            for shape, n in sorted(shapes.items(), key=lambda item: -item[1])[:limit]:
                lines.append(f"   {n:>3} x {shape}")
            lines.append("   slowest (warm):")
            for sql, elapsed in sorted(q["warm_queries"], key=lambda x: -float(x[1]))[:3]:
                lines.append(f"   {float(elapsed) * 1000:>5.1f} ms  {sql_summary(sql)}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", default="1000,15000", help="Comma-separated sizes.")
    parser.add_argument("--revisions", type=int, default=3)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="Keep the bench databases.")
    parser.add_argument("--find-urls", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count-queries", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--html-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.find_urls:
        return find_urls()
    if args.count_queries:
        return count_queries(args.count_queries, args.html_out)

    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit('Set DATABASE_URL to PostgreSQL: eval "$(bin/services env)"')
    sizes = [int(size) for size in args.tools.split(",") if size.strip()]
    requests = max(1, min(args.requests, 10_000))  # bounded loops
    args.requests, args.warmup = requests, max(0, min(args.warmup, 1_000))
    results = [bench_size(base_url, size, args) for size in sizes]

    text = table(results, args)
    sys.stdout.write(text + "\n")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"pages-{stamp}.txt").write_text(
        text + "\n\nWhere the queries go (cold requests):\n" + top_queries(results) + "\n"
    )
    (RESULTS / f"pages-{stamp}.json").write_text(json.dumps(results, indent=1, default=str))
    log(f"saved bench/results/pages-{stamp}.txt and .json")


if __name__ == "__main__":
    main()
