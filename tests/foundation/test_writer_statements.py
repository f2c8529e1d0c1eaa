"""The write job's cheaper statements (issue 16, docs/performance.md "the writer's CPU"): the story index's delta
probed in one statement for keys on both sides of 2^63, a write job's chunks on one DuckDB thread (restored for its
last step), key lookups given their values, and a batch appended as it is when nothing stored is carried over."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from pipeline import keyed_rows, keyfetch, row_keys, story_store
from pipeline.chunk_writer import ChunkWriter
from pipeline.stages import StageTimes
from pipeline.store import migrate, open_writer
from planwatch.config import Paths

TOP = 1 << 63
# keys around the sign bit and the ends: a key of 2^63 and above cannot go through an Arrow UBIGINT join filter
KEYS = [0, 1, 5, TOP - 1, TOP, TOP + 1, 2**64 - 2, 2**64 - 1]


def _delta(conn: duckdb.DuckDBPyConnection) -> None:
    conn.register("_b", pa.table({"band_key": pa.array(KEYS, pa.uint64()),
                                  "doc_id": pa.array([f"d{i}" for i in range(len(KEYS))], pa.string())}))
    conn.execute("DELETE FROM story_bands")
    conn.execute("INSERT INTO story_bands BY NAME SELECT * FROM _b")
    conn.unregister("_b")


def test_the_delta_probe_finds_keys_on_both_sides_of_the_sign_bit() -> None:
    conn = duckdb.connect()
    migrate(conn)
    _delta(conn)
    statement = story_store.sql.query("story_candidates_join")
    asked = np.array([*KEYS, 7, TOP + 7, 2**64 - 3], dtype=np.uint64)
    rows = story_store._probe_delta(conn, asked, statement)
    assert sorted(rows) == sorted((k, f"d{i}") for i, k in enumerate(KEYS))
    only_high = story_store._probe_delta(conn, np.array([TOP, 2**64 - 1], dtype=np.uint64), statement)
    assert sorted(rows for rows in only_high) == [(TOP, "d4"), (2**64 - 1, "d7")]
    assert story_store._probe_delta(conn, np.array([3, TOP + 3], dtype=np.uint64), statement) == []
    # one statement: no temporary table left behind
    assert conn.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone() == (0,)


def _threads(conn: duckdb.DuckDBPyConnection) -> int:
    row = conn.execute("SELECT current_setting('threads')").fetchone()
    assert row is not None
    return int(row[0])


def test_one_thread_narrows_once_and_restores() -> None:
    conn = duckdb.connect()
    conn.execute("SET threads = 3")
    with story_store.one_thread(conn):
        assert _threads(conn) == 1
        with story_store.one_thread(conn):  # (a story batch inside a chunk leaves the setting alone)
            assert _threads(conn) == 1
        assert _threads(conn) == 1
    assert _threads(conn) == 3
    with pytest.raises(RuntimeError), story_store.one_thread(conn):
        raise RuntimeError("a failed chunk")
    assert _threads(conn) == 3


def test_a_write_jobs_chunks_run_on_one_thread_and_its_last_step_on_the_usual(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "home")
    with open_writer(paths, publish=False) as writer:
        writer.conn.execute("SET threads = 2")
    seen: list[tuple[str, int]] = []

    def store(writer: Any, chunk: list[Any]) -> None:
        seen.append(("chunk", _threads(writer.conn)))

    def last(writer: Any) -> None:
        seen.append(("last", _threads(writer.conn)))

    def start(writer: Any) -> None:
        writer.conn.execute("SET threads = 2")

    result: Any = SimpleNamespace(docs=[{"doc_id": "a"}, {"doc_id": "b"}], pages=2)
    job = ChunkWriter(paths, StageTimes(), start=start, store=store, min_chunk=2)
    job.add(result)
    job.add(result)
    job.finish(last)
    assert seen and seen[-1] == ("last", 2)
    assert {n for kind, n in seen if kind == "chunk"} == {1}


def test_select_by_keys_given_the_values_reads_the_same_rows() -> None:
    conn = duckdb.connect()
    conn.execute("CREATE TABLE t AS SELECT 'k' || (i % 50) AS doc_id, i AS n FROM range(5000) r(i)")
    wanted = ["k3", "k7", "k3", "k49", "nope"]
    conn.register("_ids", pa.table({"doc_id": pa.array(wanted, pa.string())}))
    read = keyfetch.select_by_keys(conn, "t", "_ids", ("doc_id",), "doc_id, n")
    given = keyfetch.select_by_keys(conn, "t", "_ids", ("doc_id",), "doc_id, n", values=wanted)
    expected = sorted(conn.execute("SELECT doc_id, n FROM t WHERE doc_id IN ('k3', 'k7', 'k49')").fetchall())
    assert sorted(conn.execute(read).fetchall()) == expected == sorted(conn.execute(given).fetchall())
    assert conn.execute(keyfetch.select_by_keys(conn, "t", "_ids", ("doc_id",), values=[])).fetchall() == []


def _docs(ids: list[str], story: str | None = None) -> pa.Table:
    return pa.table({"doc_id": pa.array(ids, pa.string()), "story_id": pa.array([story] * len(ids), pa.string())})


def test_a_batch_with_nothing_to_carry_over_is_appended_in_its_order_with_its_key(tmp_path: Path) -> None:
    conn = duckdb.connect()
    conn.execute(f"CREATE TABLE documents (doc_id VARCHAR, story_id VARCHAR, title VARCHAR, "
                 f"{row_keys.STORY_KEY} UINTEGER)")
    first = ["z", "b", "m", "a"]
    keyed_rows.store(conn, "documents", _docs(first), replace=False)
    keyed_rows.store(conn, "documents", _docs(["q", "b", "c"], "s-q"), replace=True)  # b replaced: moves to the end
    rows = conn.execute(f"SELECT doc_id, story_id, {row_keys.STORY_KEY} FROM documents ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == ["z", "m", "a", "q", "b", "c"]
    for doc_id, story, key in rows:
        assert key == row_keys.key_of(story or doc_id)
    # a replace that keeps a column the batch does not carry still takes the stored value
    conn.execute("UPDATE documents SET title = 'kept' WHERE doc_id = 'a'")
    keyed_rows.store(conn, "documents", _docs(["a"], "s-a"), replace=True)
    assert conn.execute("SELECT title, story_id FROM documents WHERE doc_id = 'a'").fetchall() == [("kept", "s-a")]


def test_a_merge_inside_a_narrowed_job_gets_the_usual_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = duckdb.connect()
    migrate(conn)
    conn.execute("SET threads = 3")
    seen: list[int] = []
    monkeypatch.setattr(story_store, "merge_due", lambda _conn: True)
    def merge(c: duckdb.DuckDBPyConnection) -> dict[str, int]:
        seen.append(_threads(c))
        return {}

    monkeypatch.setattr(story_store, "merge_bands", merge)
    with story_store.one_thread(conn):
        story_store.assign_and_index(conn, [])
        assert _threads(conn) == 1  # (back to one for the rest of the chunk)
    story_store.assign_and_index(conn, [])  # a batch alone: restored before its merge, as before
    assert seen == [3, 3]
    assert _threads(conn) == 3
