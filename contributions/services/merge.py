"""Three-way merge of two edits of one entry, field by field.

The edit form carries the revision it started from (the base). When someone
else published in the meantime (theirs), each field is decided on its own:
changed on one side only → that side wins; changed identically → fine;
changed differently on both sides → a conflict that the contributor resolves,
with both texts kept. Nothing is ever overwritten silently.
"""

from dataclasses import dataclass, field


@dataclass
class MergeResult:
    merged: dict
    conflicts: list = field(default_factory=list)  # field names changed on both sides
    theirs_changed: list = field(default_factory=list)  # merged in automatically

    @property
    def clean(self):
        return not self.conflicts


def three_way_merge(base, theirs, mine):
    """Merge snapshots (dicts of field → value); `mine` may hold only some fields."""
    merged = dict(theirs)
    result = MergeResult(merged=merged)
    for name, my_value in mine.items():
        base_value = base.get(name)
        their_value = theirs.get(name)
        if my_value == base_value:
            if their_value != base_value:
                result.theirs_changed.append(name)
            continue  # keep theirs (unchanged by me)
        if their_value in (base_value, my_value):
            merged[name] = my_value
            continue
        result.conflicts.append(name)
        merged[name] = my_value  # provisional: the user decides
    result.theirs_changed += [
        name for name in theirs if name not in mine and theirs[name] != base.get(name)
    ]
    return result
