"""The stored side of story assignment, in DuckDB (the writer's connection), and the full rebuild.

Tables (migration 003): ``story_bands`` (band_key, doc_id; ART index on band_key), ``paragraph_docs``
(para_hash, doc_id, source_id, published_date; ART index on para_hash), ``doc_signatures`` (one
``UBIGINT[]`` signature per document), ``stories`` (story_id, first_doc_id = the representative).

A batch touches only what it needs: the band keys of its documents (index lookups), the candidate
documents and their stories' representatives (primary-key lookups), and the occurrence rows of their
paragraphs. Nothing proportional to the stored corpus is loaded into Python, so memory does not grow with
it (bench/bench_stories.py).

DuckDB 1.5 uses an ART index only for constant filters, not for a bound list parameter (measured: 1 ms vs a
full scan), so the lookups splice constants into the query text: integers made by ``int()``, and doc ids
as SQL string literals with quotes doubled (``str_list``). Nothing else is ever spliced.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from pipeline import sql
from pipeline.boilerplate import WINDOW_DAYS, countable
from pipeline.stories import Assigner, Assignment, OutletCounts, Prepared
from pipeline.syndication import Doc, as_doc
from planwatch.core.vntime import local_date

# constants per IN list, answered from the ART index: measured 0.0138 ms CPU a key in lists of 100, 0.0085 in
# lists of 800, alike at 612k and 5.2M band rows (docs/stories.md section 4)
INDEX_LOOKUP_CHUNK = 800
INDEX_LOOKUP_MAX_KEYS = 50_000  # above this many keys (a batch of ~1,000 documents) one hash join is cheaper
REBUILD_CHUNK = 5_000
REBUILD_TASK = "rebuild_stories"


def int_list(values: Iterable[int]) -> str:
    return ", ".join(str(int(v)) for v in values)


def str_list(values: Iterable[str]) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + INDEX_LOOKUP_CHUNK] for i in range(0, len(values), INDEX_LOOKUP_CHUNK)]


def _from_us(value: int | None) -> dt.datetime | None:
    return None if value is None else dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=int(value))


def _local_date(doc: Doc) -> dt.date | None:
    return local_date(doc.published)


class DuckLookup:
    """pipeline.stories.Lookup over the warehouse."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.conn = conn
        self._cache: dict[str, dict[str, Any]] = {}  # document rows read during one batch

    def candidates(self, docs: Sequence[Doc], keys: np.ndarray) -> dict[str, set[str]]:
        owners: dict[int, list[str]] = defaultdict(list)
        for doc, row in zip(docs, keys, strict=True):
            for key in row:
                owners[int(key)].append(doc.doc_id)
        rows: list[tuple[Any, ...]] = []
        if owners and len(owners) <= INDEX_LOOKUP_MAX_KEYS:
            for part in _chunks(list(owners)):
                rows += self.conn.execute(sql.query("story_candidates").replace("/*KEYS*/", int_list(part))).fetchall()
        elif owners:
            probe = pa.table({"band_key": pa.array(list(owners), type=pa.uint64())})
            self.conn.register("_probe", probe)
            try:
                rows = self.conn.execute(sql.query("story_candidates_join")).fetchall()
            finally:
                self.conn.unregister("_probe")
        out: dict[str, set[str]] = {d.doc_id: set() for d in docs}
        for key, doc_id in rows:
            for owner in owners.get(int(key), ()):
                out[owner].add(doc_id)
        return out

    def _docs(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        ids = sorted(set(doc_ids) - set(self._cache))
        for part in _chunks(ids):
            cur = self.conn.execute(sql.query("story_docs").replace("/*IDS*/", str_list(part)))
            cols = [c[0] for c in cur.description]
            for r in cur.fetchall():
                row = dict(zip(cols, r, strict=True))
                row["published_at"] = _from_us(row.pop("published_us"))
                self._cache[row["doc_id"]] = row
        return [self._cache[d] for d in set(doc_ids) if d in self._cache]

    def states(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, dt.datetime | None]]:
        out: dict[str, tuple[str, dt.datetime | None]] = {}
        for part in _chunks(sorted(set(doc_ids))):
            for doc_id, story, published in self.conn.execute(
                    sql.query("story_states").replace("/*IDS*/", str_list(part))).fetchall():
                out[doc_id] = (story, _from_us(published))
        return out

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Doc]:
        return {r["doc_id"]: as_doc(r) for r in self._docs(doc_ids)}

    def members(self, story_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            sql.query("story_members").replace("/*ID*/", str_list([story_id]))).fetchall()]

    def paragraph_counts(self, para_hashes: Iterable[int]) -> dict[int, OutletCounts]:
        out: dict[int, OutletCounts] = defaultdict(dict)
        for part in _chunks(sorted(set(para_hashes))):
            text = (sql.query("story_boilerplate").replace("/*HASHES*/", int_list(part))
                    .replace("/*WINDOW*/", str(int(WINDOW_DAYS))))
            for h, source, docs, periods in self.conn.execute(text).fetchall():
                out[int(h)][source] = (int(docs), {int(p) for p in periods or [] if p is not None})
        return dict(out)

    def containing(self, para_hashes: Iterable[int]) -> set[str]:
        return {r[0] for part in _chunks(sorted(set(para_hashes))) for r in self.conn.execute(
            sql.query("story_paragraph_docs").replace("/*HASHES*/", int_list(part))).fetchall()}

    def forget(self, doc_ids: Sequence[str]) -> None:
        _forget(self.conn, doc_ids)
        self._cache = {k: v for k, v in self._cache.items() if k not in set(doc_ids)}

    def add_paragraphs(self, docs: Sequence[Doc]) -> None:
        _load(self.conn, "paragraph_docs", _paragraph_rows(docs))


