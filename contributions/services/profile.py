"""A contributor's profile: the display name shown beside their edits and posts.

A display name is public and appears where a user name would, so it must
not pass for someone else: it is unique among user names and display names,
compared without case, as typed and after Unicode compatibility folding (a
full-width "ａｍｉｎａ" is "amina"), and it cannot hide behind invisible characters or be
blank-looking. Changing it changes every cached page that shows it, so the
anonymous page cache is renewed.
"""

import unicodedata

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from contributions.models import DISPLAY_NAME_MAX_LENGTH
from pages.cache import bump_generation

DISPLAY_NAME_MIN_LENGTH = 2
#: Control, format (zero-width, direction overrides), private-use and unassigned characters.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Co", "Cn"}


def normalize_display_name(value):
    """NFC, no space at either end, one space between words."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def name_key(value):
    """What two names are compared on: folded for compatibility and case."""
    return unicodedata.normalize("NFKC", value).casefold()


def clean_display_name(value, user):
    """The display name `user` asks for, normalized, or ValidationError saying why not.

    An empty value is allowed: the user name is shown instead.
    """
    name = normalize_display_name(value)
    if not name:
        return ""
    if any(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in name):
        raise ValidationError(
            _("A display name cannot contain invisible or control characters."),
            code="invisible",
        )
    if not any(unicodedata.category(char)[0] in "LN" for char in name):
        raise ValidationError(_("A display name needs at least one letter or digit."), code="blank")
    if len(name) < DISPLAY_NAME_MIN_LENGTH or len(name) > DISPLAY_NAME_MAX_LENGTH:
        raise ValidationError(
            _("A display name has %(min)d to %(max)d characters (this one has %(length)d)."),
            code="length",
            params={
                "min": DISPLAY_NAME_MIN_LENGTH,
                "max": DISPLAY_NAME_MAX_LENGTH,
                "length": len(name),
            },
        )
    if _taken(name, user):
        raise ValidationError(
            _("This name is already the user name or display name of another contributor."),
            code="taken",
        )
    return name


def _taken(name, user):
    """Another user's user name or display name is this name, in any case or width (one query)."""
    same = Q()
    for spelling in {name, name_key(name)}:
        same |= Q(username__iexact=spelling) | Q(public_name__iexact=spelling)
    return get_user_model().objects.filter(same).exclude(pk=user.pk).exists()


def update_profile(user, *, display_name, preferred_language):
    """Save the profile; cached pages show names, so they are renewed if it changed."""
    renamed = user.public_name != display_name
    user.public_name = display_name
    user.preferred_language = preferred_language
    user.save(update_fields=["public_name", "preferred_language"])
    if renamed:
        bump_generation()
