"""Out-of-range API parameters are a 400 that says what is expected, never a 500."""

import pytest

from pages.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def revisions_url(entry):
    return f"/api/v1/entries/{entry(ToolPage, 'consul-democracy').translation_key}/revisions/"


@pytest.mark.parametrize(
    "before",
    ["9223372036854775808", "9" * 5000, "²", "١٢", "-1", "1e3"],
)
def test_a_revision_id_past_64_bits_or_not_a_number_is_a_400(api, revisions_url, before):
    response = api(f"{revisions_url}?before={before}")
    assert response.status_code == 400
    assert "before is a revision id" in response.json()["error"]["message"]


def test_the_largest_64_bit_revision_id_is_accepted(api, revisions_url):
    response = api(f"{revisions_url}?before=9223372036854775807")
    assert response.status_code == 200
    assert response.json()["results"]


@pytest.mark.parametrize(
    "since",
    [
        "0001-01-01T00:00:00%2B14:00",  # year 0 once in UTC
        "9999-12-31T23:59:59-14:00",  # year 10000 once in UTC
        "2026-02-30T00:00:00Z",
        "2026-01-01T00:00:00%2B99:00",
        "yesterday",
    ],
)
def test_a_date_that_leaves_the_calendar_in_utc_is_a_400(api, since):
    response = api(f"/api/v1/entries/?updated_since={since}")
    assert response.status_code == 400
    assert "updated_since is a date and time" in response.json()["error"]["message"]


def test_the_calendar_edges_in_utc_are_accepted(api):
    assert api("/api/v1/entries/?updated_since=0001-01-01T00:00:00Z").status_code == 200
    assert api("/api/v1/entries/?updated_since=9999-12-31T23:59:59Z").json()["count"] == 0


@pytest.mark.parametrize("size", ["²", "0", "201", "9" * 5000])
def test_a_page_size_out_of_range_is_a_400(api, size):
    response = api(f"/api/v1/entries/?page_size={size}")
    assert response.status_code == 400
    assert "page_size is a whole number from 1 to 200" in response.json()["error"]["message"]


def test_the_message_is_translated_for_a_french_client(api, revisions_url):
    response = api(f"{revisions_url}?before=²", **{"Accept-Language": "fr"})
    assert response.status_code == 400
    assert "identifiant de révision" in response.json()["error"]["message"]
