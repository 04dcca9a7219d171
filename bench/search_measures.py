"""bench/search.py, in the measured process: the `--child` modes (latency, freshness,
outage edits, drift, relevance, document cost), each run by `search_runs` in a fresh
process and answering JSON on stdout."""

import json
import math
import random
import re
import statistics
import sys
import time
from pathlib import Path

import common
from common import log
from search_shared import _new_word, load_judgments, ms, stats

# ------------------------------------------------ in-process (child) modes ---


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


def database_search_alone(query, language, models, limit):
    """Our find() with Elasticsearch switched off, as `make run` has it: the database
    search on its own index (search.database_search)."""
    with database_only("fallback"):
        return fallback(query, language, models, limit)


SYSTEMS = (("ours", ours), ("database", database_search), ("fallback", fallback))


def child_info(_args):
    """How many entries (translation keys) and live entry pages there are."""
    common.setup_django()
    from search import services

    pages = services.entry_pages()
    keys = pages.order_by().values_list("translation_key", flat=True).distinct().count()
    sys.stdout.write(json.dumps({"entries": keys, "pages": pages.count()}))


def child_latency(args):
    common.setup_django()
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
    common.setup_django()
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
    common.setup_django()
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
    common.setup_django()
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


def relevance_systems():
    """The searches compared: Elasticsearch (when configured), the database search
    (its own index, issue #18), and Wagtail's database backend as the database
    fallback used it before (one search per model, concatenated)."""
    from django.conf import settings

    systems = {"Elasticsearch": ours} if settings.ELASTICSEARCH_URL else {}
    systems["database search"] = database_search_alone
    systems["Wagtail database backend (before)"] = database_search
    return systems


def child_relevance(args):
    """nDCG@10, recall@5, MRR and queries finding nothing, per search, on the judged queries."""
    common.setup_django()
    from pages.models import ENTRY_MODELS

    models = list(ENTRY_MODELS)
    judged = load_judgments(args.judgments)
    systems = relevance_systems()
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
            first = next((i for i, key in enumerate(ranked) if key in keys), None)
            row[f"{name} mrr"] = 0.0 if first is None else 1 / (first + 1)
            row[f"{name} empty"] = not ranked
        rows.append(row)

    def mean(suffix):
        return {
            name: statistics.fmean(row[name + suffix] for row in rows) if rows else None
            for name in systems
        }

    empty = {name: sum(row[f"{name} empty"] for row in rows) for name in systems}
    report = {"queries": len(judged), "scored": len(rows), "ndcg10": mean(""),
              "recall5": mean(" recall@5"), "mrr": mean(" mrr"), "empty": empty,
              "rows": rows, "unresolved": unresolved}  # fmt: skip
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
    common.setup_django()
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
        shape = common.sql_summary(shape, 160)
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
