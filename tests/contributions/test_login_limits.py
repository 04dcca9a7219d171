"""One login policy for every way in, per account and per client.

A client gets 5 wrong passwords per account in 5 minutes and 10 failed
logins a minute; every client together get 200 per account an hour
(ACCOUNT_RATE_LIMITS). So a client that guesses Bruno's password is
stopped, while Bruno and Camille, from their own clients, still log in.
The Wagtail admin's and Wagtail's front-end login forms send to this login.
"""

import re

import pytest

from django.test import Client

from contributions.models import User
from pages.generators.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
TOO_MANY = "Too many failed login attempts. Try again later."


@pytest.fixture
def bruno():
    """A contributor of the demo catalogue (a verified address)."""
    return User.objects.get(username="bruno")


@pytest.fixture
def camille():
    """A moderator of the demo catalogue: she may use the Wagtail admin."""
    return User.objects.get(username="camille")


def log_in(login, password, *, remote="127.0.0.1", forwarded=None, url="/en/accounts/login/"):
    """POST the site's login form as a fresh browser; the response and whether it signed in."""
    browser = Client()
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    response = browser.post(url, {"login": login, "password": password}, **headers)
    return response, "_auth_user_id" in browser.session


def password(user):
    return DEMO_PASSWORD


def test_five_wrong_passwords_stop_that_client_for_that_account_only(bruno, camille):
    for _attempt in range(5):
        assert not log_in("bruno", "wrong", remote="198.51.100.1")[1]
    response, signed_in = log_in("bruno", password(bruno), remote="198.51.100.1")
    assert not signed_in
    assert TOO_MANY in response.content.decode()
    # Bruno, from his own client, and Camille, from the same one, still log in.
    assert log_in("bruno", password(bruno), remote="198.51.100.2")[1]
    assert log_in("camille", password(camille), remote="198.51.100.1")[1]


def test_ten_clients_behind_the_proxy_failing_for_bruno_do_not_lock_camille_out(
    bruno, camille, settings
):
    settings.TRUSTED_PROXIES = [PROXY]
    for number in range(10):
        for _attempt in range(3):
            _response, signed_in = log_in(
                "bruno", "wrong", remote=PROXY, forwarded=f"198.51.100.{number + 10}"
            )
            assert not signed_in
    assert log_in("camille", password(camille), remote=PROXY, forwarded="198.51.100.10")[1]
    assert log_in("camille", password(camille), remote=PROXY, forwarded="203.0.113.5")[1]
    # 30 failures from ten clients stay under the account-wide limit: Bruno logs in.
    assert log_in("bruno", password(bruno), remote=PROXY, forwarded="203.0.113.6")[1]


def test_a_spoofed_forwarded_for_from_an_untrusted_address_is_ignored(bruno, camille, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for number in range(10):
        log_in(f"nobody{number}", "wrong", remote="203.0.113.7", forwarded=f"192.0.2.{number}")
    response, signed_in = log_in(
        "camille", password(camille), remote="203.0.113.7", forwarded="192.0.2.99"
    )
    assert not signed_in
    assert TOO_MANY in response.content.decode()


def test_failures_from_every_client_together_reach_the_account_wide_limit(bruno, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed_account": "6/h/key",
    }
    for number in range(3):
        for _attempt in range(2):
            log_in("bruno", "wrong", remote=f"198.51.100.{number + 1}")
    response, signed_in = log_in("bruno", password(bruno), remote="198.51.100.99")
    assert not signed_in
    assert TOO_MANY in response.content.decode()


def test_a_successful_login_gives_back_its_try(bruno):
    for _attempt in range(4):
        log_in("bruno", "wrong", remote="198.51.100.1")
    assert log_in("bruno", password(bruno), remote="198.51.100.1")[1]
    assert not log_in("bruno", "wrong", remote="198.51.100.1")[1]
    response, signed_in = log_in("bruno", password(bruno), remote="198.51.100.1")
    assert not signed_in and TOO_MANY in response.content.decode()


def test_the_wagtail_admin_sends_to_the_site_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/admin/"


@pytest.mark.parametrize("url", ["/admin/login/", "/en/_util/login/"])
def test_wagtails_own_login_forms_never_check_a_password(client, camille, url):
    response = client.post(url, {"username": "camille", "password": password(camille)})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_wagtail_admin_password_reset_is_the_sites(client):
    response = client.post("/admin/password_reset/", {"email": "camille@example.org"})
    assert (response.status_code, response["Location"]) == (302, "/en/accounts/password/reset/")


def test_the_admin_login_is_throttled_after_five_attempts(client, camille):
    admin = camille
    login_url = client.get("/admin/")["Location"]
    for _attempt in range(5):
        assert not log_in("camille", "wrong", remote="198.51.100.1", url=login_url)[1]
    response, signed_in = log_in("camille", password(admin), remote="198.51.100.1", url=login_url)
    assert not signed_in
    assert TOO_MANY in response.content.decode()
    response, signed_in = log_in("camille", password(admin), remote="198.51.100.2", url=login_url)
    assert signed_in
    assert response["Location"] == "/admin/"


def failures_per_hour(rate):
    """allauth's "amount/period/key" rate as failures an hour (period: s, m, h, d, or e.g. 5m)."""
    amount, period, _key = rate.split("/")
    number, unit = re.fullmatch(r"(\d*)([smhd])", period).groups()
    seconds = int(number or 1) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    return int(amount) * 3600 / seconds


def test_one_client_alone_can_never_reach_the_account_wide_limit(settings):
    limits = settings.ACCOUNT_RATE_LIMITS
    per_account_and_client = next(
        rate for rate in limits["login_failed"].split(",") if rate.endswith("/key")
    )
    assert failures_per_hour(per_account_and_client) < failures_per_hour(
        limits["login_failed_account"]
    )
