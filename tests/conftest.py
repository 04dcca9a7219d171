"""Shared fixtures, and the rule that real services are mandatory in CI.

With REQUIRE_SERVICES=1 (set by `make test` and .ci/run) a missing PostgreSQL,
Elasticsearch or Chromium fails the run instead of skipping tests. Without it
(a quick local run on SQLite), tests that need a service are skipped with a
reason that pytest prints.
"""

import os
import shutil
from pathlib import Path

import pytest

from django.conf import settings

FIXTURES = Path(__file__).parent / "fixtures"
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    return path if path and Path(path).exists() else None


def pytest_configure(config):
    if not REQUIRE_SERVICES:
        return
    missing = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        missing.append("PostgreSQL (DATABASE_URL)")
    if not settings.ELASTICSEARCH_URL:
        missing.append("Elasticsearch (ELASTICSEARCH_URL)")
    if not chromium_path():
        missing.append("Chromium (CHROMIUM_PATH)")
    if missing:
        raise pytest.UsageError("REQUIRE_SERVICES=1 but missing: " + ", ".join(missing))


def pytest_collection_modifyitems(config, items):
    # Transactional tests (threads, browser journeys) empty the database after
    # each test: run them last so the shared catalogue below serves the rest.
    def order(item):
        marker = item.get_closest_marker("django_db")
        transactional = "transactional_db" in item.fixturenames or bool(
            marker and marker.kwargs.get("transaction")
        )
        return ("browser" in item.keywords, transactional)

    items.sort(key=order)
    skips = {}
    if not settings.ELASTICSEARCH_URL:
        skips["elasticsearch"] = "ELASTICSEARCH_URL is not set"
    if not chromium_path():
        skips["browser"] = "Chromium is not installed"
    for item in items:
        for marker, reason in skips.items():
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


def load_mini_catalogue():
    """Load the small catalogue, also into a database a transactional test emptied.

    Transactional tests end with a flush that removes what migrations created
    (the tree root, the root collection, groups) and renumbers content types,
    so the content-type cache is cleared and those are made again first.
    """
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from pages.generators.demo import load_demo_data

    ContentType.objects.clear_cache()
    importlib.import_module("contributions.migrations.0002_groups").create_groups(apps, None)
    _ensure_root_collection()
    load_demo_data(FIXTURES / "mini_catalogue.json")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the small catalogue once; each test then runs in a rolled-back transaction.

    Creating pages through Wagtail's revision machinery costs tens of queries
    per save, so doing it once per session keeps the suite fast.
    """
    with django_db_blocker.unblock():
        load_mini_catalogue()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language, whatever the previous one activated."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and page caches live in the cache: start every test without them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def still_windows(monkeypatch):
    """Hold the rate-limit windows' clock 30 s into a minute: no window ends mid-test."""
    from throttling import windows

    monkeypatch.setattr(windows, "now", lambda: 1_800_000_030.0)


@pytest.fixture
def site_tree(db):
    from pages.tree import ensure_site_tree

    return ensure_site_tree()


@pytest.fixture
def catalogue(site_tree):
    """The small bilingual catalogue of tests/fixtures/mini_catalogue.json, with history."""
    return site_tree


@pytest.fixture
def entry():
    """Look up a catalogue page by model and English slug, in a language."""
    from wagtail.models import Locale

    def get(model, slug, language="en"):
        page = model.objects.get(slug=slug, locale__language_code="en")
        if language != "en":
            page = page.get_translation(Locale.objects.get(language_code=language))
        return page.specific

    return get


def _ensure_root_collection():
    """Images (uploaded logos) go into Wagtail's root collection, made by a migration."""
    from wagtail.models import Collection

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
