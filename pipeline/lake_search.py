"""The full-text index of the lake, kept incrementally: a write job re-indexes only the documents it wrote.

Two tables in the lake, `search_postings (doc_id, term, tf)` and `search_docs (doc_id, len)`, filled with
the same tokenizer as the snapshot's fts index (title, lead and text; accents stripped, đ folded to d,
digits kept, lower case, no stemming, no stop words), and the same query door:
`fts_main_documents.match_bm25(doc_id, 'dao tao mam non' [, conjunctive := 1])`, BM25 with k = 1.2 and
b = 0.75 and the fts extension's idf, so analysts' queries (docs/analysts.md, query 9) run unchanged.
The SQL lives in data/sql/lake/."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from pipeline import publish
from planwatch.config import DATA_DIR

SQL_DIR = DATA_DIR / "sql" / "lake"


def _sql(name: str) -> str:
    ignore = publish._FTS_IGNORE.replace("'", "''")
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8").replace("{ignore}", ignore)


def _ensure(conn: duckdb.DuckDBPyConnection, alias: str) -> None:
    conn.execute(f"USE {alias}")
    try:
        conn.execute(_sql("search_schema"))
    finally:
        conn.execute("USE memory")


def rebuild(conn: duckdb.DuckDBPyConnection, alias: str) -> None:
    _ensure(conn, alias)
    conn.execute(f"DELETE FROM {alias}.search_postings")
    conn.execute(f"DELETE FROM {alias}.search_docs")
    conn.execute(f"USE {alias}")
    try:
        conn.execute(_sql("search_index").replace("{source}", "documents").replace("{where}", ""))
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
