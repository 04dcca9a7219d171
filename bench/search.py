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
import importlib.util
import json
import math
import os
import random
import re
import shutil
import signal
import statistics
import string
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"
DATABASE = "ogpt_bench"
INDEX_PREFIX = "ogpt-bench"
WAGTAIL_PREFIX = "ogpt-bench-wagtail-"
SHARED_ES_PORT = 59200
JUDGMENTS = ROOT / "tests" / "search" / "judgments.yaml"
LATENCY_GOAL = 0.5  # ours / database, p50 and p95
REBUILD_GOAL = 3.0  # ours / Wagtail's elasticsearch8 backend, entries per second
DRIFT_GOAL_S = 60
PARTS = ("rebuild", "latency", "freshness", "outage", "relevance")

#: Realistic queries over the synthetic catalogue's vocabulary (pages/synthetic.py:
#: tool names, use cases, organizations, topics, sentences), with typos,
#: missing accents and plurals, in both languages.
SYNTHETIC_QUERIES = [
    ("participatory budget", "en"), ("participatory budgeting", "en"),
    ("participatory budgetting", "en"), ("open data portal", "en"),
    ("public consultation", "en"), ("petition platform", "en"), ("petitions", "en"),
    ("spending tracker", "en"), ("lobbying register", "en"),
    ("collaborative bill drafting", "en"), ("council meetings online", "en"),
    ("Open Ledger", "en"), ("civic forum", "en"), ("civc forum", "en"),
    ("public agora", "en"), ("voting module", "en"), ("open API", "en"),
    ("moderation tools", "en"), ("draft laws", "en"), ("open datasets", "en"),
    ("public contracts", "en"), ("City of Belmont", "en"), ("Ministry of Justice", "en"),
    ("Arden Civic Tech", "en"), ("University of Valmy", "en"), ("transparency", "en"),
    ("data visualisation", "en"), ("parliamentary monitoring", "en"),
    ("Swift Compass 42", "en"), ("citizens vote on local projects", "en"),
    ("budget participatif", "fr"), ("portail de données ouvertes", "fr"),
    ("consultation publique", "fr"), ("plateforme de pétitions", "fr"),
    ("suivi des dépenses", "fr"), ("registre des représentants d'intérêts", "fr"),
    ("rédaction collaborative de la loi", "fr"), ("séances du conseil en ligne", "fr"),
    ("élus", "fr"), ("collectivités", "fr"), ("jeux de données ouverts", "fr"),
    ("marchés publics", "fr"), ("projets de loi", "fr"), ("module de vote", "fr"),
    ("donnees ouvertes", "fr"), ("transparence", "fr"), ("Ville de Lisor", "fr"),
    ("Ministère de la Santé", "fr"), ("Forum civique", "fr"), ("Passerelle partagée", "fr"),
    ("participation citoyenne", "fr"), ("fabrique de la loi", "fr"),
    ("visualisation de données", "fr"), ("decisions du conseil", "fr"),
    ("Boussole claire 42", "fr"), ("petitions en ligne", "fr"),
]  # fmt: skip


def _load_pages_bench():
    """bench/pages.py's helpers (database, subprocess, settings), under another
    module name: `pages` is the Django app."""
    path = Path(__file__).with_name("pages.py")
    spec = importlib.util.spec_from_file_location("bench_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bp = _load_pages_bench()
log = bp.log


def ms(seconds):
    return seconds * 1000


def stats(values):
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50_ms": ms(statistics.median(values)),
        "p95_ms": ms(bp.percentile(values, 0.95)),
        "max_ms": ms(max(values)),
    }


