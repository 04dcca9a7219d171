"""`manage.py search_index rebuild|status|reconcile`: the index's upkeep by hand.

`rebuild` fills a new versioned index while searches keep using the old one,
then moves the alias in one atomic call; `status` shows drift between the
database and the index; `reconcile` repairs it.
"""

import sys

from elasticsearch.helpers import scan, streaming_bulk
from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from search import client, services

CHUNK_SIZE = 500


class Command(BaseCommand):
    help = "Rebuild the search index, report drift from the database, or repair it."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "reconcile"])

    def handle(self, *args, action, **options):
        if not client.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set.")
        getattr(self, action)()

    # ------------------------------------------------------------ rebuild ---

    def rebuild(self):
        es = client.get_client()
        alias = services.alias_name()
        new = services.create_index()
        total = db_keys().count()
        groups = services.live_versions_by_key(chunk_size=CHUNK_SIZE)
        actions = services.index_actions(groups, index=new)
        sent = 0
        with tqdm(total=total, unit="entries", file=sys.stderr, disable=None) as bar:
            for ok, _item in streaming_bulk(es, actions, chunk_size=CHUNK_SIZE):
                sent += ok
                bar.update(1)
        es.indices.refresh(index=new)
        old = list(es.indices.get_alias(name=alias)) if es.indices.exists_alias(name=alias) else []
        swap = [{"remove": {"index": name, "alias": alias}} for name in old]
        swap.append({"add": {"index": new, "alias": alias}})
        es.indices.update_aliases(actions=swap)
        for name in old:
            es.indices.delete(index=name, ignore_unavailable=True)
        self.stdout.write(f"{alias} → {new}: {sent} documents; removed {len(old)} old index(es).")

    # ------------------------------------------------------------- status ---

    def status(self):
        drift = self.drift()
        self.stdout.write(f"{drift['alias']} → {', '.join(drift['indices']) or '(none)'}")
        self.stdout.write(f"documents in Elasticsearch: {drift['es_count']}")
        self.stdout.write(f"entries in the database: {drift['db_count']}")
        self.stdout.write(f"missing from Elasticsearch: {len(drift['missing'])}")
        self.stdout.write(f"in Elasticsearch, not in the database: {len(drift['stray'])}")
        for key in sorted(drift["missing"])[:20]:
            self.stdout.write(f"  missing {key}")
        for key in sorted(drift["stray"])[:20]:
            self.stdout.write(f"  stray {key}")

    def drift(self):
        es = client.get_client()
        alias = services.ensure_index()
        es.indices.refresh(index=alias)
        in_es = {hit["_id"] for hit in scan(es, index=alias, query={"_source": False})}
        in_db = {str(key) for key in db_keys()}
        return {
            "alias": alias,
            "indices": sorted(es.indices.get_alias(name=alias)),
            "es_count": len(in_es),
            "db_count": len(in_db),
            "missing": in_db - in_es,
            "stray": in_es - in_db,
        }

    # ---------------------------------------------------------- reconcile ---

    def reconcile(self):
        drift = self.drift()
        sent = 0
        if drift["missing"]:
            groups = services.live_versions_by_key(drift["missing"], chunk_size=CHUNK_SIZE)
            sent = services.index_groups(groups, refresh="wait_for")
        for key in drift["stray"]:
            services.delete_entry(key)
        client.get_client().indices.refresh(index=drift["alias"])
        self.stdout.write(f"indexed {sent} missing, deleted {len(drift['stray'])} stray.")


def db_keys():
    """Translation keys of the entries with at least one live language version."""
    return services.entry_pages().order_by().values_list("translation_key", flat=True).distinct()
