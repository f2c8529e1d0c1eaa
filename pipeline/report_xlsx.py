"""`report --format xlsx`: the coverage report as a workbook (the table, then activities, stories, sources)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from pipeline.export_xlsx import add_dictionary, add_sheet, extra_sheet

REPORT_COLUMNS = (("activity", "VARCHAR"), ("format", "VARCHAR"), ("planned", "INTEGER"), ("actual", "INTEGER"),
                  ("pending_review", "INTEGER"), ("expected_by_now", "DOUBLE"), ("window_start", "DATE"),
                  ("window_end", "DATE"), ("status", "VARCHAR"), ("status_vi", "VARCHAR"))


def write_report_xlsx(conn: duckdb.DuckDBPyConnection, report: dict[str, Any], path: Path) -> Path:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    rows = []
    for r in report["rows"]:
        row = []
        for col, kind in REPORT_COLUMNS:
            value = r.get(col)
            row.append(dt.date.fromisoformat(value) if kind == "DATE" and isinstance(value, str) else value)
        rows.append(tuple(row))
    title = f"Kế hoạch {report['plan']}: kế hoạch và thực tế tính đến {report['as_of']}"
    dictionary = add_sheet(book, "report", list(REPORT_COLUMNS), rows, title=title)
    for name in ("activities", "stories", "sources"):
        dictionary += extra_sheet(conn, book, name)
    add_dictionary(book, dictionary)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
