"""Empty, too long and too fast posts: a clear error, and the text is kept."""

import pytest

from discussion.models import Post, Thread
from discussion.services import posting
from tests.factories import set_rate_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("still_windows")]


@pytest.fixture
def thread(tool, alice):
    thread, _post = posting.start_thread(tool, alice, "Errors", "First.", "en")
    return thread


def test_an_empty_reply_is_refused_with_a_clear_error(client, thread, bob):
    client.force_login(bob)
    response = client.post(f"/en/discussion/{thread.pk}/", {"body": "   "})
    assert response.status_code == 400
    assert response.context["form"].errors["body"] == [
        "Your message is empty. Write something before posting."
    ]
    assert b'role="alert"' in response.content


def test_a_too_long_reply_is_refused_and_the_text_kept(client, thread, bob):
    client.force_login(bob)
    text = "word " * 4001
    response = client.post(f"/en/discussion/{thread.pk}/", {"body": text})
    assert response.status_code == 400
    assert response.context["form"].errors["body"] == [
        "Your message is too long: 20004 characters, at most 20000. "
        "Shorten it or split it into several posts."
    ]
    assert text.strip() in response.content.decode()
    assert thread.posts.count() == 1


def test_a_new_topic_without_a_title_keeps_the_message(client, tool, bob, discussion_url):
    client.force_login(bob)
    response = client.post(discussion_url(tool), {"title": "", "body": "My long message."})
    assert response.status_code == 400
    assert response.context["form"].errors["title"] == ["Give the topic a title."]
    assert "My long message." in response.content.decode()


def test_posting_too_fast_is_refused_with_the_text_kept(client, thread, bob, settings):
    set_rate_limit(settings, "post", (3, 60))
    client.force_login(bob)
    for number in range(3):
        assert (
            client.post(f"/en/discussion/{thread.pk}/", {"body": f"Post {number}"}).status_code
            == 302
        )
    response = client.post(f"/en/discussion/{thread.pk}/", {"body": "One too many."})
    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [
        "You are posting too quickly. Wait a minute, then send again: your text is kept below."
    ]
    assert "One too many." in response.content.decode()
    assert not Post.objects.filter(body="One too many.").exists()


def test_new_topics_count_against_the_same_limit(client, tool, bob, settings, discussion_url):
    set_rate_limit(settings, "post", (1, 60))
    client.force_login(bob)
    client.post(discussion_url(tool), {"title": "One", "body": "First topic."})
    response = client.post(discussion_url(tool), {"title": "Two", "body": "Second topic."})
    assert response.status_code == 429
    assert list(Thread.objects.values_list("title", flat=True)) == ["One"]


def test_moderators_are_not_rate_limited(client, thread, mod, settings):
    set_rate_limit(settings, "post", (1, 60))
    client.force_login(mod)
    for number in range(3):
        assert (
            client.post(f"/en/discussion/{thread.pk}/", {"body": f"Mod {number}"}).status_code
            == 302
        )


def test_errors_are_translated_in_french(client, thread, bob):
    client.force_login(bob)
    response = client.post(f"/fr/discussion/{thread.pk}/", {"body": ""})
    assert response.status_code == 400
    assert response.context["LANGUAGE_CODE"] == "fr"
    assert 'lang="fr"' in response.content.decode()


def test_accounts_posting_from_one_client_count_together(client, thread, alice, bob, settings):
    settings.OGPT_RATE_LIMITS = {
        **settings.OGPT_RATE_LIMITS,
        "post": {"newcomer": ((10, 60),), "member": ((10, 60),), "client": ((2, 60),)},
    }
    url = f"/en/discussion/{thread.pk}/"
    client.force_login(alice)
    assert client.post(url, {"body": "Alice."}, REMOTE_ADDR="192.0.2.5").status_code == 302
    client.force_login(bob)
    assert client.post(url, {"body": "Bob."}, REMOTE_ADDR="192.0.2.5").status_code == 302
    response = client.post(url, {"body": "Bob again."}, REMOTE_ADDR="192.0.2.5")
    assert response.status_code == 429
    assert client.post(url, {"body": "Bob elsewhere."}, REMOTE_ADDR="192.0.2.6").status_code == 302
