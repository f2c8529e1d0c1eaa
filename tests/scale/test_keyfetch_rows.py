"""pipeline.keyfetch.select_by_keys with row ids found earlier (`found`, `known`): what a publish reuses between
the coverage file and the lake instead of scanning a key column again."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipeline import keyfetch


def _conn() -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    conn.execute("CREATE TABLE t (doc_id VARCHAR, plan_id VARCHAR, v INTEGER)")
    conn.execute("INSERT INTO t VALUES ('a', 'p1', 1), ('b', 'p1', 2), ('a', 'p2', 3), ('c', 'p1', 4), "
                 "('b', 'p2', 5), (NULL, 'p1', 6)")
    return conn


def _rows(conn: duckdb.DuckDBPyConnection, select: str) -> list[tuple[object, ...]]:
    return sorted(conn.execute(f"SELECT doc_id, plan_id, v FROM ({select})").fetchall(), key=str)


def test_found_row_ids_read_the_same_rows_again() -> None:
    conn = _conn()
    conn.register("_k", pa.table({"doc_id": ["a", "b", "z"]}))
    found: dict[str, list[int]] = {}
    first = _rows(conn, keyfetch.select_by_keys(conn, "t", "_k", ("doc_id",), found=found))
    assert first == [("a", "p1", 1), ("a", "p2", 3), ("b", "p1", 2), ("b", "p2", 5)]
    assert sorted(found) == ["a", "b"] and sorted(found["a"]) == [0, 2]
    found["z"] = []  # (z has no row)
    assert _rows(conn, keyfetch.select_by_keys(conn, "t", "_k", ("doc_id",), known=found)) == first
    # with every key known the key column is not scanned: the rows are the given ids' (here a wrong one, to see it)
    assert _rows(conn, keyfetch.select_by_keys(conn, "t", "_k", ("doc_id",), known={**found, "a": [3]})) == [
        ("b", "p1", 2), ("b", "p2", 5), ("c", "p1", 4)]


def test_known_rows_with_a_key_of_several_columns_keep_only_the_whole_keys() -> None:
    conn = _conn()
    known = {"a": [0, 2], "b": [1, 4]}
    conn.register("_k", pa.table({"doc_id": ["a", "b"], "plan_id": ["p2", "p1"]}))
    select = keyfetch.select_by_keys(conn, "t", "_k", ("doc_id", "plan_id"), known=known)
    assert "rowid" in select
    assert _rows(conn, select) == [("a", "p2", 3), ("b", "p1", 2)]


def test_a_key_not_known_or_null_is_looked_up() -> None:
    conn = _conn()
    conn.register("_k", pa.table({"doc_id": ["a", "c"], "plan_id": ["p1", "p1"]}))
    select = keyfetch.select_by_keys(conn, "t", "_k", ("doc_id", "plan_id"), known={"a": [0]})  # c unknown
    assert _rows(conn, select) == [("a", "p1", 1), ("c", "p1", 4)]
    conn.register("_n", pa.table({"doc_id": pa.array([None, "a"], pa.string()), "plan_id": ["p1", "p1"]}))
    select = keyfetch.select_by_keys(conn, "t", "_n", ("doc_id", "plan_id"), known={"a": [0]})
    assert _rows(conn, select) == [("a", "p1", 1), (None, "p1", 6)]  # NULL matches NULL: not from `known`