def provenance():
    """The commit measured, read from .git without running git (the lead owns git)."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            ref = head[5:]
            path = git / ref
            if path.exists():
                return f"commit {path.read_text().strip()[:7]} (+ the work tree as it was)"
            for line in (git / "packed-refs").read_text().splitlines():
                if line.endswith(" " + ref):
                    return f"commit {line[:7]} (+ the work tree as it was)"
        return f"commit {head[:7]} (+ the work tree as it was)"
    except OSError:
        return "commit unknown"


# ------------------------------------------------ in-process (child) modes ---


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_judgments(path):
    """[(query, language, [expected entries])] from the judgments file, whatever its
    exact shape: a list of items or a mapping query -> item, with the query under
    `query`/`q`, the language under `language`/`lang` (default: guessed from the
    French letters or words) and the expected entries (slugs or names) under
    `expected`/`relevant`/`entries`/`first`/`top`/`must_rank_first`."""
    import yaml

    data = yaml.safe_load(Path(path).read_text())
    if isinstance(data, dict):
        for key in ("queries", "judgments", "items"):
            if isinstance(data.get(key), list | dict):
                data = data[key]
                break
    items = []
    if isinstance(data, dict):
        for query, value in data.items():
            value = value if isinstance(value, dict) else {"expected": value}
            items.append({"query": query, **value})
    else:
        items = list(data or [])
    judged = []
    for item in items:
        query = item.get("query") or item.get("q")
        expected = next(
            (item[key] for key in ("expected", "relevant", "entries", "first", "top",
                                   "must_rank_first", "results") if key in item),
            [],
        )  # fmt: skip
        if isinstance(expected, str):
            expected = [expected]
        expected = [e if isinstance(e, str) else (e.get("slug") or e.get("name")) for e in expected]
        language = item.get("language") or item.get("lang") or guess_language(query)
        if query:
            judged.append((str(query), language, [e for e in expected if e]))
    return judged


def guess_language(query):
    french = re.search(r"[éèêàçùôî]|\b(de|des|du|la|le|les|participatif|données)\b", query, re.I)
    return "fr" if french else "en"


def database_search(query, language, models, limit):
    """What search.services' database fallback runs: Wagtail's database backend
    (PostgreSQL full-text search), one search per entry model in the reader's
    locale, words only, results concatenated model after model."""
    from wagtail.models import Locale

    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    hits = []
    for model in models:
        hits += list(model.objects.live().filter(locale=locale).search(words)[:limit])
    return hits[:limit]


def database_search_by_score(query, language, models, limit):
    """The same backend, results of all models merged by their full-text score:
    the best the database backend can do, for the relevance comparison."""
    from wagtail.models import Locale

    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    scored = []
    for model in models:
        results = model.objects.live().filter(locale=locale).search(words).annotate_score("_s")
        scored += [(page._s or 0, page) for page in results[:limit]]
    scored.sort(key=lambda pair: -pair[0])
    return [page for _score, page in scored[:limit]]


def ours(query, language, models, limit):
    from search import services

    results = services.find(query, language, models, limit=limit)
    if results.backend != "elasticsearch" or results.degraded:
        raise RuntimeError(f"find({query!r}) answered from {results.backend}, not Elasticsearch")
    return [hit.page for hit in results.hits]


def fallback(query, language, models, limit):
    """Our find() answering from the database, as when Elasticsearch is off: Wagtail's
    database backend plus what the results page needs (a count per model)."""
    from search import services

    results = services.find(query, language, models, limit=limit)
    if results.backend != "database":
        raise RuntimeError(f"find({query!r}) answered from {results.backend}, not the database")
    return [hit.page for hit in results.hits]


SYSTEMS = (("ours", ours), ("database", database_search), ("fallback", fallback))


def child_info(_args):
    """How many entries (translation keys) and live entry pages there are."""
    setup_django()
    from search import services

    pages = services.entry_pages()
    keys = pages.order_by().values_list("translation_key", flat=True).distinct().count()
    sys.stdout.write(json.dumps({"entries": keys, "pages": pages.count()}))


def child_latency(args):
    setup_django()
    from pages.models import ENTRY_MODELS

    sets = json.loads(Path(args.queries).read_text())
    models = list(ENTRY_MODELS)
    rng = random.Random(6)
    report = {}
    labels = [label for label, _search in SYSTEMS]
    for name, queries in sets.items():
        for query, language in queries:  # warm-up: connections, plans, caches
            for label, search in SYSTEMS:
                with database_only(label):
                    search(query, language, models, args.limit)
        times = {label: [] for label in labels}
        per_query = {}
        for _rep in range(args.reps):
            order = list(queries)
            rng.shuffle(order)
            for query, language in order:
                row = per_query.setdefault(f"{language}: {query}", {k: [] for k in labels})
                systems = list(SYSTEMS)
                rng.shuffle(systems)  # no system always first (caches, the ES request cache)
                for label, search in systems:
                    with database_only(label):
                        started = time.perf_counter()
                        hits = search(query, language, models, args.limit)
                        elapsed = time.perf_counter() - started
                    times[label].append(elapsed)
                    row[label].append(elapsed)
                    row[f"{label}_hits"] = len(hits)
        summary = {label: stats(values) for label, values in times.items()}
        for other in ("database", "fallback"):
            for stat in ("p50_ms", "p95_ms"):
                summary[f"ratio_{other}_{stat[:3]}"] = summary["ours"][stat] / summary[other][stat]
        slowest = {}
        for label in labels:
            ranked = sorted(per_query.items(), key=lambda kv: -statistics.median(kv[1][label]))
            slowest[label] = [
                (q, round(ms(statistics.median(r[label])), 1), r[f"{label}_hits"])
                for q, r in ranked[:5]
            ]
        summary["slowest"] = slowest
        summary["no_hits"] = {
            label: sum(1 for r in per_query.values() if not r[f"{label}_hits"]) for label in labels
        }
        summary["queries"] = len(queries)
        report[name] = summary
    sys.stdout.write(json.dumps(report))


def database_only(label):
    """Elasticsearch switched off (find()'s own test: ELASTICSEARCH_URL empty) for the
    fallback, so that find() takes its database path."""
    from contextlib import nullcontext

    from django.test import override_settings

    return override_settings(ELASTICSEARCH_URL="") if label == "fallback" else nullcontext()


def _editor():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True).order_by("pk").first()


def _tools(offset, count):
    from pages.models import ToolPage

    tools = ToolPage.objects.live().filter(locale__language_code="en").order_by("path")
    return list(tools[offset : offset + count])


def _new_word(rng, prefix):
    return prefix + "".join(rng.choice(string.ascii_lowercase) for _ in range(8))


def _append(page, user, text):
    from contributions.services.editing import save_edit

    page.refresh_from_db()
    save_edit(
        page,
        user,
        {"description": f"{page.description}\n\n{text}"},
        base_revision_id=page.live_revision_id,
        summary="Benchmark edit",
    )


def child_freshness(args):
    """Publish an edit with a new word, poll find() until the tool is found by it."""
    setup_django()
    from pages.models import ToolPage

    rng = random.Random(args.seed)
    user = _editor()
    rows = []
    for tool in _tools(0, args.edits):
        time.sleep(rng.uniform(0.1, 1.1))  # any phase of the worker's 1 s polling
        word = _new_word(rng, "zf")
        started = time.perf_counter()
        _append(tool, user, f"Freshness check {word}.")
        published = time.perf_counter()
        polls, found = 0, None
        while time.perf_counter() - published < args.timeout:
            polls += 1
            hits = ours(word, "en", [ToolPage], 5)
            if any(page.translation_key == tool.translation_key for page in hits):
                found = time.perf_counter() - published
                break
            time.sleep(0.02)
        rows.append({"save_ms": ms(published - started), "searchable_ms": found and ms(found),
                     "polls": polls})  # fmt: skip
        log(f"edit {len(rows)}: searchable after {found and ms(found):.0f} ms")
    sys.stdout.write(json.dumps(rows))


def child_outage_edits(args):
    """While Elasticsearch is down: N edits (one marker word each, different tools),
    some tools unpublished in both languages, some tools created."""
    setup_django()
    from wagtail.models import Locale

    from contributions.services.editing import create_entry
    from pages.models import ToolIndexPage, ToolPage

    user = _editor()
    started = time.perf_counter()
    edited = _tools(args.offset, args.outage_edits)
    for tool in edited:
        _append(tool, user, f"Outage check {args.marker}.")
    edits_s = time.perf_counter() - started
    unpublished = _tools(args.offset + args.outage_edits, args.unpublish)
    for tool in unpublished:
        for version in ToolPage.objects.live().filter(translation_key=tool.translation_key):
            version.unpublish()  # as a moderator would; user=None skips permission checks
    english = Locale.objects.get(language_code="en")
    index = ToolIndexPage.objects.live().get(locale=english)
    for n in range(args.create):
        name = f"Outage Tool {args.marker} {n}"
        page = ToolPage(
            locale=english,
            title=name,
            slug=f"outage-tool-{args.marker}-{n}",
            summary=f"Created while the search engine was down ({args.marker}).",
            description=f"A tool added during the outage: {args.marker}.",
        )
        create_entry(index, page, user, summary="Benchmark creation")
    report = {
        "edited_keys": [str(tool.translation_key) for tool in edited],
        "edited": len(edited),
        "unpublished": len(unpublished),
        "created": args.create,
        "edits_s": edits_s,
        "total_s": time.perf_counter() - started,
    }
    sys.stdout.write(json.dumps(report))


def _status_counts():
    """Missing and stray entries as `manage.py search_index status` reports them."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    missing = re.search(r"missing from Elasticsearch: (\d+)", text)
    stray = re.search(r"in Elasticsearch, not in the database: (\d+)", text)
    if not (missing and stray):
        raise RuntimeError(f"cannot read `search_index status`:\n{text}")
    return int(missing.group(1)), int(stray.group(1))


def _queue():
    from datetime import timedelta

    from django_tasks_db.models import DBTaskResult

    from django.db.models import Count
    from django.utils import timezone

    counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
    # Tasks to run at once carry a far-future sentinel, not NULL: keep the real delays.
    now = timezone.now()
    waiting = DBTaskResult.objects.filter(
        status="READY", run_after__gt=now, run_after__lt=now + timedelta(days=1)
    )
    latest = waiting.order_by("-run_after").values_list("run_after", flat=True).first()
    counts["deferred"] = waiting.count()
    counts["last_deferred_in_s"] = (latest - timezone.now()).total_seconds() if latest else 0
    return counts


def child_drift(args):
    """Poll the drift every second from the moment Elasticsearch answered again."""
    setup_django()
    import io

    from django.core.management import call_command

    from search import client, services

    edited = json.loads(Path(args.queries).read_text())  # the edited entries' keys
    timeline = []
    recovered_s = None
    deadline = args.es_ready + args.timeout
    while time.time() < deadline:
        now = time.time()
        row = {"t_s": round(now - args.es_ready, 1)}
        try:
            row["missing"], row["stray"] = _status_counts()
            es = client.get_client()
            es.indices.refresh(index=services.alias_name())
            marked = es.count(
                index=services.alias_name(),
                query={
                    "bool": {
                        "filter": [{"ids": {"values": edited}}],
                        "must": [{"query_string": {"query": args.marker, "lenient": True}}],
                    }
                },
            )["count"]
            row["stale"] = len(edited) - marked
        except Exception as error:
            row["error"] = f"{type(error).__name__}: {str(error)[:120]}"
        row["queue"] = _queue()
        timeline.append(row)
        if row.get("missing") == 0 and row.get("stray") == 0 and row.get("stale") == 0:
            recovered_s = row["t_s"]
            break
        time.sleep(max(0.0, 1.0 - (time.time() - now)))
    out = io.StringIO()
    call_command("search_index", "reconcile", stdout=out)
    after = _status_counts()
    report = {
        "recovered_s": recovered_s,
        "timeline": timeline,
        "reconcile": out.getvalue().strip(),
        "after_reconcile": {"missing": after[0], "stray": after[1]},
    }
    sys.stdout.write(json.dumps(report, default=str))


def child_relevance(args):
    """nDCG@10 of ours and of the database backend on the judged queries."""
    setup_django()
    from pages.models import ENTRY_MODELS

    models = list(ENTRY_MODELS)
    judged = load_judgments(args.judgments)
    systems = {
        "ours": ours,
        "database (as the fallback)": database_search,
        "database (merged by score)": database_search_by_score,
    }
    rows, unresolved = [], []
    for query, language, expected in judged:
        keys = []
        for ref in expected:
            found = resolve_entry(ref)
            if found is None:
                unresolved.append(ref)
            elif found not in keys:
                keys.append(found)
        if not keys:
            continue
        row = {"query": query, "language": language, "expected": len(keys)}
        for name, search in systems.items():
            ranked = [page.translation_key for page in search(query, language, models, 10)]
            row[name] = ndcg(ranked, keys, 10)
            row[f"{name} recall@5"] = len(set(ranked[:5]) & set(keys)) / min(5, len(keys))
        rows.append(row)
    means = {
        name: statistics.fmean(row[name] for row in rows) if rows else None for name in systems
    }
    recall = {
        name: statistics.fmean(row[f"{name} recall@5"] for row in rows) if rows else None
        for name in systems
    }
    report = {"queries": len(judged), "scored": len(rows), "ndcg10": means,
              "recall5": recall, "rows": rows, "unresolved": unresolved}  # fmt: skip
    sys.stdout.write(json.dumps(report, default=str))


def resolve_entry(ref):
    """Translation key of a judged entry: `kind/english-slug` (the judgments' form,
    as tests/search/conftest.py `entry_label` writes it), or a slug or a name."""
    from django.db.models import Q

    from wagtail.models import Page

    from pages.models import ENTRY_MODELS

    kind, _slash, slug = ref.rpartition("/")
    pages = Page.objects.filter(Q(slug=slug) | Q(title__iexact=ref))
    if kind:
        models = [m for m in ENTRY_MODELS if m.kind.replace("_", "-") == kind]
        pages = Page.objects.type(*models).filter(slug=slug, locale__language_code="en")
    return pages.values_list("translation_key", flat=True).first()


def ndcg(ranked, relevant, k):
    """Binary-relevance nDCG@k: the entries a judgment lists ("must come first", in no
    particular order) are the relevant ones, gain 1 each; anything else gains 0."""
    relevant = set(relevant)
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(ranked[:k]) if key in relevant)
    idcg = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / idcg if idcg else 0.0


