"""Export the analyst views from the snapshot to Parquet, CSV or an Excel workbook."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb

ANALYST_VIEWS = ("coverage", "coverage_items", "matches", "documents", "review_queue", "source_health", "fetch_log")
FORMATS = ("parquet", "csv", "xlsx")
UTF8_BOM = b"\xef\xbb\xbf"
VN_TZ = dt.timezone(dt.timedelta(hours=7))  # Asia/Ho_Chi_Minh, no daylight saving time


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
            _write_csv_with_bom(rel, path)
        written.append(path)
    return written


def _write_csv_with_bom(rel: duckdb.DuckDBPyRelation, path: Path) -> None:
    """CSV in UTF-8 with a BOM, so Excel opens the Vietnamese right on a double-click."""
    tmp = path.with_name(f".{path.name}.tmp")
    rel.write_csv(str(tmp), header=True)
    with open(path, "wb") as out, open(tmp, "rb") as src:
        out.write(UTF8_BOM)
        shutil.copyfileobj(src, out, 1024 * 1024)
    tmp.unlink()


def _select(conn: duckdb.DuckDBPyConnection, view: str) -> str:
    """SELECT * of an analyst view, without the snapshot-only search column (a folded copy of the text)."""
    cols = {r[0] for r in conn.execute(f'DESCRIBE "{view}"').fetchall()}  # names from ANALYST_VIEWS
    return f'SELECT * EXCLUDE (search_text) FROM "{view}"' if "search_text" in cols else f'SELECT * FROM "{view}"'


def _export_xlsx(conn: duckdb.DuckDBPyConnection, path: Path, views: tuple[str, ...]) -> Path:
    from pipeline.export_xlsx import write_workbook

    return write_workbook(conn, path, views)


_XLSX_MAX_CHARS = 32767  # Excel's limit per cell; longer page texts are cut (the Parquet/CSV exports keep them)


def _cell(value: object) -> object:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # control characters openpyxl refuses

        return ILLEGAL_CHARACTERS_RE.sub("", value)[:_XLSX_MAX_CHARS]
    if isinstance(value, list | dict | tuple):
        return ", ".join(map(str, value)) if not isinstance(value, dict) else str(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        # Excel has no time zones: the wall clock in Vietnam (+07:00), and the header says so
        return value.astimezone(VN_TZ).replace(tzinfo=None)
    return value
