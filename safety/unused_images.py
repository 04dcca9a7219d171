"""Images that nothing refers to any more, once a grace period has passed.

An image is stored as soon as a form is sent with it: an edit that then fails,
conflicts, is abandoned at the preview or waits for review still leaves a file.
An image is in use while any row points at it (a page's logo, any model with
a foreign key to images, Wagtail's reference index) or any revision of any
page names it: history and pending edits keep their logos. Renditions (resized
copies) do not count; they go with their image.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import ManyToOneRel
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, Revision


def _image_foreign_keys():
    """(model, field) of every foreign key to the image model, renditions left out."""
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    return [
        (relation.related_model, relation.field)
        for relation in image_model._meta.get_fields(include_hidden=True)
        if isinstance(relation, ManyToOneRel) and relation.related_model is not rendition_model
    ]


def referenced_image_ids():
    image_model = get_image_model()
    ids = set()
    names = set()
    for model, field in _image_foreign_keys():
        ids.update(
            model._base_manager.exclude(**{field.attname: None}).values_list(
                field.attname, flat=True
            )
        )
        names.add(field.name)
    for name in sorted(names):
        ids.update(
            value
            for value in Revision.objects.exclude(**{f"content__{name}": None})
            .values_list(f"content__{name}", flat=True)
            .iterator()
            if isinstance(value, int)
        )
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(image_model)
    ).values_list("to_object_id", flat=True)
    ids.update(int(value) for value in references if str(value).isdecimal())
    return ids


def unused_images(grace_days=None, now=None):
    """Images older than the grace period that nothing refers to."""
    if grace_days is None:
        grace_days = settings.OGPT_UNUSED_IMAGE_GRACE_DAYS
    cutoff = (now or timezone.now()) - timedelta(days=grace_days)
    return (
        get_image_model()
        .objects.filter(created_at__lt=cutoff)
        .exclude(pk__in=referenced_image_ids())
    )
