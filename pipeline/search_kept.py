"""The snapshot's search index kept in the warehouse by its writer (docs/decisions.md entry 24).

The copy-and-rename publish (entry 2) makes each snapshot from a copy of the warehouse file. The index used to be
built in that copy: the postings of every unchanged document inserted again from the previous snapshot (681,562 rows
for the bench's 3,306 documents, 0.4 s of the run's serial tail) and those of the new ones appended. Now the writer
keeps the index in the warehouse itself, in two tables of its own, while the job runs:

- `search_index_docs (doc_id, len, md5, fp)`: one entry per indexed document, with the MD5 of the search text its
  postings were computed from (pipeline.search_tokens.search_md5, the snapshot's `md5(search_text)`) and the
  fingerprint of the row it was made from (FINGERPRINT: DuckDB's hash of its title, lead and text);
- `search_index_postings (doc_id, term, tf)`: its postings, as the snapshot's `search_postings`.

`index` (the writer, for each batch of documents it stores) tokenizes only the documents whose search text is not
the one their entry was computed from, and replaces their entries. The file copy then carries every posting into the
snapshot, and `adopt` (the publish, in the copy) only drops the entries whose document or text is no longer the
warehouse's (their fingerprint against the published row's: a hash of the stored columns, about a tenth of the CPU of
the MD5 of every document's search text, which has to be joined and folded first), renames the postings table to
`search_postings` and writes `search_docs`: no posting is inserted again.
What it drops or never had (a document stored by a job without a publish, or under the lake, or changed behind
the writer's back) is carried over from the previous snapshot or tokenized by the publish, as before. The tables
are emptied when the index rules change (`rules`: pipeline.publish._rules, kept as the comment of the postings
table), never carried into a snapshot under their own names, and never mirrored to the lake."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
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
_DOCS_SCHEMA = pa.schema([("doc_id", pa.string()), ("len", pa.int32()), ("md5", pa.string()), ("fp", pa.uint64())])
# an entry's fingerprint: of the document's row as stored and published (the same expression in search_adopt.sql and
# search_fingerprint.sql, over the snapshot's or the warehouse's documents)
FINGERPRINT = "hash(title, lead, text)"
_POSTINGS_SCHEMA = pa.schema([("doc_id", pa.string()), ("term", pa.string()), ("tf", pa.int32())])
_ADOPT = DATA_DIR / "sql" / "publish" / "search_adopt.sql"
_FILL = DATA_DIR / "sql" / "publish" / "search_fingerprint.sql"
_FILL_COPY = DATA_DIR / "sql" / "publish" / "search_fingerprint_copy.sql"


def _comment(conn: duckdb.DuckDBPyConnection, table: str) -> str | None:
    row = conn.execute("SELECT comment FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = ?", [table]).fetchone()
    return None if row is None else str(row[0] or "")


def ensure(conn: duckdb.DuckDBPyConnection, rules: str) -> None:
    """The writer's tables, created if missing and emptied when their entries were made under other rules. Entries
    made before the fingerprint was kept get theirs once, from the stored row when their MD5 is that row's search
    text's (search_fingerprint.sql; O(archive) once), else none (adopt drops them, the publish tokenizes)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {DOCS} (doc_id VARCHAR, len INTEGER, md5 VARCHAR, fp UBIGINT)")
    conn.execute(f"CREATE TABLE IF NOT EXISTS {POSTINGS} (doc_id VARCHAR, term VARCHAR, tf INTEGER)")
    if "fp" not in {r[0] for r in conn.execute(f"DESCRIBE {DOCS}").fetchall()}:
        conn.execute(f"ALTER TABLE {DOCS} ADD COLUMN fp UBIGINT")
        from pipeline.publish import SEARCH_TEXT  # (publish imports this module)

        conn.execute(_FILL.read_text(encoding="utf-8").replace("{search_text}", SEARCH_TEXT.format(t="")))
    if _comment(conn, POSTINGS) != rules:
        conn.execute(f"DELETE FROM {DOCS}")
        conn.execute(f"DELETE FROM {POSTINGS}")
        conn.execute(f"COMMENT ON TABLE {POSTINGS} IS '{rules}'")


