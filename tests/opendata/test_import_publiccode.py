"""Harvesting publiccode.yml: both languages, attributed revisions, idempotent."""

import pytest

from contributions.models import EditRecord
from pages.models import ToolPage

from .harvest import run, write

pytestmark = pytest.mark.django_db

PUBLICCODE = """\
publiccodeYmlVersion: "0.4"
name: Agora
url: https://git.example.org/city/agora.git
landingURL: https://agora.example.org
legal:
  license: EUPL-1.2
  repoOwner: Madrid City Council
localisation:
  availableLanguages: [en, fr-FR, es]
categories: [participatory-budgeting, no-such-category]
description:
  en:
    shortDescription: A tool for neighbourhood assemblies.
    longDescription: Agora lets residents meet, propose and vote.
  fr:
    localisedName: Agora (FR)
    shortDescription: Un outil pour les assemblées de quartier.
    longDescription: Agora permet aux habitants de se réunir, proposer et voter.
"""


def agora(language="en"):
    page = ToolPage.objects.get(
        source_code_url="https://git.example.org/city/agora.git", locale__language_code=language
    )
    return page


def test_a_publiccode_file_creates_a_tool_in_both_languages_by_the_importer(tmp_path, catalogue):
    output = run(write(tmp_path, "publiccode.yml", PUBLICCODE), "publiccode")
    assert "1 created, 0 updated, 0 unchanged, 0 conflicts" in output
    en, fr = agora("en"), agora("fr")
    assert (en.title, fr.title) == ("Agora", "Agora (FR)")
    assert fr.summary == "Un outil pour les assemblées de quartier."
    assert en.website == "https://agora.example.org" and en.licence == "EUPL-1.2"
    assert en.interface_languages == ["en", "es", "fr"]
    assert [t.slug for t in en.topics.all()] == ["participatory-budgeting"]
    assert [o.slug for o in en.developers.all()] == ["madrid-city-council"]
    assert "no-such-category" in output  # the unresolved topic is reported
    record = EditRecord.objects.filter(page=en).latest("created_at")
    assert record.user.display_name == "Importer"
    assert record.summary == "Imported from publiccode.yml"
    assert (
        record.kind == EditRecord.Kind.IMPORT
        or EditRecord.objects.filter(
            page__translation_key=en.translation_key, kind=EditRecord.Kind.IMPORT
        ).exists()
    )


def test_importing_the_same_file_twice_makes_no_new_revision(tmp_path, catalogue):
    path = write(tmp_path, "publiccode.yml", PUBLICCODE)
    run(path, "publiccode")
    revisions = EditRecord.objects.count()
    output = run(path, "publiccode")
    assert "0 created, 0 updated, 1 unchanged, 0 conflicts" in output
    assert EditRecord.objects.count() == revisions


def test_a_changed_source_updates_the_entry_with_a_new_revision(tmp_path, catalogue):
    run(write(tmp_path, "publiccode.yml", PUBLICCODE), "publiccode")
    changed = PUBLICCODE.replace("A tool for neighbourhood assemblies.", "Assemblies, online.")
    output = run(write(tmp_path, "publiccode.yml", changed), "publiccode")
    assert "0 created, 1 updated" in output
    assert agora().summary == "Assemblies, online."
    assert agora("fr").summary == "Un outil pour les assemblées de quartier."


def test_a_folder_of_publiccode_files_is_harvested(tmp_path, catalogue):
    folder = tmp_path / "repos"
    folder.mkdir()
    write(folder, "agora.yml", PUBLICCODE)
    write(folder, "other.yaml", PUBLICCODE.replace("agora", "forum").replace("Agora", "Forum"))
    assert "2 created" in run(folder, "publiccode")


def test_a_dry_run_reports_but_writes_nothing(tmp_path, catalogue):
    before = ToolPage.objects.count(), EditRecord.objects.count()
    output = run(write(tmp_path, "publiccode.yml", PUBLICCODE), "publiccode", "--dry-run")
    assert "Dry run" in output and "1 created" in output
    assert (ToolPage.objects.count(), EditRecord.objects.count()) == before
