"""Imports check every field as the edit form does, and hostile YAML is refused at once."""

import pytest

from django.core.management.base import CommandError
from django.utils import translation

from contributions.models import EditRecord
from opendata.harvest.records import ImportFileError, read_records
from pages.models import ToolPage
from tests.factories import moderator

from .harvest import run, write
from .test_import_publiccode import PUBLICCODE
from .test_import_upload import upload

pytestmark = pytest.mark.django_db

LONG = PUBLICCODE.replace(
    "longDescription: Agora lets residents meet, propose and vote.",
    "longDescription: " + "x" * 100_001,
)


def billion_laughs(levels=9, width=9):
    """Nine levels of nine aliases: 387 million strings once expanded, in ~350 bytes."""
    lines = ["a: &a [" + ",".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * width) + "]")
    return "\n".join(lines) + "\n"


def refusal(text, name="bad.yml"):
    with pytest.raises(ImportFileError) as error:
        read_records(name, text.encode(), "publiccode")
    return str(error.value)


def test_a_description_over_the_length_limit_is_an_import_error_with_its_line(tmp_path, catalogue):
    before = EditRecord.objects.count()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, "long.yml", LONG), "publiccode")
    assert "long.yml:1: description (en):" in str(error.value)
    assert "100000" in str(error.value)
    assert EditRecord.objects.count() == before


def test_the_upload_page_shows_the_length_error_instead_of_failing(client, catalogue):
    client.force_login(moderator())
    response = upload(client, LONG, "long.yml")
    assert response.status_code == 400
    assert "long.yml:1: description (en):" in response.content.decode()
    assert not ToolPage.objects.filter(title="Agora").exists()


def test_a_link_that_is_not_an_url_is_an_import_error(tmp_path, catalogue):
    text = (
        "kind,name_en,links_en\n"
        'use_case,Case,"[{""url"": ""javascript:alert(1)"", ""label"": ""x""}]"\n'
    )
    with pytest.raises(CommandError, match=r"links.csv:2: links \(en\):"):
        run(write(tmp_path, "links.csv", text), "csv")


def test_a_billion_laughs_yaml_is_refused_before_it_is_expanded():
    bomb = billion_laughs()
    assert len(bomb.encode()) < 600
    message = refusal(bomb, "bomb.yml")
    assert message.startswith("bomb.yml:")
    assert "more than 100000 values once its aliases are expanded" in message


def test_yaml_nested_deeper_than_the_limit_is_refused():
    assert "nested more than 64 levels" in refusal("[" * 10_000 + "]" * 10_000)


def test_an_alias_inside_its_own_anchor_is_refused():
    assert "refers to the node that contains it" in refusal("a: &a [1, *a]\n")


def test_a_yaml_file_over_the_size_limit_is_refused_before_parsing(settings):
    settings.OGPT_YAML_MAX_BYTES = 1024
    assert "up to 1 KB" in refusal("name: " + "x" * 2000 + "\n")


def test_the_limits_are_settings(settings):
    settings.OGPT_YAML_MAX_NODES = 5
    assert "more than 5 values" in refusal("name: [a, b, c, d]\n")


def test_the_refusal_is_translated():
    with translation.override("fr"):
        assert "une fois ses alias développés" in refusal(billion_laughs()).lower()


def test_ordinary_aliases_still_work():
    text = PUBLICCODE + "x-shared: &shared {a: 1}\nx-again: *shared\n"
    (record,) = read_records("ok.yml", text.encode(), "publiccode")
    assert record.name == "Agora"
