"""Word-level diffs of text, rendered as <ins>/<del> HTML.

Markdown source is compared as words and the whitespace between them, so a
changed word shows as one word, not a whole line or paragraph.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

TOKENS = re.compile(r"\s+|[\w’'-]+|[^\w\s]", re.UNICODE)


def tokens(text):
    return TOKENS.findall(text or "")


def opcodes(old, new):
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        yield tag, "".join(a[i1:i2]), "".join(b[j1:j2])


def word_diff(old, new):
    """HTML of `new` against `old`: removed words in <del>, added in <ins>."""
    parts = []
    for tag, removed, added in opcodes(old, new):
        if tag == "equal":
            parts.append(escape(added))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))
