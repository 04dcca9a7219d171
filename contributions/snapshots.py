"""A page as a flat dict of comparable field values.

History, diffs, merges, undo and restore all compare pages field by field.
`snapshot()` turns a page (live, or rebuilt from a revision with
`revision.as_object()`) into {field name: value} where every value is a plain,
comparable Python value: text as str, relations as a sorted tuple of page ids,
links as a tuple of (url, label) pairs, choices as their stored value.
Text is in its normal form and lists in their canonical order (pages.text),
so that revisions stored before normalisation compare cleanly with new ones.
The field list is the model's own split: translatable text first, then facts.
"""

from modelcluster.fields import ParentalManyToManyField

from django.db import models

from pages.text import normal_list, normal_text

TEXT = "text"
RELATION = "relation"
LINKS = "links"
SCALAR = "scalar"


def editable_fields(model):
    """(name, kind) for every field a contributor edits, in display order."""
    fields = []
    for name in (*model.translatable_fields, *model.fact_fields):
        if name == "links":
            fields.append((name, LINKS))
            continue
        field = model._meta.get_field(name)
        if isinstance(field, ParentalManyToManyField):
            fields.append((name, RELATION))
        elif name in model.translatable_fields:
            fields.append((name, TEXT))
        else:
            fields.append((name, SCALAR))
    return fields


def snapshot(page):
    """{field: comparable value} for a specific page object."""
    values = {}
    for name, kind in editable_fields(type(page)):
        values[name] = value_of(page, name, kind)
    return values


def value_of(page, name, kind):
    """The stored value, read raw, then in its normal form (`normal_value`)."""
    if kind == RELATION:
        value = [item.pk for item in getattr(page, name).all()]
    elif kind == LINKS:
        value = [(link.url, link.label) for link in page.links.all()]
    else:
        value = getattr(page, name)
        if hasattr(value, "pk"):  # a foreign key such as the logo
            value = value.pk
        elif value is not None and not isinstance(value, bool | int | float | str | list):
            value = str(value)  # e.g. a Country
    return normal_value(kind, value)


def normal_value(kind, value):
    """A value (from a form, an import or a stored page) in its normal form."""
    if kind == TEXT:
        return normal_text(value or "")
    if kind == RELATION:
        return tuple(sorted(value))
    if kind == LINKS:
        return tuple((url, normal_text(label)) for url, label in value or ())
    if isinstance(value, list | tuple):
        return tuple(normal_list(value))
    if isinstance(value, str):
        return normal_text(value)
    return value


def apply(page, values):
    """Set snapshot values back on a page object (before save_revision)."""
    for name, kind in editable_fields(type(page)):
        if name not in values:
            continue
        value = values[name]
        if kind == RELATION:
            related = page._meta.get_field(name).related_model
            getattr(page, name).set(list(related.objects.filter(pk__in=value)))
        elif kind == LINKS:
            from pages.models import UseCaseLink

            page.links = [UseCaseLink(url=url, label=label) for url, label in value]
        else:
            field = page._meta.get_field(name)
            if isinstance(field, models.ForeignKey):
                setattr(page, field.attname, value)
            elif isinstance(field, models.JSONField):
                setattr(page, name, list(value or ()))
            else:
                setattr(page, name, value)


def text_size(values, model):
    """Characters of text in a snapshot: what history's size change measures."""
    return sum(len(values[name]) for name, kind in editable_fields(model) if kind == TEXT)


def revision_snapshot(revision):
    return snapshot(revision.as_object())
