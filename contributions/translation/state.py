"""Per-field translation state between the English and French versions of an entry.

Entries are written first in either language and edited in both, so there is
no "source" language: each translatable field of each version remembers which
revision of the other version it was last brought in line with (FieldSync).
A field is then

- **in sync**: the other version has not changed it since;
- **outdated**: the other version changed it since, this one did not;
- **diverged**: both changed it since the last sync;
- **missing**: this version is an untranslated copy of the other one.

Writes happen when an edit is published (`record_text_changes`, called by
save_edit) and when a translator brings fields in line (`mark_synced`, by the
translate view, with or without changing the text: "still accurate").
Reads are one query per page, or per list of pages (`states_for_pages`).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from contributions.models import FieldSync, UntranslatedCopy
from contributions.signals import translation_needed
from pages.cache import bump_generation, generation
from pages.models import is_entry

IN_SYNC = "in_sync"
OUTDATED = "outdated"
DIVERGED = "diverged"
MISSING = "missing"


def counterpart(page):
    """The other language version of `page` (specific), or None."""
    other = page.get_translations().select_related("locale").first()
    return other.specific if other is not None else None


@dataclass
class FieldState:
    field: str
    status: str
    #: When the other version changed the field (outdated or diverged).
    other_changed_at: object = None
    #: The other version's revision this field was last aligned with (diff base).
    synced_revision_id: int | None = None
    #: The other version's revision that last changed the field.
    other_changed_revision_id: int | None = None


def _state(field, row, missing):
    if missing:
        return FieldState(field, MISSING)
    if row is None or not row.outdated:
        return FieldState(field, IN_SYNC)
    return FieldState(
        field,
        DIVERGED if row.own_changed else OUTDATED,
        other_changed_at=row.other_changed_at,
        synced_revision_id=row.synced_revision_id,
        other_changed_revision_id=row.other_changed_revision_id,
    )


def field_states(page):
    """{field: FieldState} for every translatable field of `page` (two queries)."""
    return states_for_pages([page])[page.pk]


def states_for_pages(pages):
    """{page id: {field: FieldState}} for many pages in two queries, whatever their number."""
    pages = list(pages)
    ids = [page.pk for page in pages]
    rows = {}
    for row in FieldSync.objects.filter(page_id__in=ids):
        rows[(row.page_id, row.field)] = row
    copies = set(UntranslatedCopy.objects.filter(page_id__in=ids).values_list("page_id", flat=True))
    states = {}
    for page in pages:
        fields = type(page).translatable_fields if is_entry(page) else ()
        states[page.pk] = {
            name: _state(name, rows.get((page.pk, name)), page.pk in copies) for name in fields
        }
    return states


def outdated_rows():
    """FieldSync rows whose other side changed since the last sync (outdated or diverged)."""
    return FieldSync.objects.filter(other_changed_revision_id__gt=Coalesce("synced_revision_id", 0))


COPY, OUTDATED_MARK = 1, 2


def marks():
    """{"copies": page ids, "outdated": page ids}, kept until the next publish.

    Every entry page and list asks "is this an untranslated copy, does it
    have outdated fields?". One query answers for the whole catalogue, cached
    under the catalogue generation (bumped by every publish and every sync),
    so that a page costs no query at all for the question once warm, and a
    page with nothing outdated never reads its FieldSync rows.
    """
    key = f"ogpt:translation-marks:{generation()}"
    found = cache.get(key)
    if found is None:
        copies = UntranslatedCopy.objects.values_list("page_id", Value(COPY))
        outdated = outdated_rows().values_list("page_id", Value(OUTDATED_MARK)).distinct()
        found = {"copies": set(), "outdated": set()}
        for page_id, mark in copies.union(outdated):
            found["copies" if mark == COPY else "outdated"].add(page_id)
        cache.set(key, found, 60 * 60 * 24)
    return found


def entry_states(page):
    """field_states() for an entry page, without a query when nothing is outdated."""
    found = marks()
    fields = type(page).translatable_fields
    if page.pk in found["copies"]:
        return {name: FieldState(name, MISSING) for name in fields}
    if page.pk not in found["outdated"]:
        return {name: FieldState(name, IN_SYNC) for name in fields}
    return field_states(page)


def untranslated_among(page_ids=None):
    """The ids among `page_ids` (None: all) that are untranslated copies (no query once warm)."""
    copies = marks()["copies"]
    return set(copies) if page_ids is None else copies.intersection(page_ids)


def _changed_after_commit():
    """Pages and marks computed by a concurrent request before commit must not stick."""
    transaction.on_commit(bump_generation)


def record_text_changes(page, revision, fields, other, previous_revision_id):
    """`revision` of `page` changed the text `fields`: the other version's fields fall behind.

    A row missing on the other side means it was in line with this version's
    previous revision (entries start aligned), so that revision becomes its
    sync point and the translate view can show what changed since.
    """
    if not fields:
        return
    _changed_after_commit()
    behind = []
    other_is_copy = other is not None and UntranslatedCopy.objects.filter(page_id=other.pk).exists()
    for name in fields:
        FieldSync.objects.update_or_create(
            page_id=page.pk,
            field=name,
            defaults={
                "language": page.locale.language_code,
                "changed_revision_id": revision.pk,
            },
        )
        if other is None:
            continue
        row, created = FieldSync.objects.get_or_create(
            page_id=other.pk,
            field=name,
            defaults={"language": other.locale.language_code},
        )
        if not row.outdated and not other_is_copy:
            behind.append(name)
        row.other_changed_revision_id = revision.pk
        row.other_changed_at = revision.created_at
        if row.synced_revision_id is None and previous_revision_id:
            row.synced_revision_id = previous_revision_id
            row.own_sync_revision_id = other.live_revision_id
        row.save()
    if behind:
        _announce(other, behind, revision)


def _announce(page, fields, revision):
    """Tell whoever listens (translation queues) that `fields` of `page` now need work.

    After the commit, so that a rolled-back edit notifies nobody, and only for
    the fields still outdated then: a translation also passes through
    `record_text_changes` before `mark_synced` brings both sides in line again.
    """
    actor = revision.user if revision is not None else None
    language = page.locale.language_code

    def send():
        still = set(
            outdated_rows()
            .filter(page_id=page.pk, field__in=fields)
            .values_list("field", flat=True)
        )
        behind = [name for name in fields if name in still]
        if behind:
            translation_needed.send(
                sender=type(page),
                page=page,
                language=language,
                fields=behind,
                revision=revision,
                actor=actor,
            )

    transaction.on_commit(send)


@transaction.atomic
def mark_synced(page, fields, *, own_revision_id=None, other=None):
    """Record that `fields` of `page` now say what the other version says.

    Used after a translation is published and when a translator marks a field
    "still accurate". Both sides are brought in line: neither is outdated by
    the other's revisions up to now.
    """
    other = other if other is not None else counterpart(page)
    if other is None or not fields:
        return
    own_revision_id = own_revision_id or page.live_revision_id
    other_revision_id = other.live_revision_id
    now = timezone.now()
    for name in fields:
        for target, own, theirs in (
            (page, own_revision_id, other_revision_id),
            (other, other_revision_id, own_revision_id),
        ):
            FieldSync.objects.update_or_create(
                page_id=target.pk,
                field=name,
                defaults={
                    "language": target.locale.language_code,
                    "synced_revision_id": theirs,
                    "own_sync_revision_id": own,
                    "synced_at": now,
                },
            )
    bump_generation()  # entry pages show which fields are outdated
    _changed_after_commit()


def mark_outdated(page, fields, other):
    """Flag `fields` of `page` as behind the other version, from now on.

    For a copy that someone started translating with the ordinary edit form:
    the fields they did not touch still hold the other language's text.
    """
    if other is None:
        return
    _changed_after_commit()
    for name in fields:
        FieldSync.objects.update_or_create(
            page_id=page.pk,
            field=name,
            defaults={
                "language": page.locale.language_code,
                "other_changed_revision_id": other.live_revision_id,
                "other_changed_at": other.last_published_at,
                "synced_revision_id": None,
            },
        )
