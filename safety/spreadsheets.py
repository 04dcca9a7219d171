"""CSV cells that cannot run as formulas (OWASP "CSV injection").

A spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-` or `@`
(and, in some, a tab or carriage return) as a formula: `=HYPERLINK(…)` in a
tool's name becomes a link that leaks data when a moderator clicks it. Every
CSV the site writes passes its cells through `safe_cell`, which prefixes those
with a single quote (OWASP's rule); `unquote_cell` undoes it when our own CSV
is imported back, so an export round-trips unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(value):
    # Text already quoted this way is quoted once more, so that reading back is exact.
    return isinstance(value, str) and value.lstrip("'").startswith(FORMULA_STARTS)


def safe_cell(value):
    """The value to write in a CSV cell: text starting like a formula gets a leading `'`."""
    return "'" + value if _formula_like(value) else value


def safe_row(values):
    return [safe_cell(value) for value in values]


def unquote_cell(value):
    """The text `safe_cell` was given (a cell of our own export, read back)."""
    return value[1:] if _formula_like(value) and value.startswith("'") else value


def neutralise_wagtail_exports():
    """Wagtail's admin CSV exports (page listings, reports, history) go through safe_cell too.

    Their cells hold page titles and user names that any contributor chooses;
    Wagtail protects its XLSX exports but writes CSV cells as they are. Wrapped
    once, at start-up, for every view built on SpreadsheetExportMixin.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    def write_csv_row(self, writer, row_dict):
        # As Wagtail's own, with safe_cell applied to the text Wagtail would write.
        return writer.writerow(
            {
                name: safe_cell(self.preprocess_field_value(name, value, self.FORMAT_CSV))
                for name, value in row_dict.items()
            }
        )

    SpreadsheetExportMixin.write_csv_row = write_csv_row
