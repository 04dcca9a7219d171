"""The demo catalogue in a real Elasticsearch index, for relevance and search-page tests.

Loaded once per module inside a transaction that is rolled back at the end
(each test then runs in a savepoint), so the other tests keep the small
catalogue. The mini catalogue's entries are removed first: the demo has its
own, fuller versions of them.
"""

from pathlib import Path

import pytest
import yaml

from django.db import transaction

JUDGMENTS = Path(__file__).parent / "judgments.yaml"


def load_judgments():
    return yaml.safe_load(JUDGMENTS.read_text(encoding="utf-8"))


def judged_recall(judgments, top_labels):
    """(mean recall@5, [misses], [queries that found nothing]) of a search on the judged queries.

    `top_labels(query, language)` is the search: the labels of its first hits.
    """
    recalls, misses, empty = [], [], []
    for judgment in judgments:
        top = top_labels(judgment["query"], judgment["language"])
        expected = judgment["first"]
        found = [label for label in expected if label in top[:5]]
        recalls.append(len(found) / len(expected))
        if not top:
            empty.append(judgment["query"])
        if len(found) < len(expected):
            misses.append(
                f"{judgment['query']!r} ({judgment['language']}): {top[:5]} lacks "
                f"{sorted(set(expected) - set(found))}"
            )
    return sum(recalls) / len(recalls), misses, empty


def entry_label(page):
    """`kind/english-slug`, as the judgments name entries."""
    from wagtail.models import Page

    english = Page.objects.filter(translation_key=page.translation_key, locale__language_code="en")
    slug = english.values_list("slug", flat=True).first() or page.slug
    return f"{page.specific.kind.replace('_', '-')}/{slug}"


def replace_with_demo_catalogue():
    from pages.generators.demo import load_demo_data
    from pages.models import (
        OrganizationIndexPage,
        ToolIndexPage,
        TopicIndexPage,
        UseCaseIndexPage,
    )

    for model in (ToolIndexPage, UseCaseIndexPage, OrganizationIndexPage, TopicIndexPage):
        for index in model.objects.all():
            for child in index.get_children():
                child.delete()
    load_demo_data(history=False)


def _delete_indexes():
    from search import client, services

    client.get_client().indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)


def index_everything():
    """A fresh index holding every live entry (the browser journeys use it too)."""
    from search import services

    _delete_indexes()
    services.ensure_index()
    keys = services.entry_pages().values_list("translation_key", flat=True).distinct()
    services.sync_entries(keys, refresh=True)


@pytest.fixture(scope="module")
def demo_search(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        replace_with_demo_catalogue()
        index_everything()
        yield
        transaction.set_rollback(True)
    _delete_indexes()  # later tests must not find the demo's documents
