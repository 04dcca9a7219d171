"""Logos are uploaded from the public edit form and are part of the history."""

import io

import pytest
from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.models import EditRecord
from pages.models import ToolPage
from tests.factories import contributor, edit_data

pytestmark = pytest.mark.django_db


def png(name="logo.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 20), (11, 79, 138)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def tool(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def test_a_logo_is_uploaded_shown_and_recorded_in_a_revision(client, tool):
    client.force_login(contributor())
    data = edit_data(tool, edit_summary="Add the logo", logo_upload=png())
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    tool.refresh_from_db()
    assert tool.logo is not None
    assert tool.logo.title == "Logo of CONSUL Democracy"
    assert 'class="entry-logo"' in client.get(tool.url).content.decode()
    assert EditRecord.objects.get(revision=tool.live_revision).summary == "Add the logo"


def test_editing_other_fields_keeps_the_logo_and_it_can_be_removed(client, tool):
    client.force_login(contributor())
    client.post(tool.url + "edit/", edit_data(tool, logo_upload=png()))
    tool.refresh_from_db()
    logo = tool.logo
    client.post(tool.url + "edit/", edit_data(tool, summary="Only the summary."))
    tool.refresh_from_db()
    assert tool.logo == logo
    client.post(tool.url + "edit/", edit_data(tool, remove_logo="on"))
    tool.refresh_from_db()
    assert tool.logo is None


def test_a_file_that_is_not_an_image_is_refused_and_the_text_kept(client, tool):
    client.force_login(contributor())
    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    data = edit_data(tool, edit_summary="kept text", logo_upload=fake)
    response = client.post(tool.url + "edit/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_logo_upload_error"' in html
    assert 'value="kept text"' in html
