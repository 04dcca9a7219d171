"""Benchmark of search (issue 6): latency, rebuild throughput, freshness, outage, relevance.

    eval "$(bin/services env)"
    .venv/bin/python bench/search.py                   # 15,000 tools, ~25 min
    .venv/bin/python bench/search.py --tools 300       # a quick check of the script

Everything runs against an Elasticsearch of the benchmark's own, started with
`bin/services start` under a state directory of its own (default
/var/tmp/ogpt-bench-services, HTTP port 59700; bin/services always brings a
PostgreSQL cluster along, here on port 54349, which stays idle): part 4 stops
and restarts that Elasticsearch, and the shared one on 59200 serves other
people's tests. The catalogue lives in the database `ogpt_bench`, created
(and dropped at the end) with the role of $DATABASE_URL; our index prefix is
`ogpt-bench`, Wagtail's `ogpt-bench-wagtail-`. The settings are production's
plus Wagtail's elasticsearch8 backend (bench/search_settings.py).

1. migrate, collectstatic, `manage.py generate_catalogue` (--tools, use cases
   and organizations = tools/10, 1 revision per page), then
   `update_index --backend default` so that Wagtail's database backend
   (PostgreSQL full-text search, the fallback) has its index;
2. rebuild throughput, alternately: `manage.py search_index rebuild` (ours)
   and `manage.py update_index --backend bench_es8` (modelsearch's
   elasticsearch8 backend, same Elasticsearch), after --warmup-rounds (3)
   untimed runs of each (Elasticsearch's JIT warm-up), each started once
   Elasticsearch is idle
   (no merges of the previous command's index running), median of
   --rebuild-runs (3), wall time of each command, entries per
   second (entries = translation keys: one entry has an English and a French
   page); ours uses its default number of processes (one per core, at most 4);
3. search latency, in one process: `search.services.find(query, language,
   ENTRY_MODELS, limit=10)` against Elasticsearch vs what its database fallback
   runs (`Model.objects.live().filter(locale=…).search(words)[:limit]` for each
   entry model, as `search.services._find_database`), alternately, on the same
   queries (those of tests/search/judgments.yaml when it exists, and a fixed
   list of FR/EN queries over the synthetic vocabulary), after a warm-up pass:
   p50, p95 and the ratio;
4. with `manage.py db_worker` running (django_tasks_db, as in production):
   (a) publish-to-searchable: `save_edit()` adds a new word to a tool's
   description, then `find()` is polled until the tool is found by that word;
   (b) outage: Elasticsearch is stopped, N edits are published (each adds one
   marker word to a different tool; plus tools unpublished and created, so
   that entries go missing or stray), Elasticsearch is started again, and the
   drift is polled every second until it is 0: `search_index status`
   (missing + stray) and the stale documents (edited entries whose document
   lacks the marker word), with the task queue's state; then what
   `search_index reconcile` finds;
5. relevance, if tests/search/judgments.yaml exists: a fresh `ogpt_bench`
   with the demo catalogue (`load_demo_data`), both indexes built, nDCG@10 of
   ours and of the database backend on the judged queries.

Only loopback traffic, bounded loops; the worker and the bench Elasticsearch
are stopped and the database dropped in `finally` blocks. The table is printed
and saved to bench/results/ (gitignored) with the raw numbers.
"""

import argparse
import json
import sys
from datetime import datetime

from common import RESULTS, log
from search_measures import CHILDREN
from search_report import table
from search_runs import run_all
from search_shared import PARTS


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", type=int, default=15000, help="Size of the catalogue.")
    parser.add_argument("--reps", type=int, default=5, help="Timed runs of each query.")
    parser.add_argument("--rebuild-runs", type=int, default=3, help="Rebuilds of each system.")
    parser.add_argument(
        "--warmup-rounds",
        type=int,
        default=3,
        help="Untimed rebuilds of each system first (Elasticsearch's JIT warm-up).",
    )
    parser.add_argument("--edits", type=int, default=10, help="Publish-to-searchable edits.")
    parser.add_argument("--outage-edits", type=int, default=500)
    parser.add_argument("--unpublish", type=int, default=10, help="Tools unpublished (outage).")
    parser.add_argument("--create", type=int, default=10, help="Tools created (outage).")
    parser.add_argument("--drift-timeout", type=float, default=900)
    parser.add_argument("--profile", action="store_true", help="cProfile one more rebuild each.")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"Comma-separated parts to run, among {','.join(PARTS)} (default: all).",
    )
    parser.add_argument("--es-port", type=int, default=59700)
    parser.add_argument(
        "--es-pg-port",
        type=int,
        default=54349,
        help="Port of the idle PostgreSQL bin/services starts with it.",
    )
    parser.add_argument("--services-dir", default="/var/tmp/ogpt-bench-services")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="Keep the database, indexes and the bench Elasticsearch.",
    )
    # child modes
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--queries", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=10, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=120, help=argparse.SUPPRESS)
    parser.add_argument("--marker", help=argparse.SUPPRESS)
    parser.add_argument("--offset", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--expected", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--es-ready", type=float, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--judgments", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # bounded loops
    args.reps = max(1, min(args.reps, 100))
    args.rebuild_runs = max(1, min(args.rebuild_runs, 5))
    args.edits = max(1, min(args.edits, 100))
    args.outage_edits = max(1, min(args.outage_edits, 5000))
    args.drift_timeout = max(10, min(args.drift_timeout, 3600))
    if args.child:
        return CHILDREN[args.child](args)
    args.parts = [part for part in args.parts.split(",") if part in PARTS]
    if args.tools < args.edits + 10 + args.outage_edits + args.unpublish:
        raise SystemExit("--tools is too small for the edits asked for.")

    result = run_all(args)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"search-{stamp}.json").write_text(json.dumps(result, indent=1, default=str))
    text = table(result, args)
    sys.stdout.write(text + "\n")
    extra = ""
    if (result["rebuild"] or {}).get("profiles"):
        extra = "\n\nProfiles (cumulative):\n" + "\n\n".join(
            f"-- {name}\n{text}" for name, text in result["rebuild"]["profiles"].items()
        )
    (RESULTS / f"search-{stamp}.txt").write_text(text + extra + "\n")
    log(f"saved bench/results/search-{stamp}.txt and .json")


if __name__ == "__main__":
    main()
