"""Which entries an API page or an export contains: filters and keyset pages.

Entries are listed as (translation_key, content type) groups ordered by the
key, so a cursor is simply the last key of the previous page: stable while the
catalogue changes and index-friendly at any depth (no OFFSET).
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Max, Q
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext as _

from wagtail.models import Page

from pages.languages import SITE_LANGUAGES
from pages.licences import OPEN_SOURCE_LICENCES, PROPRIETARY
from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage
from pages.numbers import whole_number

from .serialize import MODELS, content_type_ids

LICENCES = sorted([*OPEN_SOURCE_LICENCES, PROPRIETARY])
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class InvalidFilter(ValueError):
    """A query parameter the API cannot use; the message is shown to the client."""


def parameter(query, name):
    """The value of a query parameter; present but empty is an error, not "no filter"."""
    value = query.get(name)
    if value is None:
        return ""
    if not value:
        raise InvalidFilter(_("The parameter %s is empty: give it a value or leave it out.") % name)
    return value


@dataclass
class Filters:
    kind: str = ""
    topic: str = ""
    licence: str = ""
    country: str = ""
    language: str = ""
    updated_since: datetime | None = None

    @classmethod
    def from_query(cls, query):
        filters = cls()
        kind = parameter(query, "kind")
        if kind and kind not in MODELS:
            raise InvalidFilter(_("Unknown kind: use one of %s.") % ", ".join(MODELS))
        filters.kind = kind
        topic = parameter(query, "topic")
        if topic:
            filters.topic = str(parse_id(topic))
        licence = parameter(query, "licence")
        if licence and licence not in LICENCES:
            raise InvalidFilter(_("Unknown licence: use an SPDX identifier or “proprietary”."))
        filters.licence = licence
        country = parameter(query, "country")
        if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise InvalidFilter(_("The country is a two-letter ISO 3166 code, such as FR."))
        filters.country = country.upper()
        language = parameter(query, "language")
        if language and language not in SITE_LANGUAGES:
            raise InvalidFilter(_("Unknown language: use one of %s.") % ", ".join(SITE_LANGUAGES))
        filters.language = language
        since = parameter(query, "updated_since")
        if since:
            filters.updated_since = parse_when(since, "updated_since")
        return filters


def parse_when(value, name):
    """An ISO 8601 date and time, in UTC; InvalidFilter when unreadable or out of range.

    A time zone can push a valid date past the calendar ("0001-01-01T00:00+14:00"
    is in year 0 in UTC): the conversion here, not the database, meets that.
    """
    try:
        parsed = parse_datetime(value)
        if parsed is not None:
            parsed = make_aware(parsed) if is_naive(parsed) else parsed
            return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        pass
    raise InvalidFilter(
        _("%s is a date and time from year 1 to 9999, such as 2026-01-31T12:00:00Z.") % name
    )


def parse_id(value):
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError) as error:
        raise InvalidFilter(_("An entry id is a UUID.")) from error


def encode_cursor(key):
    return str(key)


def decode_cursor(cursor):
    """The cursor is the id of the last entry already seen (pages are ordered by id)."""
    try:
        return parse_id(cursor)
    except InvalidFilter as error:
        raise InvalidFilter(
            _("This cursor is not valid: start again from the first page.")
        ) from error


def page_size(query):
    value = parameter(query, "page_size")
    if not value:
        return DEFAULT_PAGE_SIZE
    size = whole_number(value, 1, MAX_PAGE_SIZE)
    if size is None:
        raise InvalidFilter(_("page_size is a whole number from 1 to %d.") % MAX_PAGE_SIZE)
    return size


def _keys(queryset):
    return queryset.values("translation_key")


def entry_groups(filters):
    """(translation_key, content_type_id, last_modified) rows, ordered by key."""
    kinds = [filters.kind] if filters.kind else None
    pages = Page.objects.filter(live=True, content_type_id__in=content_type_ids(kinds))
    if filters.language:
        pages = pages.filter(
            translation_key__in=_keys(
                Page.objects.filter(live=True, locale__language_code=filters.language)
            )
        )
    if filters.licence:
        pages = pages.filter(
            translation_key__in=_keys(ToolPage.objects.filter(licence=filters.licence))
        )
    if filters.country:
        pages = pages.filter(
            Q(translation_key__in=_keys(UseCasePage.objects.filter(country=filters.country)))
            | Q(translation_key__in=_keys(OrganizationPage.objects.filter(country=filters.country)))
        )
    if filters.topic:
        pages = pages.filter(translation_key__in=_filed_under(filters.topic))
    groups = (
        pages.values("translation_key", "content_type_id")
        .annotate(last_modified=Max("last_published_at"))
        .order_by("translation_key")
    )
    if filters.updated_since:
        groups = groups.filter(last_modified__gte=filters.updated_since)
    return groups


def _filed_under(topic_key):
    """Keys of the tools and use cases filed under a topic or one of its sub-topics."""
    paths = list(TopicPage.objects.filter(translation_key=topic_key).values_list("path", flat=True))
    if not paths:
        return []
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)  # the topic and its sub-topics
    topic_ids = TopicPage.objects.filter(under).values("pk")
    keys = set()
    for model in (ToolPage, UseCasePage):
        filed = model.topics.through.objects.filter(topicpage_id__in=topic_ids)
        pages = Page.objects.filter(pk__in=filed.values(f"{model._meta.model_name}_id"))
        keys.update(pages.values_list("translation_key", flat=True))
    return list(keys)


def catalogue_last_modified():
    """When something was last published in the catalogue (None when it is empty)."""
    return Page.objects.filter(live=True, content_type_id__in=content_type_ids()).aggregate(
        latest=Max("last_published_at")
    )["latest"]
