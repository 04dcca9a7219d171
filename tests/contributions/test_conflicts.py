"""Two people editing the same entry: merged per field, conflicts shown side by side."""

import threading

import pytest

from django.db import connection

from contributions.services.editing import EditConflict, save_edit
from pages.models import ToolPage
from tests.factories import contributor, edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(catalogue):
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def test_an_edit_started_before_another_merges_other_fields(client, tool):
    base = tool.latest_revision_id
    save_edit(tool, contributor("first"), {"summary": "Their new summary."}, summary="theirs")
    client.force_login(contributor("second"))
    data = edit_data(tool, base_revision_id=base, website="https://consul.example.org")
    data["summary"] = "Citizen participation software."  # the form showed the old summary
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.summary == "Their new summary."
    assert tool.website == "https://consul.example.org"


def test_the_same_field_changed_twice_opens_the_merge_view_with_both_texts(client, tool):
    base = tool.latest_revision_id
    save_edit(tool, contributor("first"), {"description": "Their description."})
    client.force_login(contributor("second"))
    data = edit_data(tool, base_revision_id=base, description="My description.")
    data["description"] = "My description."
    data["edit_summary"] = "my reason"
    revisions = tool.revisions.count()
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Their description." in html
    assert "My description." in html  # kept in the form
    assert "<del>Their</del>" in html and "<ins>My</ins>" in html
    assert 'value="my reason"' in html
    tool.refresh_from_db()
    assert tool.description == "Their description."
    assert tool.revisions.count() == revisions
    # Saving the resolved form (now based on their revision) publishes.
    resolved = edit_data(tool, description="My description, merged with theirs.")
    assert client.post(tool.url + "edit/", resolved).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_never_lose_an_edit():
    """Two threads save at once on PostgreSQL: the row lock serialises them,
    the second merges against the first, and both changes survive."""
    from tests.conftest import load_mini_catalogue

    if connection.vendor != "postgresql":
        pytest.skip("row locking needs PostgreSQL")
    load_mini_catalogue()
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    base = tool.latest_revision_id
    users = [contributor("alpha"), contributor("beta")]
    changes = [{"summary": "Summary by alpha."}, {"website": "https://beta.example.org"}]
    barrier = threading.Barrier(2)
    errors = []

    def save(index):
        try:
            barrier.wait()
            save_edit(ToolPage.objects.get(pk=tool.pk), users[index], changes[index],
                      base_revision_id=base)  # fmt: skip
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    tool.refresh_from_db()
    assert tool.summary == "Summary by alpha."
    assert tool.website == "https://beta.example.org"
    assert tool.revisions.count() == 2 + 2  # the two demo revisions, then one each


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_of_one_field_make_the_second_a_conflict():
    from tests.conftest import load_mini_catalogue

    if connection.vendor != "postgresql":
        pytest.skip("row locking needs PostgreSQL")
    load_mini_catalogue()
    tool = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    base = tool.latest_revision_id
    barrier = threading.Barrier(2)
    outcomes = []

    def save(text):
        try:
            barrier.wait()
            save_edit(ToolPage.objects.get(pk=tool.pk), contributor(text[:5]),
                      {"description": text}, base_revision_id=base)  # fmt: skip
            outcomes.append("saved")
        except EditConflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("alpha text", "betas text")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["conflict", "saved"]
