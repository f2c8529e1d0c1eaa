"""A whole copy of the documents with their texts (the lake's first publish or migration, a snapshot's
`documents`) runs within a memory limit far below the texts' size: slices of documents, each a bounded join
(pipeline.doc_texts.sliced_selects), and Parquet row groups capped in bytes (pipeline.lake.ROW_GROUP_BYTES).
The lake then holds exactly the warehouse's rows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import doc_texts, duck, lake
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
LIMIT = "192MB"  # about twice the 20,000 documents' texts (a whole copy in one statement fails under it)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20,000-document warehouse of bench/bench_scale.py (about 100 MB of text), published without the lake."""
    home = tmp_path_factory.mktemp("whole") / "home"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "bench_scale.py"), "--docs", "20000", "--json",
                           "--home", str(home), "--build-only"], capture_output=True, text=True, timeout=540,
                          check=False, env={k: v for k, v in os.environ.items() if k != lake.LAKE_ENV})
    assert done.returncode == 0, done.stderr[-2000:]
    return home


def test_first_publish_of_a_large_warehouse_fits_a_small_limit(synthetic: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    monkeypatch.setenv(duck.REBUILD_MEMORY_ENV, LIMIT)
    paths = Paths(synthetic)
    statements: list[int] = []
    real = doc_texts.sliced_selects

    def counted(conn: duckdb.DuckDBPyConnection, catalog: str, rows: int | None = None) -> list[str]:
        out = real(conn, catalog, rows)
        statements.append(len(out))
        return out

    monkeypatch.setattr(doc_texts, "sliced_selects", counted)
    result = lake.migrate_warehouse(paths)
    assert result["problems"] == {}
    assert statements and statements[0] > 1
    conn = duck.connect()
    try:
        lake.attach(conn, paths, read_only=True)
        assert conn.execute("SELECT count(*) FROM lake.documents").fetchone() == (20_000,)
        assert conn.execute("SELECT count(*) FROM lake.documents WHERE text IS NULL").fetchone() == (0,)
    finally:
        conn.close()


def test_the_same_copy_in_one_statement_runs_out_of_memory(synthetic: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """What the test above guards against: under the same limit, one join of every text (as before) fails."""
    import shutil

    home = tmp_path / "home"
    shutil.copytree(synthetic, home, ignore=shutil.ignore_patterns("lake"))
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    monkeypatch.setenv(duck.REBUILD_MEMORY_ENV, LIMIT)

    def whole(conn: duckdb.DuckDBPyConnection, catalog: str, rows: int | None = None) -> list[str]:
        return [doc_texts.composed_select(doc_texts.columns(conn, catalog), f'{catalog}."documents"',
                                          f'{catalog}."{doc_texts.TABLE}"')]

    monkeypatch.setattr(doc_texts, "sliced_selects", whole)
    monkeypatch.setattr(lake, "ROW_GROUP_BYTES", 1_000_000_000)
    with pytest.raises(duckdb.OutOfMemoryException):
        lake.publish(Paths(home), None)


def test_sliced_copies_equal_the_whole_join(home: Paths) -> None:
    """Slices of three documents: every document once, with its text, in `documents`' row order; the snapshot's
    `documents` (materialize) and the lake's hold the same rows as one join."""
    analyst_warehouse(home)
    conn = duckdb.connect()
    try:
        conn.execute(f"ATTACH '{home.warehouse}' AS wh (READ_ONLY)")
        cols = doc_texts.columns(conn, "wh")
        whole = conn.execute(doc_texts.composed_select(cols, 'wh."documents"', 'wh."document_texts"')
                             + " ORDER BY d.rowid").fetchall()
        parts = doc_texts.sliced_selects(conn, "wh", 3)
        assert len(parts) == -(-len(whole) // 3) > 1
        sliced = [r for p in parts for r in conn.execute(f"{p} ORDER BY d._row").fetchall()]
        assert sliced == whole
    finally:
        conn.close()


@pytest.mark.parametrize("threads", ["1", "2", "3"])
def test_materialize_on_several_cursors_keeps_the_rows_and_their_order(home: Paths, tmp_path: Path, threads: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot's `documents` made by parts inserted at once on several cursors (doc_texts.insert_in_order)
    holds the rows of one ordered join, in the same order, whatever the number of threads; a copy larger than one
    slice still goes slice after slice (test_first_publish_of_a_large_warehouse_fits_a_small_limit,
    tests/scale/test_snapshot_index.py)."""
    import shutil

    analyst_warehouse(home)
    monkeypatch.setenv(duck.THREADS_ENV, threads)
    monkeypatch.setattr(doc_texts, "MIN_SLICE", 1)
    seen: list[int] = []
    real = doc_texts.sliced_selects

    def counted(conn: duckdb.DuckDBPyConnection, catalog: str, rows: int | None = None, extra: str = "") -> list[str]:
        out = real(conn, catalog, rows, extra)
        seen.append(len(out))
        return out

    monkeypatch.setattr(doc_texts, "sliced_selects", counted)
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(home.warehouse, copy)
    conn = duck.connect(copy)
    try:
        cols = doc_texts.published_columns(doc_texts.columns(conn, "copy"))
        whole = conn.execute(doc_texts.composed_select(doc_texts.columns(conn, "copy"), "documents",
                                                       "document_texts") + " ORDER BY d.rowid").fetchall()
        assert len(whole) > 4
        assert doc_texts.materialize(conn)
        assert seen == [int(threads)]  # a copy that fits one slice: as many parts as threads, copied at once
        names = ", ".join(f'"{c}"' for c in cols)
        assert conn.execute(f"SELECT {names} FROM documents ORDER BY rowid").fetchall() == whole
    finally:
        conn.close()


@pytest.mark.parametrize("threads", ["1", "2", "3"])
def test_materialize_in_parts_runs_duckdb_at_one_thread_meanwhile(home: Paths, tmp_path: Path, threads: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts copied at once (one per thread, each on its own cursor) run with DuckDB at one thread (its own workers
    on top of them cost about 20% more CPU on the publish's largest piece); the setting is the connection's again
    afterwards, and a copy in one part keeps it."""
    import shutil

    analyst_warehouse(home)
    monkeypatch.setenv(duck.THREADS_ENV, threads)
    monkeypatch.setattr(doc_texts, "MIN_SLICE", 1)
    during: list[tuple[int, int]] = []
    real = doc_texts.insert_in_order

    def spy(conn: duckdb.DuckDBPyConnection, inserts: list[str]) -> None:
        during.append((len(inserts), int(conn.execute("SELECT current_setting('threads')").fetchone()[0])))
        real(conn, inserts)

    monkeypatch.setattr(doc_texts, "insert_in_order", spy)
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(home.warehouse, copy)
    conn = duck.connect(copy)
    try:
        conn.execute(f"SET threads = {max(2, int(threads))}")
        assert doc_texts.materialize(conn)
        assert during == [(int(threads), 1 if int(threads) > 1 else 2)]
        assert int(conn.execute("SELECT current_setting('threads')").fetchone()[0]) == max(2, int(threads))
    finally:
        conn.close()


def test_insert_in_order_keeps_nothing_when_one_fails(tmp_path: Path) -> None:
    conn = duck.connect(tmp_path / "x.duckdb")
    try:
        conn.execute("CREATE TABLE t (i INTEGER)")
        with pytest.raises(duckdb.Error):
            doc_texts.insert_in_order(conn, ["INSERT INTO t SELECT range FROM range(1000)",
                                             "INSERT INTO t SELECT 'not a number'"])
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
        doc_texts.insert_in_order(conn, [f"INSERT INTO t SELECT range + {k} * 100000 FROM range(50000)"
                                         for k in range(3)])
        assert [r[0] for r in conn.execute("SELECT i FROM t ORDER BY rowid").fetchall()] == \
            [k * 100000 + i for k in range(3) for i in range(50000)]
    finally:
        conn.close()
