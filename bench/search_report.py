"""bench/search.py's table: each part's figures against its goal."""

import os
import statistics
from datetime import datetime

from search_shared import DRIFT_GOAL_S, JUDGMENTS, LATENCY_GOAL, REBUILD_GOAL, provenance

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
            "queries scored)"
        )
        lines += relevance_table(rel)
        if rel["unresolved"]:
            lines.append(f"   entries of the judgments not found: {rel['unresolved'][:10]}")
    else:
        lines.append(f"Relevance: not measured ({JUDGMENTS.name} missing or part not asked for)")
    lines += ["", "goals: " + "; ".join(goals)]
    return "\n".join(lines)


def relevance_table(rel, label=""):
    """nDCG@10, recall@5, MRR and the queries that found nothing, one line per search."""
    lines = [f"   {label + 'search':<40} nDCG@10  recall@5  MRR    found nothing"]
    for name, value in rel["ndcg10"].items():
        lines.append(
            f"   {label + name:<40} {value:.3f}    {rel['recall5'][name]:.3f}     "
            f"{rel['mrr'][name]:.3f}  {rel['empty'][name]}"
        )
    return lines


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
