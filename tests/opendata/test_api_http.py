"""HTTP behaviour of the API: conditional GET, CORS, read-only, rate limits, no session."""

import pytest

from pages.models import ToolPage
from tests.factories import moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool_url(entry, catalogue):
    return f"/api/v1/entries/{entry(ToolPage, 'consul-democracy').translation_key}/"


@pytest.mark.parametrize("path", ["/api/v1/entries/", "TOOL", "/api/v1/export/tools.csv"])
def test_a_client_with_the_current_etag_gets_an_empty_304(api, tool_url, path):
    path = tool_url if path == "TOOL" else path
    first = api(path)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    again = api(path, if_none_match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_client_that_saw_the_last_change_gets_a_304_by_date(api, tool_url):
    first = api(tool_url)
    assert api(tool_url, if_modified_since=first["Last-Modified"]).status_code == 304


def test_a_publish_changes_the_etag(api, tool_url, entry):
    before = api(tool_url)["ETag"]
    page = entry(ToolPage, "consul-democracy", "fr")
    page.summary = "Un autre résumé."
    page.save_revision().publish()
    after = api(tool_url)
    assert after["ETag"] != before
    assert after.json()["translations"]["fr"]["summary"] == "Un autre résumé."


def test_any_origin_may_read_and_the_preflight_allows_only_reads(api, client):
    response = api("/api/v1/entries/", origin="https://reuser.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/entries/",
        headers={"origin": "https://reuser.example", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, catalogue, method):
    response = getattr(client, method)("/api/v1/entries/")
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_past_the_rate_limit_the_answer_is_429_with_retry_after(api, settings):
    settings.OGPT_API_RATE_LIMIT = "3/60"
    statuses = [api("/api/v1/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api("/api/v1/")
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited["X-RateLimit-Remaining"] == "0"


def test_the_limit_is_counted_per_client_address(client, catalogue, settings):
    settings.OGPT_API_RATE_LIMIT = "1/60"
    assert client.get("/api/v1/", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/api/v1/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_signed_in_moderator_reads_exactly_what_everyone_reads(client, api, tool_url):
    anonymous = api(tool_url).json()
    client.force_login(moderator())
    signed_in = client.get(tool_url)
    assert signed_in.json() == anonymous
    assert not signed_in.cookies


def test_the_root_links_to_the_endpoints_documentation_and_exports(api):
    data = api("/api/v1/").json()
    assert data["licence"] == "CC0-1.0"
    assert api(data["entries"].removeprefix("http://testserver")).status_code == 200
    assert api(data["documentation"].removeprefix("http://testserver")).status_code == 200
    assert api(data["exports"]["tools"].removeprefix("http://testserver")).status_code == 200
