"""Renaming an entry in one language: a new slug, so a new address (MediaWiki's "Move").

An English translation of an entry created in French starts with the French
slug (`/en/tools/outil-de-consultation/`); moving it gives it its English
address (`/en/tools/consultation-tool/`). The move is a published revision
like any edit, with an EditRecord of kind "move" that keeps both addresses,
so history and recent changes tell who moved it, when and why.

Old addresses keep working: publishing the new slug makes Wagtail send
`page_slug_changed`, and `wagtail.contrib.redirects` records a permanent
redirect from the old address to the page (it follows the page if it moves
again); the entry's sub-routes below the old address are redirected by
pages.url_fallbacks. The publish also puts the entry in the search index's
outbox and bumps the page-cache generation, like every publish.
"""

import re

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from contributions.models import EditRecord
from contributions.snapshots import snapshot, text_size

from . import records

SLUG_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX_LENGTH = 255


class MoveError(Exception):
    """Why a slug cannot be the entry's new address (a sentence for the contributor)."""


def suggested_slug(text):
    """The slug a name gives: "Outil de consultation" → "outil-de-consultation"."""
    return slugify(text)[:SLUG_MAX_LENGTH].strip("-")


def free_slug(parent, slug, exclude=None):
    """`slug`, or `slug-2`, `slug-3`… : the first one no other child of `parent` has."""
    taken = set(
        parent.get_children()
        .filter(slug__startswith=slug)
        .exclude(pk=getattr(exclude, "pk", None))
        .values_list("slug", flat=True)
    )
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug[: SLUG_MAX_LENGTH - len(str(number)) - 1]}-{number}"
        number += 1
    return candidate


def check_slug(page, slug):
    """Raise MoveError unless `slug` is a valid, free, new address for `page`."""
    if not slug:
        raise MoveError(_("Enter the new address."))
    if len(slug) > SLUG_MAX_LENGTH or not SLUG_FORMAT.match(slug):
        suggestion = suggested_slug(slug)
        message = _(
            "An address uses only lower-case letters without accents, digits and hyphens "
            "between words."
        )
        if suggestion and suggestion != slug:
            message += " " + _("For example: %(slug)s") % {"slug": suggestion}
        raise MoveError(message)
    if slug == page.slug:
        raise MoveError(_("This is already the entry’s address: type a different one."))
    parent = page.get_parent()
    if parent.get_children().filter(slug=slug).exclude(pk=page.pk).exists():
        raise MoveError(
            _("Another entry already has this address. This one is free: %(slug)s")
            % {"slug": free_slug(parent, slug, exclude=page)}
        )


def move_entry(page, user, slug, *, summary=""):
    """Give `page` the slug `slug` as a published revision by `user`; the EditRecord.

    Raises MoveError (and changes nothing) if the slug is not valid, free and new.
    """
    with transaction.atomic():
        locked = Page.objects.select_for_update().get(pk=page.pk).specific
        check_slug(locked, slug)
        old_url = locked.url
        previous = locked.live_revision
        locked.slug = slug
        revision = locked.save_revision(user=user, log_action=True)
        records.publish(revision, user)
        locked.refresh_from_db()
        size = text_size(snapshot(locked), type(locked))
        record = records.record_revision(
            locked,
            revision,
            user=user,
            kind=EditRecord.Kind.MOVE,
            size=size,
            size_delta=0,
            summary=summary,
            base_revision=previous,
            move={"from": old_url, "to": locked.url},
        )
        page.slug, page.url_path = locked.slug, locked.url_path
        return record
