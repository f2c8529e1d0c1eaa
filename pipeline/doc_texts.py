"""The wide columns of a document (lead, text) live in their own table, `document_texts` (migration 010).

DuckDB appends to a persisted table in a new row group only when the table has no index. `documents` has a
primary key, so each checkpoint after a write job rewrote its last row group, every stored text in it included
(up to 122,880 documents: bench/bench_checkpoint.py). `document_texts` has no index and no constraint: a write
job's texts go to new row groups and the checkpoint writes only those. The writer keeps one row per document
(`store`: a replaced document's old row is deleted first). What readers see is unchanged: the lake's and the
snapshot's `documents` carry lead and text again (`composed_select`, `materialize`). `doc_signatures` lost its
primary key for the same reason (migration 012) and is kept one row per document the same way (pipeline.keyed_rows).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

from pipeline import keyed_rows, row_keys
from pipeline.keyfetch import select_by_keys

TABLE = "document_texts"
COLUMNS = ("lead", "text")  # moved out of `documents`; published after `title`, where migration 001 had them
AFTER = "title"


def split(batch: pa.Table) -> tuple[pa.Table, pa.Table | None]:
    """A `documents` batch without its wide columns, and those columns with doc_id (None: the batch has none)."""
    wide = [c for c in COLUMNS if c in batch.column_names]
    if not wide:
        return batch, None
    texts = batch.select(["doc_id", *wide])
    return batch.drop_columns(wide), texts


def store(conn: duckdb.DuckDBPyConnection, texts: pa.Table, *, replace: bool, existed: set[str]) -> None:
    """Write the texts of a batch just loaded into `documents`. `existed`: its documents stored before the
    load; with `replace` their old text rows are deleted and the new ones written, else they keep theirs."""
    keyed_rows.store(conn, TABLE, texts, replace=replace, existed=existed)


def published_columns(doc_columns: list[str]) -> list[str]:
    """The published `documents` columns in migration 001's order: the warehouse's, lead and text after title
    (without the warehouse's lookup key story_key, migration 016: derived, and read by the writer only)."""
    cols = [c for c in doc_columns if c not in COLUMNS and c != row_keys.STORY_KEY]
    at = cols.index(AFTER) + 1 if AFTER in cols else len(cols)
    return [*cols[:at], *COLUMNS, *cols[at:]]


def composed_select(doc_columns: list[str], documents: str, texts: str, extra: str = "") -> str:
    """SELECT of whole documents (published column order) from relation `documents` (no wide columns) and
    relation `texts` (doc_id, lead, text), one row per document. `extra`: more columns after them
    (`expression AS name`, over `d.` and `t.`)."""
    names = ", ".join((f't."{c}"' if c in COLUMNS else f'd."{c}"') for c in published_columns(doc_columns))
    names += f", {extra}" if extra else ""
    # (RIGHT JOIN: DuckDB builds its hash table on the right side, the documents' small columns, and streams the
    # texts past it; the other way round a whole copy at 1M would hash about 5 GB of text)
    return f"SELECT {names} FROM {texts} t RIGHT JOIN {documents} d ON t.doc_id = d.doc_id"


# A whole copy of the documents with their texts (the lake's first publish, a snapshot's `documents`) runs as
# several statements, each joining the texts of a row-id range of documents: one statement joining every text
# ran out of memory at a million documents under a 4 GB limit (and at 100k under 400 MB), the join holding
# texts in its hash table (docs/performance.md, "Whole copies of the documents"). A slice's texts are kept under
# 1/SLICE_SHARE of the connection's memory limit, by the average size of a sample of texts.
SLICE_SHARE = 8
MIN_SLICE = 100
_UNITS = {"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "kib": 2**10, "mib": 2**20, "gib": 2**30,
          "tib": 2**40, "bytes": 1}


def memory_bytes(conn: duckdb.DuckDBPyConnection) -> float:
    """The connection's memory_limit in bytes (DuckDB shows it as e.g. `3.7 GiB`)."""
    value = str(conn.execute("SELECT current_setting('memory_limit')").fetchone()[0])  # type: ignore[index]
    found = re.match(r"^\s*([\d.]+)\s*([a-zA-Z]*)\s*$", value)
    if not found or found.group(2).lower() not in _UNITS:
        raise ValueError(f"cannot read DuckDB's memory_limit {value!r}")
    return float(found.group(1)) * _UNITS[found.group(2).lower()]


def slice_rows(conn: duckdb.DuckDBPyConnection, catalog: str) -> int:
    """Documents per slice of a whole copy: their texts (sampled average) under 1/SLICE_SHARE of memory_limit."""
    row = conn.execute(f'SELECT avg(coalesce(strlen(lead), 0) + coalesce(strlen(text), 0)) '
                       f'FROM {catalog}."{TABLE}" USING SAMPLE 2048 ROWS').fetchone()
    per_doc = max(float(row[0]) if row and row[0] is not None else 0.0, 1.0)
    return max(MIN_SLICE, int(memory_bytes(conn) / SLICE_SHARE / per_doc))


def sliced_selects(conn: duckdb.DuckDBPyConnection, catalog: str, rows: int | None = None,
                   extra: str = "") -> list[str]:
    """`composed_select` of the catalog's whole documents as several SELECTs, each of at most `rows` (default
    slice_rows) documents by row-id range of `documents` (`d._row`: the row id) with only their texts (those
    whose doc_id is in that range). Together they return each document once; run in list order, each ordered
    by `d._row`, in `documents`' row order."""
    size = rows or slice_rows(conn, catalog)
    row = conn.execute(f'SELECT max(rowid) FROM {catalog}."documents"').fetchone()
    last = int(row[0]) if row and row[0] is not None else -1
    cols = columns(conn, catalog)
    out = []
    for lo in range(0, max(last, 0) + 1, size):
        docs = f'(SELECT rowid AS _row, * FROM {catalog}."documents" WHERE rowid BETWEEN {lo} AND {lo + size - 1})'
        texts = f'(SELECT * FROM {catalog}."{TABLE}" WHERE doc_id IN (SELECT doc_id FROM {docs}))'
        out.append(composed_select(cols, docs, texts, extra))
    return out


def columns(conn: duckdb.DuckDBPyConnection, catalog: str, table: str = "documents") -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index", [catalog, table]).fetchall()]


def is_split(conn: duckdb.DuckDBPyConnection, catalog: str) -> bool:
    return bool(columns(conn, catalog, TABLE))


def materialize(conn: duckdb.DuckDBPyConnection, extra: str = "") -> bool:
    """In a copy of the warehouse about to be published whole (pipeline.publish): `documents` with lead and text
    again, in migration 001's column order, and no `document_texts`. Readers of the snapshot see the table
    they always saw (its keys are not needed there: the snapshot is read-only). `extra`: more columns written
    in the same pass, after those (`expression AS name` over `d.` and `t.`). False: the table was whole already
    (nothing done, `extra` not added)."""
    from pipeline import duck

    catalog = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
    if not is_split(conn, catalog):
        return False
    rows = slice_rows(conn, catalog)
    last = conn.execute(f'SELECT max(rowid) FROM {catalog}."documents"').fetchone()
    total = int(last[0]) + 1 if last and last[0] is not None else 0
    # a copy that fits one slice (the bench's 3,306 documents: one row group, one core) is split into as many parts as
    # DuckDB threads, copied at once; a larger one slice after slice, as before (each transaction holds its rows until
    # its commit: several slices at once would hold several slices' texts)
    parts = duck.threads() if total <= rows else 1
    size = max(MIN_SLICE, -(-total // parts)) if parts > 1 else rows
    selects = sliced_selects(conn, catalog, rows=size, extra=extra)
    conn.execute(f"CREATE TABLE _documents_published AS {selects[0]} LIMIT 0")
    with _one_thread_each(conn, parts > 1):
        for at in range(0, len(selects), parts):  # in row-id order, as one `ORDER BY d.rowid` of the whole join was
            insert_in_order(conn, [f"INSERT INTO _documents_published {select} ORDER BY d._row"
                                   for select in selects[at:at + parts]])
    conn.execute("DROP TABLE documents")
    conn.execute(f"DROP TABLE {TABLE}")
    conn.execute("ALTER TABLE _documents_published RENAME TO documents")
    return True


# The snapshot's `documents` as a view (publish_as_view): the warehouse's table without its wide columns, renamed.
FIELDS = "document_fields"


def publish_as_view(conn: duckdb.DuckDBPyConnection, extra: str = "") -> bool:
    """In a copy of the warehouse about to be published whole (pipeline.publish): `documents` as readers know it
    (published_columns, then `extra`), made a VIEW over the copy's own tables instead of being written again:
    the warehouse's `documents` (its small columns) renamed FIELDS, joined to `document_texts` as they are
    (composed_select). Nothing is copied: the publish writes no text (materialize wrote every document again,
    O(archive): docs/performance.md, "The snapshot's documents as a view"). The view names its tables without a
    catalog, so it reads the tables of whichever file it is in, under any alias it is attached as. False: the
    table was whole already (nothing done)."""
    catalog = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
    if not is_split(conn, catalog):
        return False
    cols = columns(conn, catalog)
    conn.execute(f'ALTER TABLE documents RENAME TO "{FIELDS}"')
    conn.execute(f'CREATE VIEW documents AS {composed_select(cols, FIELDS, TABLE, extra)}')
    return True


def is_view(conn: duckdb.DuckDBPyConnection, catalog: str) -> bool:
    """The catalog's `documents` is publish_as_view's view (its rows are FIELDS' rows)."""
    row = conn.execute("SELECT count(*) FROM duckdb_views() WHERE database_name = ? AND schema_name = 'main' "
                       "AND view_name = 'documents'", [catalog]).fetchone()
    return bool(row and row[0])


@contextmanager
def _one_thread_each(conn: duckdb.DuckDBPyConnection, parts: bool) -> Iterator[None]:
    """With parts copied at once (one per core, each on its own cursor), DuckDB at one thread meanwhile: its own
    workers on top of them used 20-50% more CPU for the same copy (0.26-0.36 against 0.21-0.24 s at the bench, the
    publish's largest piece, on the run's serial tail). The connection is the publish's own copy."""
    if not parts:
        yield
        return
    row = conn.execute("SELECT current_setting('threads')").fetchone()
    conn.execute("SET threads = 1")
    try:
        yield
    finally:
        conn.execute(f"SET threads = {int(row[0]) if row else 1}")


def insert_in_order(conn: duckdb.DuckDBPyConnection, inserts: list[str]) -> None:
    """Run INSERT statements into one table at once, each in its own transaction on its own cursor (one
    statement over one row group runs on one core: the whole copy of the bench's 3,306 documents was one), and
    commit them in list order: a transaction's rows are appended at its commit, so the table holds them in that
    order, as if run one after the other. On an error nothing of them is kept."""
    if len(inserts) == 1:
        conn.execute(inserts[0])
        return
    import threading

    cursors = [conn.cursor() for _ in inserts]
    errors: list[BaseException] = []

    def run(cur: duckdb.DuckDBPyConnection, sql: str) -> None:
        try:
            cur.execute(sql)
        except BaseException as exc:  # raised below, in the caller's thread
            errors.append(exc)

    try:
        for cur in cursors:
            cur.execute("BEGIN")
        threads = [threading.Thread(target=run, args=(cur, sql), name="planwatch-copy")
                   for cur, sql in zip(cursors, inserts, strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            for cur in cursors:
                cur.execute("ROLLBACK")
            raise errors[0]
        for cur in cursors:
            cur.execute("COMMIT")
    finally:
        for cur in cursors:
            cur.close()


def fetch_by_keys(conn: Any, catalog: str, keys: str, doc_rows: dict[str, list[int]] | None = None) -> str:
    """SELECT of whole documents (published columns) for the doc_ids of relation `keys`, both tables read by
    key (pipeline.keyfetch: the rows' ids first, then their runs only; never a scan of every text). `doc_rows`:
    row ids in `documents` already found (pipeline.keyfetch.select_by_keys' `known`)."""
    docs = select_by_keys(conn, f'{catalog}."documents"', keys, ("doc_id",), known=doc_rows)
    texts = select_by_keys(conn, f'{catalog}."{TABLE}"', keys, ("doc_id",))
    return composed_select(columns(conn, catalog), f"({docs})", f"({texts})")
