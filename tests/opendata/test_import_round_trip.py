"""Our own JSON export re-imports into an empty site as the same catalogue."""

import json

import pytest

from wagtail.models import Page

from contributions.models import EditRecord
from opendata.serialize import content_type_ids

from .harvest import export_json, run

pytestmark = pytest.mark.django_db


def normalised(export):
    entries = {}
    for item in export["entries"]:
        item = json.loads(json.dumps(item))
        for text in item["translations"].values():
            for key in ("id", "url", "last_published_at"):
                text.pop(key)
        item.pop("last_modified")
        item["facts"].pop("logo_url", None)
        for related in item["relations"].values():
            for target in related:
                target.pop("urls")
        entries[item["id"]] = item
    return entries


def test_the_export_imported_into_an_empty_site_exports_the_same(tmp_path, client, catalogue):
    before = export_json(client)
    path = tmp_path / "ogptoolbox.json"
    path.write_text(json.dumps(before), encoding="utf-8")
    # An empty site: the same tree, no entry.
    for page in Page.objects.filter(content_type_id__in=content_type_ids(), depth=4):
        page.delete()
    assert not Page.objects.filter(content_type_id__in=content_type_ids()).exists()
    output = run(path, "json")
    assert f"{len(before['entries'])} created" in output
    after = export_json(client)
    expected, imported = normalised(before), normalised(after)
    assert set(imported) == set(expected)
    for key, item in expected.items():
        assert imported[key] == item
    assert "0 created, 0 updated" in run(path, "json")


def test_re_importing_our_export_into_the_same_site_changes_nothing(tmp_path, client, catalogue):
    path = tmp_path / "ogptoolbox.json"
    path.write_text(json.dumps(export_json(client)), encoding="utf-8")
    revisions = EditRecord.objects.count()
    output = run(path, "json")
    assert "0 created, 0 updated" in output and "0 conflicts" in output
    assert EditRecord.objects.count() == revisions