def _paragraph_rows(docs: Sequence[Doc]) -> pa.Table:
    hashes, ids, sources, dates = [], [], [], []
    for doc in docs:
        day = _local_date(doc)
        for h in {h for h, folded in doc.paragraphs if countable(folded)}:
            hashes.append(h)
            ids.append(doc.doc_id)
            sources.append(doc.source_id)
            dates.append(day)
    return pa.table({"para_hash": pa.array(hashes, type=pa.uint64()), "doc_id": pa.array(ids, type=pa.string()),
                     "source_id": pa.array(sources, type=pa.string()), "published_date": pa.array(dates, pa.date32())})


def _band_rows(prepared: Prepared) -> pa.Table:
    ids = np.repeat(np.array([d.doc_id for d in prepared.docs], dtype=object), prepared.keys.shape[1])
    return pa.table({"band_key": pa.array(prepared.keys.reshape(-1), type=pa.uint64()),
                     "doc_id": pa.array(ids.tolist(), type=pa.string())})


def _load(conn: duckdb.DuckDBPyConnection, table: str, batch: pa.Table, verb: str = "INSERT") -> None:
    if batch.num_rows == 0:
        return
    # table names come from this module, never from input
    _execute_over(conn, "_rows", batch, f'{verb} INTO "{table}" BY NAME SELECT * FROM _rows')


def _execute_over(conn: duckdb.DuckDBPyConnection, name: str, batch: pa.Table, statement: str) -> None:
    """Run a statement that reads an Arrow table registered under name (the SQL names it)."""
    conn.register(name, batch)
    try:
        conn.execute(statement)
    finally:
        conn.unregister(name)


def _move(conn: duckdb.DuckDBPyConnection, stories: Mapping[str, str]) -> None:
    """Set the story of stored documents (doc_id -> story_id)."""
    moved = pa.table({"doc_id": pa.array(list(stories), type=pa.string()),
                      "story_id": pa.array(list(stories.values()), type=pa.string())})
    _execute_over(conn, "_moved", moved, sql.query("story_move"))


