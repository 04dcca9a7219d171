"""The other language version of an entry: created at once, facts shared with it.

Facts (URLs, licence, flags, relations, topics, logo, country: each model's
`fact_fields`) are one truth for both languages. An edit of them in one
language is applied to the other version too, as a revision of its own in the
other version's history (attributed to the same contributor, with the same
summary, linked to its origin), so both histories show it and diff it like
any other change.

Relations point at pages of the same language, so they are translated on the
way: a related page is replaced by its version in the other language (found by
Wagtail's translation_key), created as an untranslated copy when missing.
"""

from django.db import transaction
from django.utils.translation import override

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

from contributions.models import EditRecord, UntranslatedCopy
from contributions.services import records
from contributions.signals import translation_needed
from contributions.snapshots import (
    LINKS,
    RELATION,
    TEXT,
    apply,
    editable_fields,
    snapshot,
    text_size,
)
from contributions.translation.text import created_from
from pages.languages import other_language
from pages.models import is_entry


def other_locale(page):
    return Locale.objects.get(language_code=other_language(page.locale.language_code))


def translated_ids(ids, locale, *, create_missing=True, user=None):
    """Page ids → the ids of the same pages in `locale` (two queries when all exist)."""
    ids = list(ids)
    if not ids:
        return ()
    keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    targets = dict(
        Page.objects.filter(translation_key__in=keys.values(), locale=locale).values_list(
            "translation_key", "pk"
        )
    )
    result = []
    for pk in ids:
        key = keys.get(pk)
        target = targets.get(key)
        if target is None and key is not None and create_missing:
            source = Page.objects.get(pk=pk).specific
            target = create_untranslated_copy(source, user, map_relations=False).pk
        if target is not None:
            result.append(target)
    return tuple(sorted(result))


def shared_values(source_values, model, target, locale, *, fields=None, create_missing=True):
    """Fact values of `source_values` as `target` (in `locale`) stores them."""
    kinds = dict(editable_fields(model))
    shared = {}
    for name in fields if fields is not None else model.fact_fields:
        kind, value = kinds[name], source_values[name]
        if kind == RELATION:
            value = translated_ids(value, locale, create_missing=create_missing)
        elif kind == LINKS:
            # Link labels are written per language: keep the target's label for
            # an address it already has.
            labels = dict(target.links.all().values_list("url", "label"))
            value = tuple((url, labels.get(url, label)) for url, label in value)
        shared[name] = value
    return shared


def changed_fields(before, after, model):
    """(text fields, fact fields) whose values differ between two snapshots."""
    text, facts = [], []
    for name, kind in editable_fields(model):
        if before.get(name) != after.get(name):
            (text if kind == TEXT else facts).append(name)
    return text, facts


def share_with_counterpart(page, other, revision, record, before, after, *, is_copy):
    """Apply what `revision` changed in shared facts to `other` (and text, to a copy).

    Returns the other version's new revision, or None when it already agreed.
    """
    model = type(page)
    text, facts = changed_fields(before, after, model)
    changes = shared_values(after, model, other, other.locale, fields=facts)
    if is_copy:
        # An untranslated copy shows the source text: it follows it.
        changes.update({name: after[name] for name in text})
    current = snapshot(other)
    changes = {name: value for name, value in changes.items() if current.get(name) != value}
    if not changes:
        return None
    before_size = text_size(current, type(other))
    apply(other, changes)
    user = record.user
    other_revision = other.save_revision(user=user, log_action=True)
    records.publish(other_revision, user)
    size = text_size(snapshot(other), type(other))
    records.record_revision(
        other,
        other_revision,
        user=user,
        kind=EditRecord.Kind.EDIT,
        size=size,
        size_delta=size - before_size,
        summary=record.summary,
        auto_summary=record.auto_summary,
        minor=record.minor,
        base_revision_id=other.live_revision_id,
        counterpart_revision=revision,
    )
    records.link_counterparts(record, other_revision)
    return other_revision


@transaction.atomic
def create_untranslated_copy(page, user, *, map_relations=True):
    """The other language version of `page`, as a published copy marked untranslated.

    Its text is the source text (the page shows it under a banner), its facts
    the same facts, its relations the related entries in its own language.
    """
    locale = other_locale(page)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    target_parent = parent.get_translation_or_none(locale)
    if target_parent is None:
        target_parent = create_untranslated_copy(parent.specific, user, map_relations=False)
    copy = page.copy(
        to=target_parent,
        update_attrs={
            "locale": locale,
            "slug": find_available_slug(target_parent, page.slug),
            "owner": user,
        },
        copy_revisions=False,
        keep_live=False,
        user=user,
        log_action=None,
        reset_translation_key=False,
    ).specific
    if is_entry(page):
        values = snapshot(page)
        apply(
            copy,
            shared_values(values, type(page), copy, locale, create_missing=map_relations),
        )
    UntranslatedCopy.objects.create(page=copy, source_page=page, language=locale.language_code)
    revision = copy.save_revision(user=user, log_action=True)
    records.publish(revision, user)
    copy.refresh_from_db()
    if is_entry(copy):
        with override(locale.language_code):
            summary = created_from(locale.language_code)
        size = text_size(snapshot(copy), type(copy))
        records.record_revision(
            copy,
            revision,
            user=user,
            kind=EditRecord.Kind.CREATE,
            size=size,
            size_delta=size,
            summary=summary,
            counterpart_revision_id=page.live_revision_id,
        )
    if is_entry(copy):
        _announce_copy(copy, page.live_revision, user)
    return copy


def _announce_copy(copy, source_revision, user):
    """A new entry's copy is waiting for its translation: tell the listeners after the commit."""
    language = copy.locale.language_code
    transaction.on_commit(
        lambda: translation_needed.send(
            sender=type(copy),
            page=copy,
            language=language,
            fields=[],
            revision=source_revision,
            actor=user,
        )
    )
