"""The snapshot's `documents` kept whole in the warehouse by its writer (docs/decisions.md entry 25).

The warehouse keeps a document's wide columns apart (`document_texts`, migration 010: pipeline.doc_texts); the
snapshot's `documents` has them back, with `search_text` after them. The publish used to build that table in its
copy of the warehouse (`doc_texts.materialize`: every document joined to its texts, `search_text` computed and the
whole table written again): O(archive) work on one core in the run's serial tail, 0.2-0.35 s at the bench's
3,306 documents, whether the job changed one document or all of them.

Now a writer whose job publishes a snapshot (not under the lake, not with `publish=False`) keeps that table in the
warehouse, `published_documents`, while the job runs:
- `ensure`: created from the whole warehouse (in row-id slices, as `materialize` does) by the first such job, or
  again when its columns are not those the snapshot's `documents` would have (a migration; `_fingerprint`, kept
  as the table's comment);
- `store`: for each batch of documents the writer stores, their old rows deleted and their new ones appended,
  read back from `documents` and `document_texts` (so they are exactly the stored rows), in `documents`' row
  order: the table keeps `documents`' order, as the one ordered join did;
- `update`: documents changed by other means than a store (a story move) get their small columns again in place
  (the list columns excepted: see there).
A job that does not keep it (the lake, `publish=False`), a migration or a story rebuild drops it (`drop`).

The writer checks, before its closing checkpoint, that the table still holds `documents`' rows (`verify`: their
count and a sum of hashes of every published small column, `content_hash` included, on both sides: a change the
writer was not told of shows there), and drops it when not. The publish (`adopt`, in the copy) then drops
`documents` and `document_texts` and renames the kept table `documents`: a catalog change, no row written (a copy
published by other code than the writer's is checked there). Anything else (no table, another fingerprint, another
checksum) drops it and the publish materializes as before. The snapshot holds the same table, columns and rows
either way; the table is never mirrored to the lake."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import duckdb
import pyarrow as pa

from pipeline import doc_texts
from pipeline.keyfetch import select_by_keys

TABLE = "published_documents"
WIDE = (*doc_texts.COLUMNS, "search_text")  # the kept table's columns that `documents` has not


def _search_text() -> str:
    from pipeline.publish import _PUBLISHED_SEARCH_TEXT

    return _PUBLISHED_SEARCH_TEXT


def _columns_typed(conn: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in conn.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND "
        "schema_name = 'main' AND table_name = ? ORDER BY column_index", [table]).fetchall()]


def _fingerprint(conn: duckdb.DuckDBPyConnection) -> str:
    """What the kept rows are made from: `documents`' and `document_texts`' columns and types, the search text's
    expression. Another fingerprint: the table is built again."""
    text = repr((_columns_typed(conn, "documents"), _columns_typed(conn, doc_texts.TABLE), _search_text()))
    return "published-documents-v1:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def _comment(conn: duckdb.DuckDBPyConnection) -> str | None:
    row = conn.execute("SELECT comment FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ?", [TABLE]).fetchone()
    return None if row is None else str(row[0] or "")


def exists(conn: duckdb.DuckDBPyConnection) -> bool:
    return _comment(conn) is not None


def drop(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")


def ensure(conn: duckdb.DuckDBPyConnection) -> bool:
    """The kept table, built from the whole warehouse when missing or made from other columns. True: it was
    there already. (A warehouse whose `documents` is whole, from before migration 010, keeps none.)"""
    catalog = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
    if not doc_texts.is_split(conn, catalog):
        drop(conn)
        return False
    stamp = _fingerprint(conn)
    if _comment(conn) == stamp:
        return True
    drop(conn)
    doc_texts.copy_whole(conn, TABLE, _search_text(), parallel=False)
    conn.execute(f"COMMENT ON TABLE {TABLE} IS '{stamp}'")
    return False


def store(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """These documents were just stored (their rows appended to `documents` and `document_texts`): their kept
    rows replaced by the stored ones, appended in `documents`' row order."""
    if not doc_ids:
        return
    conn.register("_kept_ids", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}))
    try:
        conn.execute(f"DELETE FROM {TABLE} WHERE doc_id IN (SELECT doc_id FROM _kept_ids)")
        docs = select_by_keys(conn, '"documents"', "_kept_ids", ("doc_id",), "rowid AS _row, *")
        texts = select_by_keys(conn, f'"{doc_texts.TABLE}"', "_kept_ids", ("doc_id",))
        select = doc_texts.composed_select(doc_texts.columns(conn, str(conn.execute(
            "SELECT current_database()").fetchone()[0])), f"({docs})", f"({texts})", _search_text())  # type: ignore[index]
        conn.execute(f"INSERT INTO {TABLE} {select} ORDER BY d._row")
    finally:
        conn.unregister("_kept_ids")


def update(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """These stored documents changed by other means than a store (a story move): their small columns again,
    in place (their texts did not change)."""
    if not doc_ids:
        return
    # (not the list columns: DuckDB updates a row's list column by deleting the row and appending it again, which
    # would move it away from its place in `documents`' order; a change there shows in the publish's checksum)
    nested = {c for c, t in _columns_typed(conn, TABLE) if t.endswith("]") or t.startswith(("STRUCT", "MAP", "UNION"))}
    small = [c for c in _small_columns(conn) if c != "doc_id" and c not in nested]
    sets = ", ".join(f'"{c}" = d."{c}"' for c in small)
    conn.register("_kept_ids", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}))
    try:
        docs = select_by_keys(conn, '"documents"', "_kept_ids", ("doc_id",))
        conn.execute(f"UPDATE {TABLE} SET {sets} FROM ({docs}) d WHERE {TABLE}.doc_id = d.doc_id")
    finally:
        conn.unregister("_kept_ids")


def _small_columns(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """The published columns `documents` holds itself (all but lead, text and search_text)."""
    catalog = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
    return [c for c in doc_texts.published_columns(doc_texts.columns(conn, catalog)) if c not in WIDE]


def _checksum(conn: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> tuple[int, int]:
    names = ", ".join(f'"{c}"' for c in columns)
    row = conn.execute(f'SELECT count(*), coalesce(sum(hash({names})), 0) FROM "{table}"').fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def verify(conn: duckdb.DuckDBPyConnection) -> bool:
    """The kept table still holds `documents`' rows (made of these columns; the same count and sum of hashes of
    every published small column on both sides), else it is dropped. False: there is none (now)."""
    if not exists(conn):
        return False
    if _comment(conn) == _fingerprint(conn):
        small = _small_columns(conn)
        if _checksum(conn, TABLE, small) == _checksum(conn, "documents", small):
            return True
    drop(conn)
    return False


def adopt(conn: duckdb.DuckDBPyConnection, *, verified: bool = False) -> bool:
    """In a copy of the warehouse about to be published: the kept table becomes `documents` (the split tables
    dropped) when it still holds `documents`' rows. `verified`: its writer checked them just before the copy
    (only its columns are checked again). False: it did not (dropped; the caller materializes)."""
    if not (_comment(conn) == _fingerprint(conn) if verified else verify(conn)):
        drop(conn)
        return False
    conn.execute("DROP TABLE documents")
    conn.execute(f"DROP TABLE {doc_texts.TABLE}")
    conn.execute(f"ALTER TABLE {TABLE} RENAME TO documents")
    conn.execute("COMMENT ON TABLE documents IS NULL")
    return True
