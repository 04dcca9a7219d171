"""Wagtail's admin CSV exports (page listing, reports) neutralise formulas too.

Page titles are chosen by any contributor; moderators download these files.
"""

import csv
import io

import pytest

from django.urls import reverse

from contributions.services.editing import save_edit
from pages.models import ToolPage
from tests.factories import contributor

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/","x")'


@pytest.fixture
def hostile_tool(catalogue):
    page = ToolPage.objects.live().filter(locale__language_code="en").first()
    save_edit(page, contributor(), {"title": FORMULA}, summary="formula")
    return ToolPage.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    "url_name", ["wagtailadmin_reports:site_history", "wagtailadmin_reports:aging_pages"]
)
def test_formulas_in_admin_csv_exports_are_prefixed_with_a_quote(
    admin_client, hostile_tool, url_name
):
    url = reverse(url_name) + "?export=csv"
    response = admin_client.get(url)
    assert response.status_code == 200, url
    text = b"".join(response.streaming_content).decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA in cells, url
    assert FORMULA not in cells
