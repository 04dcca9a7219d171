"""`manage.py search_index rebuild|status|reconcile`: the index's upkeep by hand.

`rebuild` rewrites the database search's index, then (when Elasticsearch is
configured) fills a new versioned index while searches keep using the old one,
then moves the alias in one atomic call; `status` shows drift between the
database and the index, and the update queue (the outbox); `reconcile`
empties the outbox, then repairs any drift left.
"""

import sys
from datetime import datetime

from elasticsearch.helpers import scan
from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max

from search import client, database_index, pending, rebuilding, services
from search.models import PendingEntry


class Command(BaseCommand):
    help = "Rebuild the search index, report drift from the database, or repair it."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "reconcile"])
        parser.add_argument(
            "--processes",
            type=int,
            default=rebuilding.default_processes(),
            help="rebuild: processes that build documents (default: one per core, at most 4)",
        )

    def handle(self, *args, action, processes, **options):
        if action == "rebuild":
            entries = database_index.rebuild()
            self.stdout.write(f"database search index: {entries} entries.")
            if not client.is_configured():
                return  # the embedded default: the database's index is the only one
        if not client.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set.")
        if processes < 1:
            raise CommandError("--processes must be at least 1.")
        if action == "rebuild":
            self.rebuild(processes)
        else:
            getattr(self, action)()

    # ------------------------------------------------------------ rebuild ---

    def rebuild(self, processes):
        """Fill a new index (several processes build and send the documents),
        then move the alias to it in one call (see search.rebuilding)."""
        total = db_keys().count()
        with tqdm(total=total, unit="entries", file=sys.stderr, disable=None) as bar:
            new, sent, removed = rebuilding.rebuild(processes, progress=bar.update)
        alias = services.alias_name()
        self.stdout.write(f"{alias} → {new}: {sent} documents; removed {removed} old index(es).")

    # ------------------------------------------------------------- status ---

    def status(self):
        drift = self.drift()
        self.stdout.write(f"{drift['alias']} → {', '.join(drift['indices']) or '(none)'}")
        self.stdout.write(f"documents in Elasticsearch: {drift['es_count']}")
        self.stdout.write(f"entries in the database: {drift['db_count']}")
        self.stdout.write(f"missing from Elasticsearch: {len(drift['missing'])}")
        self.stdout.write(f"in Elasticsearch, not in the database: {len(drift['stray'])}")
        self.stdout.write(f"older in Elasticsearch than in the database: {len(drift['stale'])}")
        outbox = pending_counts()
        self.stdout.write(
            f"waiting in the update queue: {outbox['waiting']}"
            + (f" (oldest since {outbox['oldest']:%Y-%m-%d %H:%M:%S})" if outbox["oldest"] else "")
        )
        self.stdout.write(f"given up after failed attempts: {outbox['given_up']}")
        for key in sorted(drift["missing"])[:20]:
            self.stdout.write(f"  missing {key}")
        for key in sorted(drift["stray"])[:20]:
            self.stdout.write(f"  stray {key}")
        for key in sorted(drift["stale"])[:20]:
            self.stdout.write(f"  stale {key}")

    def drift(self):
        es = client.get_client()
        alias = services.ensure_index()
        es.indices.refresh(index=alias)
        query = {"_source": ["updated_at"]}
        in_es = {
            hit["_id"]: hit["_source"].get("updated_at")
            for hit in scan(es, index=alias, query=query)
        }
        in_db = {str(key): latest for key, latest in db_latest()}
        # A document older than the entry's last publish missed an update
        # (Elasticsearch was down and the queued update has not run yet).
        stale = {
            key
            for key, latest in in_db.items()
            if key in in_es and latest and _millis(latest) > _millis(in_es[key])
        }
        return {
            "stale": stale,
            "alias": alias,
            "indices": sorted(es.indices.get_alias(name=alias)),
            "es_count": len(in_es),
            "db_count": len(in_db),
            "missing": set(in_db) - set(in_es),
            "stray": set(in_es) - set(in_db),
        }

    # ---------------------------------------------------------- reconcile ---

    def reconcile(self):
        # The outbox first: what it holds is what the queue would have done.
        services.ensure_index()
        pending.retry_given_up()
        flushed, _more = pending.flush(services.update_entries, budget_s=float("inf"))
        if flushed:
            self.stdout.write(f"updated {flushed} entries waiting in the update queue.")
        drift = self.drift()
        outdated = drift["missing"] | drift["stale"]
        # Entries no longer live are deleted by the same call.
        done = (
            services.sync_entries(outdated | drift["stray"]) if outdated | drift["stray"] else set()
        )
        client.get_client().indices.refresh(index=drift["alias"])
        indexed, deleted = len(done & outdated), len(done & drift["stray"])
        self.stdout.write(f"indexed {indexed} missing or stale, deleted {deleted} stray.")


def _millis(value):
    """A date as Elasticsearch keeps it (milliseconds), from a datetime or an ISO string."""
    if value is None:
        return 0
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return int(value.timestamp() * 1000)


def db_latest():
    """(translation key, latest publish) of every entry with a live language version."""
    return (
        services.entry_pages()
        .order_by()
        .values("translation_key")
        .annotate(latest=Max("last_published_at"))
        .values_list("translation_key", "latest")
    )


def pending_counts():
    waiting = pending.waiting()
    count = waiting.count()
    return {
        "waiting": count,
        "oldest": waiting.order_by("queued_at").values_list("queued_at", flat=True).first(),
        "given_up": PendingEntry.objects.count() - count,
    }


def db_keys():
    """Translation keys of the entries with at least one live language version."""
    return services.entry_pages().order_by().values_list("translation_key", flat=True).distinct()
