"""Hidden posts, locked threads and the reports queue, as each reader sees them."""

import pytest
from reversion.models import Version

from discussion.models import Report
from discussion.services import moderation, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread_and_post(tool, alice):
    return posting.start_thread(tool, alice, "Rude", "Something rude.", "en")


def test_a_hidden_post_disappears_for_readers_but_not_for_moderators(client, thread_and_post, mod):
    thread, post = thread_and_post
    moderation.hide_post(post, mod, "insult")
    page = client.get(f"/en/discussion/{thread.pk}/").content.decode()
    assert "Something rude." not in page
    assert "This post was hidden by a moderator." in page
    client.force_login(mod)
    page = client.get(f"/en/discussion/{thread.pk}/").content.decode()
    assert "Something rude." in page and "Reason: insult" in page
    assert Version.objects.get_for_object(post)[0].field_dict["body"] == "Something rude."


def test_restoring_shows_the_post_again(client, thread_and_post, mod):
    thread, post = thread_and_post
    moderation.hide_post(post, mod)
    moderation.restore_post(post, mod)
    assert "Something rude." in client.get(f"/en/discussion/{thread.pk}/").content.decode()


def test_reports_wait_in_the_queue_until_a_moderator_decides(client, thread_and_post, bob, mod):
    thread, post = thread_and_post
    client.force_login(bob)
    client.post(f"/en/discussion/posts/{post.pk}/report/", {"reason": "Insulting."})
    client.force_login(mod)
    queue = client.get("/en/discussion/reports/")
    assert [item["post"] for item in queue.context["items"]] == [post]
    assert "Insulting." in queue.content.decode()
    client.post(f"/en/discussion/posts/{post.pk}/moderate/", {"action": "hide", "next": "reports"})
    assert client.get("/en/discussion/reports/").context["items"].paginator.count == 0
    assert Report.objects.get().outcome == "hidden"


def test_a_report_needs_a_reason(client, thread_and_post, bob):
    _thread, post = thread_and_post
    client.force_login(bob)
    response = client.post(f"/en/discussion/posts/{post.pk}/report/", {"reason": " "})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_dismissing_reports_keeps_the_post(client, thread_and_post, bob, mod):
    _thread, post = thread_and_post
    moderation.report_post(post, bob, "I disagree.")
    client.force_login(mod)
    client.post(f"/en/discussion/posts/{post.pk}/moderate/", {"action": "dismiss"})
    post.refresh_from_db()
    assert not post.hidden and Report.objects.get().outcome == "dismissed"


def test_moderators_see_the_number_of_open_reports_in_the_header(client, thread_and_post, bob, mod):
    _thread, post = thread_and_post
    moderation.report_post(post, bob, "Spam.")
    client.force_login(mod)
    header = client.get("/en/following/").content.decode()
    assert 'Reported posts <span class="inbox-count">1</span>' in header
