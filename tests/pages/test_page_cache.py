"""Anonymous readers get whole cached pages; any publish invalidates them."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import ToolPage

pytestmark = pytest.mark.django_db
URL = "/en/tools/consul-democracy/"


def test_a_second_anonymous_read_costs_no_query(catalogue, client):
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    assert "CONSUL Democracy" in response.content.decode()
    assert len(queries) == 0


def test_publishing_any_page_refreshes_every_cached_page(catalogue, client):
    client.get(URL)
    org = ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")
    org.title = "CONSUL Democracy (renamed)"
    org.save_revision().publish()
    assert "CONSUL Democracy (renamed)" in client.get(URL).content.decode()


def test_logged_in_readers_always_get_a_fresh_page(catalogue, client, django_user_model):
    client.get(URL)
    user = django_user_model.objects.create_user("reader", password="pw-reader-123")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    assert len(queries) > 0
    assert "Signed in as reader" in response.content.decode()


def test_the_proxy_may_share_an_anonymous_page_for_the_configured_seconds(
    catalogue, client, settings
):
    settings.OGPT_PROXY_CACHE_SECONDS = 5
    assert client.get(URL)["X-Accel-Expires"] == "5"  # stored
    assert client.get(URL)["X-Accel-Expires"] == "5"  # served from the cache


def test_nothing_is_shared_by_the_proxy_for_a_logged_in_reader_or_a_search(
    catalogue, client, settings, django_user_model
):
    settings.OGPT_PROXY_CACHE_SECONDS = 5
    assert "X-Accel-Expires" not in client.get("/en/search/?q=consul")
    client.force_login(django_user_model.objects.create_user("reader", password="pw-r-123"))
    assert "X-Accel-Expires" not in client.get(URL)


@pytest.mark.parametrize(
    "url", ["/en/tools/consul-democracy/", "/en/tools/", "/en/topics/citizen-engagement/"]
)
def test_a_cold_page_stays_within_twenty_one_queries(catalogue, client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # 20, and one for the "Last edited by X on <date>" line of entry pages.
    assert len(queries) <= 21
