"""Word-level diffs of text, rendered as <ins>/<del> HTML.

Markdown source is compared as words and the whitespace between them, so a
changed word shows as one word, not a whole line or paragraph.

Why in passes: difflib's SequenceMatcher is quadratic on inputs full of
repeated tokens (every space and "the" of a 50 KB description): a word diff of
two such descriptions took twenty seconds. So the texts are compared line by
line first (cheap: most lines are unique), then the blocks of lines that
changed sentence by sentence, and only the sentences that changed word by
word, each time after trimming what both sides share at their ends. A block
still too large to compare word by word (a 50 KB paragraph rewritten without
any punctuation) shows as removed then added, which is right if coarse.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

TOKENS = re.compile(r"\s+|[\w’'-]+|[^\w\s]", re.UNICODE)
#: Above this many pairs of units (lines, sentences, words), a block of changes
#: is compared coarsely (see above).
EXACT_DIFF_LIMIT = 250_000


def tokens(text):
    return TOKENS.findall(text or "")


def opcodes(old, new):
    """(tag, removed text, added text) pieces that turn `old` into `new`.

    `tag` is "equal" (both texts hold the piece), "delete", "insert" or
    "replace"; joining the removed (resp. added) parts of every piece, with the
    equal ones, gives back `old` (resp. `new`) exactly.
    """
    old, new = old or "", new or ""
    pending = ""  # consecutive equal pieces, merged
    for tag, removed, added in _diff(old, new, 0):
        if tag == "equal":
            pending += added
            continue
        if pending:
            yield "equal", pending, pending
            pending = ""
        yield tag, removed, added
    if pending:
        yield "equal", pending, pending


def _lines(text):
    return text.splitlines(keepends=True)


def _sentences(text):
    return [part for part in SENTENCE_END.split(text) if part]


#: Coarse to fine: a level's changed blocks are compared at the next level.
LEVELS = (_lines, _sentences, tokens)
SENTENCE_END = re.compile(r"(?<=[.!?;:])(?=\s)")


def _diff(old, new, level):
    if old == new:
        if old:
            yield "equal", old, new
        return
    if not old or not new:
        yield ("insert" if new else "delete"), old, new
        return
    a, b = LEVELS[level](old), LEVELS[level](new)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    if start:
        yield "equal", "".join(a[:start]), "".join(b[:start])
    a_mid, b_mid = a[start : len(a) - end], b[start : len(b) - end]
    large = len(a_mid) * len(b_mid) > EXACT_DIFF_LIMIT
    last_level = level == len(LEVELS) - 1
    if large and last_level:
        # Nothing in common worth the cost of finding it: show old out, new in.
        yield "replace", "".join(a_mid), "".join(b_mid)
    else:
        matcher = SequenceMatcher(None, a_mid, b_mid, autojunk=large)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            removed, added = "".join(a_mid[i1:i2]), "".join(b_mid[j1:j2])
            if tag == "replace" and not last_level:
                yield from _diff(removed, added, level + 1)
            else:
                yield tag, removed, added
    if end:
        yield "equal", "".join(a[len(a) - end :]), "".join(b[len(b) - end :])


def word_diff(old, new, context=None, elision=None):
    """HTML of `new` against `old`: removed words in <del>, added in <ins>.

    With `context` (a number of characters), long unchanged stretches are cut
    down to that much text on each side of a change, the cut marked by
    `elision(number of characters left out)`: a one-word change in a long
    description then shows as a few lines, not the whole text.
    """
    pieces = list(opcodes(old, new))
    parts = []
    for index, (tag, removed, added) in enumerate(pieces):
        if tag == "equal":
            if context is not None:
                first, last = index == 0, index == len(pieces) - 1
                parts.append(_elide(added, context, first, last, elision))
            else:
                parts.append(escape(added))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))


def _elide(text, context, first, last, elision):
    """Unchanged text, shortened to `context` characters next to each change."""
    keep_before = 0 if first else context  # text after the previous change
    keep_after = 0 if last else context  # text before the next change
    if (first and last) or len(text) <= keep_before + keep_after + 2 * context:
        return escape(text)
    head = _cut_at_word(text[:keep_before], from_end=False) if keep_before else ""
    tail = _cut_at_word(text[len(text) - keep_after :], from_end=True) if keep_after else ""
    left_out = len(text) - len(head) - len(tail)
    marker = elision(left_out) if elision else f"[… {left_out} …]"
    return f'{escape(head)}<span class="diff-elision">{escape(marker)}</span>{escape(tail)}'


def _cut_at_word(text, from_end):
    """Drop the partial word at the cut, so context starts and ends on whole words."""
    if from_end:
        space = text.find(" ")
        return text[space + 1 :] if 0 <= space < len(text) // 2 else text
    space = text.rfind(" ")
    return text[:space] if space > len(text) // 2 else text
