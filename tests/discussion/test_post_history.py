"""Every version of a post is kept by django-reversion, with its editor and reason."""

import pytest
from reversion.models import Version

from discussion.services import posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(tool, alice):
    _thread, post = posting.start_thread(tool, alice, "Typos", "The licence is AGLP.", "en")
    return post


def test_the_first_version_is_recorded_when_the_post_is_written(post, alice):
    versions = Version.objects.get_for_object(post)
    assert [v.field_dict["body"] for v in versions] == ["The licence is AGLP."]
    assert versions[0].revision.user == alice


def test_an_author_edit_keeps_the_old_text_with_editor_and_reason(client, post, alice):
    client.force_login(alice)
    response = client.post(
        f"/en/discussion/posts/{post.pk}/edit/",
        {"body": "The licence is AGPL.", "reason": "fixed a typo"},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "The licence is AGPL." and post.edited_at is not None
    newest, oldest = Version.objects.get_for_object(post)
    assert newest.field_dict["body"] == "The licence is AGPL."
    assert (newest.revision.user, newest.revision.comment) == (alice, "fixed a typo")
    assert oldest.field_dict["body"] == "The licence is AGLP."


def test_the_edited_marker_links_to_a_history_with_word_diffs(client, post, alice):
    posting.edit_post(post, alice, "The licence is AGPL.", "fixed a typo")
    thread_page = client.get(f"/en/discussion/{post.thread_id}/").content.decode()
    history_url = f"/en/discussion/posts/{post.pk}/history/"
    assert f'<a class="post-edited" href="{history_url}">edited</a>' in thread_page
    history = client.get(history_url).content.decode()
    assert "<del>AGLP</del><ins>AGPL</ins>" in history
    assert "fixed a typo" in history


def test_an_edit_that_adds_a_mention_notifies_only_the_newly_mentioned(post, alice, bob, mod):
    posting.edit_post(post, alice, "The licence is AGLP, says @bob.", "credit")
    posting.edit_post(post, alice, "The licence is AGLP, says @bob and @mod.", "credit")
    assert post.notification_set.filter(recipient=bob).count() == 1
    assert post.notification_set.filter(recipient=mod).count() == 1


def test_an_invalid_edit_keeps_the_text_and_changes_nothing(client, post, alice):
    client.force_login(alice)
    too_long = "x" * 20_001
    response = client.post(f"/en/discussion/posts/{post.pk}/edit/", {"body": too_long})
    assert response.status_code == 400
    assert response.context["form"]["body"].value() == too_long
    post.refresh_from_db()
    assert post.body == "The licence is AGLP."
    assert Version.objects.get_for_object(post).count() == 1
