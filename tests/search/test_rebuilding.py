"""A full rebuild in several processes: the same documents as one process writes."""

from itertools import pairwise

import pytest
from elasticsearch.helpers import scan

from django.db import transaction

from search import client, rebuilding, services


def _documents(index):
    es = client.get_client()
    return {hit["_id"]: hit["_source"] for hit in scan(es, index=index)}


@pytest.mark.elasticsearch
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_in_two_processes_writes_what_one_process_writes():
    from tests.conftest import load_mini_catalogue

    load_mini_catalogue()
    assert rebuilding._can_fork()  # committed rows: the workers can read them
    entries = services.entry_pages().values("translation_key").distinct().count()
    documents = {}
    try:
        for processes in (1, 2):
            new, sent, _removed = rebuilding.rebuild(processes)
            assert sent == entries
            documents[processes] = _documents(new)
    finally:
        client.get_client().indices.delete(
            index=f"{services.alias_name()}-*", ignore_unavailable=True
        )
    assert len(documents[2]) == entries
    assert documents[1] == documents[2]


@pytest.mark.django_db
def test_a_rebuild_inside_a_transaction_stays_in_this_process(catalogue):
    """Other processes would not see uncommitted rows (a caller's atomic block, a test)."""
    with transaction.atomic():
        assert not rebuilding._can_fork()


@pytest.mark.django_db
def test_parts_slice_the_key_space_so_that_every_entry_is_in_exactly_one(catalogue):
    seen = []
    cut = list(rebuilding.parts(part_size=1))
    for label in {label for label, _start, _stop in cut}:
        slices = [(start, stop) for each, start, stop in cut if each == label]
        assert slices[0][0] is None and slices[-1][1] is None  # nothing falls outside
        assert all(stop == start for (_a, stop), (start, _b) in pairwise(slices))
        entries = _model(label).objects.live().count() // 2  # two languages each
        assert len(slices) == max(1, entries)
        for key_range in slices:
            groups = services.live_versions_by_key(models=[_model(label)], key_range=key_range)
            keys = [key for key, _versions in groups]
            assert keys == sorted(keys)
            seen += keys
    expected = services.entry_pages().order_by().values_list("translation_key", flat=True)
    assert sorted(map(str, seen)) == sorted(map(str, set(expected)))
    assert len(seen) == len(set(seen))


def _model(label):
    from django.apps import apps

    return apps.get_model(label)
