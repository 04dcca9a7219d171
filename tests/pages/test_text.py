"""The normal form of text: what every form, page and snapshot stores and compares."""

import pytest

from django.http import QueryDict

from pages.text import normal_input, normal_list, normal_text


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("One.\r\n\r\nTwo.", "One.\n\nTwo."),  # a browser's textarea
        ("Old Mac.\rLine.", "Old Mac.\nLine."),
        ("Caf\u0065\u0301", "Caf\u00e9"),  # decomposed é becomes composed
        ("Text.\n\n  \n", "Text."),  # whitespace at the end of the field
        ("    code block\nline  \nend", "    code block\nline  \nend"),  # Markdown kept
        ("", ""),
    ],
)
def test_text_is_stored_with_lf_nfc_and_no_trailing_whitespace(typed, stored):
    assert normal_text(typed) == stored


def test_values_that_are_not_text_pass_through():
    assert normal_text(None) is None
    assert normal_text(42) == 42


def test_lists_have_one_order_and_no_repeats_whatever_case_or_accents():
    assert normal_list(["fr", "en", "de"]) == ["de", "en", "fr"]
    assert normal_list(["Python", "go", "python", "Élixir", "", "Elm"]) == [
        "Élixir",
        "Elm",
        "go",
        "Python",
    ]
    assert normal_list(None) == []


def test_submitted_form_data_is_normalised_except_the_fields_kept_raw():
    data = QueryDict(mutable=True)
    data.setlist("description", ["A\r\nB\r\n"])
    data.setlist("interface_languages", ["fr", "en"])
    data["password"] = "secret \r\n"
    normal = normal_input(data, keep=("password",))
    assert normal["description"] == "A\nB"
    assert normal.getlist("interface_languages") == ["fr", "en"]  # the field orders it
    assert normal["password"] == "secret \r\n"
    assert normal_input({"body": "x\r\n", "tags": ["a\r"]}) == {"body": "x", "tags": ["a"]}
