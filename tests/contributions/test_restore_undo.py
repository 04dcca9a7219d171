"""Restore any revision, undo one edit: the edit form pre-filled, saved only when confirmed."""

import pytest

from django.utils import translation

from wagtail.models import PageLogEntry

from contributions.models import EditRecord
from contributions.services.editing import save_edit
from contributions.services.restore import made_as_untranslated_copy
from pages.models import ToolPage, TopicPage
from tests.factories import contributor, new_english_tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def as_submitted(response, **changes):
    """The data of the form a response shows, as the browser would post it back."""
    data = dict(response.context["form"].data.lists())
    data.update(changes)
    return data


def test_restore_opens_the_edit_form_with_the_old_revision_and_saves_nothing(client, tool):
    old = tool.latest_revision
    old_description = tool.description
    save_edit(tool, contributor("vandal"), {"description": "Spam.", "licence": "MIT"})
    client.force_login(contributor("fixer"))
    response = client.get(tool.url + f"edit/?restore={old.pk}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["description"].value() == old_description
    assert form["licence"].value() == "AGPL-3.0-or-later"
    assert form["edit_summary"].value() == f"Restored revision {old.pk} by bruno"
    assert form["source_action"].value() == "restore"
    # The differences from the current version are shown at once, facts apart.
    pending = response.context["pending"]
    assert [change.name for change in pending.own] == ["description"]
    assert [change.name for change in pending.shared] == ["licence"]
    html = response.content.decode()
    assert "this also changes the French version" in html
    assert "<del>Spam" in html
    assert fresh(tool).description == "Spam."
    assert EditRecord.objects.filter(kind="restore").count() == 0


def test_saving_the_prefilled_restore_records_a_restore_of_that_revision(client, tool):
    old = tool.latest_revision
    old_description = tool.description
    save_edit(tool, contributor("vandal"), {"description": "Spam.", "licence": "MIT"})
    client.force_login(contributor("fixer"))
    shown = client.get(tool.url + f"edit/?restore={old.pk}")
    summary = f"Restored revision {old.pk} by bruno: spam removed"
    response = client.post(tool.url + "edit/", as_submitted(shown, edit_summary=summary))
    assert response.status_code == 302
    tool = fresh(tool)
    assert tool.description == old_description
    assert tool.licence == "AGPL-3.0-or-later"
    record = EditRecord.objects.get(revision=tool.live_revision)
    assert record.kind == "restore"
    assert record.source_revision == old
    assert record.auto_summary == {"action": "restore", "revision": old.pk, "author": "bruno"}
    assert record.summary == "spam removed"


def test_wagtails_audit_log_records_the_confirmed_restore_as_a_revert(client, tool):
    old = tool.latest_revision
    save_edit(tool, contributor("vandal"), {"description": "Spam."})
    client.force_login(contributor("fixer"))
    shown = client.get(tool.url + f"edit/?restore={old.pk}")
    client.post(tool.url + "edit/", as_submitted(shown))
    entry = PageLogEntry.objects.filter(page=tool, action="wagtail.revert").latest("timestamp")
    assert entry.data["revision"]["id"] == old.pk
    assert entry.user.username == "fixer"


def test_restore_shows_the_topics_it_would_remove_and_removes_them_only_when_saved(client, tool):
    old = tool.latest_revision
    topic = TopicPage.objects.filter(locale=tool.locale).exclude(pk__in=tool.topics.all()).first()
    current = tuple(sorted([*tool.topics.values_list("pk", flat=True), topic.pk]))
    save_edit(tool, contributor("curator"), {"topics": current})
    client.force_login(contributor("fixer"))
    response = client.get(tool.url + f"edit/?restore={old.pk}")
    (change,) = response.context["pending"].shared
    assert change.name == "topics"
    assert [text for text, _url in change.removed] == [topic.title]
    assert topic in fresh(tool).topics.all()


def test_undo_prefills_the_current_version_with_that_edit_reversed(client, tool):
    bad = save_edit(tool, contributor("vandal"), {"website": "https://spam.example"})
    save_edit(tool, contributor("later"), {"summary": "A later, good summary."})
    client.force_login(contributor("fixer"))
    shown = client.get(tool.url + f"edit/?undo={bad.revision.pk}")
    assert shown.status_code == 200
    form = shown.context["form"]
    assert form["website"].value() == "https://consuldemocracy.org"
    assert form["summary"].value() == "A later, good summary."
    assert form["edit_summary"].value() == f"Undid revision {bad.revision.pk} by vandal"
    assert [change.name for change in shown.context["pending"].changes] == ["website"]
    assert fresh(tool).website == "https://spam.example"

    response = client.post(tool.url + "edit/", as_submitted(shown))
    assert response.status_code == 302
    tool = fresh(tool)
    assert tool.website == "https://consuldemocracy.org"
    assert tool.summary == "A later, good summary."
    record = EditRecord.objects.get(revision=tool.live_revision)
    assert record.kind == "undo"
    assert record.source_revision_id == bad.revision.pk
    assert record.auto_summary["action"] == "undo"
    assert record.summary == ""


def test_undo_opens_the_merge_view_when_a_later_edit_touched_the_same_field(client, tool):
    bad = save_edit(tool, contributor("vandal"), {"website": "https://spam.example"})
    save_edit(tool, contributor("later"), {"website": "https://other.example"})
    client.force_login(contributor("fixer"))
    response = client.get(tool.url + f"edit/?undo={bad.revision.pk}")
    assert response.status_code == 409
    html = response.content.decode()
    assert "https://other.example" in html
    assert f'action="{tool.url}edit/"' in html
    assert fresh(tool).website == "https://other.example"
    # Resolved (the undone value kept) and saved, it is still an undo.
    client.post(tool.url + "edit/", as_submitted(response))
    tool = fresh(tool)
    assert tool.website == "https://consuldemocracy.org"
    assert EditRecord.objects.get(revision=tool.live_revision).kind == "undo"


def test_the_former_restore_and_undo_addresses_lead_to_the_prefilled_form(client, tool):
    revision = tool.latest_revision
    client.force_login(contributor())
    response = client.post(tool.url + f"history/{revision.pk}/restore/")
    assert response.status_code == 303
    assert response["Location"] == f"{tool.url}edit/?restore={revision.pk}"
    response = client.get(tool.url + f"history/{revision.pk}/undo/")
    assert response["Location"] == f"{tool.url}edit/?undo={revision.pk}"
    assert EditRecord.objects.filter(kind__in=["restore", "undo"]).count() == 0


def test_restore_and_undo_need_an_established_contributor_and_a_revision_of_the_entry(
    client, tool, settings
):
    revision = tool.latest_revision
    response = client.get(tool.url + f"edit/?restore={revision.pk}")
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(contributor())
    assert client.get(tool.url + "edit/?undo=999999").status_code == 404
    assert client.get(tool.url + "edit/?restore=first").status_code == 404
    settings.OGPT_REVIEW_FIRST_EDITS = 3
    client.force_login(contributor("newcomer"))
    assert client.get(tool.url + f"edit/?restore={revision.pk}").status_code == 403


def test_undoing_an_edit_that_changed_nothing_says_so(client, tool):
    same = save_edit(tool, contributor("idle"), {})
    client.force_login(contributor("fixer"))
    response = client.get(tool.url + f"edit/?undo={same.revision.pk}", follow=True)
    assert "That revision changed nothing that could be undone." in response.content.decode()


def test_restoring_a_revision_of_the_untranslated_copy_keeps_the_french_translation(
    client, catalogue
):
    writer = contributor("writer")
    english, french = new_english_tool(writer)
    copy_revision = french.live_revision
    save_edit(
        french,
        writer,
        {"summary": "Des budgets que l’on lit.", "description": "Le budget en arbre."},
        kind=EditRecord.Kind.TRANSLATE,
        synced_fields=["title", "summary", "description"],
    )
    french = fresh(french)
    save_edit(french, writer, {"website": "https://budget.example"})
    assert made_as_untranslated_copy(french, copy_revision)
    assert not made_as_untranslated_copy(english, english.live_revision)

    client.force_login(contributor("fixer"))
    with translation.override("fr"):
        response = client.get(french.url + f"edit/?restore={copy_revision.pk}")
    form = response.context["form"]
    assert form["summary"].value() == "Des budgets que l’on lit."
    assert form["description"].value() == "Le budget en arbre."
    assert form["website"].value() in ("", None)
    assert "Le texte français actuel est conservé" in response.content.decode()
    assert [change.name for change in response.context["pending"].changes] == ["website"]


def test_a_copy_revision_is_told_by_any_earlier_text_of_the_other_version(catalogue):
    writer = contributor("writer")
    english, french = new_english_tool(writer, description="")
    first_copy_revision = french.live_revision
    for number in range(3):
        save_edit(fresh(english), writer, {"description": f"Version {number}."})
    french = fresh(french)
    assert french.live_revision.content["description"] == "Version 2."
    assert made_as_untranslated_copy(french, first_copy_revision)
    assert made_as_untranslated_copy(french, french.live_revision)
    save_edit(french, writer, {"description": "Version 2, traduite."})
    assert not made_as_untranslated_copy(french, fresh(french).live_revision)


def test_show_changes_on_the_edit_form_shows_the_diff_and_keeps_the_input(client, tool):
    from tests.factories import edit_data

    client.force_login(contributor())
    typed = tool.description + "\n\nA brand new paragraph."
    data = edit_data(tool, description=typed, show_changes="")
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 200
    (change,) = response.context["pending"].changes
    assert change.name == "description"
    assert "A brand new paragraph.</ins>" in change.diff
    assert 'id="pending-changes"' in response.content.decode()
    assert response.context["form"]["description"].value() == typed
    assert fresh(tool).description == tool.description
