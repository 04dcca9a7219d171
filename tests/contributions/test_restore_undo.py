"""Restore any revision; undo one edit when later edits allow it."""

import pytest

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from pages.models import ToolPage

from .factories import contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def test_restoring_makes_a_new_revision_equal_to_the_old_one(client, tool):
    old = tool.latest_revision
    old_description = tool.description
    save_edit(tool, contributor("vandal"), {"description": "Spam.", "licence": "MIT"})
    client.force_login(contributor("fixer"))
    response = client.post(tool.url + f"history/{old.pk}/restore/")
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.description == old_description
    assert tool.licence == "AGPL-3.0-or-later"
    record = EditRecord.objects.get(revision=tool.latest_revision)
    assert record.kind == "restore"
    assert record.summary == f"Restored revision {old.pk} by bruno"
    assert record.source_revision == old


def test_undo_reverses_one_edit_and_keeps_later_edits_to_other_fields(client, tool):
    bad = save_edit(tool, contributor("vandal"), {"website": "https://spam.example"})
    save_edit(tool, contributor("later"), {"summary": "A later, good summary."})
    client.force_login(contributor("fixer"))
    response = client.post(tool.url + f"history/{bad.revision.pk}/undo/")
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.website == "https://consuldemocracy.org"
    assert tool.summary == "A later, good summary."
    assert EditRecord.objects.get(revision=tool.latest_revision).kind == "undo"


def test_undo_opens_the_merge_view_when_a_later_edit_touched_the_same_field(client, tool):
    bad = save_edit(tool, contributor("vandal"), {"website": "https://spam.example"})
    save_edit(tool, contributor("later"), {"website": "https://other.example"})
    client.force_login(contributor("fixer"))
    response = client.post(tool.url + f"history/{bad.revision.pk}/undo/")
    assert response.status_code == 409
    html = response.content.decode()
    assert "https://other.example" in html
    assert f'action="{tool.url}edit/"' in html
    tool.refresh_from_db()
    assert tool.website == "https://other.example"


def test_restore_and_undo_need_post_and_a_contributor(client, tool):
    revision = tool.latest_revision
    assert client.post(tool.url + f"history/{revision.pk}/restore/").status_code == 302  # login
    client.force_login(contributor())
    assert client.get(tool.url + f"history/{revision.pk}/restore/").status_code == 405
    assert client.post(tool.url + "history/999999/undo/").status_code == 404


def test_wagtails_audit_log_records_the_restore_as_a_revert(client, tool):
    from wagtail.models import PageLogEntry

    old = tool.latest_revision
    save_edit(tool, contributor("vandal"), {"description": "Spam."})
    client.force_login(contributor("fixer"))
    client.post(tool.url + f"history/{old.pk}/restore/")
    entry = PageLogEntry.objects.filter(page=tool, action="wagtail.revert").latest("timestamp")
    assert entry.data["revision"]["id"] == old.pk
    assert entry.user.username == "fixer"
