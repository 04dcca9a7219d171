"""Whose address a limit counts: X-Forwarded-For only from a trusted proxy."""

import pytest

from django.test import RequestFactory

from throttling.clients import client_ip


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.fixture
def behind_proxies(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "172.16.0.0/12", "2001:db8::/32"]


def test_without_trusted_proxies_the_remote_address_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


def test_a_forwarded_for_sent_by_an_untrusted_address_is_ignored(behind_proxies):
    assert client_ip(request_from("198.51.100.7", "203.0.113.1, 10.0.0.1")) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_client_is_the_rightmost_untrusted_hop(behind_proxies):
    # The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    forwarded = "1.2.3.4, 198.51.100.7"
    assert client_ip(request_from("10.0.0.1", forwarded)) == "198.51.100.7"


def test_a_chain_of_trusted_proxies_is_skipped(behind_proxies):
    forwarded = "198.51.100.7, 172.16.4.2, 172.20.0.9"
    assert client_ip(request_from("10.0.0.1", forwarded)) == "198.51.100.7"


def test_a_hop_that_is_not_an_address_stops_at_the_last_trusted_proxy(behind_proxies):
    assert client_ip(request_from("10.0.0.1", "198.51.100.7, nonsense")) == "10.0.0.1"


def test_a_trusted_proxy_without_the_header_is_its_own_client(behind_proxies):
    assert client_ip(request_from("10.0.0.1")) == "10.0.0.1"


def test_ipv6_proxies_and_clients(behind_proxies):
    assert client_ip(request_from("2001:db8::1", "2001:db8:ffff::9, 2a00:1450::1")) == (
        "2a00:1450::1"
    )
