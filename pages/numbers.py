"""Whole numbers from query strings and forms, read without ever raising.

`str.isdigit()` accepts "²" and "١٢" (which `int()` then refuses or reads as
another number), `int()` refuses strings of more than 4,300 digits, and the
databases overflow past 64 bits: every id or count that comes from a request
goes through `whole_number`, which answers an int within bounds or None.
"""

import re

#: The largest value a 64-bit signed integer column holds (SQLite and PostgreSQL).
MAX_BIG_INTEGER = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def whole_number(value, minimum=0, maximum=MAX_BIG_INTEGER):
    """`value` (str or int) as an int from `minimum` to `maximum`, else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None
