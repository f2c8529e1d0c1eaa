"""Export the analyst views from the snapshot to Parquet, CSV or an Excel workbook. Text that a spreadsheet
would take for a formula is written as text in CSV and xlsx (pipeline.cellguard)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipeline import sql
from planwatch.core.vntime import VN_TZ

ANALYST_VIEWS = ("coverage", "coverage_items", "matches", "documents", "review_queue", "source_health", "fetch_log")
FORMATS = ("parquet", "csv", "xlsx")
UTF8_BOM = b"\xef\xbb\xbf"
# rows per Parquet row group: about 30-60 MB of documents with their texts (3-8 KB a page)
PARQUET_ROW_GROUP_ROWS = 8192


def export_views(conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str,
                 views: tuple[str, ...] = ANALYST_VIEWS) -> list[Path]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_export_xlsx(conn, out_dir / "planwatch.xlsx", views)]
    written = []
    if fmt == "csv":
        conn.execute(sql.query("export_text_cell"))  # the formula guard as a macro (pipeline.cellguard)
    with _one_thread(conn):
        for view in views:
            path = out_dir / f"{view}.{fmt}"
            if fmt == "parquet":  # typed data for notebooks, not a spreadsheet: kept exactly as stored
                # written a row group at a time: the default 122,880 rows is about 1 GB of page texts
                conn.sql(_select(conn, view)).write_parquet(str(path), row_group_size=PARQUET_ROW_GROUP_ROWS)
            else:
                _write_csv_with_bom(conn.sql(_select(conn, view, guard_text=True)), path)
            written.append(path)
    return written


@contextmanager
def _one_thread(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Stream the views on one thread, so the export holds one source row group and one output row group at a
    time, whatever the warehouse's row groups are (a lake written before the 32 MB cap keeps 1 GB ones: with
    two threads the Parquet export of 1M documents ran out of memory). The rows keep the view's order."""
    (before,) = conn.execute("SELECT current_setting('threads')").fetchone() or (None,)
    conn.execute("SET threads = 1")
    try:
        yield
    finally:
        conn.execute(f"SET threads = {int(before)}" if before else "RESET threads")


_GUARD_FN = "pw_text_cell"  # data/sql/queries/export_text_cell.sql


def _select(conn: duckdb.DuckDBPyConnection, view: str, *, guard_text: bool = False) -> str:
    """SELECT of an analyst view, without the snapshot-only search column (a folded copy of the text);
    with `guard_text`, every text column goes through the formula guard."""
    described = conn.execute(f'DESCRIBE "{view}"').fetchall()  # names from ANALYST_VIEWS
    cols = [(r[0], r[1]) for r in described if r[0] != "search_text"]
    parts = []
    for name, type_ in cols:
        quoted = '"' + name.replace('"', '""') + '"'
        parts.append(f"{_GUARD_FN}({quoted}) AS {quoted}" if guard_text and type_ == "VARCHAR" else quoted)
    return f'SELECT {", ".join(parts)} FROM "{view}"'


def _write_csv_with_bom(rel: duckdb.DuckDBPyRelation, path: Path) -> None:
    """CSV in UTF-8 with a BOM, so Excel opens the Vietnamese right on a double-click."""
    tmp = path.with_name(f".{path.name}.tmp")
    rel.write_csv(str(tmp), header=True)
    with open(path, "wb") as out, open(tmp, "rb") as src:
        out.write(UTF8_BOM)
        shutil.copyfileobj(src, out, 1024 * 1024)
    tmp.unlink()


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