def child_doc_cost(args):
    """SQL queries and time to build our documents as a rebuild does (a chunk at a
    time, without sending them), per entry: where a rebuild's time goes in Python."""
    setup_django()
    from itertools import islice

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import services

    groups = list(islice(services.live_versions_by_key(chunk_size=500), args.expected))
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        for _action in services.index_actions(groups, index="unused"):
            pass
        elapsed = time.perf_counter() - started
    shapes = {}
    for query in queries.captured_queries:
        shape = re.sub(r"\b\d+\b", "N", re.sub(r"'[^']*'", "'…'", query["sql"]))
        shape = bp.sql_summary(shape, 160)
        shapes[shape] = shapes.get(shape, 0) + 1
    top = sorted(shapes.items(), key=lambda kv: -kv[1])[:8]
    report = {
        "entries": len(groups),
        "queries_per_entry": len(queries) / max(1, len(groups)),
        "ms_per_entry": ms(elapsed) / max(1, len(groups)),
        "sql_ms_per_entry": ms(sum(float(q["time"]) for q in queries.captured_queries))
        / max(1, len(groups)),
        "top_queries": [(n / max(1, len(groups)), shape) for shape, n in top],
    }
    sys.stdout.write(json.dumps(report))


CHILDREN = {
    "doc-cost": child_doc_cost,
    "info": child_info,
    "latency": child_latency,
    "freshness": child_freshness,
    "outage-edits": child_outage_edits,
    "drift": child_drift,
    "relevance": child_relevance,
}


