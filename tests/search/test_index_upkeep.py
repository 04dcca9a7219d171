"""The index follows the pages through its outbox and the task queue; rebuild and repair."""

import io
from datetime import timedelta

import pytest

from django.core.management import call_command

from search import client, services

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


@pytest.fixture
def es(catalogue):
    from search.models import PendingEntry

    assert not PendingEntry.objects.exists()  # loading the catalogue left its outbox empty
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
    catalogue, entry, publish, elasticsearch_down
):
    from pages.models import ToolPage

    down, _back = elasticsearch_down
    down()
    publish(entry(ToolPage, "consul-democracy"), summary="Written during an outage.")
    tool = entry(ToolPage, "consul-democracy")
    assert tool.live
    assert tool.summary == "Written during an outage."


@pytest.fixture
def elasticsearch_down(settings):
    """Point the site at a port where nothing listens, for the duration of a test."""

    def down():
        settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
        client._connect.cache_clear()

    def back(url=settings.ELASTICSEARCH_URL):
        settings.ELASTICSEARCH_URL = url
        client._connect.cache_clear()

    yield down, back
    client._connect.cache_clear()


def test_an_edit_published_during_an_outage_waits_in_the_outbox_then_reaches_the_index(
    es, entry, publish, elasticsearch_down
):
    from pages.models import ToolPage
    from search.models import PendingEntry
    from search.tasks import flush_index_queue

    down, back = elasticsearch_down
    tool = entry(ToolPage, "consul-democracy")
    down()
    publish(tool, summary="Written during an outage.")
    assert PendingEntry.objects.filter(translation_key=tool.translation_key).exists()
    with pytest.raises(services.ES_ERRORS):
        flush_index_queue.call()
    assert PendingEntry.objects.filter(translation_key=tool.translation_key).exists()

    back()
    waiting = PendingEntry.objects.count()  # the tool, and the use cases that show it
    assert flush_index_queue.call() == f"{waiting} entries indexed"
    assert document(es, tool)["summary_en"] == "Written during an outage."
    assert not PendingEntry.objects.exists()


def test_a_flush_keeps_a_request_made_while_its_batch_was_being_indexed(es, entry):
    from pages.models import ToolPage
    from search import pending
    from search.models import PendingEntry

    key = str(entry(ToolPage, "consul-democracy").translation_key)
    pending.mark([key])

    def sync_while_someone_publishes(keys):
        pending.mark(keys)  # a new edit of the same entry, after the batch was read
        return services.sync_entries(keys)

    assert pending.flush(sync_while_someone_publishes) == (1, False)  # visited once, not again
    assert PendingEntry.objects.filter(translation_key=key).exists()
    assert pending.flush(services.sync_entries) == (1, False)
    assert not PendingEntry.objects.exists()


def test_an_entry_whose_document_cannot_be_built_does_not_hold_up_the_others(es, entry):
    from pages.models import ToolPage
    from search import pending
    from search.models import PendingEntry

    good = str(entry(ToolPage, "consul-democracy").translation_key)
    bad = str(entry(ToolPage, "closed-petitions").translation_key)
    pending.mark([good, bad])

    def sync(keys):
        if bad in keys:
            raise ValueError("a broken page")
        return services.sync_entries(keys)

    for _attempt in range(pending.MAX_ATTEMPTS):
        pending.flush(sync)
    assert not PendingEntry.objects.filter(translation_key=good).exists()
    assert PendingEntry.objects.get(translation_key=bad).attempts == pending.MAX_ATTEMPTS
    status = command("status")
    assert "waiting in the update queue: 0\n" in status
    assert "given up after failed attempts: 1\n" in status

    assert "updated 1 entries waiting in the update queue." in command("reconcile")
    assert not PendingEntry.objects.exists()


def test_unpublished_entries_leave_the_index_through_the_outbox(es, entry):
    from pages.models import ToolPage
    from search import pending

    tool = entry(ToolPage, "consul-democracy")
    command("rebuild")
    for version in ToolPage.objects.filter(translation_key=tool.translation_key):
        version.live = False
        version.save(update_fields=["live"])
    pending.mark([tool.translation_key])
    assert pending.flush(services.sync_entries) == (1, False)
    assert document(es, tool) is None


def test_one_flush_task_waits_in_the_database_queue_however_many_edits(catalogue, settings):
    from django_tasks_db.models import DBTaskResult

    from search.tasks import flush_index_queue, request_flush

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _edit in range(3):
        request_flush()
    waiting = DBTaskResult.objects.filter(task_path=flush_index_queue.module_path)
    assert waiting.count() == 1
    assert waiting.get().priority > 0  # before Wagtail's and the e-mails' tasks
    request_flush(force=True)  # a flush that ran out of time hands over
    assert waiting.count() == 2


def test_without_elasticsearch_the_task_keeps_the_database_index_up_to_date(catalogue, settings):
    from pages.models import ToolPage
    from search import pending
    from search.models import EntryText
    from search.tasks import flush_index_queue

    settings.ELASTICSEARCH_URL = ""
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    tool.title = "CONSUL Democracy, renamed"
    tool.save_revision().publish()
    # The tool and the use case that shows it (the publish's commit never comes in a test).
    assert flush_index_queue.call() == "2 entries indexed"
    assert not pending.waiting().exists()
    row = EntryText.objects.get(translation_key=tool.translation_key, language="en")
    assert row.name == "CONSUL Democracy, renamed"


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


def test_moving_an_entry_gives_its_document_the_new_address(
    es, entry, django_capture_on_commit_callbacks
):
    from contributions.services.moving import move_entry
    from pages.models import ToolPage
    from tests.factories import contributor

    tool, french = entry(ToolPage, "consul-democracy"), entry(ToolPage, "consul-democracy", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        move_entry(tool, contributor("mover"), "consul")
    source = document(es, tool)
    assert source["url_en"] == "/en/tools/consul/"
    assert source["url_fr"] == french.url
