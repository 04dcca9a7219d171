"""Whether a tool has a public API is unknown until someone says so: never "no" by default."""

import csv
import io
import re

import pytest

from pages.models import ToolPage
from tests.factories import contributor

from ..contributions.test_create import tool_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_tool(client, catalogue, settings):
    """A tool added from the public form by someone who said nothing about its API."""
    settings.OGPT_REVIEW_FIRST_EDITS = 0
    client.force_login(contributor())
    assert client.post("/en/add/tool/", tool_data()).status_code == 302
    return ToolPage.objects.get(slug="openfisca", locale__language_code="en")


def test_a_tool_added_without_saying_has_an_unknown_public_api(new_tool):
    assert new_tool.has_api is None


def test_its_page_says_unknown_in_both_languages(client, new_tool):
    html = " ".join(client.get(new_tool.url).content.decode().split())
    assert "<dt>Public API</dt><dd>unknown</dd>" in html
    french = new_tool.get_translations().get()
    html = " ".join(client.get(french.url).content.decode().split())
    assert "<dt>API publique</dt><dd>non renseigné</dd>" in html


def test_the_edit_form_offers_yes_no_and_unknown(client, new_tool):
    html = client.get(new_tool.url + "edit/").content.decode()
    select = re.search(r'<select name="has_api".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\w+)"', select) == ["unknown", "true", "false"]
    assert 'value="unknown" selected' in select
    assert "Has a public API" in html


def test_saying_no_is_kept_as_no(client, new_tool):
    from tests.factories import edit_data

    data = edit_data(new_tool, has_api="false")
    assert client.post(new_tool.url + "edit/", data).status_code == 302
    new_tool.refresh_from_db()
    assert new_tool.has_api is False
    html = " ".join(client.get(new_tool.url).content.decode().split())
    assert "<dt>Public API</dt><dd>no</dd>" in html


def test_the_api_and_the_csv_export_say_null_not_false(client, new_tool):
    data = client.get(f"/api/v1/entries/{new_tool.translation_key}/").json()
    assert data["facts"]["has_api"] is None
    schema = client.get("/api/v1/schema/").json()
    assert find_key(schema, "has_api")["type"] == ["boolean", "null"]
    body = b"".join(client.get("/api/v1/export/tools.csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["has_api"] for row in rows if row["name_en"] == "OpenFisca"] == [""]


def find_key(tree, key):
    """The first value under `key` anywhere in a JSON document."""
    if isinstance(tree, dict):
        if key in tree:
            return tree[key]
        tree = list(tree.values())
    if isinstance(tree, list):
        for item in tree:
            found = find_key(item, key)
            if found is not None:
                return found
    return None