def index(conn: duckdb.DuckDBPyConnection, docs: Sequence[DocumentRow],
          shipped: Mapping[str, search_tokens.Shipped] | None = None, known: Collection[str] = ()) -> int:
    """Bring the entries of these documents (just stored; the last of a doc_id is the stored one) up to date:
    those whose search text is not the one their entry was made from are tokenized again (by the Python table,
    or by the SQL tokenizer for a text with a character the table does not know). `shipped`: what the workers
    computed of these documents (search_tokens.shipped: their MD5, and in a crawl their tokens), by doc_id; a
    document without an entry there is joined, hashed and tokenized here. `known`: documents stored again with the
    title and text of their stored row (pipeline.ingest.same_content, a reprocess's unchanged documents): not even
    hashed. Their entry was made from the stored row's search text; one whose lead changed alone, or whose stored
    row changed behind the writer's back, no longer matches the published text, and the publish drops it and
    tokenizes the document (adopt, search_adopt.sql), as for any entry it finds stale. Call `ensure` once first.
    Returns the documents tokenized."""
    shipped = shipped or {}
    last = {d["doc_id"]: d for d in docs}
    for doc_id in set(known) & set(last):
        del last[doc_id]
    md5s: dict[str, str] = {}
    joined: dict[str, str] = {}
    for doc_id, d in last.items():
        got = shipped.get(doc_id)
        if got is not None:
            md5s[doc_id] = got[0]
        else:
            joined[doc_id] = search_tokens.search_text(d["title"], d["lead"], d["text"])
            md5s[doc_id] = search_tokens.joined_md5(joined[doc_id])
    conn.register("_search_ids", pa.table({"doc_id": pa.array(list(last), pa.string())}))
    try:
        stored = dict(conn.execute(f"SELECT doc_id, md5 FROM {DOCS} SEMI JOIN _search_ids USING (doc_id)")
                      .fetchall())
    finally:
        conn.unregister("_search_ids")
    todo = [doc_id for doc_id, md5 in md5s.items() if stored.get(doc_id) != md5]
    if not todo:
        return 0
    packs: dict[str, tuple[int, str, bytes]] = {}  # doc_id -> token count, terms joined by spaces, int32 counts
    for doc_id in todo:
        got = shipped.get(doc_id)
        if got is not None and got[1] is not None and got[2] is not None and got[3] is not None:
            packs[doc_id] = (got[1], got[2], got[3])
    local = [i for i in todo if i not in packs]
    if local:
        texts = [joined[i] if i in joined else search_tokens.search_text(last[i]["title"], last[i]["lead"],
                                                                         last[i]["text"]) for i in local]
        found = search_tokens.postings_of_joined(texts, [md5s[i] for i in local])
        unknown = [n for n, p in enumerate(found) if p is None]  # a character outside the table: the SQL's tokens
        parts = [(last[local[n]]["title"], last[local[n]]["lead"], last[local[n]]["text"]) for n in unknown]
        for n, by_sql in zip(unknown, search_tokens.postings_by_sql(parts), strict=True):
            found[n] = by_sql
        for doc_id, entry in zip(local, found, strict=True):
            assert entry is not None
            packs[doc_id] = (entry.length, *search_tokens.packed(entry))
    fps = _fingerprints(conn, [(i, last[i]["title"], last[i]["lead"], last[i]["text"]) for i in todo])
    _replace(conn, [i for i in todo if i in stored], [(i, md5s[i], *packs[i]) for i in todo], fps)
    return len(todo)


def _fingerprints(conn: duckdb.DuckDBPyConnection, rows: list[tuple[str, str | None, str | None, str | None]]
                  ) -> list[int]:
    """FINGERPRINT of each (doc_id, title, lead, text), in order, by DuckDB over the batch (its hash of VARCHARs:
    the value a stored row with these columns gives)."""
    batch = pa.table([pa.array([r[n] for r in rows], pa.string()) for n in range(4)],
                     names=["doc_id", "title", "lead", "text"])
    conn.register("_search_fp", batch)
    try:
        got = dict(conn.execute(f"SELECT doc_id, {FINGERPRINT} FROM _search_fp").fetchall())
    finally:
        conn.unregister("_search_fp")
    return [int(got[r[0]]) for r in rows]


# one document's entry: doc_id, search md5, token count, terms joined by spaces, their counts as int32 bytes
Entry = tuple[str, str, int, str, bytes]


def _replace(conn: duckdb.DuckDBPyConnection, old: list[str], entries: list[Entry], fps: list[int]) -> None:
    """Drop the entries of `old`, then add `entries`: the docs' entry first gone and last written, so a job that
    stops in between leaves postings without an entry, which adopt drops (never an entry without postings).
    `fps`: the entries' fingerprints, in their order."""
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
    _load(conn, DOCS, pa.table([[e[0] for e in entries], [e[2] for e in entries], [e[1] for e in entries], fps],
                               schema=_DOCS_SCHEMA))


def postings_table(entries: Sequence[Entry]) -> pa.Table:
    """The rows of `search_index_postings` for these entries, document after document in their terms' order, made
    by Arrow from the packed terms (one split of every document's joined terms, the counts' bytes read as one
    array), not a Python object per posting (682,401 a fresh bench crawl)."""
    import pyarrow.compute as pc

    counts = np.fromiter((len(e[4]) // 4 for e in entries), np.int64, len(entries))
    tfs = np.frombuffer(b"".join(e[4] for e in entries), np.int32)
    with_terms = [e[3] for e, n in zip(entries, counts, strict=True) if n]
    terms = (pc.list_flatten(pc.split_pattern(pa.array(with_terms, pa.string()), " ")) if with_terms
             else pa.array([], pa.string()))
    if len(terms) != len(tfs):
        raise ValueError(f"search postings: {len(terms)} terms for {len(tfs)} counts")
    ids = pa.array([e[0] for e in entries], pa.string()).take(np.repeat(np.arange(len(entries)), counts))
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
    if "fp" not in {r[0] for r in conn.execute(f"DESCRIBE {DOCS}").fetchall()}:  # no write job since it was kept
        conn.execute(f"ALTER TABLE {DOCS} ADD COLUMN fp UBIGINT")
        conn.execute(_FILL_COPY.read_text(encoding="utf-8"))
    conn.execute(_ADOPT.read_text(encoding="utf-8"))
    return True