# -------------------------------------------------------------- the run ---


class BenchElasticsearch:
    """The benchmark's own Elasticsearch, run by bin/services in a state dir of its own."""

    def __init__(self, args):
        if args.es_port == SHARED_ES_PORT:
            raise SystemExit(f"Port {SHARED_ES_PORT} is the shared Elasticsearch: pick another.")
        self.dir = Path(args.services_dir)
        self.url = f"http://127.0.0.1:{args.es_port}"
        self.env = {
            **os.environ,
            "OGPT_SERVICES_DIR": str(self.dir),
            "OGPT_ES_PORT": str(args.es_port),
            "OGPT_PG_PORT": str(args.es_pg_port),
        }
        self.pidfile = self.dir / "elasticsearch" / "elasticsearch.pid"

    def services(self, action):
        started = time.perf_counter()
        result = subprocess.run(
            [str(ROOT / "bin" / "services"), action], cwd=ROOT, env=self.env,
            capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"bin/services {action} failed:\n{result.stderr[-3000:]}")
        return time.perf_counter() - started

    def start(self):
        return self.services("start")

    def stop_elasticsearch(self):
        """Stop only this Elasticsearch (TERM to the pid bin/services recorded), as
        `bin/services stop` does, but leaving its idle PostgreSQL alone."""
        pid = int(self.pidfile.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                self.pidfile.unlink(missing_ok=True)
                return
            time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
        self.pidfile.unlink(missing_ok=True)

    def client(self):
        from elasticsearch import Elasticsearch

        return Elasticsearch(self.url, request_timeout=60)

    def delete_bench_indices(self):
        es = self.client()
        for pattern in (f"{INDEX_PREFIX}-*", f"{WAGTAIL_PREFIX}*"):
            es.options(ignore_status=404).indices.delete(
                index=pattern, expand_wildcards="all", ignore_unavailable=True
            )

    def cpu_seconds(self):
        """CPU time (user + system) the Elasticsearch JVM has used so far."""
        pid = int(self.pidfile.read_text().strip())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_until_idle(self, limit_s=120, quiet_cpu_s=0.05):
        """Wait until the JVM has used under `quiet_cpu_s` of CPU in each of 3
        seconds in a row: a command's index goes on being merged after it
        returns, and that work must not be counted against the next command."""
        started = time.monotonic()
        quiet = 0
        while quiet < 3 and time.monotonic() - started < limit_s:
            before = self.cpu_seconds()
            time.sleep(1)
            quiet = quiet + 1 if self.cpu_seconds() - before < quiet_cpu_s else 0
        return time.monotonic() - started

    def count(self, index):
        es = self.client()
        es.indices.refresh(index=index)
        return es.count(index=index)["count"]


def run_measured(command, env, es, timeout=7200):
    """Run a command; its wall time, its CPU time and the CPU time Elasticsearch
    spent meanwhile (the machine is shared: CPU seconds are steadier than wall time)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    es_before = es.cpu_seconds()
    out, seconds = bp.run(command, env, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, {"seconds": seconds, "cpu_s": cpu, "es_cpu_s": es.cpu_seconds() - es_before}


def child(env, mode, *extra, timeout=3600):
    out, seconds = bp.run([PYTHON, __file__, "--child", mode, *extra], env, timeout=timeout)
    return json.loads(out), seconds


def start_worker(env, log_path):
    log_file = open(log_path, "wb")  # noqa: SIM115 (closed in stop_worker)
    process = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=env, stdout=log_file, stderr=log_file
    )
    process.log_file = log_file
    return process


def stop_worker(process):
    bp.stop(process)
    process.log_file.close()


def fresh_database(base_url, env, log_label):
    log(f"creating database {DATABASE} ({log_label})")
    bp.create_database(base_url, DATABASE)
    _out, seconds = bp.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    return seconds


def rebuilds(env, es, args, result):
    """Our rebuild and Wagtail's update_index on the same Elasticsearch, alternately;
    a command that only starts Django is timed too (start-up is in both)."""
    runs = {"ours": [], "wagtail_es8": [], "startup": []}
    commands = {
        "ours": [PYTHON, "manage.py", "search_index", "rebuild"],
        "wagtail_es8": [PYTHON, "manage.py", "update_index", "--backend", "bench_es8"],
        "startup": [PYTHON, "manage.py", "shell", "-c", "pass"],
    }
    # Untimed rounds of both first. A new Elasticsearch compiles its indexing
    # code paths over many minutes of work: on a fresh JVM, our rebuild took
    # 27.5, 15.3, 11.7, 13.0, 10.5, 9.1, 8.5 s of Elasticsearch CPU in seven
    # runs in a row, and settled at 6.2-7 s after a dozen; an Elasticsearch in
    # service has long done that. One round left the timed runs in the middle
    # of that curve, which weighs most on the command that leaves most of
    # the work to Elasticsearch.
    warmup = {name: [] for name in ("ours", "wagtail_es8")}
    for n in range(args.warmup_rounds):
        for name in warmup:
            log(f"rebuild warm-up {n + 1}/{args.warmup_rounds} (not timed): {name}")
            log(f"  Elasticsearch idle after {es.wait_until_idle():.1f} s")
            _out, measured = run_measured(commands[name], env, es)
            warmup[name].append(measured)
            wall, es_cpu = measured["seconds"], measured["es_cpu_s"]
            log(f"  {wall:.1f} s wall, Elasticsearch {es_cpu:.1f} s CPU")
    for n in range(args.rebuild_runs):
        order = ("startup", "ours", "wagtail_es8")
        order = order if n % 2 == 0 else order[::-1]
        for name in order:
            log(f"rebuild {n + 1}/{args.rebuild_runs}: {name}")
            log(f"  Elasticsearch idle after {es.wait_until_idle():.1f} s")
            out, measured = run_measured(commands[name], env, es)
            if name != "startup":
                index = f"{INDEX_PREFIX}-entries" if name == "ours" else f"{WAGTAIL_PREFIX}*"
                measured["documents"] = es.count(index)
            measured["output"] = out.strip()[-600:]
            runs[name].append(measured)
            log(f"  {measured['seconds']:.1f} s wall, {measured['cpu_s']:.1f} s CPU, "
                f"Elasticsearch {measured['es_cpu_s']:.1f} s CPU")  # fmt: skip
    entries = result["info"]["entries"]
    summary = {}
    for name, values in runs.items():
        median = {
            key: statistics.median(v[key] for v in values)
            for key in ("seconds", "cpu_s", "es_cpu_s")
        }
        summary[name] = {"runs": values, **{f"median_{k}": v for k, v in median.items()}}
    startup = summary["startup"]
    for name in ("ours", "wagtail_es8"):
        x = summary[name]
        x["documents"] = x["runs"][-1]["documents"]
        x["entries_per_s"] = entries / x["median_seconds"]
        x["documents_per_s"] = x["documents"] / x["median_seconds"]
        x["net_cpu_s"] = x["median_cpu_s"] - startup["median_cpu_s"] + x["median_es_cpu_s"]
        x["entries_per_cpu_s"] = entries / x["net_cpu_s"]
    try:
        summary["doc_cost"], _s = child(env, "doc-cost", "--expected", 500)
    except RuntimeError as error:  # an explanation only: the throughput stands without it
        log(f"doc-cost failed: {error}")
    summary["warmup"] = warmup
    ours, theirs = summary["ours"], summary["wagtail_es8"]
    summary["ratio"] = ours["entries_per_s"] / theirs["entries_per_s"]
    summary["ratio_cpu"] = ours["entries_per_cpu_s"] / theirs["entries_per_cpu_s"]
    if args.profile:
        summary["profiles"] = {
            name: profile(env, commands[name][1:]) for name in ("ours", "wagtail_es8")
        }
    return summary


def profile(env, command):
    """The top of a cProfile of one more run of `command` (cumulative time)."""
    with tempfile.NamedTemporaryFile(suffix=".prof") as output:
        bp.run([PYTHON, "-m", "cProfile", "-o", output.name, *command], env, timeout=7200)
        script = (
            "import pstats, sys; p = pstats.Stats(sys.argv[1]); "
            "p.sort_stats('cumulative').print_stats(30)"
        )
        out, _s = bp.run([PYTHON, "-c", script, output.name], env)
    return out[out.find("ncalls") :][:6000]


def latency_sets(args):
    sets = {}
    if JUDGMENTS.exists():
        try:
            sets["judgments.yaml"] = [(q, lang) for q, lang, _e in load_judgments(JUDGMENTS)]
        except Exception as error:
            log(f"cannot read {JUDGMENTS}: {error}")
    sets["synthetic vocabulary"] = SYNTHETIC_QUERIES
    return sets


def outage(env, es, args, result):
    """Stop Elasticsearch, publish edits, start it, poll the drift (worker running)."""
    rng = random.Random(args.seed)
    marker = _new_word(rng, "zq")
    log(f"outage: stopping the bench Elasticsearch ({es.url})")
    down_at = time.time()
    es.stop_elasticsearch()
    edits, _s = child(
        env, "outage-edits", "--marker", marker, "--offset", args.edits + 10,
        "--outage-edits", args.outage_edits, "--unpublish", args.unpublish,
        "--create", args.create,
    )  # fmt: skip
    log(f"outage: {edits['edited']} edits in {edits['edits_s']:.0f} s; starting Elasticsearch")
    start_s = es.start()
    ready = time.time()
    log(f"outage: Elasticsearch answered after {start_s:.0f} s; polling the drift")
    keys = Path(env["CACHE_LOCATION"]) / "edited-keys.json"
    keys.write_text(json.dumps(edits.pop("edited_keys")))
    drift, _s = child(
        env, "drift", "--marker", marker, "--queries", keys,
        "--es-ready", ready, "--timeout", args.drift_timeout,
    )  # fmt: skip
    return {
        "marker": marker,
        "edits": edits,
        "es_down_s": ready - down_at,
        "es_start_s": start_s,
        **drift,
    }


def run_all(args):
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit('Set DATABASE_URL to PostgreSQL: eval "$(bin/services env)"')
    es = BenchElasticsearch(args)
    db_url = bp.database_url(base_url, DATABASE)
    static_root = Path(tempfile.mkdtemp(prefix="ogpt-bench-static-"))
    cache_dir = Path(tempfile.mkdtemp(prefix="ogpt-bench-cache-"))
    env = bp.production_env(db_url, static_root, 8000, cache_dir)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.search_settings",
        ELASTICSEARCH_URL=es.url,
        ELASTICSEARCH_INDEX_PREFIX=INDEX_PREFIX,
        BENCH_WAGTAIL_INDEX_PREFIX=WAGTAIL_PREFIX,
    )
    manage = [PYTHON, "manage.py"]
    result = {"database": DATABASE, "elasticsearch": es.url, "args": vars(args)}
    worker = None
    log(f"starting the bench Elasticsearch ({es.url}, state in {es.dir})")
    result["es_first_start_s"] = es.start()
    try:
        es.delete_bench_indices()
        result["migrate_s"] = fresh_database(base_url, env, "catalogue")
        bp.run([*manage, "collectstatic", "--noinput", "-v0"], env)
        others = max(1, args.tools // 10)
        log(f"generating {args.tools} tools, {others} use cases, {others} organizations")
        out, result["generate_s"] = bp.run(
            [*manage, "generate_catalogue", "--tools", args.tools, "--use-cases", others,
             "--organizations", others, "--revisions", 1, "--no-progress"],
            env, timeout=3600,
        )  # fmt: skip
        result["generate_output"] = out.strip()
        result["info"], _s = child(env, "info")
        log(f"catalogue: {result['info']}")
        if "latency" in args.parts:  # only the latency part searches the database backend
            log("update_index --backend default (database FTS)")
            _out, result["database_index_s"] = bp.run(
                [*manage, "update_index", "--backend", "default"], env, timeout=7200
            )
            log(f"database index filled in {result['database_index_s']:.0f} s")

        def part(name, measure):
            """Run one part; a failure is recorded and the other parts still run."""
            result[name] = None
            if name not in args.parts:
                return
            try:
                result[name] = measure()
            except Exception:
                log(f"{name}: FAILED\n{traceback.format_exc()[-3000:]}")
                result[name] = {"error": traceback.format_exc()[-3000:]}

        part("rebuild", lambda: rebuilds(env, es, args, result))
        if not result["rebuild"] or "error" in result["rebuild"]:  # the others need our index
            bp.run([*manage, "search_index", "rebuild"], env, timeout=7200)

        queries = Path(cache_dir) / "queries.json"
        sets = latency_sets(args)
        queries.write_text(json.dumps(sets))
        log(f"latency: {', '.join(f'{k} ({len(v)})' for k, v in sets.items())}, {args.reps}x")
        part(
            "latency",
            lambda: child(env, "latency", "--queries", queries, "--reps", args.reps, "--limit", 10)[
                0
            ],
        )

        worker = start_worker(env, cache_dir / "worker.log")
        time.sleep(3)
        log(f"freshness: {args.edits} edits with the worker running")
        part(
            "freshness",
            lambda: child(
                env, "freshness", "--edits", args.edits, "--timeout", 120, "--seed", args.seed
            )[0],
        )
        part("outage", lambda: outage(env, es, args, result))
        if result["outage"] and "error" in result["outage"]:
            es.start()  # the relevance part needs it
        stop_worker(worker)
        worker_log = (cache_dir / "worker.log").read_text(errors="replace")
        result["worker_log_tail"] = worker_log[-3000:]
        worker = None

        if JUDGMENTS.exists():
            part("relevance", lambda: relevance(base_url, env, es))
        else:
            result["relevance"] = None
            log(f"relevance: skipped ({JUDGMENTS.relative_to(ROOT)} does not exist)")
    finally:
        if worker is not None:
            stop_worker(worker)
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(cache_dir, ignore_errors=True)
        if not args.keep:
            bp.drop_database(base_url, DATABASE)
            log(f"dropped database {DATABASE}")
            try:
                es.delete_bench_indices()
            except Exception as error:  # stopped by the outage part: nothing to delete from
                log(f"could not delete the bench indexes: {error}")
            es.services("stop")
            log("stopped the bench Elasticsearch (and its idle PostgreSQL)")
    return result


def relevance(base_url, env, es):
    log("relevance: fresh database with the demo catalogue")
    es.delete_bench_indices()
    fresh_database(base_url, env, "demo catalogue")
    bp.run([PYTHON, "manage.py", "load_demo_data"], env)
    bp.run([PYTHON, "manage.py", "update_index", "--backend", "default"], env)
    bp.run([PYTHON, "manage.py", "search_index", "rebuild"], env)
    report, _s = child(env, "relevance", "--judgments", JUDGMENTS)
    return report


# -------------------------------------------------------------- report ---


def verdict(ok):
    return "met" if ok else "NOT met"


def table(r, args):
    info = r["info"]
    lines = [
        f"Search benchmark — {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"{args.tools} tools: {info['entries']} entries, {info['pages']} live pages; "
        f"Elasticsearch {r['elasticsearch']} (the bench's own)",
        provenance(),
        f"generate {r['generate_s']:.0f} s; update_index --backend default (PostgreSQL FTS "
        f"for the database backend) "
        + (f"{r['database_index_s']:.0f} s" if "database_index_s" in r else "not run"),
    ]
    goals = []
    sections = {
        "rebuild": rebuild_lines,
        "latency": latency_lines,
        "freshness": freshness_lines,
        "outage": outage_lines,
    }
    for name, section in sections.items():
        lines.append("")
        if r.get(name) and "error" in r[name]:
            lines.append(f"{name}: FAILED: {r[name]['error'].strip().splitlines()[-1]}")
        else:
            lines += section(r, args, goals)
    lines.append("")
    rel = r.get("relevance")
    if rel and "error" in rel:
        lines.append(f"relevance: FAILED: {rel['error'].strip().splitlines()[-1]}")
    elif rel:
        lines.append(
            f"Relevance on the demo catalogue ({rel['scored']} of {rel['queries']} judged "
            "queries scored): nDCG@10 / recall@5"
        )
        for name, value in rel["ndcg10"].items():
            lines.append(f"   {name:<28} {value:.3f} / {rel['recall5'][name]:.3f}")
        if rel["unresolved"]:
            lines.append(f"   entries of the judgments not found: {rel['unresolved'][:10]}")
    else:
        lines.append(f"Relevance: not measured ({JUDGMENTS.name} missing or part not asked for)")
    lines += ["", "goals: " + "; ".join(goals)]
    return "\n".join(lines)


def rebuild_lines(r, args, goals):
    rb = r["rebuild"]
    if not rb:
        return ["Full rebuild: not measured"]
    lines = [
        f"Full rebuild, same Elasticsearch, median of {args.rebuild_runs} (wall time of the "
        "command, Django start-up included)",
        "system                                  | wall s | CPU s: Python + ES | documents"
        " | entries/s wall | entries per CPU s (Django start-up CPU excluded)",
    ]
    labels = {
        "ours": "ours: search_index rebuild",
        "wagtail_es8": "Wagtail: update_index (elasticsearch8)",
    }
    for name, label in labels.items():
        x = rb[name]
        lines.append(
            f"{label:<39} | {x['median_seconds']:>6.1f} | {x['median_cpu_s']:>7.1f} + "
            f"{x['median_es_cpu_s']:>7.1f}  | {x['documents']:>9} | {x['entries_per_s']:>14.0f} |"
            f" {x['entries_per_cpu_s']:>6.0f}"
        )
    st = rb["startup"]
    ok = rb["ratio"] >= REBUILD_GOAL
    cost = rb.get("doc_cost")
    if cost:
        lines.append(
            f"building our documents (first {cost['entries']} entries, not sent): "
            f"{cost['ms_per_entry']:.1f} ms and {cost['queries_per_entry']:.1f} SQL queries "
            f"({cost['sql_ms_per_entry']:.1f} ms) per entry; most frequent, per entry:"
        )
        lines += [f"   {n:>5.2f} x {shape}" for n, shape in cost["top_queries"][:6]]
    goals.append(f"rebuild >= {REBUILD_GOAL}x {verdict(ok)} ({rb['ratio']:.2f}x)")
    for name, label in labels.items():
        runs = ", ".join(f"{x['seconds']:.1f}" for x in rb[name]["runs"])
        warm = ", ".join(f"{x['es_cpu_s']:.1f}" for x in rb.get("warmup", {}).get(name, []))
        lines.append(f"  {label}: timed runs {runs} s; Elasticsearch CPU in warm-ups {warm} s")
    return lines + [
        f"(Django start-up alone: {st['median_seconds']:.1f} s wall, {st['median_cpu_s']:.1f} s "
        "CPU)",
        f"ratio ours/Wagtail: {rb['ratio']:.2f}x in entries/s of wall time, "
        f"{rb['ratio_cpu']:.2f}x per CPU second (goal >= {REBUILD_GOAL}x: {verdict(ok)})",
    ]


def latency_lines(r, args, goals):
    if not r["latency"]:
        return ["Search latency: not measured"]
    lines = [f"Search latency, {args.reps} runs of each query after a warm-up, limit 10"]
    for name, x in r["latency"].items():
        o, d, f = x["ours"], x["database"], x["fallback"]
        ok = x["ratio_database_p50"] <= LATENCY_GOAL and x["ratio_database_p95"] <= LATENCY_GOAL
        goals.append(
            f"latency <= {LATENCY_GOAL}x on {name} {verdict(ok)} "
            f"({x['ratio_database_p50']:.2f}x / {x['ratio_database_p95']:.2f}x)"
        )
        no_hits = ", ".join(f"{k} {v}" for k, v in x["no_hits"].items())
        lines += [
            f"{name} ({x['queries']} queries; without any hit: {no_hits})",
            f"   ours: find() on Elasticsearch          p50 {o['p50_ms']:>7.1f} ms  "
            f"p95 {o['p95_ms']:>7.1f} ms",
            f"   Wagtail database backend (search())    p50 {d['p50_ms']:>7.1f} ms  "
            f"p95 {d['p95_ms']:>7.1f} ms",
            f"   find() on the database (fallback)      p50 {f['p50_ms']:>7.1f} ms  "
            f"p95 {f['p95_ms']:>7.1f} ms",
            f"   ratio ours/database backend: p50 {x['ratio_database_p50']:.2f}x, "
            f"p95 {x['ratio_database_p95']:.2f}x (goal <= {LATENCY_GOAL}x: {verdict(ok)}); "
            f"ours/fallback: p50 {x['ratio_fallback_p50']:.2f}x, "
            f"p95 {x['ratio_fallback_p95']:.2f}x",
        ]
        for label in ("ours", "database"):
            lines.append(
                f"   slowest {label} (median ms, hits): "
                + "; ".join(f"{q} {t} ({h})" for q, t, h in x["slowest"][label][:3])
            )
    return lines


def freshness_lines(r, args, goals):
    rows = r["freshness"]
    if not rows:
        return ["Publish to searchable: not measured"]
    fresh = [row["searchable_ms"] for row in rows if row["searchable_ms"] is not None]
    nan = float("nan")
    median = statistics.median(fresh) if fresh else nan
    return [
        f"Publish to searchable (db_worker running, {len(rows)} edits, {len(fresh)} found): "
        f"median {median:.0f} ms, min {min(fresh, default=nan):.0f}, "
        f"max {max(fresh, default=nan):.0f}; "
        f"save_edit median {statistics.median(x['save_ms'] for x in rows):.0f} ms",
    ]


def outage_lines(r, args, goals):
    o = r["outage"]
    if not o:
        return ["Outage: not measured"]
    e = o["edits"]
    lines = [
        f"Outage: Elasticsearch stopped during {e['edited']} edits ({e['edits_s']:.0f} s), "
        f"{e['unpublished']} tools unpublished, {e['created']} created; down "
        f"{o['es_down_s']:.0f} s in all (restart {o['es_start_s']:.0f} s)",
        "t (s after it answered) | missing | stray | stale | queue",
    ]
    timeline = o["timeline"]
    shown = timeline if len(timeline) <= 14 else timeline[:6] + timeline[-8:]
    for row in shown:
        queue = row["queue"]
        lines.append(
            f"{row['t_s']:>23} | {row.get('missing', '?'):>7} | {row.get('stray', '?'):>5} | "
            f"{row.get('stale', '?'):>5} | ready {queue.get('READY', 0)} (deferred "
            f"{queue['deferred']}, last in {queue['last_deferred_in_s']:.0f} s), failed "
            f"{queue.get('FAILED', 0)}" + (f"  {row['error']}" if "error" in row else "")
        )
    recovered = o["recovered_s"]
    ok = recovered is not None and recovered <= DRIFT_GOAL_S
    goals.append(f"drift 0 within {DRIFT_GOAL_S} s {verdict(ok)} ({recovered} s)")
    return lines + [
        f"drift 0 after {recovered} s"
        if recovered is not None
        else f"drift NOT 0 after {args.drift_timeout} s",
        f"goal 0 within {DRIFT_GOAL_S} s: {verdict(ok)}",
        f"then `search_index reconcile`: {o['reconcile']} (after it: {o['after_reconcile']})",
    ]


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
