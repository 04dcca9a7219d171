"""A full rebuild: a new index, filled by several processes, then the alias moved.

Building documents is Python's work (rows to dicts to JSON), analysing them
is Elasticsearch's; one Python process, held to one core by its interpreter
lock, cannot keep both busy. So the catalogue is cut into parts (one kind of
entry and a slice of the translation-key space, about `PART_SIZE` entries
each), and worker processes build and send one part at a time while
Elasticsearch analyses what the others sent. The workers are forked after
the relations of the whole catalogue were read, so they share them instead
of each asking the database again.

Searches keep using the old index until `swap_alias` moves the alias in one
call; a rebuild cut short leaves the old index in place.
"""

import gc
import math
import multiprocessing
import os
import uuid
from contextlib import contextmanager
from itertools import pairwise
from multiprocessing.util import Finalize

from django.apps import apps
from django.db import connections

from pages.languages import SITE_LANGUAGES

from . import client
from .indexing import (
    Lookups,
    alias_name,
    create_index,
    finish_bulk_load,
    index_actions,
    send_overlapped,
)
from .versions import entry_models, live_versions_by_key

# A part is sent as a few bulk requests, so that its worker builds the next
# one while Elasticsearch indexes the one before; when a part was a single
# request (500 entries), the worker sat waiting for each answer.
PART_SIZE = 1500
BULK_SIZE = 500

# What forked workers inherit from the parent: the new index and the Lookups
# (relations, untranslated copies, URL prefixes).
_shared = {}


def default_processes():
    """One per core, at most four: Elasticsearch on the same machine needs cores too."""
    return max(1, min(4, os.cpu_count() or 1))


def parts(part_size=PART_SIZE):
    """[(model label, first key, end key)] of about `part_size` entries each, for every kind.

    Translation keys are random UUIDs, so equal slices of the key space hold
    about as many entries each: the catalogue is cut without reading its
    keys (reading and sorting them cost a third of a second of a 15,000-tool
    rebuild, before any worker could start). The first slice starts at None
    and the last ends at None, so that every key, random or not, falls in
    exactly one part.

    The largest parts come first: the small ones (a kind with few entries,
    the topics) then fill the time a worker would wait for the others at the
    end.
    """
    languages = len(SITE_LANGUAGES)
    cut = []
    for model in entry_models():
        entries = model.objects.live().count() / languages
        count = max(1, math.ceil(entries / part_size))
        bounds = [None, *(uuid.UUID(int=(i << 128) // count) for i in range(1, count)), None]
        cut += [
            (entries / count, model._meta.label, start, stop) for start, stop in pairwise(bounds)
        ]
    cut.sort(key=lambda part: -part[0])  # stable: a kind's slices stay in key order
    return [(label, start, stop) for _size, label, start, stop in cut]


def index_part(part):
    """Build and send the documents of one part; returns how many were sent."""
    label, start, stop = part
    groups = live_versions_by_key(models=[apps.get_model(label)], key_range=(start, stop))
    actions = index_actions(groups, index=_shared["index"], lookups=_shared["lookups"])
    with collector_paused():
        return send_overlapped(actions, BULK_SIZE)


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while many objects are made.

    A part makes tens of thousands of short-lived rows, dicts and lists,
    none of them in cycles, and the collector, triggered every few hundred
    allocations, walked them again and again: a third of the building time.
    Whatever cycles are left are collected once the collector is back.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _start_worker():
    # Django's connections were closed before the fork (each worker opens its
    # own, kept from part to part and closed when the worker exits); the
    # Elasticsearch client's sockets belong to the parent.
    client.forget_client()
    Finalize(None, connections.close_all, exitpriority=10)


def fill(index, processes=1, progress=None):
    """Write every entry's document into `index`; returns how many were sent.

    `progress(n)` is called as parts are done.
    """
    with collector_paused():
        # Hundreds of thousands of objects, all kept: the collector would walk
        # them again and again for nothing (it took two thirds of this step).
        _shared.update(index=index, lookups=Lookups.whole_catalogue())
    work = parts()
    # The relations stay until the end: kept out of the collector's sight
    # (and, once forked, out of the pages it would copy by touching them).
    gc.freeze()
    try:
        if processes > 1 and _can_fork():
            connections.close_all()
            with multiprocessing.get_context("fork").Pool(processes, _start_worker) as pool:
                done = pool.imap_unordered(index_part, work)
                sent = sum(_counted(n, progress) for n in done)
                pool.close()  # workers exit on their own (and close their connections)
                pool.join()
                return sent
        return sum(_counted(index_part(part), progress) for part in work)
    finally:
        gc.unfreeze()
        _shared.clear()


def _can_fork():
    """Workers read the catalogue with connections of their own, so they only
    see committed rows: inside a transaction (a caller's atomic block, a
    test), this process does the work itself."""
    in_transaction = any(connections[alias].in_atomic_block for alias in connections)
    return not in_transaction and "fork" in multiprocessing.get_all_start_methods()


def _counted(n, progress):
    if progress:
        progress(n)
    return n


def rebuild(processes=1, progress=None):
    """Fill a new index, then point the alias at it and delete the old ones.

    Returns (new index, documents sent, old indexes removed).
    """
    new = create_index(bulk_load=True)
    sent = fill(new, processes, progress)
    finish_bulk_load(new)
    return new, sent, swap_alias(new)


def swap_alias(new):
    es = client.get_client()
    alias = alias_name()
    old = list(es.indices.get_alias(name=alias)) if es.indices.exists_alias(name=alias) else []
    swap = [{"remove": {"index": name, "alias": alias}} for name in old]
    swap.append({"add": {"index": new, "alias": alias}})
    es.indices.update_aliases(actions=swap)
    for name in old:
        es.indices.delete(index=name, ignore_unavailable=True)
    return len(old)
