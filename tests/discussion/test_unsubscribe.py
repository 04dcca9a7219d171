"""One-click signed unsubscribe links: valid, tampered, expired."""

import time
from unittest import mock

import pytest

from django.core import mail

from discussion.models import EmailPreference
from discussion.services import posting
from discussion.tokens import MAX_AGE, make_token, read_token

pytestmark = pytest.mark.django_db


def frequency(user):
    preference = EmailPreference.objects.filter(user=user).first()
    return preference.frequency if preference else "immediate"


def test_a_valid_link_unsubscribes_without_logging_in(client, bob):
    response = client.get(f"/en/unsubscribe/{make_token(bob)}/")
    assert response.status_code == 200
    assert frequency(bob) == "never"
    assert b"You are unsubscribed" in response.content


def test_the_page_offers_to_subscribe_again(client, bob):
    token = make_token(bob)
    client.get(f"/en/unsubscribe/{token}/")
    client.post(f"/en/unsubscribe/{token}/", {"action": "resubscribe"})
    assert frequency(bob) == "immediate"


def test_mail_clients_can_unsubscribe_with_a_one_click_post(client, bob):
    response = client.post(f"/en/unsubscribe/{make_token(bob)}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and frequency(bob) == "never"


def test_a_tampered_link_changes_nothing(client, bob, alice):
    token = make_token(bob)
    payload, rest = token.split(":", 1)
    forged = make_token(alice).split(":", 1)[0] + ":" + rest
    for bad in (forged, token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "garbage"):
        response = client.get(f"/en/unsubscribe/{bad}/")
        assert response.status_code == 400
    assert frequency(bob) == "immediate" and frequency(alice) == "immediate"


def test_an_expired_link_changes_nothing(client, bob):
    token = make_token(bob)
    later = time.time() + MAX_AGE + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert read_token(token) is None
        response = client.get(f"/en/unsubscribe/{token}/")
    assert response.status_code == 400 and frequency(bob) == "immediate"


def test_the_link_in_a_notification_e_mail_works(client, tool, alice, bob, on_commit):
    thread, _post = posting.start_thread(tool, alice, "Links", "Check.", "en")
    on_commit(posting.reply, thread, bob, "Reply for Alice.", "en")
    body = mail.outbox[-1].body
    link = next(word for word in body.split() if "/unsubscribe/" in word)
    client.get(link[link.index("/en/") :])
    assert frequency(alice) == "never"
    on_commit(posting.reply, thread, bob, "Alice no longer gets e-mails.", "en")
    assert len(mail.outbox) == 1
