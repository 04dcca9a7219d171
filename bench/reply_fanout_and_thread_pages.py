"""Benchmark of discussions (issue 5): fan-out to 1,000 followers, a 500-post thread.

    .venv/bin/python bench/reply_fanout_and_thread_pages.py \\
        [--followers 1000] [--posts 500] [--runs 7]

In a fresh PostgreSQL database `ogpt_talk_bench` (created with the role of
$DATABASE_URL, dropped at the end) with the test settings (in-memory cache and
e-mail; tasks run at once): migrate, load the mini catalogue, then

* (a) fan-out: a thread on a tool followed by N users (bulk-created); one
  reply by another user through `posting.reply()` (what the reply view
  calls), inside a transaction as a request is: time and SQL queries, median
  of --runs replies. The e-mail task is not part of it (it is queued after the
  commit); it is then timed on its own: `deliver_notifications` for the N
  notifications of one reply (N e-mails rendered, in-memory backend);
* (b) thread page: a thread with P posts (distinct Markdown bodies, bulk
  created), GET of its first and last page (50 posts a page) with Django's
  test Client, anonymous and logged in (the logged-in reader also marks the
  thread read and renders the header's inbox count): first request (Markdown
  not yet rendered) and median of --runs requests, with the number of queries.

With BENCH_PROFILE=1, one more reply is profiled (cProfile, top functions by
own time). The results are printed and saved to bench/results/ (gitignored).
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime

import common
from common import RESULTS

DATABASE = "ogpt_talk_bench"
FANOUT_GOAL_S = 1.0


def database_urls():
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit('DATABASE_URL must point at PostgreSQL (eval "$(bin/services env)").')
    server = base.rsplit("/", 1)[0]
    return server + "/postgres", server + "/" + DATABASE


def admin(sql, url):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "ogpsite.settings.test"
    os.environ["OGPT_TEST_INDEX_PREFIX"] = "ogpt-talk"
    common.setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.conftest import load_mini_catalogue

    load_mini_catalogue()


def timed(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
    return elapsed, len(queries), result


def fan_out(followers, runs):
    from unittest import mock

    from django.db import transaction

    from contributions.models import User
    from discussion.models import Follow, Notification
    from discussion.services import notify, posting
    from discussion.tasks import deliver_notifications
    from pages.models import ToolPage
    from tests.factories import contributor

    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    author, replier = contributor("bench-author"), contributor("bench-replier")
    thread, _post = posting.start_thread(tool, author, "Fan-out", "Who follows?", "en")
    users = User.objects.bulk_create(
        [User(username=f"f{n}", email=f"f{n}@example.org") for n in range(followers)]
    )
    Follow.objects.bulk_create([Follow(user=user, thread=thread) for user in users])
    posting.reply(thread, replier, "Warm-up reply.", "en")  # the replier now follows
    queued = []
    times, counts = [], []
    with mock.patch.object(notify, "_enqueue", side_effect=queued.append):
        for run in range(runs):

            def reply(run=run):
                with transaction.atomic():
                    return posting.reply(thread, replier, f"Reply number {run}.", "en")

            elapsed, count, post = timed(reply)
            times.append(elapsed)
            counts.append(count)
            notified = Notification.objects.filter(post=post).count()
        profile = None
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import io
            import pstats

            profiler = cProfile.Profile()
            with transaction.atomic():
                profiler.runcall(posting.reply, thread, replier, "Profiled reply.", "en")
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
            profile = out.getvalue()
    email_time, email_queries, sent = timed(lambda: deliver_notifications.call(queued[-1]))
    return {
        "followers": followers,
        "notified_per_reply": notified,
        "reply_median_s": statistics.median(times),
        "reply_max_s": max(times),
        "reply_queries": sorted(set(counts)),
        "email_task_s": email_time,
        "email_task_queries": email_queries,
        "emails_sent": sent,
        "goal_met": statistics.median(times) <= FANOUT_GOAL_S and len(set(counts)) == 1,
        "profile": profile,
    }


def thread_page(posts, runs):
    from django.test import Client

    from discussion.models import Post
    from discussion.services import posting
    from pages.models import ToolPage
    from tests.factories import contributor

    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    writers = [contributor(f"writer{n}") for n in range(10)]
    thread, _first = posting.start_thread(tool, writers[0], "Long thread", "Start.", "en")
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                author=writers[n % 10],
                language="en" if n % 3 else "fr",
                body=f"Post **{n}**: a [link](https://example.org/{n}) and\n\n> a quote {n}\n\n"
                f"- item one\n- item two, @writer{(n + 1) % 10}",
            )
            for n in range(1, posts)
        ]
    )
    reader = contributor("reader")
    results = {}
    last_page = (posts - 1) // 50 + 1
    for who in ("anonymous", "logged in"):
        client = Client()
        if who == "logged in":
            client.force_login(reader)
        for label, query in (("first page", ""), ("last page", f"?page={last_page}")):
            url = f"/en/discussion/{thread.pk}/{query}"
            cold, cold_queries, response = timed(lambda url=url, client=client: client.get(url))
            assert response.status_code == 200, response.status_code
            warm = []
            for _ in range(runs):
                elapsed, queries, _response = timed(lambda url=url, client=client: client.get(url))
                warm.append(elapsed)
            results[f"{who}, {label}"] = {
                "first_request_ms": cold * 1000,
                "median_ms": statistics.median(warm) * 1000,
                "queries": queries,
                "html_kb": len(response.content) // 1024,
            }
    return {"posts": posts, "pages": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    server, url = database_urls()
    admin(f"DROP DATABASE IF EXISTS {DATABASE}", server)
    admin(f"CREATE DATABASE {DATABASE}", server)
    try:
        setup_django(url)
        report = {
            "date": datetime.now().isoformat(timespec="seconds"),
            "fan_out": fan_out(args.followers, args.runs),
            "thread_page": thread_page(args.posts, args.runs),
        }
        from django.db import connections

        connections.close_all()
    finally:
        admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", server)
    text = json.dumps(report, indent=2, default=str)
    print(text)  # noqa: T201
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"reply-fanout-and-thread-pages-{stamp}.json").write_text(text)


if __name__ == "__main__":
    main()
