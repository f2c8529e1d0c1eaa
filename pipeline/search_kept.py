"""The snapshot's search index kept in the warehouse by its writer (docs/decisions.md entry 24).

The copy-and-rename publish (entry 2) makes each snapshot from a copy of the warehouse file. The index used to be
built in that copy: the postings of every unchanged document inserted again from the previous snapshot (681,562 rows
for the bench's 3,306 documents, 0.4 s of the run's serial tail) and those of the new ones appended. Now the writer
keeps the index in the warehouse itself, in two tables of its own, while the job runs:

- `search_index_docs (doc_id, len, md5)`: one entry per indexed document, with the MD5 of the search text its
  postings were computed from (pipeline.search_tokens.search_md5, the snapshot's `md5(search_text)`);
- `search_index_postings (doc_id, term, tf)`: its postings, as the snapshot's `search_postings`.

`index` (the writer, for each batch of documents it stores) tokenizes only the documents whose search text is not
the one their entry was computed from, and replaces their entries. The file copy then carries every posting into the
snapshot, and `adopt` (the publish, in the copy) only drops the entries whose document or text is no longer the
warehouse's, renames the postings table to `search_postings` and writes `search_docs`: no posting is inserted again.
What it drops or never had (a document stored by a job without a publish, or under the lake, or changed behind
the writer's back) is carried over from the previous snapshot or tokenized by the publish, as before. The tables
are emptied when the index rules change (`rules`: pipeline.publish._rules, kept as the comment of the postings
table), never carried into a snapshot under their own names, and never mirrored to the lake."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pyarrow as pa

from pipeline import search_tokens
from planwatch.config import DATA_DIR

if TYPE_CHECKING:
    from pipeline.rows import DocumentRow

DOCS = "search_index_docs"
POSTINGS = "search_index_postings"
TABLES = (DOCS, POSTINGS)
_DOCS_SCHEMA = pa.schema([("doc_id", pa.string()), ("len", pa.int32()), ("md5", pa.string())])
_POSTINGS_SCHEMA = pa.schema([("doc_id", pa.string()), ("term", pa.string()), ("tf", pa.int32())])
_ADOPT = DATA_DIR / "sql" / "publish" / "search_adopt.sql"


def _comment(conn: duckdb.DuckDBPyConnection, table: str) -> str | None:
    row = conn.execute("SELECT comment FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ?", [table]).fetchone()
    return None if row is None else str(row[0] or "")


def ensure(conn: duckdb.DuckDBPyConnection, rules: str) -> None:
    """The writer's tables, created if missing and emptied when their entries were made under other rules."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {DOCS} (doc_id VARCHAR, len INTEGER, md5 VARCHAR)")
    conn.execute(f"CREATE TABLE IF NOT EXISTS {POSTINGS} (doc_id VARCHAR, term VARCHAR, tf INTEGER)")
    if _comment(conn, POSTINGS) != rules:
        conn.execute(f"DELETE FROM {DOCS}")
        conn.execute(f"DELETE FROM {POSTINGS}")
        conn.execute(f"COMMENT ON TABLE {POSTINGS} IS '{rules}'")


