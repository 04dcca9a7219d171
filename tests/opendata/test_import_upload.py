"""Moderators upload a file, read the dry-run report, then apply it."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from pages.models import ToolPage
from tests.factories import contributor, moderator

from .test_import_publiccode import PUBLICCODE

pytestmark = pytest.mark.django_db


def upload(client, text=PUBLICCODE, name="publiccode.yml"):
    return client.post(
        "/en/data/import/",
        {"file": SimpleUploadedFile(name, text.encode()), "file_format": "publiccode"},
    )


def test_a_moderator_sees_the_dry_run_then_applies_it(client, catalogue):
    client.force_login(moderator())
    assert client.get("/en/data/import/").status_code == 200
    preview = upload(client)
    assert preview.status_code == 200
    assert preview.context["report"].counts()["created"] == 1
    assert not ToolPage.objects.filter(title="Agora").exists()
    applied = client.post("/en/data/import/", {"token": preview.context["token"]})
    assert applied.status_code == 200 and applied.context["applied"]
    assert ToolPage.objects.filter(title="Agora").exists()
    again = client.post("/en/data/import/", {"token": preview.context["token"]})
    assert again.status_code == 400  # the file is gone once applied


def test_a_bad_file_shows_the_error_with_its_line(client, catalogue):
    client.force_login(moderator())
    response = upload(client, "name: [unclosed\n", "bad.yml")
    assert response.status_code == 400
    assert "bad.yml:2: Broken YAML" in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "contributor"])
def test_only_moderators_can_import(client, catalogue, who):
    if who == "contributor":
        client.force_login(contributor())
    response = upload(client)
    assert response.status_code in (302, 403)
    assert not ToolPage.objects.filter(title="Agora").exists()


def test_a_forged_token_is_refused(client, catalogue):
    client.force_login(moderator())
    response = client.post("/en/data/import/", {"token": "forged"})
    assert response.status_code == 400
