"""The index follows the pages through the task queue, and can be rebuilt and repaired."""

import io
from datetime import timedelta

import pytest

from django.core.management import call_command

from search import client, services

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


@pytest.fixture
def es(catalogue):
    es = client.get_client()
    es.indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)
    yield es
    es.indices.delete(index=f"{services.alias_name()}-*", ignore_unavailable=True)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's changes and run what was enqueued on commit (immediate backend)."""

    def run(page, **changes):
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return run


def document(es, page):
    es.indices.refresh(index=services.alias_name())
    found = es.options(ignore_status=404).get(
        index=services.alias_name(), id=str(page.translation_key)
    )
    return found["_source"] if found.get("found") else None


def command(*args):
    out = io.StringIO()
    call_command("search_index", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_publishing_an_edit_updates_the_document(es, entry, publish):
    from pages.models import ToolPage

    tool = entry(ToolPage, "consul-democracy")
    publish(tool, summary="Proposals, debates and votes.")
    source = document(es, tool)
    assert source["summary_en"] == "Proposals, debates and votes."
    assert source["summary_fr"] == "Logiciel de participation citoyenne."


def test_unpublishing_every_language_deletes_the_document(
    es, entry, publish, django_capture_on_commit_callbacks
):
    from pages.models import ToolPage

    tool = entry(ToolPage, "consul-democracy")
    publish(tool)
    assert document(es, tool)
    with django_capture_on_commit_callbacks(execute=True):
        entry(ToolPage, "consul-democracy", "fr").unpublish()
    assert document(es, tool)["languages"] == ["en"]
    with django_capture_on_commit_callbacks(execute=True):
        tool.unpublish()
    assert document(es, tool) is None


def test_renaming_a_topic_updates_the_tools_filed_under_it(es, entry, publish):
    from pages.models import ToolPage, TopicPage

    topic = entry(TopicPage, "participatory-budgeting")
    publish(topic, title="Budget votes")
    source = document(es, entry(ToolPage, "consul-democracy"))
    assert "Budget votes" in source["related"]
    assert "Participatory budgeting" not in source["related"]
    assert "Budget participatif" in source["related"]


def test_rebuild_twice_leaves_one_index_with_every_entry(es):
    command("rebuild")
    command("rebuild")
    indices = es.indices.get_alias(name=services.alias_name())
    assert len(indices) == 1
    assert len(es.indices.get(index=f"{services.alias_name()}-*")) == 1
    expected = services.entry_pages().values("translation_key").distinct().count()
    assert es.count(index=services.alias_name())["count"] == expected > 0


def test_status_reports_drift_and_reconcile_repairs_it(es, entry):
    from pages.models import ToolPage

    command("rebuild")
    assert "missing from Elasticsearch: 0\n" in command("status")
    assert "in Elasticsearch, not in the database: 0\n" in command("status")

    tool = entry(ToolPage, "consul-democracy")
    es.delete(index=services.alias_name(), id=str(tool.translation_key), refresh=True)
    es.index(index=services.alias_name(), id="no-such-entry", document={"kind": "tool"})
    status = command("status")
    assert "missing from Elasticsearch: 1\n" in status
    assert f"missing {tool.translation_key}" in status
    assert "in Elasticsearch, not in the database: 1\n" in status

    assert "indexed 1 missing or stale, deleted 1 stray." in command("reconcile")
    status = command("status")
    assert "missing from Elasticsearch: 0\n" in status
    assert "in Elasticsearch, not in the database: 0\n" in status


def test_a_publish_while_elasticsearch_is_down_still_saves_the_edit(
    catalogue, entry, publish, settings
):
    from pages.models import ToolPage

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    client._connect.cache_clear()
    try:
        publish(entry(ToolPage, "consul-democracy"), summary="Written during an outage.")
    finally:
        client._connect.cache_clear()
    tool = entry(ToolPage, "consul-democracy")
    assert tool.live
    assert tool.summary == "Written during an outage."


def test_the_task_fails_while_elasticsearch_is_down_so_the_queue_keeps_it(
    catalogue, entry, settings
):
    from pages.models import ToolPage
    from search.tasks import index_entry

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    client._connect.cache_clear()
    try:
        with pytest.raises(services.ES_ERRORS):
            index_entry.call(str(entry(ToolPage, "consul-democracy").translation_key))
    finally:
        client._connect.cache_clear()


def test_the_task_does_nothing_when_elasticsearch_is_not_configured(catalogue, settings):
    from search.tasks import index_entry

    settings.ELASTICSEARCH_URL = ""
    assert index_entry.call("any-key") == "not configured"


def test_status_counts_a_document_older_than_the_entry_and_reconcile_refreshes_it(es, entry):
    from pages.models import ToolPage

    command("rebuild")
    tool = entry(ToolPage, "consul-democracy")
    # An edit published while Elasticsearch was down: the page moved on, the document did not.
    tool.title = "CONSUL Democracy (renamed during an outage)"
    tool.last_published_at = tool.last_published_at + timedelta(minutes=5)
    tool.save(update_fields=["title", "last_published_at"])

    assert "older in Elasticsearch than in the database: 1" in command("status")
    assert "indexed 1 missing or stale, deleted 0 stray." in command("reconcile")
    assert document(es, tool)["name_en"] == "CONSUL Democracy (renamed during an outage)"
    assert "older in Elasticsearch than in the database: 0" in command("status")
