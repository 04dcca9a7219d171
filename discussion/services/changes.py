"""Short text diffs of an entry revision, for e-mails.

An e-mail cannot rely on the site's <ins>/<del> styling, so a change reads
as [-removed-]{+added+} with a little unchanged context around it, the way
wdiff shows it, trimmed to a few lines per field.
"""

from django.utils.text import capfirst

from wagtail.models import Revision

from contributions.diff import opcodes
from pages.models import is_entry

CONTEXT = 40
FIELD_LIMIT = 400


def short_diffs(revision):
    """[(field label, diff text)] of the translatable text a revision changed."""
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            pk__lt=revision.pk,
        )
        .order_by("-pk")
        .first()
    )
    if previous is None:
        return []
    model = revision.content_type.model_class()
    fields = model.translatable_fields if is_entry(model) else ("title",)
    diffs = []
    for name in fields:
        old, new = previous.content.get(name) or "", revision.content.get(name) or ""
        if old != new:
            label = capfirst(model._meta.get_field(name).verbose_name)
            diffs.append((label, _diff_text(str(old), str(new))))
    return diffs


def _diff_text(old, new):
    pieces = list(opcodes(old, new))
    parts = []
    for index, (tag, removed, added) in enumerate(pieces):
        if tag == "equal":
            parts.append(_context(added, index == 0, index == len(pieces) - 1))
            continue
        if removed:
            parts.append(f"[-{removed}-]")
        if added:
            parts.append(f"{{+{added}+}}")
    text = "".join(parts).strip()
    return text if len(text) <= FIELD_LIMIT else text[: FIELD_LIMIT - 1] + "…"


def _context(text, first, last):
    if len(text) <= 2 * CONTEXT:
        return text
    head = "" if first else text[:CONTEXT]
    tail = "" if last else text[-CONTEXT:]
    return f"{head} … {tail}"
