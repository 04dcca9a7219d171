"""The API's quota is per client behind the proxy, and per account when signed in."""

import pytest

from tests.factories import contributor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("still_windows")]

PROXY = "10.0.0.1"


@pytest.fixture
def three_a_minute(settings, catalogue):
    settings.OGPT_API_RATE_LIMIT = "3/60"
    settings.TRUSTED_PROXIES = [PROXY]


def get(client, **headers):
    return client.get("/api/v1/", **headers).status_code


def test_one_client_behind_the_proxy_spending_its_quota_does_not_refuse_the_others(
    client, three_a_minute
):
    greedy = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert [get(client, **greedy) for _ in range(5)] == [200, 200, 200, 429, 429]
    for number in range(2, 6):
        assert get(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}") == 200


def test_a_spoofed_forwarded_for_from_an_untrusted_address_is_ignored(client, three_a_minute):
    statuses = [
        get(client, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        for number in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_signed_in_readers_have_their_own_quota(client, three_a_minute):
    assert [get(client) for _ in range(4)][-1] == 429
    client.force_login(contributor("reader"))
    assert [get(client) for _ in range(4)] == [200, 200, 200, 429]
    client.force_login(contributor("other-reader"))
    assert get(client) == 200


def test_an_anonymous_answer_does_not_vary_by_cookie(client, three_a_minute):
    assert "Cookie" not in client.get("/api/v1/").get("Vary", "")
