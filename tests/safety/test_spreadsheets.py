"""The CSV cell rule (OWASP): text that a spreadsheet would run as a formula gets a `'`."""

import pytest

from safety.spreadsheets import FORMULA_STARTS, safe_cell, unquote_cell


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_text_starting_like_a_formula_is_prefixed_with_a_quote(start):
    assert safe_cell(start + 'HYPERLINK("https://evil.example","x")') == (
        "'" + start + 'HYPERLINK("https://evil.example","x")'
    )


@pytest.mark.parametrize(
    "value", ["Decidim", " =not first", "a=b", "", "'quoted", "'", 42, -3, None]
)
def test_anything_else_is_written_as_it_is(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize(
    "value", ["=1+1", "-", "@SUM(A1)", "\tx", "\rx", "+33 1 23", "'=x", "''-x"]
)
def test_reading_a_neutralised_cell_back_gives_the_original_text(value):
    assert unquote_cell(safe_cell(value)) == value


def test_a_quote_before_ordinary_text_is_kept():
    assert unquote_cell("'quoted") == "'quoted"
