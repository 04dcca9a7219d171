"""allauth's e-mails name the site from the settings, never from the request's host."""

import pytest

from django.core import mail

from .test_accounts import sign_up

pytestmark = pytest.mark.django_db


def test_the_sign_up_email_greets_with_the_site_name_not_the_host(client):
    sign_up(client)
    message = mail.outbox[-1]
    assert message.subject.startswith("[OGP Toolbox] ")
    assert "Hello from OGP Toolbox!" in message.body
    assert "Hello from testserver" not in message.body


def test_the_site_name_comes_from_the_settings(client, settings):
    settings.OGPT_SITE_NAME = "Boîte à outils PGO"
    sign_up(client, "jeanne", language="fr")
    message = mail.outbox[-1]
    assert message.subject.startswith("[Boîte à outils PGO] ")
    assert "Boîte à outils PGO" in message.body
    assert "[testserver]" not in message.subject


def test_the_password_reset_email_names_the_site_too(client):
    sign_up(client)
    mail.outbox.clear()
    client.post("/en/accounts/password/reset/", {"email": "nadia@example.org"})
    assert mail.outbox[-1].subject.startswith("[OGP Toolbox] ")
    assert "testserver!" not in mail.outbox[-1].body
