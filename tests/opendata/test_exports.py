"""Bulk exports: the whole catalogue as JSON, one CSV per kind, streamed, CC0."""

import csv
import io
import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.localized_urls import reverse_in
from pages.models import ToolPage, UseCasePage

pytestmark = pytest.mark.django_db


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.streaming
    return response, b"".join(response.streaming_content)


def test_the_json_export_holds_every_entry_in_both_languages_under_cc0(client, catalogue):
    response, body = download(client, "/api/v1/export/catalogue.json")
    assert response["Content-Disposition"] == 'attachment; filename="ogptoolbox.json"'
    data = json.loads(body)
    assert data["licence"] == "CC0-1.0"
    api = client.get("/api/v1/entries/?page_size=200").json()
    assert {e["id"] for e in data["entries"]} == {e["id"] for e in api["results"]}
    assert all(set(e["translations"]) == {"en", "fr"} for e in data["entries"])
    kinds = [e["kind"] for e in data["entries"]]
    assert kinds == sorted(kinds, key=["topic", "organization", "tool", "use_case"].index)


def test_the_json_export_matches_the_api_entry_for_entry(client, catalogue):
    _response, body = download(client, "/api/v1/export/catalogue.json")
    for item in json.loads(body)["entries"]:
        from_api = client.get(f"/api/v1/entries/{item['id']}/").json()
        from_api.pop("api_url"), from_api.pop("revisions_url")
        assert item == from_api


def test_the_tools_csv_has_one_column_per_field_and_language(client, entry):
    _response, body = download(client, "/api/v1/export/tools.csv")
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    tool, tool_fr = entry(ToolPage, "consul-democracy"), entry(ToolPage, "consul-democracy", "fr")
    row = next(r for r in rows if r["id"] == str(tool.translation_key))
    assert row["name_en"] == tool.title and row["name_fr"] == tool_fr.title
    assert row["description_fr"] == tool_fr.description
    assert row["licence"] == tool.licence
    assert row["interface_languages"] == "|".join(tool.interface_languages)
    assert row["topics"] == "|".join(sorted(str(t.translation_key) for t in tool.topics.all()))
    assert len(rows) == ToolPage.objects.live().filter(locale__language_code="en").count()


def test_the_use_cases_csv_keeps_links_and_outcome_per_language(client, entry):
    _response, body = download(client, "/api/v1/export/use-cases.csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    use_case = entry(UseCasePage, "decide-madrid", "fr")
    row = next(r for r in rows if r["id"] == str(use_case.translation_key))
    assert row["outcome_fr"] == use_case.outcome
    assert [link["url"] for link in json.loads(row["links_fr"])] == [
        link.url for link in use_case.links.all()
    ]


def test_an_unknown_kind_is_404(client, catalogue):
    assert client.get("/api/v1/export/robots.csv").status_code == 404


def test_exports_read_entries_in_batches_with_a_constant_number_of_queries(
    client, catalogue, monkeypatch
):
    """The query count depends on the number of batches, not of entries."""
    from opendata import exports

    def count(batch):
        monkeypatch.setattr(exports, "BATCH", batch)
        with CaptureQueriesContext(connection) as queries:
            download(client, "/api/v1/export/catalogue.json")
        return len(queries)

    one_batch_per_kind = count(1000)
    assert one_batch_per_kind <= 40


def test_the_data_page_offers_every_download_and_the_cc0_notice(client, catalogue):
    for language, notice in (("en", "CC0"), ("fr", "CC0")):
        response = client.get(reverse_in(language, "opendata_data"))
        assert response.status_code == 200
        html = response.content.decode()
        assert notice in html
        for path in ("/api/v1/export/catalogue.json", "/api/v1/export/tools.csv",
                     "/api/v1/export/use-cases.csv", "/api/v1/export/organizations.csv",
                     "/api/v1/export/topics.csv"):  # fmt: skip
            assert path in html


def test_the_api_page_explains_the_api_in_both_languages(client, catalogue):
    for language in ("en", "fr"):
        response = client.get(reverse_in(language, "opendata_api_docs"))
        assert response.status_code == 200
        assert "/api/v1/schema/" in response.content.decode()
