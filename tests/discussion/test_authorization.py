"""Every discussion action × every kind of visitor → exactly the intended outcome.

Roles: anonymous; a contributor; the author of the post (a contributor too);
a moderator. Outcomes: "login" (sent to log in), "forbidden" (403),
"done" (the action took effect).
"""

import pytest

from discussion.models import Post, Report, Thread
from discussion.services import moderation, posting
from tests.factories import contributor, moderator

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "author", "moderator"]

EXPECTED = {
    #                  anonymous     contributor   author       moderator
    "new_thread":     ["login",     "done",       "done",      "done"],
    "reply":          ["login",     "done",       "done",      "done"],
    "reply_locked":   ["login",     "forbidden",  "forbidden", "done"],
    "edit":           ["login",     "forbidden",  "done",      "forbidden"],
    "report":         ["login",     "done",       "forbidden", "done"],
    "hide":           ["login",     "forbidden",  "forbidden", "done"],
    "restore":        ["login",     "forbidden",  "forbidden", "done"],
    "lock":           ["login",     "forbidden",  "forbidden", "done"],
    "unlock":         ["login",     "forbidden",  "forbidden", "done"],
    "hidden_history": ["forbidden", "forbidden",  "forbidden", "done"],
    "reports_queue":  ["login",     "forbidden",  "forbidden", "done"],
}  # fmt: skip


@pytest.fixture
def setup(tool, discussion_url):
    author = contributor("author")
    thread, post = posting.start_thread(tool, author, "Topic", "Original text.", "en")
    return {"tool": tool, "author": author, "thread": thread, "post": post, "url": discussion_url}


def login_as(client, role, setup):
    user = {
        "anonymous": lambda: None,
        "contributor": lambda: contributor("someone"),
        "author": lambda: setup["author"],
        "moderator": lambda: moderator("mod"),
    }[role]()
    if user is not None:
        client.force_login(user)
    return user


def act(client, action, setup):
    """Perform the action; return (response, a function telling whether it took effect)."""
    thread, post = setup["thread"], setup["post"]
    posts = f"/en/discussion/posts/{post.pk}"
    if action == "new_thread":
        response = client.post(setup["url"](setup["tool"]), {"title": "New", "body": "Hi"})
        return response, lambda: Thread.objects.filter(title="New").exists()
    if action in ("reply", "reply_locked"):
        if action == "reply_locked":
            moderation.set_locked(thread, None, True)
        response = client.post(f"/en/discussion/{thread.pk}/", {"body": "A reply"})
        return response, lambda: Post.objects.filter(body="A reply").exists()
    if action == "edit":
        response = client.post(f"{posts}/edit/", {"body": "Changed.", "reason": "why"})
        return response, lambda: Post.objects.get(pk=post.pk).body == "Changed."
    if action == "report":
        response = client.post(f"{posts}/report/", {"reason": "Off topic"})
        return response, lambda: Report.objects.filter(post=post).exists()
    if action == "hide":
        response = client.post(f"{posts}/moderate/", {"action": "hide"})
        return response, lambda: Post.objects.get(pk=post.pk).hidden
    if action == "restore":
        moderation.hide_post(post, None)
        response = client.post(f"{posts}/moderate/", {"action": "restore"})
        return response, lambda: not Post.objects.get(pk=post.pk).hidden
    if action in ("lock", "unlock"):
        moderation.set_locked(thread, None, action == "unlock")
        response = client.post(f"/en/discussion/{thread.pk}/lock/", {"action": action})
        return response, lambda: Thread.objects.get(pk=thread.pk).locked == (action == "lock")
    if action == "hidden_history":
        moderation.hide_post(post, None)
        response = client.get(f"{posts}/history/")
        return response, lambda: response.status_code == 200
    if action == "reports_queue":
        response = client.get("/en/discussion/reports/")
        return response, lambda: response.status_code == 200
    raise AssertionError(action)


def outcome(response, took_effect):
    if response.status_code == 302 and "/accounts/login/" in response.url:
        return "login"
    if response.status_code == 403:
        return "forbidden"
    if response.status_code in (200, 302) and took_effect():
        return "done"
    return f"unexpected {response.status_code}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(EXPECTED))
def test_authorization_table(client, setup, action, role):
    login_as(client, role, setup)
    response, took_effect = act(client, action, setup)
    expected = EXPECTED[action][ROLES.index(role)]
    assert outcome(response, took_effect) == expected
    if expected != "done":
        assert not took_effect() or action in ("hidden_history", "reports_queue")
