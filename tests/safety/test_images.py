"""Uploaded images: limits checked before decoding, stored re-encoded, unused ones removed."""

import io
import struct
import time
import zlib
from datetime import timedelta

import pytest
from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model

from contributions.services.editing import save_edit
from pages.models import ToolPage
from tests.factories import contributor, edit_data

pytestmark = pytest.mark.django_db

Image = get_image_model()


def encoded(size=(40, 20), kind="PNG", **options):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (11, 79, 138)).save(buffer, kind, **options)
    return buffer.getvalue()


def huge_png(width=11_000, height=11_000):
    """A 121-megapixel black PNG of ~15 KB: one bit per pixel, rows of zeros compress well."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + the row's bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture
def tool(catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.OGPT_REVIEW_FIRST_EDITS = 0  # published at once, as an established contributor
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def post_logo(client, tool, content, name="logo.png", **extra):
    client.force_login(contributor())
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(tool.url + "edit/", edit_data(tool, logo_upload=upload, **extra))


def stored_logo(tool):
    tool.refresh_from_db()
    with tool.logo.file.open("rb") as handle:
        return handle.read()


def test_a_121_megapixel_png_is_refused_at_once_and_the_text_kept(client, tool):
    bomb = huge_png()
    assert len(bomb) < 20_000
    started = time.perf_counter()
    response = post_logo(client, tool, bomb, edit_summary="kept text")
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    html = response.content.decode()
    assert "This image has 121000000 pixels; images up to 25000000 are accepted." in html
    assert 'value="kept text"' in html
    assert not Image.objects.exists()
    # The figure is reported by bench/hostile_inputs.py; this only says "not decoded".
    assert elapsed < 30


def test_the_admin_upload_form_refuses_it_too(admin_client, tool):
    upload = SimpleUploadedFile("bomb.png", huge_png(), content_type="image/png")
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "bomb", "file": upload, "collection": 1}
    )
    assert "images up to 25000000 are accepted" in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_uploaded_in_the_admin_is_stored_re_encoded(admin_client, tool):
    script = b"<script>alert(1)</script>"
    upload = SimpleUploadedFile("a.gif", encoded(kind="GIF") + script, content_type="image/gif")
    admin_client.post(reverse("wagtailimages:add"), {"title": "a", "file": upload, "collection": 1})
    with Image.objects.get().file.open("rb") as handle:
        assert script not in handle.read()


def test_a_file_over_the_byte_limit_is_refused(client, tool, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = post_logo(client, tool, encoded((400, 400), "PNG", compress_level=0))
    assert response.status_code == 400
    assert "images up to 1000" in response.content.decode()


def test_a_gif_with_a_script_appended_is_stored_without_it(client, tool):
    script = b"<script>alert(document.domain)</script>"
    response = post_logo(client, tool, encoded(kind="GIF") + script, name="logo.gif")
    assert response.status_code == 302
    data = stored_logo(tool)
    assert script not in data
    assert data.startswith(b"GIF8") and data.endswith(b";")  # ends at the GIF trailer
    assert tool.logo.file.name.endswith(".gif")


def test_metadata_is_dropped_and_the_picture_kept(client, tool):
    exif = PillowImage.Exif()
    exif[0x010E] = "secret description"  # ImageDescription
    exif[0x0110] = "camera model"
    jpeg = encoded((60, 30), "JPEG", exif=exif.tobytes(), comment=b"secret comment")
    response = post_logo(client, tool, jpeg, name="logo.jpg")
    assert response.status_code == 302
    data = stored_logo(tool)
    assert b"secret" not in data and b"camera model" not in data
    with PillowImage.open(io.BytesIO(data)) as clean:
        assert clean.size == (60, 30) and clean.format == "JPEG"
        assert not clean.getexif()
    assert (tool.logo.width, tool.logo.height) == (60, 30)
    assert tool.logo.file_size == len(data)


def test_the_pixel_limit_is_a_setting(client, tool, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    response = post_logo(client, tool, encoded((20, 20)))
    assert response.status_code == 400
    assert "images up to 100 are accepted" in response.content.decode()


# ------------------------------------------------------------- clean-up ---


def aged(image, days):
    Image.objects.filter(pk=image.pk).update(created_at=timezone.now() - timedelta(days=days))


def new_image(title):
    image = Image(title=title, file=SimpleUploadedFile(f"{title}.png", encoded()))
    image.save()
    return image


def test_cleanup_removes_old_unreferenced_images_and_their_files(
    tool, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.OGPT_UNUSED_IMAGE_GRACE_DAYS = 7
    orphan = new_image("orphan")
    path = tmp_path / orphan.file.name
    assert path.exists()
    aged(orphan, 8)
    recent = new_image("recent")
    aged(recent, 2)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remove_unused_images", stdout=out)
    assert "1 unused images removed" in out.getvalue()
    assert not Image.objects.filter(pk=orphan.pk).exists()
    assert not path.exists()
    assert Image.objects.filter(pk=recent.pk).exists()


def test_cleanup_keeps_the_current_logo_and_logos_of_older_revisions(tool, settings):
    old, current = new_image("old"), new_image("current")
    save_edit(tool, contributor(), {"logo": old.pk}, summary="first logo")
    tool.refresh_from_db()
    save_edit(tool, contributor("other"), {"logo": current.pk}, summary="second logo")
    aged(old, 30), aged(current, 30)
    out = io.StringIO()
    call_command("remove_unused_images", stdout=out)
    assert "0 unused images removed" in out.getvalue()
    assert Image.objects.filter(pk__in=[old.pk, current.pk]).count() == 2


def test_a_dry_run_lists_and_deletes_nothing(tool):
    orphan = new_image("orphan")
    aged(orphan, 30)
    out = io.StringIO()
    call_command("remove_unused_images", "--dry-run", stdout=out)
    assert "1 unused images would be removed" in out.getvalue()
    assert Image.objects.filter(pk=orphan.pk).exists()
