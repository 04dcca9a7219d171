"""Benchmark of wiki editing (issue 3): save time, history queries, diff time.

    .venv/bin/python bench/wiki.py

In a fresh PostgreSQL database `ogpt_bench_wiki` created (and dropped at the
end) with the role of $DATABASE_URL: migrate, collectstatic into a temporary
STATIC_ROOT, `manage.py generate_catalogue` (200 tools, 20 use cases, 20
organizations, 1 revision per page; it also builds the site tree with
ensure_site_tree). Then, in one process with the production settings:

* histories are grown in bulk (Revision rows copied from the first revision
  with a changing description, one EditRecord each written by
  `record_revision`, spaced one minute apart, the page's latest/live revision
  pointed at the newest);
* (b) SQL queries and in-process time of GET `<tool>/history/` (also its last
  page) and `<tool>/history/compare/?from=<oldest>&to=<newest>` on one tool
  grown to 10 (--medium), then to 1,000 revisions (--long), logged out (the
  views are public), with Django's test Client and CaptureQueriesContext,
  after warm-up requests on another tool;
* (a) `save_edit()` (publish, as the edit form does) on a 1-revision tool and
  on that 1,000-revision tool (chosen with as many relations of each kind),
  alternately, N times each after warm-up saves: median, p90, the ratio of
  the medians, and the queries of one save of each;
* (c) `word_diff()` of two 50 KB descriptions that differ by ~5 % of their
  words, edits scattered (replacements, insertions, deletions), with the
  compare view's context/elision: median of M runs, on catalogue prose and on a
  12-word vocabulary (difflib's worst case); then the compare view between two
  revisions of a tool whose description is those two texts (median of M GETs).

Only in-process requests (no server), bounded loops; the database is dropped
in a `finally` block. The table is printed and saved to bench/results/
(gitignored) with the query lists.
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

import common
from common import PYTHON, RESULTS, ROOT, log

DATABASE = "ogpt_bench_wiki"
RATIO_GOAL = 1.2
#: Wagtail's publish clears approved_go_live_at on every revision of the page.
CLEAR_SQL = 'UPDATE "wagtailcore_revision" SET "approved_go_live_at" = NULL'
DIFF_GOAL_MS = 100
HOST = "127.0.0.1"


# ------------------------------------------------ in-process measures ---


def ms(seconds):
    return seconds * 1000


def summary(values):
    return {
        "median_ms": ms(statistics.median(values)),
        "p90_ms": ms(common.percentile(values, 0.9)),
        "min_ms": ms(min(values)),
        "max_ms": ms(max(values)),
        "n": len(values),
    }


def top_sql(captured, limit=6):
    ordered = sorted(captured, key=lambda q: -float(q["time"]))[:limit]
    return [(round(float(q["time"]) * 1000, 1), common.sql_summary(q["sql"], 300)) for q in ordered]


def grow_history(page, total, user, minutes_apart=1):
    """Give `page` `total` revisions in all, adding the missing ones in bulk.

    Each new revision is the page's first revision with a description that
    changes a little each time; the revisions go in with one bulk INSERT, and
    each gets its EditRecord from contributions.services.records, the one
    writer of records, as a published wiki edit does. The revisions are dated
    in the past (the first one 90 days ago, then one every `minutes_apart`
    minutes) and the page points at the newest (latest and live revision),
    whose description it takes.
    """
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page, Revision

    from contributions.models import EditRecord
    from contributions.services.records import record_revision
    from pages.models import ToolPage

    existing = list(page.revisions.order_by("created_at", "pk"))
    first, last = existing[0], existing[-1]
    with transaction.atomic():
        if len(existing) == 1:
            start = timezone.now() - timedelta(days=90)
            # The generated catalogue's first revision has no EditRecord to move.
            Revision.objects.filter(pk=first.pk).update(created_at=start)
            first.created_at = last.created_at = start
        base_text = first.content.get("description") or ""
        revisions = []
        for k in range(len(existing), total):
            content = dict(first.content)
            content["description"] = f"{base_text}\n\nRevision {k} of the history."
            revisions.append(
                Revision(
                    content_type_id=first.content_type_id,
                    base_content_type_id=first.base_content_type_id,
                    object_id=first.object_id,
                    created_at=first.created_at + timedelta(minutes=minutes_apart * k),
                    user=user,
                    object_str=first.object_str,
                    content=content,
                )
            )
        Revision.objects.bulk_create(revisions, batch_size=500)
        # The records go through the wiki's one writer, as a published edit's
        # do (an INSERT each, and the after-commit announcement).
        size = len(page.title) + len(page.summary or "")
        for revision in revisions:
            record_revision(
                page,
                revision,
                user=user,
                kind=EditRecord.Kind.EDIT,
                size=size + len(revision.content["description"]),
                size_delta=1,
                summary=f"Bulk history edit {revision.content['description'][-30:]}",
            )
        newest = revisions[-1] if revisions else last
        Page.objects.filter(pk=page.pk).update(
            latest_revision_id=newest.pk,
            live_revision_id=newest.pk,
            latest_revision_created_at=newest.created_at,
            last_published_at=newest.created_at,
            has_unpublished_changes=False,
        )
        ToolPage.objects.filter(pk=page.pk).update(description=newest.content["description"])
    page = ToolPage.objects.get(pk=page.pk)
    assert page.revisions.count() == total, (page.revisions.count(), total)
    return page


def twin_tools(tools):
    """Two tools with as many relations of each kind (and a logo or not): what a
    save costs depends on those, so the comparison is then about history alone."""
    from contributions.snapshots import RELATION, editable_fields, snapshot

    groups = {}
    for tool in tools:
        values = snapshot(tool)
        shape = tuple(
            len(values[name]) if kind == RELATION else values[name] is not None
            for name, kind in editable_fields(type(tool))
            if kind == RELATION or name == "logo"
        )
        groups.setdefault(shape, []).append(tool)
        if len(groups[shape]) == 2:
            return groups[shape]
    return tools[:2]


def fifty_kb_texts(seed, vocabulary=None, edit_fraction=0.05):
    """Two ~50 KB Markdown descriptions; the second has ~5 % of the first's
    words edited at scattered places (80 % replaced, 10 % inserted, 10 % deleted)."""
    from pages.generators.synthetic import SLOTS, TextFactory

    rng = random.Random(seed)
    paragraphs = []
    if vocabulary is None:
        factory = TextFactory(rng)
        while sum(len(p) + 2 for p in paragraphs) < 50_000:
            paragraphs.extend(factory.paragraphs("en", "Decidim", 1))
        vocabulary = sorted(
            {w for words in SLOTS["en"].values() for text in words for w in text.split()}
        )
    else:
        while sum(len(p) + 2 for p in paragraphs) < 50_000:
            sentences = [
                " ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 20))).capitalize()
                + "."
                for _ in range(rng.randint(2, 6))
            ]
            paragraphs.append(" ".join(sentences))
    old = "\n\n".join(paragraphs)
    # Edit words in place: split into words and the whitespace between them.
    parts = re.split(r"(\s+)", old)
    word_positions = [i for i, part in enumerate(parts) if part and not part.isspace()]
    chosen = rng.sample(word_positions, round(len(word_positions) * edit_fraction))
    for i in chosen:
        roll = rng.random()
        if roll < 0.8:
            parts[i] = rng.choice([w for w in vocabulary if w != parts[i]])
        elif roll < 0.9:
            parts[i] = parts[i] + " " + rng.choice(vocabulary)
        else:
            parts[i] = ""
    new = "".join(parts)
    return old, new, len(word_positions), len(chosen)


def time_word_diff(old, new, runs):
    from contributions.diff import word_diff
    from contributions.services.compare import CONTEXT_CHARS, _elision

    times, html = [], ""
    word_diff(old, new, context=CONTEXT_CHARS, elision=_elision)  # warm-up
    for _ in range(runs):
        started = time.perf_counter()
        html = word_diff(old, new, context=CONTEXT_CHARS, elision=_elision)
        times.append(time.perf_counter() - started)
    return {
        **summary(times),
        "old_bytes": len(old.encode()),
        "new_bytes": len(new.encode()),
        "ins": html.count("<ins>"),
        "del": html.count("<del>"),
        "html_bytes": len(html.encode()),
    }


def get(client, url, repeat=1):
    """GET `url` `repeat` times: the first request's queries, every request's time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = {"url": url}
    times = []
    for n in range(repeat):
        started = time.perf_counter()
        try:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        except Exception as error:  # a view that errors: report, don't stop
            result["error"] = f"{type(error).__name__}: {error}"
            result["traceback"] = traceback.format_exc()[-4000:]
            return result
        times.append(time.perf_counter() - started)
        if n == 0:
            result["status"] = response.status_code
            result["bytes"] = len(response.content)
            result["queries"] = len(queries)
            result["sql_ms"] = ms(sum(float(q["time"]) for q in queries.captured_queries))
            result["query_list"] = [(q["sql"], q["time"]) for q in queries.captured_queries]
            result["slowest"] = top_sql(queries.captured_queries)
            if response.status_code != 200:
                text = response.content.decode(errors="replace")
                match = re.search(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', text, re.S)
                result["error"] = f"HTTP {response.status_code}: " + (
                    match.group(1).strip() if match else text[:300]
                )
    result.update(summary(times))
    return result


def measure(args):
    """Everything that runs inside Django (a child process with the bench settings)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Page, Revision

    from contributions.services.editing import save_edit
    from contributions.services.history import entry_route_url
    from pages.models import ToolPage
    from pages.tree import ensure_site_tree

    ensure_site_tree()
    User = get_user_model()
    editor = User.objects.filter(username="bench-editor").first() or User.objects.create_user(
        "bench-editor", "bench-editor@example.invalid", None
    )
    tools = list(ToolPage.objects.live().filter(locale__language_code="en").order_by("path")[:40])
    if len(tools) < 10:
        raise SystemExit("the catalogue has fewer than 10 English tools")
    warm_tool, diff_tool = tools[0], tools[1]
    short, long_ = twin_tools(tools[2:])
    for tool in (warm_tool, diff_tool, short, long_):
        assert tool.revisions.count() == 1, f"{tool.url} has {tool.revisions.count()} revisions"
    report = {
        "sizes": {"short": 1, "medium": args.medium, "long": args.long},
        "tools": {"short": short.url, "long": long_.url, "diff": diff_tool.url},
    }
    report["grow_s"] = 0.0

    def grow(page, total):
        started = time.perf_counter()
        page = grow_history(page, total, editor)
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE wagtailcore_revision, contributions_editrecord, wagtailcore_page"
            )
        report["grow_s"] += time.perf_counter() - started
        return page

    warm_tool = grow(warm_tool, 3)

    # ---- (c) word_diff on two 50 KB texts -------------------------------
    diffs = {}
    prose = fifty_kb_texts(seed=1)
    small_vocabulary = re.findall(
        r"\w+", "the open government tool lets citizens propose debate vote on laws"
    )
    for name, (old, new, words, edits) in (
        ("prose", prose),
        ("12-word vocabulary", fifty_kb_texts(seed=2, vocabulary=small_vocabulary)),
    ):
        diffs[name] = {"words": words, "edits": edits, **time_word_diff(old, new, args.diff_runs)}
        log(f"word_diff {name}: {diffs[name]['median_ms']:.1f} ms median")
    report["word_diff"] = diffs

    # ---- (b) history and compare views at 10 and 1,000 revisions --------
    client = Client(HTTP_HOST=HOST)

    def history_urls(page):
        page = ToolPage.objects.get(pk=page.pk)
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        oldest = revisions.order_by("created_at", "pk").values_list("pk", flat=True).first()
        newest = page.live_revision_id
        count = revisions.count()
        history = entry_route_url(page.url, "history")
        last_page = max(1, -(-count // 50))
        compare = entry_route_url(page.url, "history_compare") + f"?from={oldest}&to={newest}"
        return count, {
            "history": history,
            "history_last": history + f"?page={last_page}",
            "compare": compare,
        }

    _count, warm_urls = history_urls(warm_tool)
    for url in (warm_tool.url, *warm_urls.values()):  # per-process caches, templates
        client.get(url)
        client.get(url)
    # The same tool at 10 then at 1,000 revisions: only the history's length changes.
    views = {}
    for name, total in (("medium", args.medium), ("long", args.long)):
        long_ = grow(long_, total)
        count, urls = history_urls(long_)
        views[name] = {"revisions": count}
        for key, url in urls.items():
            views[name][key] = get(client, url, repeat=args.view_runs)
        log(
            f"views at {count} revisions: "
            + ", ".join(f"{k} {views[name][k].get('queries')} q" for k in urls)
        )
    report["views"] = views
    log(f"histories grown in {report['grow_s']:.1f} s")

    # ---- (c, view) compare view on the 50 KB description ----------------
    old, new, _words, _edits = prose
    base = ToolPage.objects.get(pk=diff_tool.pk)
    first = save_edit(base, editor, {"description": old}, summary="50 KB").revision
    second = save_edit(base, editor, {"description": new}, summary="5 % edited").revision
    url = entry_route_url(base.url, "history_compare") + f"?from={first.pk}&to={second.pk}"
    client.get(url)  # warm-up
    report["compare_50kb"] = get(client, url, repeat=args.diff_runs)
    log(f"compare view 50 KB: {report['compare_50kb'].get('median_ms', float('nan')):.0f} ms")

    # ---- (a) save_edit on 1 vs 1,000 revisions --------------------------
    bases = {name: ToolPage.objects.get(pk=page.pk).description for name, page in
             (("short", short), ("long", long_))}  # fmt: skip
    report["revisions_before_saves"] = {
        name: Revision.page_revisions.filter(object_id=str(page.pk)).count()
        for name, page in (("short", short), ("long", long_))
    }
    counter = {"short": 0, "long": 0}

    sql_ms = {"short": [], "long": []}
    clear_ms = {"short": [], "long": []}

    def one_save(name, page):
        """Time one save; note its SQL time and that of Wagtail's publish-time
        `UPDATE wagtailcore_revision SET approved_go_live_at = NULL` over every
        revision of the page."""
        counter[name] += 1
        n = counter[name]
        live = Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).get()
        changes = {"description": f"{bases[name]}\n\nBench edit {n}."}
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            save_edit(page, editor, changes, base_revision_id=live, summary=f"Bench edit {n}")
            elapsed = time.perf_counter() - started
        sql_ms[name].append(ms(sum(float(q["time"]) for q in queries.captured_queries)))
        clear_ms[name].append(
            ms(sum(float(q["time"]) for q in queries.captured_queries if CLEAR_SQL in q["sql"]))
        )
        return elapsed

    pages = {"short": short, "long": long_}
    for _ in range(args.warmup):
        for name in ("short", "long"):
            one_save(name, pages[name])
    for values in (*sql_ms.values(), *clear_ms.values()):
        values.clear()
    times = {"short": [], "long": []}
    for i in range(args.saves):
        order = ("short", "long") if i % 2 == 0 else ("long", "short")
        for name in order:
            times[name].append(one_save(name, pages[name]))
    saves = {name: summary(values) for name, values in times.items()}
    for name in saves:
        saves[name]["sql_median_ms"] = statistics.median(sql_ms[name])
        saves[name]["clear_median_ms"] = statistics.median(clear_ms[name])
    for name in ("short", "long"):
        with CaptureQueriesContext(connection) as queries:
            one_save(name, pages[name])
        saves[name]["queries"] = len(queries)
        saves[name]["sql_ms"] = ms(sum(float(q["time"]) for q in queries.captured_queries))
        saves[name]["slowest"] = top_sql(queries.captured_queries)
        saves[name]["query_list"] = [(q["sql"], q["time"]) for q in queries.captured_queries]
        saves[name]["revisions_after"] = Revision.page_revisions.filter(
            object_id=str(pages[name].pk)
        ).count()
    saves["ratio"] = saves["long"]["median_ms"] / saves["short"]["median_ms"]
    report["save_edit"] = saves
    log(
        f"save_edit median {saves['short']['median_ms']:.1f} ms (1 rev) vs "
        f"{saves['long']['median_ms']:.1f} ms ({args.long} rev): {saves['ratio']:.2f}x"
    )
    sys.stdout.write(json.dumps(report, default=str))


# ------------------------------------------------------------ the run ---


def run_all(args):
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit('Set DATABASE_URL to PostgreSQL: eval "$(bin/services env)"')
    db_url = common.database_url(base_url, DATABASE)
    static_root = Path(tempfile.mkdtemp(prefix="ogpt-bench-static-"))
    cache_dir = Path(tempfile.mkdtemp(prefix="ogpt-bench-cache-"))
    env = common.production_env(db_url, static_root, 8000, cache_dir)
    manage = [PYTHON, "manage.py"]
    result = {"database": DATABASE, "args": vars(args)}
    log(f"creating database {DATABASE}")
    common.create_database(base_url, DATABASE)
    try:
        _out, result["migrate_s"] = common.run([*manage, "migrate", "--noinput", "-v0"], env)
        common.run([*manage, "collectstatic", "--noinput", "-v0"], env)
        log(f"generating {args.tools} tools, 1 revision per page")
        others = max(1, args.tools // 10)
        out, result["generate_s"] = common.run(
            [*manage, "generate_catalogue", "--tools", args.tools, "--use-cases", others,
             "--organizations", others, "--revisions", 1, "--no-progress"],
            env,
        )  # fmt: skip
        result["generate_output"] = out.strip()
        child = [PYTHON, __file__, "--measure", "--long", args.long, "--medium", args.medium,
                 "--saves", args.saves, "--warmup", args.warmup, "--diff-runs", args.diff_runs,
                 "--view-runs", args.view_runs]  # fmt: skip
        out, result["measure_s"] = common.run(child, env, timeout=3000)
        result.update(json.loads(out))
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(cache_dir, ignore_errors=True)
        if not args.keep:
            common.drop_database(base_url, DATABASE)
            log(f"dropped database {DATABASE}")
    return result


def view_cell(view):
    if "queries" not in view:
        return f"ERROR {view.get('error', '?')[:60]}"
    text = f"{view['queries']:>3} q  {view['median_ms']:>6.1f} ms (SQL {view['sql_ms']:>5.1f})"
    if view.get("status") != 200:
        text += f"  HTTP {view['status']}"
    return text


def table(r, args):
    s, v, d = r["save_edit"], r["views"], r["word_diff"]
    lines = [
        f"Wiki editing benchmark — {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"catalogue of {args.tools} tools (1 revision/page), histories grown in "
        f"{r['grow_s']:.1f} s",
        common.provenance(),
        "",
        f"(a) save_edit() + publish, {s['short']['n']} saves each after {args.warmup} warm-up, "
        "alternating",
        "history at start | median ms | p90 ms | min–max ms     | median SQL ms "
        "(of which approved_go_live_at UPDATE) | queries of one save",
    ]
    before = r["revisions_before_saves"]
    for name in ("short", "long"):
        x = s[name]
        lines.append(
            f"{before[name]:>5} revisions  | {x['median_ms']:>9.1f} | {x['p90_ms']:>6.1f} | "
            f"{x['min_ms']:>5.1f}–{x['max_ms']:<7.1f} | {x['sql_median_ms']:>13.1f} "
            f"({x['clear_median_ms']:>4.1f}){' ' * 23} | {x['queries']}"
        )
    ok_ratio = s["ratio"] <= RATIO_GOAL
    lines += [
        f"ratio of medians: {s['ratio']:.2f}x (goal <= {RATIO_GOAL}x: "
        f"{'met' if ok_ratio else 'NOT met'})",
        f"slowest queries of one save at {s['long']['revisions_after']} revisions:",
        *(f"   {t:>6.1f} ms  {sql}" for t, sql in s["long"]["slowest"][:4]),
        f"the same at {s['short']['revisions_after']} revisions:",
        *(f"   {t:>6.1f} ms  {sql}" for t, sql in s["short"]["slowest"][:3]),
        "",
        f"(b) GET, logged out, in-process: queries of the first request, median time of "
        f"{args.view_runs}",
        "revisions | history/                        | history/?page=<last>            | "
        "compare/?from=<oldest>&to=<newest>",
    ]
    constant = True
    for key in ("history", "history_last", "compare"):
        counts = {v[size][key].get("queries") for size in ("medium", "long")}
        constant &= len(counts) == 1 and None not in counts
    for size in ("medium", "long"):
        lines.append(
            f"{v[size]['revisions']:>9} | "
            + " | ".join(
                f"{view_cell(v[size][k]):<31}" for k in ("history", "history_last", "compare")
            )  # fmt: skip
        )
    lines.append(f"query counts constant: {'yes' if constant else 'NO'}")
    for size in ("medium", "long"):
        for key in ("history", "history_last", "compare"):
            if "error" in v[size][key]:
                lines.append(f"   {size} {key}: {v[size][key]['error']}")
    lines += [
        "",
        f"(c) word_diff() of two 50 KB texts, ~5 % of words edited at scattered places, "
        f"context {240}: median of {args.diff_runs}",
        "text               | bytes old/new   | words / edits | median ms | p90 ms | <ins>/<del>",
    ]
    diff_ok = True
    for name, x in d.items():
        diff_ok &= x["median_ms"] <= DIFF_GOAL_MS
        lines.append(
            f"{name:<18} | {x['old_bytes']:>6} / {x['new_bytes']:<6} | {x['words']:>5} / "
            f"{x['edits']:<5} | {x['median_ms']:>9.1f} | {x['p90_ms']:>6.1f} | "
            f"{x['ins']} / {x['del']}"
        )
    c = r["compare_50kb"]
    lines.append(f"compare view, prose texts as two revisions: {view_cell(c)}")
    view_ok = "median_ms" in c and c.get("status") == 200
    lines += [
        f"goal diff <= {DIFF_GOAL_MS} ms: word_diff {'met' if diff_ok else 'NOT met'}; "
        f"compare view "
        + (
            f"{'met' if c['median_ms'] <= DIFF_GOAL_MS else 'NOT met'} ({c['median_ms']:.0f} ms)"
            if view_ok
            else "not measured (error)"
        ),
        "",
        f"goals: save ratio <= {RATIO_GOAL}x {'met' if ok_ratio else 'NOT met'}; "
        f"history/compare queries constant {'met' if constant else 'NOT met'}; "
        f"diff <= {DIFF_GOAL_MS} ms {'met' if diff_ok else 'NOT met'}",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", type=int, default=200, help="Size of the catalogue.")
    parser.add_argument("--long", type=int, default=1000, help="Revisions of the long history.")
    parser.add_argument("--medium", type=int, default=10, help="Shorter history (views).")
    parser.add_argument("--saves", type=int, default=30, help="Timed saves per tool.")
    parser.add_argument("--warmup", type=int, default=5, help="Warm-up saves per tool.")
    parser.add_argument("--diff-runs", type=int, default=20)
    parser.add_argument("--view-runs", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="Keep the bench database.")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # bounded loops
    args.saves = max(1, min(args.saves, 1000))
    args.warmup = max(0, min(args.warmup, 100))
    args.diff_runs = max(1, min(args.diff_runs, 1000))
    args.view_runs = max(1, min(args.view_runs, 1000))
    args.long = max(2, min(args.long, 100_000))
    args.medium = max(2, min(args.medium, args.long))
    if args.measure:
        return measure(args)

    result = run_all(args)
    text = table(result, args)
    sys.stdout.write(text + "\n")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    queries = []
    for size in ("medium", "long"):
        for key in ("history", "compare"):
            view = result["views"][size][key]
            queries.append(f"-- {view['url']} ({result['views'][size]['revisions']} revisions)")
            queries += [f"   {float(t) * 1000:>6.1f} ms  {common.sql_summary(q, 300)}"
                        for q, t in view.get("query_list", [])]  # fmt: skip
    for name in ("short", "long"):
        queries.append(f"-- one save_edit ({name} history)")
        queries += [f"   {float(t) * 1000:>6.1f} ms  {common.sql_summary(q, 300)}"
                    for q, t in result["save_edit"][name]["query_list"]]  # fmt: skip
    (RESULTS / f"wiki-{stamp}.txt").write_text(text + "\n\nQueries:\n" + "\n".join(queries) + "\n")
    (RESULTS / f"wiki-{stamp}.json").write_text(json.dumps(result, indent=1, default=str))
    log(f"saved bench/results/wiki-{stamp}.txt and .json")


if __name__ == "__main__":
    main()
