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

from pipeline import row_keys
from pipeline.keyed_rows import one_per_key
from pipeline.keyfetch import INLINE_MAX, literal_list, literal_lists

TABLE = "classifications"
KEY = ("doc_id", "plan_id", "classifier_version")
SEP = "\x1f"  # between a key's parts in the delete's constants (never inside an id or a version)


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
    # doc_key (migration 015, pipeline.row_keys): computed here from the row's doc_id, never taken from a batch
    if row_keys.DOC_KEY in batch.column_names:
        batch = batch.drop_columns([row_keys.DOC_KEY])
    keyed = row_keys.has_column(conn, TABLE, row_keys.DOC_KEY)
    conn.register("_class_batch", batch)
    try:
        extra = f", {row_keys.KEY.format('doc_id')} AS {row_keys.DOC_KEY}" if keyed else ""
        conn.execute(f"INSERT INTO {TABLE} BY NAME SELECT *{extra} FROM _class_batch")
    finally:
        conn.unregister("_class_batch")

