"""What people wrote wins over a re-import: changed fields are kept and reported."""

import pytest

from contributions.services.editing import save_edit
from pages.models import ToolPage
from tests.factories import contributor

from .harvest import run, write
from .test_import_publiccode import PUBLICCODE, agora

pytestmark = pytest.mark.django_db


def test_a_field_a_person_changed_is_not_overwritten_but_reported(tmp_path, catalogue):
    run(write(tmp_path, "publiccode.yml", PUBLICCODE), "publiccode")
    save_edit(agora(), contributor(), {"summary": "Written by a person."}, summary="Better")
    changed = PUBLICCODE.replace("A tool for neighbourhood assemblies.", "New upstream text.")
    changed = changed.replace("https://agora.example.org", "https://agora.example.net")
    output = run(write(tmp_path, "publiccode.yml", changed), "publiccode")
    assert "1 updated" in output and "1 conflicts" in output
    assert "en.summary" in output
    assert agora().summary == "Written by a person."
    assert agora().website == "https://agora.example.net"  # untouched by people: updated


def test_an_existing_entry_is_matched_by_its_website_and_filled_not_clobbered(tmp_path, entry):
    tool = entry(ToolPage, "consul-democracy")
    text = f"""\
name: Something else
url: {tool.source_code_url or "https://example.org/consul.git"}
landingURL: {tool.website}
legal:
  license: {tool.licence}
description:
  en:
    shortDescription: Upstream summary.
"""
    count = ToolPage.objects.count()
    output = run(write(tmp_path, "consul.yml", text), "publiccode")
    assert ToolPage.objects.count() == count
    assert "0 created" in output
    tool.refresh_from_db()
    assert tool.title != "Something else"  # a person's name for it is kept
    assert "conflicts" in output and "en.title" in output
