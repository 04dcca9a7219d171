"""Load against the production stack (bin/stack): five kinds of request, concurrency 1, 8, 32.

    bin/stack up                       (OGPT_STACK_DEMO=1 for the demo catalogue)
    python3 bench/load.py [--duration 5]

wrk (Debian's package) sends the requests through nginx over HTTPS, keep-alive,
from this machine. Figures are printed as ratios to the static file measured
in the same run at the same concurrency (throughput, p50 and p95 latency),
with errors (socket errors and non-2xx answers) counted, and the largest
resident memory of a gunicorn worker after the run. Results also go to
bench/results/load.json.

- static: a CSS file nginx serves from disk
- cached page: a tool page as an anonymous reader gets it (the page cache)
- uncached page: the same page rendered each time (a session cookie bypasses the cache)
- search: the search page for a word found in many entries
- api: the API's list of entries (JSON)
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CONCURRENCY = (1, 8, 32)
GOALS = "cached page ≥ 0.5× static at c=8; 0 errors; worker RSS ≤ 200 MB"

# wrk's own summary, as JSON on the last line (latencies in microseconds).
REPORT_LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p95": %d}\\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50), latency:percentile(95)))
end
"""


def stack_env():
    out = subprocess.run(
        [str(ROOT / "bin" / "stack"), "env"], capture_output=True, text=True, check=True
    ).stdout
    pairs = (line.removeprefix("export ").partition("=") for line in out.splitlines())
    return {key: value for key, _sep, value in pairs}


def first_tool(env):
    query = (
        "SELECT p.url_path FROM wagtailcore_page p JOIN wagtailcore_locale l"
        " ON l.id = p.locale_id JOIN django_content_type c ON c.id = p.content_type_id"
        " WHERE c.model = 'toolpage' AND l.language_code = 'en' AND p.live ORDER BY p.id LIMIT 1"
    )
    row = subprocess.run(
        ["psql", "-X", "-tA", env["DATABASE_URL"], "-c", query],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not row:
        sys.exit("no tool in the stack's database: run `OGPT_STACK_DEMO=1 bin/stack up` first")
    return "/en/" + "/".join(row.strip("/").split("/")[1:]) + "/"


def targets(env):
    tool = first_tool(env)
    return {
        "static": (base_url(env) + "/static/css/site.css", {}),
        "cached page": (base_url(env) + tool, {}),
        "uncached page": (base_url(env) + tool, {"Cookie": "sessionid=bench-no-such-session"}),
        "search": (base_url(env) + "/en/search/?q=participation", {}),
        "api": (base_url(env) + "/api/v1/entries/", {}),
    }


def base_url(env):
    return env["OGPT_STACK_URL"]


def wrk(url, headers, concurrency, duration, script):
    args = ["wrk", f"-t{min(concurrency, 2)}", f"-c{concurrency}", f"-d{duration}s"]
    args += ["--timeout", "30s", "-s", script]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^RESULT (.*)$", out, re.M)
    result = json.loads(match.group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def gunicorn_worker_rss_mb(env):
    """The largest resident set of a gunicorn worker (children of the two masters)."""
    conf = Path(env["STACK_DIR"]) / "conf" / "supervisord.conf"
    largest = 0
    for program in ("web-1", "web-2"):
        master = subprocess.run(
            ["supervisorctl", "-c", str(conf), "pid", program], capture_output=True, text=True
        ).stdout.strip()
        children = subprocess.run(["pgrep", "-P", master], capture_output=True, text=True)
        for pid in children.stdout.split():
            status = Path(f"/proc/{pid}/status").read_text()
            kb = int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1))
            largest = max(largest, kb / 1024)
    return largest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per measure")
    options = parser.parse_args()
    env = stack_env()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(REPORT_LUA)
    try:
        runs = {}
        for name, (url, headers) in targets(env).items():
            wrk(url, headers, 2, 1, script.name)  # warm: caches filled, workers loaded
            for concurrency in CONCURRENCY:
                runs[(name, concurrency)] = wrk(
                    url, headers, concurrency, options.duration, script.name
                )
    finally:
        os.unlink(script.name)
    rss = gunicorn_worker_rss_mb(env)
    print_table(runs, rss)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(
        json.dumps(
            {"runs": {f"{n}@c{c}": r for (n, c), r in runs.items()}, "worker_rss_mb": rss},
            indent=2,
        )
    )
    cached = runs[("cached page", 8)]["rps"] / runs[("static", 8)]["rps"]
    errors = sum(r["errors"] for r in runs.values())
    out(f"\nGoals: {GOALS}")
    out(
        f"cached page at c=8: {cached:.2f}× static; errors: {errors};"
        f" largest worker RSS: {rss:.0f} MB"
    )
    return 0 if cached >= 0.5 and errors == 0 and rss <= 200 else 1


def out(text=""):
    print(text)  # noqa: T201


def print_table(runs, rss):
    out("| request | c | req/s | × static | p50 ms | × static | p95 ms | × static | errors |")
    out("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (name, concurrency), r in runs.items():
        s = runs[("static", concurrency)]
        out(
            f"| {name} | {concurrency} | {r['rps']:.0f} | {r['rps'] / s['rps']:.2f}"
            f" | {r['p50'] / 1000:.1f} | {r['p50'] / max(s['p50'], 1):.1f}"
            f" | {r['p95'] / 1000:.1f} | {r['p95'] / max(s['p95'], 1):.1f} | {r['errors']} |"
        )
    out(f"\nLargest gunicorn worker RSS after the run: {rss:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
