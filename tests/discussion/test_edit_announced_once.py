"""Each revision that becomes public is announced once (`edit_recorded`), whatever made it.

The wiki writes an EditRecord once per revision (contributions.services.records)
and announces it after the commit; the discussion app notifies the entry's
followers from that announcement, with no de-duplication of its own.
"""

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.services.restore import restore_proposal
from contributions.services.review import approve
from contributions.signals import edit_recorded
from discussion.models import Notification
from discussion.services import follows
from pages.models import ToolPage
from tests.opendata.harvest import run, write

pytestmark = pytest.mark.django_db

PUBLIC = (EditRecord.Status.PUBLISHED, EditRecord.Status.APPROVED)


@pytest.fixture
def announced(django_capture_on_commit_callbacks):
    """Run a save as if committed: the ids of the records announced, in order."""

    def run_and_listen(function, *args, **kwargs):
        calls = []

        def listener(sender, record, **_kwargs):
            calls.append(record.pk)

        edit_recorded.connect(listener)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                function(*args, **kwargs)
        finally:
            edit_recorded.disconnect(listener)
        return calls

    return run_and_listen


def new_public_records(before):
    return sorted(
        EditRecord.objects.filter(status__in=PUBLIC)
        .exclude(pk__in=before)
        .values_list("pk", flat=True)
    )


def existing_records():
    return list(EditRecord.objects.values_list("pk", flat=True))


def latest_record(page):
    return EditRecord.objects.filter(page_id=page.pk).latest("pk")


def test_a_site_edit_is_announced_once_and_notifies_once(tool, alice, bob, announced):
    follows.follow_entry(bob, tool.translation_key)
    calls = announced(save_edit, tool, alice, {"summary": "A better summary."}, summary="clearer")
    assert calls == [latest_record(tool).pk]
    assert Notification.objects.filter(recipient=bob, kind=Notification.Kind.EDIT).count() == 1


def test_an_edit_of_shared_facts_announces_each_language_once(tool, tool_fr, alice, announced):
    before = existing_records()
    calls = announced(save_edit, tool, alice, {"website": "https://consul.example.org/"})
    assert sorted(calls) == new_public_records(before)
    assert len(calls) == 2  # the edit and its mirror in the French history


def test_a_translation_is_announced_once(tool, tool_fr, alice, bob, announced):
    follows.follow_entry(bob, tool.translation_key)
    calls = announced(
        save_edit, tool_fr, alice, {"summary": "Un meilleur résumé."}, kind="translate"
    )
    assert calls == [latest_record(tool_fr).pk]
    assert (
        Notification.objects.filter(recipient=bob, kind=Notification.Kind.TRANSLATION).count() == 1
    )


def test_a_restore_is_announced_once(tool, alice, announced):
    old = ToolPage.objects.get(pk=tool.pk).live_revision
    save_edit(tool, alice, {"summary": "To be reverted."})
    page = ToolPage.objects.get(pk=tool.pk)
    proposal = restore_proposal(page, old)
    calls = announced(
        save_edit, page, alice, proposal.values, kind=EditRecord.Kind.RESTORE, source_revision=old
    )
    assert calls == [latest_record(tool).pk]
    assert latest_record(tool).kind == EditRecord.Kind.RESTORE


def test_an_import_announces_each_record_it_writes_once(tmp_path, tool, announced):
    text = """\
name: Ballot Box
url: https://ballot.example/ballot.git
landingURL: https://ballot.example
legal:
  license: MIT
description:
  en:
    shortDescription: Votes online.
"""
    before = existing_records()
    calls = announced(run, write(tmp_path, "ballot.yml", text), "publiccode")
    created = new_public_records(before)
    assert sorted(calls) == created
    kinds = set(EditRecord.objects.filter(pk__in=created).values_list("kind", flat=True))
    assert EditRecord.Kind.IMPORT in kinds


def test_a_pending_edit_is_announced_once_when_approved(tool, alice, mod, announced):
    proposed = announced(save_edit, tool, alice, {"summary": "Waiting."}, publish=False)
    assert proposed == []
    record = latest_record(tool)
    assert record.status == EditRecord.Status.PENDING
    calls = announced(approve, record, mod)
    assert calls == [record.pk]


def test_an_admin_publish_is_recorded_and_announced_once(tool, mod, bob, announced):
    follows.follow_entry(bob, tool.translation_key)
    page = ToolPage.objects.get(pk=tool.pk)
    page.summary = "Changed in the Wagtail admin."

    def publish_from_admin():
        page.save_revision(user=mod).publish(user=mod)

    calls = announced(publish_from_admin)
    record = latest_record(tool)
    assert calls == [record.pk]
    assert (record.kind, record.user) == (EditRecord.Kind.EDIT, mod)
    assert Notification.objects.filter(recipient=bob, kind=Notification.Kind.EDIT).count() == 1
