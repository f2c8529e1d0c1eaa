"""The full-text index of the lake, kept incrementally: a write job re-indexes only the documents it wrote.

Two tables in the lake, `search_postings (doc_id, term, tf)` and `search_docs (doc_id, len)`, filled with
the same tokenizer as the snapshot's fts index (title, lead and text; accents stripped, đ folded to d,
digits kept, lower case, no stemming, no stop words), and the same query door:
`fts_main_documents.match_bm25(doc_id, 'dao tao mam non' [, conjunctive := 1])`, BM25 with k = 1.2 and
b = 0.75 and the fts extension's idf, so analysts' queries (docs/analysts.md, query 9) run unchanged; and
`fts_main_documents.top_bm25('dao tao mam non' [, top := 20])`, the best documents read from the postings of the
query's terms only (docs/decisions.md entry 20).
The SQL lives in data/sql/lake/."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import duckdb

from pipeline import publish
from planwatch.config import DATA_DIR

SQL_DIR = DATA_DIR / "sql" / "lake"


def _sql(name: str) -> str:
    ignore = publish._FTS_IGNORE.replace("'", "''")
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8").replace("{ignore}", ignore)


def schema_sql() -> str:
    """The index's tables and tokenizer (search_schema.sql: its rules, publish._rules) and its query door
    (search_query.sql, term-driven BM25: fts_main_documents.bm25_scores, top_bm25, match_bm25)."""
    return _sql("search_schema") + "\n" + _sql("search_query")


def _ensure(conn: duckdb.DuckDBPyConnection, alias: str) -> None:
    conn.execute(f"USE {alias}")
    try:
        conn.execute(schema_sql())
    finally:
        conn.execute("USE memory")


def ensure_query(conn: duckdb.DuckDBPyConnection, alias: str) -> bool:
    """(Re)create the query macros in the lake unless `lake_meta` says they were made from this search_query.sql
    and are still as made (older code re-creates its own macros at its next job without knowing of the key);
    True when it did. The caller has created `lake_meta`. Any publish brings them up to date, not only one that
    indexes documents."""
    digest = hashlib.sha256(_sql("search_query").encode()).hexdigest()
    row = conn.execute(f"SELECT value FROM {alias}.lake_meta WHERE key = 'search_query'").fetchone()
    if row and row[0] == f"{digest}:{_macros_hash(conn, alias)}":
        return False
    _ensure(conn, alias)
    conn.execute(f"DELETE FROM {alias}.lake_meta WHERE key = 'search_query'")
    conn.execute(f"INSERT INTO {alias}.lake_meta VALUES ('search_query', ?)", [f"{digest}:{_macros_hash(conn, alias)}"])
    return True


def _macros_hash(conn: duckdb.DuckDBPyConnection, alias: str) -> str:
    """The index's macros as the catalog holds them (names and definitions)."""
    row = conn.execute("SELECT string_agg(function_name || ':' || coalesce(macro_definition, ''), '|' ORDER BY "
                       "function_name, macro_definition) FROM duckdb_functions() WHERE database_name = ? AND "
                       "schema_name = 'fts_main_documents'", [alias]).fetchone()
    return hashlib.sha256(str(row[0] if row else "").encode()).hexdigest()


# documents tokenized at once by a whole rebuild: all of them at once made one temporary table of every token
# of the archive (about 1.2 billion rows at a million documents), which spilled more than 20 GB to disk
REBUILD_CHUNK = 10_000


def rebuild(conn: duckdb.DuckDBPyConnection, alias: str, source: str | None = None, titles: str | None = None) -> None:
    """Index every document again. `source`: a table of the documents that has row ids (the warehouse's
    `documents`, attached), tokenized REBUILD_CHUNK rows at a time by row-id range; default: the lake's own
    `documents`, at once. `titles`: where the titles are when `source` holds only lead and text (the
    warehouse's `document_texts`, migration 010)."""
    _ensure(conn, alias)
    conn.execute(f"DELETE FROM {alias}.search_postings")
    conn.execute(f"DELETE FROM {alias}.search_docs")
    if source is None:
        chunks = ["documents"]
    else:
        row = conn.execute(f"SELECT max(rowid) FROM {source}").fetchone()
        last = int(row[0]) if row and row[0] is not None else -1
        rows = [f"(SELECT * FROM {source} WHERE rowid BETWEEN {lo} AND {lo + REBUILD_CHUNK - 1})"
                for lo in range(0, last + 1, REBUILD_CHUNK)]
        chunks = [f"(SELECT doc_id, title, lead, text FROM {r})" if titles is None else
                  f"(SELECT t.doc_id, d.title, t.lead, t.text FROM {titles} d RIGHT JOIN {r} t ON d.doc_id = t.doc_id)"
                  for r in rows]
    conn.execute(f"USE {alias}")
    try:
        for chunk in chunks:
            conn.execute(_sql("search_index").replace("{source}", chunk).replace("{where}", ""))
    finally:
        conn.execute("USE memory")


def update(conn: duckdb.DuckDBPyConnection, alias: str, doc_ids: Sequence[str], source: str | None = None) -> None:
    """Re-index these documents (new or re-extracted); the rest of the index is left as it is. `source`: a
    relation holding their rows (title, lead, text), e.g. fetched from the warehouse by key; default: the
    lake's `documents` (a scan of every Parquet file's text). The postings of documents never indexed are
    not looked for (a delete scans every posting)."""
    _ensure(conn, alias)
    conn.execute("CREATE OR REPLACE TEMP TABLE _search_ids AS SELECT unnest(?::VARCHAR[]) AS doc_id",
                 [list(doc_ids)])
    conn.execute(f"CREATE OR REPLACE TEMP TABLE _search_old AS SELECT doc_id FROM {alias}.search_docs "
                 "WHERE doc_id IN (SELECT doc_id FROM _search_ids)")
    old = conn.execute("SELECT count(*) FROM _search_old").fetchone()
    if old and old[0]:
        conn.execute(f"DELETE FROM {alias}.search_postings WHERE doc_id IN (SELECT doc_id FROM _search_old)")
        conn.execute(f"DELETE FROM {alias}.search_docs WHERE doc_id IN (SELECT doc_id FROM _search_old)")
    conn.execute(f"USE {alias}")
    try:
        conn.execute(_sql("search_index").replace("{source}", source or "documents")
                     .replace("{where}", "WHERE doc_id IN (SELECT doc_id FROM temp._search_ids)"))
    finally:
        conn.execute("USE memory")
    conn.execute("DROP TABLE _search_ids")
    conn.execute("DROP TABLE _search_old")
