"""32-bit lookup keys of the big tables' id columns (migrations 015-016), so that a decision's publish finds a few
documents' rows without scanning a column of 40-character ids.

`classifications.doc_key` is the key of the row's doc_id, `documents.story_key` the key of its story
(COALESCE(story_id, doc_id)): the low 32 bits of the MD5 of the text (a stable function). Each column has a CHECK
that it is NULL or exactly that key, so a DuckDB write can leave it NULL (older code, an UPDATE that sets it NULL)
but never wrong. A lookup reads the key column (4 bytes a row) for the rows whose key is one of the wanted ones or
NULL, then keeps the rows whose id is one of the wanted ones: the rows a scan of the id column finds, for about a
tenth of its CPU at a million documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import duckdb

KEY = "CAST(md5_number_lower({0}) & 4294967295 AS UINTEGER)"  # (the CHECKs of migrations 015 and 016)
DOC_KEY = "doc_key"  # classifications
STORY_KEY = "story_key"  # documents
STORY_OF = "COALESCE(story_id, doc_id)"


def has_column(conn: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether `table` (plain or catalog-qualified) has this column (a statement bound, not run: cheaper than a
    look at duckdb_columns(), about 6 ms with a big warehouse attached)."""
    try:
        conn.execute(f'SELECT "{column}" FROM {table} LIMIT 0')
    except duckdb.BinderException:
        return False
    return True


def key_of(value: str) -> int:
    """KEY computed in Python (DuckDB's md5_number_lower is bytes 8-15 of the MD5, little-endian; `& 4294967295`
    keeps bytes 8-11): a statement for a few values cost 2-2.5 ms CPU. tests/scale/test_row_keys.py checks it
    against DuckDB's on many texts."""
    return int.from_bytes(hashlib.md5(value.encode("utf-8")).digest()[8:12], "little")


def _keys(values: Sequence[str]) -> str:
    return ", ".join(str(k) for k in sorted({key_of(v) for v in values}))


FEW = 24  # up to this many ids a lookup goes by key (about 16 ms for 16 documents, where the scan of doc_id is 41 ms at
# two million rows; 61 ms for 64, their rows in as many runs): more (a write job's publish) scan the id column


def _lookup(conn: duckdb.DuckDBPyConnection, table: str, column: str, values: Sequence[str],
            select: str) -> list[Any] | None:
    """`select` of the rows whose key is one of these values' or NULL, or None (too many values, or the rows in
    too many runs: the caller scans the id column instead). Two statements reading the key column only (a filter
    `key IN (...) OR key IS NULL` is not pushed into the scan: it cost 19 ms for 16 keys, 476 ms for 500, against
    7-8 ms for `IN` alone at two million rows); then those rows by row runs (pipeline.keyfetch)."""
    from pipeline import keyfetch

    if len(values) > FEW:
        return None
    keys = _keys(values)
    rows = [int(r[0]) for r in conn.execute(f"SELECT rowid FROM {table} WHERE {column} IN ({keys})").fetchall()]
    rows += [int(r[0]) for r in conn.execute(f"SELECT rowid FROM {table} WHERE {column} IS NULL").fetchall()]
    if len(keyfetch.runs(rows)) > keyfetch.MAX_RUNS:
        return None
    where = f"x.{column} IN ({keys}) OR x.{column} IS NULL"  # (select_rows' scan for many runs: not reached)
    return conn.execute(keyfetch.select_rows(table, rows, select, where)).fetchall()


def class_rows(conn: duckdb.DuckDBPyConnection, table: str, doc_ids: Sequence[str]) -> dict[str, list[int]] | None:
    """The row ids in `table` (classifications, with doc_key) of these documents' rows, by doc_id; None: see
    _lookup."""
    wanted = set(doc_ids)
    out: dict[str, list[int]] = {}
    if not wanted:
        return out
    found = _lookup(conn, table, DOC_KEY, sorted(wanted), "rowid, doc_id")
    if found is None:
        return None
    for rid, doc_id in found:
        if doc_id in wanted:
            out.setdefault(str(doc_id), []).append(int(rid))
    return out


def story_members(conn: duckdb.DuckDBPyConnection, table: str, keys: Sequence[str]
                  ) -> list[tuple[str, int, str]] | None:
    """(doc_id, row id, story key) of every document of `table` (documents, with story_key) whose story key
    (COALESCE(story_id, doc_id)) is one of these: the rows of coverage_story_members.sql; None: see _lookup."""
    wanted = set(keys)
    if not wanted:
        return []
    found = _lookup(conn, table, STORY_KEY, sorted(wanted), f"doc_id, rowid, {STORY_OF}")
    if found is None:
        return None
    return [(str(d), int(r), str(k)) for d, r, k in found if k in wanted]
