"""The workbook people open in Excel: Vietnamese headers, widths, a frozen header row with filters, times on
the Vietnam clock (+07:00, said in the header), one sheet per view plus activities, stories and sources,
and a "Giải thích cột" sheet mapping every header back to its machine name (as in CSV, Parquet and SQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

from pipeline import sql
from pipeline.cellguard import guard_xlsx_row
from pipeline.export import _cell, _select
from pipeline.export_labels import SHEET_TITLES, header

EXTRA_SHEETS = {"activities": "export_activities", "stories": "export_stories", "sources": "export_sources"}
SHEET_ORDER = ("coverage", "activities", "stories", "coverage_items", "matches", "documents", "review_queue",
               "sources", "source_health", "fetch_log")
DICTIONARY = "Giải thích cột"
DATE_FORMAT = "dd/mm/yyyy"
TIME_FORMAT = "dd/mm/yyyy hh:mm"
MIN_WIDTH, MAX_WIDTH, WIDTH_SAMPLE = 8, 60, 300


def sheets_for(views: tuple[str, ...]) -> list[str]:
    """The views asked for plus the people-facing extra sheets, in reading order."""
    wanted = [*views, *EXTRA_SHEETS]
    return [name for name in SHEET_ORDER if name in wanted] + [v for v in views if v not in SHEET_ORDER]


def _cursor(conn: duckdb.DuckDBPyConnection, name: str) -> Any:
    if name in EXTRA_SHEETS:
        return conn.execute(sql.query(EXTRA_SHEETS[name]))
    return conn.execute(_select(conn, name))


def write_workbook(conn: duckdb.DuckDBPyConnection, path: Path, views: tuple[str, ...]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    dictionary: list[tuple[str, str, str, str]] = []
    for name in sheets_for(views):
        cur = _cursor(conn, name)
        columns = [(d[0], str(d[1]).upper()) for d in cur.description]
        dictionary += add_sheet(book, name, columns, cur.fetchall())
    add_dictionary(book, dictionary)
    book.save(path)
    return path


def add_sheet(book: Any, name: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]],
              title: str | None = None) -> list[tuple[str, str, str, str]]:
    """One sheet: Vietnamese bold header (wrapping), typed dates and times, widths, frozen header, filter.
    columns: (machine name, DuckDB type). Returns its rows for the dictionary sheet."""
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F1")
    sheet = book.create_sheet(name[:31])
    headers = [header(col, kind.startswith("TIMESTAMP")) for col, kind in columns]
    sheet.append(headers)
    for row in rows:
        sheet.append([_cell(v) for v in row])
        guard_xlsx_row(sheet, sheet.max_row)  # the shared formula guard: crawled text never becomes a formula
    out = []
    for index, ((col, kind), label) in enumerate(zip(columns, headers, strict=True), start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        fmt = TIME_FORMAT if kind.startswith("TIMESTAMP") else DATE_FORMAT if kind == "DATE" else None
        if fmt:
            for (data_cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                data_cell.number_format = fmt
        sheet.column_dimensions[cell.column_letter].width = _width(label, [r[index - 1] for r in
                                                                            rows[:WIDTH_SAMPLE]], fmt)
        out.append((name, title or SHEET_TITLES.get(name, ""), label, col))
    sheet.freeze_panes = "A2"
    last = sheet.cell(row=1, column=max(1, len(columns))).column_letter
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    return out


def extra_sheet(conn: duckdb.DuckDBPyConnection, book: Any, name: str) -> list[tuple[str, str, str, str]]:
    """One of the people-facing extra sheets (activities, stories, sources)."""
    cur = _cursor(conn, name)
    return add_sheet(book, name, [(d[0], str(d[1]).upper()) for d in cur.description], cur.fetchall())


def _width(label: str, values: list[Any], fmt: str | None) -> float:
    if fmt == TIME_FORMAT:
        longest = 16
    elif fmt == DATE_FORMAT:
        longest = 10
    else:
        longest = max((len(_shown(v)) for v in values), default=0)
    # a long header wraps (row 1 wraps text): it needs room for its longest word, not its whole length
    words = max((len(w) for w in label.split()), default=0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2, words + 2, min(len(label), 24))))


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.datetime):
        return "00/00/0000"
    return str(_cell(value)).split("\n", 1)[0]


def add_dictionary(book: Any, rows: list[tuple[str, str, str, str]]) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(DICTIONARY)
    sheet.append(["Trang tính", "Nội dung trang tính", "Tiêu đề cột (tiếng Việt)", "Tên cột (CSV, Parquet, SQL)"])
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (16, 60, 44, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:D{len(rows) + 1}"
