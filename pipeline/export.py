"""Export the analyst views from the snapshot to Parquet, CSV or an Excel workbook. Text that a spreadsheet
would take for a formula is written as text in CSV and xlsx (pipeline.cellguard)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
from duckdb.func import SPECIAL

from pipeline.cellguard import as_text
from planwatch.core.vntime import VN_TZ

ANALYST_VIEWS = ("coverage", "coverage_items", "matches", "documents", "review_queue", "source_health", "fetch_log")
FORMATS = ("parquet", "csv", "xlsx")
UTF8_BOM = b"\xef\xbb\xbf"


def export_views(conn: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str,
                 views: tuple[str, ...] = ANALYST_VIEWS) -> list[Path]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_export_xlsx(conn, out_dir / "planwatch.xlsx", views)]
    written = []
    if fmt == "csv":
        _register_guard(conn)
    for view in views:
        path = out_dir / f"{view}.{fmt}"
        if fmt == "parquet":  # typed data for notebooks, not a spreadsheet: kept exactly as stored
            conn.sql(_select(conn, view)).write_parquet(str(path))
        else:
            _write_csv_with_bom(conn.sql(_select(conn, view, guard_text=True)), path)
        written.append(path)
    return written


_GUARD_FN = "pw_text_cell"


def _register_guard(conn: duckdb.DuckDBPyConnection) -> None:
    """The shared formula guard (pipeline.cellguard) as a function DuckDB calls on each text cell."""
    import contextlib

    with contextlib.suppress(duckdb.Error):  # already registered on this connection
        conn.remove_function(_GUARD_FN)
    conn.create_function(_GUARD_FN, _text_cell, [duckdb.sqltype("VARCHAR")], duckdb.sqltype("VARCHAR"),
                         null_handling=SPECIAL, side_effects=False)


def _text_cell(value: str | None) -> str | None:
    return None if value is None else str(as_text(value))


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