def index(conn: duckdb.DuckDBPyConnection, docs: Sequence[DocumentRow]) -> int:
    """Bring the entries of these documents (just stored; the last of a doc_id is the stored one) up to date:
    those whose search text is not the one their entry was made from are tokenized again (by the Python table,
    or by the SQL tokenizer for a text with a character the table does not know). Call `ensure` once first.
    Returns the documents tokenized."""
    last = {d["doc_id"]: d for d in docs}
    joined = {doc_id: search_tokens.search_text(d["title"], d["lead"], d["text"]) for doc_id, d in last.items()}
    md5s = {doc_id: search_tokens.joined_md5(text) for doc_id, text in joined.items()}
    conn.register("_search_ids", pa.table({"doc_id": pa.array(list(last), pa.string())}))
    try:
        stored = dict(conn.execute(f"SELECT doc_id, md5 FROM {DOCS} SEMI JOIN _search_ids USING (doc_id)")
                      .fetchall())
    finally:
        conn.unregister("_search_ids")
    todo = [doc_id for doc_id, md5 in md5s.items() if stored.get(doc_id) != md5]
    if not todo:
        return 0
    parts = [(last[i]["title"], last[i]["lead"], last[i]["text"]) for i in todo]
    found = search_tokens.postings_of_joined([joined[i] for i in todo], [md5s[i] for i in todo])
    unknown = [n for n, p in enumerate(found) if p is None]  # a character outside the table: the SQL's tokens
    for n, entry in zip(unknown, search_tokens.postings_by_sql([parts[n] for n in unknown]), strict=True):
        found[n] = entry
    _replace(conn, [i for i in todo if i in stored], [(i, p) for i, p in zip(todo, found, strict=True) if p])
    return len(todo)


def _replace(conn: duckdb.DuckDBPyConnection, old: list[str],
             entries: list[tuple[str, search_tokens.Postings]]) -> None:
    """Drop the entries of `old`, then add `entries`: the docs' entry first gone and last written, so a job that
    stops in between leaves postings without an entry, which adopt drops (never an entry without postings)."""
    if old:
        conn.register("_search_old", pa.table({"doc_id": pa.array(old, pa.string())}))
        try:
            conn.execute(f"DELETE FROM {DOCS} WHERE doc_id IN (SELECT doc_id FROM _search_old)")
            conn.execute(f"DELETE FROM {POSTINGS} WHERE doc_id IN (SELECT doc_id FROM _search_old)")
        finally:
            conn.unregister("_search_old")
    if not entries:
        return
    _load(conn, POSTINGS, postings_table(entries))
    _load(conn, DOCS, pa.table([[i for i, _ in entries], [e.length for _, e in entries],
                                [e.md5 for _, e in entries]], schema=_DOCS_SCHEMA))


def postings_table(entries: list[tuple[str, search_tokens.Postings]]) -> pa.Table:
    """The rows of `search_index_postings` for these entries, document after document in their terms' order. The
    doc_id column is taken from one array of the documents' ids (a Python list of a doc_id per posting, about
    100,000 a chunk of a fresh crawl, cost a third more)."""
    terms = pa.array(list(chain.from_iterable(entry.terms for _, entry in entries)), pa.string())
    # the counts straight into an int32 array (a list of ints first, then converted: a fifth more for the table)
    tfs = np.fromiter(chain.from_iterable(entry.terms.values() for _, entry in entries), np.int32, len(terms))
    counts = np.fromiter((len(entry.terms) for _, entry in entries), np.int64, len(entries))
    ids = pa.array([doc_id for doc_id, _ in entries], pa.string()).take(np.repeat(np.arange(len(entries)), counts))
    return pa.table([ids, terms, pa.array(tfs, pa.int32())], schema=_POSTINGS_SCHEMA)


def _load(conn: duckdb.DuckDBPyConnection, table: str, batch: pa.Table) -> None:
    conn.register("_search_batch", batch)
    try:
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _search_batch")
    finally:
        conn.unregister("_search_batch")


def adopt(conn: duckdb.DuckDBPyConnection, rules: str) -> bool:
    """In the copy about to be published (its `documents` with `search_text`, no `search_postings` yet): the
    warehouse's index becomes the snapshot's (search_adopt.sql: the entries whose document or text changed since
    dropped, then the postings table renamed, `search_docs` written). False: there was none under these rules
    (its tables dropped; the caller indexes every document). The copy never keeps the writer's tables."""
    if _comment(conn, POSTINGS) != rules or _comment(conn, DOCS) is None:
        for table in TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        return False
    conn.execute(_ADOPT.read_text(encoding="utf-8"))
    return True
