"""Accounts through django-allauth: sign-up with mandatory e-mail verification."""

import re

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group
from django.core import mail

from contributions.models import CONTRIBUTORS_GROUP, MODERATORS_GROUP, User

pytestmark = pytest.mark.django_db


def sign_up(client, username="nadia", language="en"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "username": username,
            "email": f"{username}@example.org",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
        },
    )


def test_signing_up_requires_verifying_the_email_before_logging_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response.url
    user = User.objects.get(username="nadia")
    assert not EmailAddress.objects.get(user=user).verified
    assert not user.groups.filter(name=CONTRIBUTORS_GROUP).exists()
    response = client.post(
        "/en/accounts/login/", {"login": "nadia", "password": "a long enough passphrase 42"}
    )
    assert "/accounts/confirm-email/" in response.url  # not logged in yet
    assert "_auth_user_id" not in client.session


def test_verifying_the_email_makes_the_user_a_contributor(client):
    sign_up(client)
    message = mail.outbox[-1]
    link = re.search(r"http://testserver(/en/accounts/confirm-email/[^\s]+)", message.body)
    assert link, message.body
    response = client.post(link.group(1))
    assert response.status_code == 302
    user = User.objects.get(username="nadia")
    assert EmailAddress.objects.get(user=user).verified
    assert user.groups.filter(name=CONTRIBUTORS_GROUP).exists()
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_verification_email_is_in_the_language_of_the_sign_up_page(client):
    sign_up(client, "jeanne", language="fr")
    assert "/fr/accounts/confirm-email/" in mail.outbox[-1].body


def test_password_reset_sends_a_link(client):
    sign_up(client)
    mail.outbox.clear()
    response = client.post("/en/accounts/password/reset/", {"email": "nadia@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


def test_groups_carry_page_permissions_on_the_whole_tree():
    contributors = Group.objects.get(name=CONTRIBUTORS_GROUP)
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    codenames = lambda group: {  # noqa: E731
        p.permission.codename for p in group.page_permissions.filter(page__depth=1)
    }
    assert {"add_page", "change_page", "publish_page"} <= codenames(contributors)
    assert {"lock_page", "unlock_page", "bulk_delete_page"} <= codenames(moderators)
    assert "lock_page" not in codenames(contributors)
    assert moderators.permissions.filter(codename="access_admin").exists()
    assert not contributors.permissions.filter(codename="access_admin").exists()


def test_only_moderators_reach_the_wagtail_admin(client, catalogue):
    from pages.generators.demo import DEMO_PASSWORD

    client.login(username="amina", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 302
    client.login(username="camille", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_login_is_rate_limited():
    from django.conf import settings

    assert settings.ACCOUNT_RATE_LIMITS["login_failed"]
