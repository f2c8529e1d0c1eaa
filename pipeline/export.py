"""Export the analyst views from the snapshot to Parquet, CSV or an Excel workbook."""

from __future__ import annotations

from pathlib import Path

import duckdb

ANALYST_VIEWS = ("coverage", "coverage_items", "matches", "documents", "review_queue", "source_health", "fetch_log")
FORMATS = ("parquet", "csv", "xlsx")


def export_views(conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str,
                 views: tuple[str, ...] = ANALYST_VIEWS) -> list[Path]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_export_xlsx(conn, out_dir / "planwatch.xlsx", views)]
    written = []
    for view in views:
        rel = conn.sql(f'SELECT * FROM "{view}"')  # view names come from ANALYST_VIEWS, not input
        path = out_dir / f"{view}.{fmt}"
        if fmt == "parquet":
            rel.write_parquet(str(path))
        else:
            rel.write_csv(str(path), header=True)
        written.append(path)
    return written


def _export_xlsx(conn: duckdb.DuckDBPyConnection, path: Path, views: tuple[str, ...]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for view in views:
        cur = conn.execute(f'SELECT * FROM "{view}"')
        sheet = book.create_sheet(view[:31])
        sheet.append([d[0] for d in cur.description])
        for row in cur.fetchall():
            sheet.append([_cell(v) for v in row])
    book.save(path)
    return path


def _cell(value: object) -> object:
    if isinstance(value, list | dict | tuple):
        return ", ".join(map(str, value)) if not isinstance(value, dict) else str(value)
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return value.replace(tzinfo=None)  # type: ignore[attr-defined]  # Excel has no time zones
    return value
