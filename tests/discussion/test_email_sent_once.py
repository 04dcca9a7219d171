"""Each notification e-mail goes out at least once and never twice (its de-duplication key)."""

import uuid

import pytest

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from discussion.models import EmailDelivery, Notification
from discussion.services import emails

pytestmark = pytest.mark.django_db


@pytest.fixture
def notification(bob):
    return Notification.objects.create(
        recipient=bob, kind=Notification.Kind.REPLY, translation_key=uuid.uuid4()
    )


def test_a_task_run_twice_sends_the_e_mail_once(notification):
    assert emails.send_immediate([notification.pk]) == 1
    assert emails.send_immediate([notification.pk]) == 0
    assert len(mail.outbox) == 1
    assert EmailDelivery.objects.get().key == f"notification:{notification.pk}"


def test_a_crash_while_sending_leaves_the_e_mail_to_send_again(notification, monkeypatch):
    def mail_server_down(self, messages):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", mail_server_down)
    with pytest.raises(ConnectionRefusedError):
        emails.send_immediate([notification.pk])
    assert not EmailDelivery.objects.exists()
    monkeypatch.undo()

    assert emails.send_immediate([notification.pk]) == 1
    assert len(mail.outbox) == 1


def test_an_e_mail_recorded_as_sent_is_not_sent_again(notification):
    EmailDelivery.objects.create(key=f"notification:{notification.pk}")
    assert emails.send_immediate([notification.pk]) == 0
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_message_id_is_the_same_for_the_same_e_mail(notification, bob):
    emails.send_immediate([notification.pk])
    assert mail.outbox[0].extra_headers["Message-ID"] == emails._message_id(
        f"notification:{notification.pk}"
    )
