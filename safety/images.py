"""Uploaded images are decoded and written again: only pixels reach the media folder.

A file that is a valid image may carry more than its picture: data after the
image's end (a script appended to a GIF, a polyglot), EXIF with the camera's
position, comments. Every new Wagtail image (logos from the public edit form,
uploads in the admin) is re-encoded by Pillow before it is stored
(`reencode_new_upload`, connected to pre_save in SafetyConfig.ready): the
first frame, upright (EXIF orientation applied), in its own format, without
metadata. Size limits are Wagtail's settings, checked by WagtailImageField
from the file's header before anything is decoded:
WAGTAILIMAGES_MAX_IMAGE_PIXELS (OGPT_IMAGE_MAX_PIXELS, 25 MP) and
WAGTAILIMAGES_MAX_UPLOAD_SIZE (OGPT_IMAGE_MAX_BYTES, 5 MB); the re-encoder
checks the pixels again, for images created in code.
"""

import io
from pathlib import PurePath

from PIL import Image, ImageOps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

#: Pillow format -> (file extension, save options).
FORMATS = {
    "PNG": ("png", {"optimize": True}),
    "JPEG": ("jpg", {"quality": 90}),
    "GIF": ("gif", {}),
    "WEBP": ("webp", {"quality": 90}),
}
#: What the picture needs from Image.info; everything else (EXIF, ICC, text) is dropped.
KEPT_INFO = ("transparency",)


def max_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _too_many_pixels(width, height):
    return ValidationError(
        _("This image has %(pixels)d pixels; images up to %(limit)d are accepted.")
        % {"pixels": width * height, "limit": max_pixels()},
        code="file_too_many_pixels",
    )


def check_header(upload):
    """Refuse an upload too large in bytes or pixels, reading only the image's header.

    Wagtail's own checks come after Willow has opened the image, which decodes
    every pixel (0.5 s and 115 MB for a 121-MP PNG of 15 KB): these come first.
    """
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    if limit is not None and upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; images up to %(limit)s are accepted.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    position = upload.tell()
    try:
        with Image.open(upload) as image:  # lazy: the header only
            width, height = image.size
    except Exception:
        return
    finally:
        upload.seek(position)
    if width * height > max_pixels():
        raise _too_many_pixels(width, height)


class SafeImageField(WagtailImageField):
    """WagtailImageField that checks bytes and pixels from the header before decoding."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "read") and hasattr(data, "size"):
            check_header(data)
        return super().to_python(data)


class SafeImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with SafeImageField."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = SafeImageField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                help_text=field.help_text,
            )


def reencode(source, name):
    """(bytes of a clean copy of the image in `source`, its file name); ValidationError."""
    try:
        with Image.open(source) as image:
            if image.format not in FORMATS:
                raise ValidationError(_("Upload a PNG, JPEG, GIF or WebP image."))
            if image.width * image.height > max_pixels():
                raise _too_many_pixels(image.width, image.height)
            image.seek(0)
            image.load()
            picture = ImageOps.exif_transpose(image)
            picture.info = {k: v for k, v in image.info.items() if k in KEPT_INFO}
            extension, options = FORMATS[image.format]
            if image.format == "JPEG" and picture.mode not in ("RGB", "L", "CMYK"):
                picture = picture.convert("RGB")
            output = io.BytesIO()
            picture.save(output, image.format, **options, **picture.info)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not an image that can be read.")) from error
    return output.getvalue(), f"{PurePath(name).stem or 'image'}.{extension}"


def reencode_new_upload(sender, instance, **kwargs):
    """pre_save of the image model: replace a file not yet stored by its clean copy."""
    upload = instance.file
    if not upload or getattr(upload, "_committed", True):
        return
    upload.seek(0)
    data, name = reencode(upload, PurePath(upload.name).name)
    instance.file = ContentFile(data, name=name)
    with Image.open(io.BytesIO(data)) as clean:
        instance.width, instance.height = clean.size
    instance.file_size = len(data)
    instance.file_hash = hash_filelike(io.BytesIO(data))
