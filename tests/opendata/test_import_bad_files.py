"""Bad files stop the import with the file and line, and nothing is half-imported."""

import pytest

from django.core.management.base import CommandError

from contributions.models import EditRecord
from pages.models import ToolPage

from .harvest import run, write
from .test_import_publiccode import PUBLICCODE

pytestmark = pytest.mark.django_db

GOOD_ROW = "tool,Good tool,Bon outil,MIT\n"


HEADER = "kind,name_en,name_fr,licence\n" + GOOD_ROW
JSON_KIND = (
    '{"entries": [\n{"kind": "tool", "translations": {"en": {"name": "A"}}},\n'
    '{"kind": "robot", "translations": {"en": {"name": "B"}}}\n]}'
)
JSON_COUNTRY = (
    '[{"kind": "organization", "translations": {"en": {"name": "A"}}, '
    '"facts": {"country": "Atlantis"}}]'
)
BAD_FILES = [
    ("broken.yml", "publiccode", "name: [unclosed\nurl: x\n", "broken.yml:2: Broken YAML"),
    ("licence.yml", "publiccode", PUBLICCODE.replace("EUPL-1.2", "Beerware"),
     "licence.yml:1: Unknown licence"),
    ("nameless.csv", "csv", HEADER + "tool,,,MIT\n", "nameless.csv:3: This entry has no name"),
    ("licence.csv", "csv", HEADER + "tool,X,X,WTFPL\n", "licence.csv:3: Unknown licence"),
    ("cells.csv", "csv", HEADER + "tool,a,b,MIT,extra\n", "cells.csv:3: This row has more cells"),
    ("quote.csv", "csv", HEADER + 'tool,"a"b,c,MIT\n', "quote.csv:3: Broken CSV"),
    ("nokind.csv", "csv", "name_en\nX\n", "nokind.csv:1:"),
    ("broken.json", "json", '{"entries": [\n{"kind": "tool",\n}', "broken.json:3: Broken JSON"),
    ("kind.json", "json", JSON_KIND, "kind.json:3: Unknown kind"),
    ("country.json", "json", JSON_COUNTRY, "country.json:1: country"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "file_format", "text", "expected"), BAD_FILES)
def test_a_bad_file_is_refused_with_its_name_and_line_and_nothing_is_written(
    tmp_path, catalogue, name, file_format, text, expected
):
    before = ToolPage.objects.count(), EditRecord.objects.count()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, name, text), file_format)
    assert str(error.value).startswith(str(tmp_path / expected.split(":")[0]))
    assert str(error.value).removeprefix(str(tmp_path) + "/").startswith(expected)
    assert (ToolPage.objects.count(), EditRecord.objects.count()) == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, catalogue, settings):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: nothing to allocate
    with pytest.raises(CommandError, match="huge.json: The file is 50 MB; files up to 20 MB"):
        run(path, "json")


def test_a_failure_while_writing_rolls_back_every_entry_of_the_file(
    tmp_path, catalogue, monkeypatch
):
    from opendata.harvest import importer

    text = "kind,name_en,name_fr,licence\ntool,First,Premier,MIT\ntool,Second,Second,MIT\n"
    calls = []
    original = importer.Importer.import_record

    def fail_on_second(self, record):
        calls.append(record.name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, record)

    monkeypatch.setattr(importer.Importer, "import_record", fail_on_second)
    with pytest.raises(RuntimeError):
        run(write(tmp_path, "two.csv", text), "csv")
    assert not ToolPage.objects.filter(title="First").exists()
