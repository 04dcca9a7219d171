"""Two revisions of an entry, compared field by field, ready to show.

Each kind of field is shown the way a reader checks it: text (Markdown
source) as a word-level diff, relations and lists as the items added and
removed (by name, not id), links likewise, and single values (licence,
pricing, country…) as old → new in their display form. Unchanged fields are
only named. Wagtail's own comparison works on rendered rich text and
StreamField blocks and is noisy on Markdown; snapshots make it simple here.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from contributions.diff import word_diff
from contributions.snapshots import (
    LINKS,
    RELATION,
    TEXT,
    editable_fields,
    revision_snapshot,
    snapshot,
)
from pages.templatetags.catalogue import language_label

LIST = "list"
#: Characters of unchanged text kept around each change of a long text.
CONTEXT_CHARS = 240
#: How the items of some list fields read (others are shown as stored).
ITEM_LABELS = {"interface_languages": language_label}


@dataclass
class FieldChange:
    name: str
    label: str
    kind: str
    diff: str = ""  # text: HTML with <ins>/<del>
    added: list = field(default_factory=list)  # relations, lists, links: [(text, url)]
    removed: list = field(default_factory=list)
    old: str | None = None  # single values, in display form
    new: str | None = None


@dataclass
class Comparison:
    changes: list
    unchanged: list  # labels of the fields that did not change


def compare_revisions(page, old_revision, new_revision, request=None):
    model = type(page)
    return compare_snapshots(
        model, revision_snapshot(old_revision), revision_snapshot(new_revision), request
    )


def compare_snapshots(model, old, new, request=None):
    fields = editable_fields(model)
    titles = _relation_titles(model, fields, old, new, request)
    changes, unchanged = [], []
    for name, kind in fields:
        label = field_label(model, name)
        before, after = old.get(name), new.get(name)
        if before == after or (_is_empty(before) and _is_empty(after)):
            unchanged.append(label)
            continue
        change = FieldChange(name=name, label=label, kind=kind)
        if kind == TEXT:
            change.diff = word_diff(before, after, context=CONTEXT_CHARS, elision=_elision)
        elif kind == RELATION:
            change.added, change.removed = _added_removed(before, after, titles.get)
        elif kind == LINKS:
            change.added, change.removed = _added_removed(before, after, _link)
        elif isinstance(model._meta.get_field(name), models.JSONField):
            change.kind = LIST
            label_of = ITEM_LABELS.get(name, str)
            change.added, change.removed = _added_removed(
                before, after, lambda item, label_of=label_of: (label_of(item), None)
            )
        else:
            change.old = display_value(model, name, before)
            change.new = display_value(model, name, after)
        changes.append(change)
    return Comparison(changes=changes, unchanged=unchanged)


@dataclass
class PendingChanges:
    """What saving a form would change in the current version, shared facts apart."""

    own: list  # FieldChanges of this language version's text
    shared: list  # FieldChanges of facts shared with the other language version
    unchanged: list
    #: A sentence saying that the shared facts change the other version too.
    shared_note: str = ""

    @property
    def changes(self):
        return [*self.own, *self.shared]


def pending_changes(page, changes, request=None):
    """The current version of `page` against it with `changes` applied ("Show changes")."""
    model = type(page)
    current = snapshot(page)
    comparison = compare_snapshots(model, current, {**current, **changes}, request)
    facts = set(getattr(model, "fact_fields", ()))
    return PendingChanges(
        own=[change for change in comparison.changes if change.name not in facts],
        shared=[change for change in comparison.changes if change.name in facts],
        unchanged=comparison.unchanged,
        shared_note=shared_facts_note(page.locale.language_code),
    )


def shared_facts_note(language):
    """Written per direction, as in contributions.translation.text."""
    if language == "fr":
        return _("These facts are shared by both languages: this also changes the English version.")
    return _("These facts are shared by both languages: this also changes the French version.")


def _is_empty(value):
    """None, "" and () all mean "not filled in" (but False is a stated "no")."""
    return value is None or (isinstance(value, str | tuple) and not value)


def field_label(model, name):
    if name == "links":
        return _("Links")
    return capfirst(model._meta.get_field(name).verbose_name)


def display_value(model, name, value):
    """A stored value as a reader knows it: "MIT — MIT License", "Free", "Spain"."""
    if value is None or value == "":
        return None
    model_field = model._meta.get_field(name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model.objects.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _added_removed(before, after, describe):
    before, after = list(before or ()), list(after or ())
    added = [describe(item) for item in after if item not in before]
    removed = [describe(item) for item in before if item not in after]
    return sorted(added, key=_by_text), sorted(removed, key=_by_text)


def _by_text(item):
    return str(item[0]).casefold()


def _link(item):
    url, label = item
    return (label or url, url)


def _relation_titles(model, fields, old, new, request):
    """{page id: (title, url)} for every related entry on either side, in one query."""
    ids = set()
    for name, kind in fields:
        if kind == RELATION:
            ids.update(old.get(name) or ())
            ids.update(new.get(name) or ())
    titles = {}
    for page in Page.objects.filter(pk__in=ids):
        titles[page.pk] = (page.title, page.get_url(request) if page.live else None)

    def describe(pk):
        return titles.get(pk) or (_("deleted entry #%(id)s") % {"id": pk}, None)

    return {pk: describe(pk) for pk in ids}


def _elision(count):
    return ngettext(
        "[… %(count)s unchanged character …]", "[… %(count)s unchanged characters …]", count
    ) % {"count": count}