def _forget(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Drop a re-extracted document's index rows (its text may have changed)."""
    if not doc_ids:
        return
    known = [r[0] for part in _chunks(list(doc_ids))
             for r in conn.execute(sql.query("story_known").replace("/*IDS*/", str_list(part))).fetchall()]
    if not known:
        return
    conn.register("_ids", pa.table({"doc_id": pa.array(known, type=pa.string())}))
    try:
        conn.execute(sql.query("story_forget"))
    finally:
        conn.unregister("_ids")


def assign_and_index(conn: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, Any]],
                     *, rebuilding: bool = False,
                     precomputed: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
                     paragraphs: dict[str, list[tuple[int, str]]] | None = None) -> Assignment:
    """Assign stories to a batch of document rows against the warehouse and index the batch.

    Writes story_bands, paragraph_docs, doc_signatures and stories, and moves stored documents whose story
    changed (``Assignment.moved``). The caller writes the new documents with ``Assignment.stories``.
    precomputed, paragraphs: signatures and keys, and folded paragraphs, computed elsewhere (the workers)."""
    docs = [as_doc(r) for r in rows]
    if paragraphs:
        for doc in docs:
            doc.use_paragraphs(paragraphs.get(doc.doc_id))
    assigner = Assigner(DuckLookup(conn))
    # a rebuild starts empty and counts every paragraph first; otherwise the batch's paragraphs are counted
    # (and re-extracted documents' index rows dropped) inside the run
    assignment = assigner.run(docs, precomputed, index_paragraphs=not rebuilding)
    prepared = assigner.prepared
    _load(conn, "story_bands", _band_rows(prepared))
    sig_rows = pa.table({"doc_id": pa.array([d.doc_id for d in prepared.docs], type=pa.string()),
                         "minhash": pa.array([row.tolist() for row in prepared.signatures],
                                             type=pa.list_(pa.uint64()))})
    _load(conn, "doc_signatures", sig_rows, "INSERT OR REPLACE")
    if assignment.moved:
        _move(conn, assignment.moved)
    if assignment.representatives:
        now = dt.datetime.now(dt.UTC)
        reps = pa.table({"story_id": pa.array(list(assignment.representatives), type=pa.string()),
                         "first_doc_id": pa.array(list(assignment.representatives.values()), type=pa.string()),
                         "created_at": pa.array([now] * len(assignment.representatives), pa.timestamp("us", "UTC"))})
        _execute_over(conn, "_reps", reps, sql.query("story_upsert_representatives"))
    return assignment


def changed_keys(assignment: Assignment) -> dict[str, pa.Table]:
    """Keys of the rows assign_and_index wrote outside Writer.insert (moved documents' story, signatures,
    story representatives), per table: what a lake publish of the job must mirror besides its inserts."""
    out = {"documents": pa.table({"doc_id": pa.array(sorted(assignment.moved), type=pa.string())}),
           "doc_signatures": pa.table({"doc_id": pa.array(sorted(assignment.stories), type=pa.string())}),
           "stories": pa.table({"story_id": pa.array(sorted(assignment.representatives), type=pa.string())})}
    return {table: keys for table, keys in out.items() if keys.num_rows}


def pending_rebuild(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(sql.query("maintenance_pending"), [REBUILD_TASK]).fetchone()
    return bool(row and row[0])


def rebuild(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Recompute every story from the stored documents: boilerplate learned from the whole corpus first,
    then documents assigned in publication order, in chunks. Reviewers' decisions are untouched (they
    name documents, and a story decision reaches whatever story its document is in)."""
    conn.execute(sql.query("story_reset"))
    ids = [r[0] for r in conn.execute(sql.query("story_rebuild_order")).fetchall()]
    lookup = DuckLookup(conn)
    for start in range(0, len(ids), REBUILD_CHUNK):
        docs = list(lookup.documents(ids[start : start + REBUILD_CHUNK]).values())
        _load(conn, "paragraph_docs", _paragraph_rows(docs))
    for start in range(0, len(ids), REBUILD_CHUNK):
        chunk = ids[start : start + REBUILD_CHUNK]
        rows = [{"doc_id": d.doc_id, "title": d.title, "text": d.text, "published_at": d.published,
                 "source_id": d.source_id, "content_hash": d.content_hash}
                for d in lookup.documents(chunk).values()]
        _move(conn, assign_and_index(conn, rows, rebuilding=True).stories)
    conn.execute(sql.query("maintenance_done"), [REBUILD_TASK])
    row = conn.execute(sql.query("story_count")).fetchone()
    return {"documents": len(ids), "stories": int(row[0]) if row else 0}
