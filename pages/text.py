"""One normal form for the text people type, so that equal text compares equal.

Browsers submit every `<textarea>` with CRLF line endings, keyboards and
copy-paste give composed or decomposed accents, and a stray space or newline
at the end of a field is invisible. Stored as typed, those differences made a
summary-only edit rewrite the description: false conflicts, lost paragraphs,
diffs of blank lines and translations flagged outdated for nothing.

So text is normalised before it is compared or stored, in three places that
all use these functions: the public forms (`NormalisedInput`), the page
models (`normalise_entry`, run by `full_clean`, which every revision goes
through, the Wagtail admin's included) and snapshots (what history, merges
and diffs compare). Multi-value fields get one canonical order too.
"""

import unicodedata

from django.db import models
from django.http import QueryDict


def normal_text(value):
    """Line endings as `\\n`, Unicode NFC, no whitespace at the end of the field.

    Leading whitespace and trailing spaces inside the text stay: in Markdown
    they mean something (an indented code block, a hard line break).
    """
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", value).rstrip()


def normal_list(values):
    """A multi-value field in its canonical order: sorted, without repeats.

    Case and accents do not make two items different ("Python" and "python"
    are one language); the first spelling is kept.
    """
    seen = {}
    for value in values or ():
        value = normal_text(value) if isinstance(value, str) else value
        if value in ("", None):
            continue
        key = _sort_key(value)
        seen.setdefault(key, value)
    return [seen[key] for key in sorted(seen)]


def _sort_key(value):
    """Case and accents folded: the key that says two items are the same."""
    if not isinstance(value, str):
        return str(value)
    folded = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def normal_input(data, keep=()):
    """A copy of submitted form data with every text value normalised.

    `keep` names fields whose value must reach the form exactly as sent
    (passwords, signatures).
    """
    if not isinstance(data, QueryDict):
        return {key: value if key in keep else _normal_item(value) for key, value in data.items()}
    copy = QueryDict(mutable=True)
    for key, values in data.lists():
        copy.setlist(key, values if key in keep else [normal_text(v) for v in values])
    copy._mutable = False
    return copy


def _normal_item(value):
    if isinstance(value, list | tuple):
        return [normal_text(item) for item in value]
    return normal_text(value)


class NormalisedInput:
    """Form mixin: the submitted text is normalised before any field sees it.

    Put it before `forms.Form` in the bases. Validation (lengths, required)
    then judges the text that will be stored, not the browser's CRLF.
    """

    raw_input_fields = ()

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = normal_input(data, keep=self.raw_input_fields)
        super().__init__(data, *args, **kwargs)


def normalise_entry(page):
    """Bring a page's own text and list fields to the normal form, in place.

    Links (a child relation) are normalised where they are built, by the
    form's links field and `contributions.snapshots`.
    """
    for name in (*page.translatable_fields, *page.fact_fields):
        field = page._meta.get_field(name)
        if not field.concrete:  # relations and child objects
            continue
        value = getattr(page, field.attname, None)
        if isinstance(field, models.JSONField) and isinstance(value, list | tuple):
            setattr(page, field.attname, normal_list(value))
        elif isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
            setattr(page, field.attname, normal_text(value))
