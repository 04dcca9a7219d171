"""Ids and counts read from requests: an int within bounds, or None, never an exception."""

import pytest

from pages.numbers import MAX_BIG_INTEGER, whole_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", 0), ("42", 42), (7, 7), (str(MAX_BIG_INTEGER), MAX_BIG_INTEGER)],
)
def test_a_whole_number_in_range_is_read(value, expected):
    assert whole_number(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "-1",
        "²",  # str.isdigit() says yes, int() says no
        "١٢",  # Arabic-Indic digits: int() would read 12
        "1.5",
        " 3",
        str(MAX_BIG_INTEGER + 1),
        "9" * 5000,  # int() refuses more than 4,300 digits
        None,
        True,
        ["1"],
    ],
)
def test_anything_else_is_none(value):
    assert whole_number(value) is None


def test_bounds_are_inclusive():
    assert whole_number("1", 1, 200) == 1
    assert whole_number("200", 1, 200) == 200
    assert whole_number("201", 1, 200) is None
    assert whole_number("0", 1, 200) is None
