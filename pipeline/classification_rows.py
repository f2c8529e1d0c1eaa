"""`classifications` without a primary key (migration 013): the writer keeps one row per key.

A key is (doc_id, plan_id, classifier_version): a reclassification by a new classifier adds rows, a changed call
of the same classifier replaces its row. Without the table's primary key (two million random keys at 1M
documents, re-serialized by every write job's checkpoint and probed by every load) the writer finds the stored
keys of a batch's documents (a scan of doc_id filtered by constants; the index of migration 009 went in 014) and,
as INSERT OR IGNORE / OR REPLACE did, drops the batch's rows whose key is stored ('ignore') or deletes the stored
rows first ('replace').
A batch holding one key twice keeps its first row ('ignore') or its last ('replace').
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipeline.keyed_rows import one_per_key
from pipeline.keyfetch import INLINE_MAX, literal_list, literal_lists

TABLE = "classifications"
KEY = ("doc_id", "plan_id", "classifier_version")
SEP = "\x1f"  # between a key's parts in the delete's constants (never inside an id or a version)
# `doc_key` (migration 015): a 32-bit number of the row's doc_id, the same expression as the column's CHECK
# (which refuses any other non-NULL value), so a lookup by key (row_ids) is exact.
KEY_COLUMN = "doc_key"
DOC_KEY = "CAST(md5_number_lower({0}) & 4294967295 AS UINTEGER)"


def _keys(batch: pa.Table) -> list[tuple[str, str, str]]:
    doc, plan, version = (batch.column(c).to_pylist() for c in KEY)
    return list(zip(doc, plan, version, strict=True))


def stored_keys(conn: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> set[tuple[str, str, str]]:
    """The keys stored for these documents (constants filtering the doc_id column's scan)."""
    found: set[tuple[str, str, str]] = set()
    for part in literal_lists(sorted(set(doc_ids))):
        rows = conn.execute(f"SELECT doc_id, plan_id, classifier_version FROM {TABLE} WHERE doc_id IN ({part})")
        found |= {(r[0], r[1], r[2]) for r in rows.fetchall()}
    return found


def store(conn: duckdb.DuckDBPyConnection, batch: pa.Table, *, replace: bool,
          stored: set[tuple[str, str, str]] | None = None) -> None:
    """Load a batch of classifications, one row per key (see the module's text). `stored`: the keys stored for
    the batch's documents, when the caller has just read them (else looked up). No transaction of its own: a
    caller may hold one."""
    batch = one_per_key(batch, KEY, last=replace)
    keys = _keys(batch)
    if stored is None:
        stored = stored_keys(conn, [k[0] for k in keys])
    hit = [k in stored for k in keys]
    if not replace and any(hit):
        batch = batch.filter(pa.array([not h for h in hit], pa.bool_()))
    gone = sorted(k for k, h in zip(keys, hit, strict=True) if h) if replace else []
    for lo in range(0, len(gone), INLINE_MAX):  # (doc_id constants filter the scan, then the keys)
        part = gone[lo:lo + INLINE_MAX]
        conn.execute(f"DELETE FROM {TABLE} WHERE doc_id IN ({literal_list(sorted({k[0] for k in part}))}) AND "
                     f"concat_ws(chr(31), doc_id, plan_id, classifier_version) IN "
                     f"({literal_list([SEP.join(k) for k in part])})")
    if not batch.num_rows:
        return
    if KEY_COLUMN in batch.column_names:  # (computed here, from the row's doc_id)
        batch = batch.drop_columns([KEY_COLUMN])
    keyed = has_key(conn, TABLE)
    conn.register("_class_batch", batch)
    try:
        extra = f", {DOC_KEY.format('doc_id')} AS {KEY_COLUMN}" if keyed else ""
        conn.execute(f"INSERT INTO {TABLE} BY NAME SELECT *{extra} FROM _class_batch")
    finally:
        conn.unregister("_class_batch")


def has_key(conn: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether `table` (a name as written in SQL: plain or catalog-qualified) has the doc_key column."""
    parts = table.split(".")
    catalog = parts[0] if len(parts) > 1 else None
    row = conn.execute("SELECT count(*) FROM duckdb_columns() WHERE database_name = COALESCE(?, current_database()) "
                       "AND schema_name = 'main' AND table_name = ? AND column_name = ?",
                       [catalog, parts[-1], KEY_COLUMN]).fetchone()
    return bool(row and row[0])


def row_ids(conn: duckdb.DuckDBPyConnection, table: str, doc_ids: list[str]) -> dict[str, list[int]]:
    """The row ids in `table` (classifications, catalog-qualified; with the doc_key column) of these documents'
    rows, by doc_id. Reads the doc_key column (4 bytes a row) for the rows whose key is one of theirs or NULL,
    then keeps those whose doc_id is one of theirs: the same rows as a scan of doc_id (the CHECK of migration
    015 leaves no row with a wrong key), for about a tenth of its CPU at two million rows."""
    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    keys = conn.execute(f"SELECT DISTINCT {DOC_KEY.format('d')} FROM unnest(?::VARCHAR[]) AS t(d)", [ids]).fetchall()
    wanted = ", ".join(str(int(k[0])) for k in keys)
    # (an OR with IS NULL keeps both filters in the scan of doc_key; doc_id is read for the rows kept only)
    found = conn.execute(f"SELECT rowid, doc_id FROM {table} WHERE {KEY_COLUMN} IN ({wanted}) OR {KEY_COLUMN} IS NULL"
                         ).fetchall()
    out: dict[str, list[int]] = {}
    wanted_ids = set(ids)
    for rid, doc_id in found:
        if doc_id in wanted_ids:
            out.setdefault(str(doc_id), []).append(int(rid))
    return out
