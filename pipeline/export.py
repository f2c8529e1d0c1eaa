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
        rel = conn.sql(_select(conn, view))
        path = out_dir / f"{view}.{fmt}"
        if fmt == "parquet":
            rel.write_parquet(str(path))
        else:
            rel.write_csv(str(path), header=True)
        written.append(path)
    return written


def _select(conn: duckdb.DuckDBPyConnection, view: str) -> str:
    """SELECT * of an analyst view, without the snapshot-only search column (a folded copy of the text)."""
    cols = {r[0] for r in conn.execute(f'DESCRIBE "{view}"').fetchall()}  # names from ANALYST_VIEWS
    return f'SELECT * EXCLUDE (search_text) FROM "{view}"' if "search_text" in cols else f'SELECT * FROM "{view}"'


def _export_xlsx(conn: duckdb.DuckDBPyConnection, path: Path, views: tuple[str, ...]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for view in views:
        cur = conn.execute(_select(conn, view))
        sheet = book.create_sheet(view[:31])
        sheet.append([d[0] for d in cur.description])
        for row in cur.fetchall():
            sheet.append([_cell(v) for v in row])
    book.save(path)
    return path


_XLSX_MAX_CHARS = 32767  # Excel's limit per cell; longer page texts are cut (the Parquet/CSV exports keep them)


def _cell(value: object) -> object:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # control characters openpyxl refuses

        return ILLEGAL_CHARACTERS_RE.sub("", value)[:_XLSX_MAX_CHARS]
    if isinstance(value, list | dict | tuple):
        return ", ".join(map(str, value)) if not isinstance(value, dict) else str(value)
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return value.replace(tzinfo=None)  # type: ignore[attr-defined]  # Excel has no time zones
    return value
