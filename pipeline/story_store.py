"""The stored side of story assignment, in DuckDB (the writer's connection), and the full rebuild.

Tables (migrations 005, 008): ``doc_signatures`` (one ``UBIGINT[]`` signature per document), ``stories``
(story_id, first_doc_id = the representative), and the story index: an immutable base sorted by key in files
next to the warehouse (pipeline.story_bandfile: band keys, and paragraph occurrences for boilerplate;
``story_band_files`` names the current generation), the rows added since it was written in ``story_bands``
(band_key, doc_id) and ``paragraph_docs`` (para_hash, doc_id, source_id, published_date) -- the delta, at most
``MERGE_ROWS`` / ``MERGE_PARAGRAPH_ROWS`` rows, no index -- and ``story_bands_dropped`` (documents whose base
rows are stale). A full delta is merged into a new base by ``merge_bands``. An in-memory warehouse has no
base: every row stays in the delta.

A batch touches only what it needs: the keys of its documents and the hashes of their paragraphs (one 4 KiB
block of the base per key, and one hash join over the delta), the candidate documents and their stories'
representatives (lookups by key: scans of the key column filtered by constants since migration 014 dropped the
keys). Nothing proportional to the stored corpus is loaded into Python, so
memory does not grow with it (bench/bench_stories.py, docs/stories.md sections 4 and 7).

DuckDB 1.5 uses an ART index only for constant filters, not for a bound list parameter (measured: 1 ms vs a
full scan), and filters a scan by constants fastest, so the lookups by key splice constants into the query
text: integers made by ``int()``, and doc ids as SQL string literals with quotes doubled (``str_list``). Nothing
else is ever spliced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline import keyed_rows, sql, story_bandfile
from pipeline.boilerplate import WINDOW_DAYS
from pipeline.minhash import NUM_PERM, in_sorted, sorted_distinct
from pipeline.stories import Assigner, Assignment, OutletCounts, Prepared, representative_of
from pipeline.syndication import Doc, as_doc
from planwatch.core.vntime import local_date

# constants per IN list, answered from the ART index: measured 0.0138 ms CPU a key in lists of 100, 0.0085 in
# lists of 800, alike at 612k and 5.2M band rows (docs/stories.md section 4)
INDEX_LOOKUP_CHUNK = 800
REBUILD_CHUNK = 5_000
REBUILD_TASK = "rebuild_stories"
MERGE_TASK = "merge_story_bands"
# delta rows that trigger a (minor) merge into a new base: about 2,000 documents (51 band keys each, ~15
# paragraphs). Every batch scans the delta with a hash join a few times (about 6 ms per million rows each), so
# the delta stays small; a minor merge rewrites only the small run of the base (at most MAJOR_ROWS rows, kept in
# memory while probed), a major merge the whole base (about 2.5 s CPU at a million documents, every ~20,000
# documents): docs/stories.md, section 4
MERGE_ROWS = 100_000
MERGE_PARAGRAPH_ROWS = 50_000
MAJOR_ROWS = 1_000_000
MAJOR_PARAGRAPH_ROWS = 500_000
MERGE_BATCH_ROWS = 1_000_000  # rows of the sorted delta fetched at a time while merging


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

    def __init__(self, conn: duckdb.DuckDBPyConnection, batch: Iterable[str] = (),
                 states: Mapping[str, tuple[str, int | None]] | None = None) -> None:
        """states: what the caller has just read of the stored documents among `batch` (doc ids), doc_id ->
        (story, publication time in microseconds) as story_states.sql gives them; a document of `batch` absent
        from it is not stored. states() answers for those from it (the batch's run asks for its own documents
        first, before anything moves a stored one)."""
        self.conn = conn
        self._given = set(batch) if states is not None else set()
        self._states = dict(states or {})
        self._cache: dict[str, dict[str, Any]] = {}  # document rows read during one batch
        self._base: story_bandfile.Index | bool | None = False  # not asked yet
        self._stale_any: bool | None = None  # whether any document has stale base rows (None: not asked yet)
        # what prefetch() found: stored documents per band key, and occurrences per paragraph (probed, even
        # when none); dropped when the index changes (forget, add_paragraphs)
        self._band_probed = np.empty(0, dtype=np.uint64)  # sorted
        self._band_hits: dict[int, list[str]] = {}
        self._para_counts: dict[int, OutletCounts] = {}  # (only the paragraphs found: most are not)
        self._para_probed: set[int] = set()

    @property
    def base(self) -> story_bandfile.Index | None:
        """The current base (asked once per batch: only a merge, after the batch, changes it)."""
        if self._base is False:
            self._base = _base(self.conn)
        return self._base if isinstance(self._base, story_bandfile.Index) else None

    def runs(self) -> list[story_bandfile.Generation]:
        """The sorted runs of the base (none for an in-memory warehouse or before the first merge)."""
        base = self.base
        return base.runs if base is not None else []

    def base_rows(self, keys: np.ndarray) -> list[tuple[Any, ...]]:
        """(band_key, doc_id) rows of the base with these keys, without the documents dropped since."""
        out: list[tuple[Any, ...]] = []
        for run in self.runs():
            found, recs = run.tables["bands"].lookup(keys)
            keep = self._fresh(run, recs["doc"])
            out += zip(found[keep].tolist(), run.doc_ids(recs["doc"][keep]), strict=True)
        return out

    def _fresh(self, run: story_bandfile.Generation, idx: np.ndarray) -> np.ndarray:
        if self._stale_any is None:
            base = self.base
            row = self.conn.execute(sql.query("story_band_dropped_any").replace(
                "/*GENERATION*/", str(int(base.oldest if base is not None else 0)))).fetchone()
            self._stale_any = bool(row and row[0])
        return _fresh_rows(self.conn, run, idx) if self._stale_any else np.ones(idx.size, dtype=bool)

    def prefetch(self, keys: np.ndarray, para_hashes: Iterable[int]) -> None:
        """Look up a batch's band keys and paragraph hashes together, one call over both delta tables (each call
        has a fixed cost of a few milliseconds); candidates() and paragraph_counts() then answer them from what
        was found."""
        bands = sorted_distinct(np.asarray(keys, dtype=np.uint64).reshape(-1))
        paras = np.fromiter(set(para_hashes), dtype=np.uint64)
        if bands.size == 0 or paras.size == 0:
            return
        band_set, para_set = set(bands.tolist()), set(paras.tolist())  # (bands: sorted, each key once)
        hits: dict[int, list[str]] = defaultdict(list)
        para_rows: list[tuple[int, str | None, int | None]] = []
        text = sql.query("story_probe_both").replace("/*WINDOW*/", str(int(WINDOW_DAYS)))
        # (np.union1d sorts through np.unique, which in numpy 2.4 hashes integer arrays first: 2.4 against 0.11 ms
        # for a chunk's 26,000 band keys and 7,000 paragraphs; the same sorted keys, each once)
        both = sorted_distinct(np.concatenate((bands, paras)))
        for kind, key, doc_id, source, p in _probe_delta(self.conn, both, text):
            if kind == 0 and key in band_set:
                hits[key].append(doc_id)
            elif kind == 1 and key in para_set:
                para_rows.append((key, source, p))
        for key, doc_id in self.base_rows(bands):
            hits[key].append(doc_id)
        counts = self._counts(paras, para_rows)
        self._band_probed, self._band_hits = bands, dict(hits)
        self._para_counts, self._para_probed = counts, para_set

    def candidates(self, docs: Sequence[Doc], keys: np.ndarray) -> dict[str, set[str]]:
        flat = np.asarray(keys, dtype=np.uint64).reshape(-1)
        hits = self._band_hits
        rows: list[tuple[Any, ...]] = []
        if hits:  # (a batch's keys mostly have no stored document: only those found are looked at in Python)
            found = np.fromiter(hits.keys(), dtype=np.uint64, count=len(hits))
            rows = [(k, d) for k in sorted_distinct(flat[np.isin(flat, found)]).tolist() for d in hits[k]]
        missing = sorted_distinct(flat)
        if self._band_probed.size:
            missing = missing[~in_sorted(missing, self._band_probed)]  # (both sorted, each key once)
        if missing.size:
            rows += _probe_delta(self.conn, missing, sql.query("story_candidates_join")) + self.base_rows(missing)
        out: dict[str, set[str]] = {d.doc_id: set() for d in docs}
        if not rows:
            return out
        # the owners of the keys found only: each key's positions in the batch's rows of keys
        width = keys.shape[1] if keys.ndim == 2 else 1
        wanted = sorted_distinct(np.fromiter((k for k, _ in rows), dtype=np.uint64, count=len(rows)))
        owners: dict[int, list[str]] = defaultdict(list)
        for at in np.flatnonzero(np.isin(flat, wanted)).tolist():
            owners[int(flat[at])].append(docs[at // width].doc_id)
        for key, doc_id in rows:
            for owner in owners.get(key, ()):
                out[owner].add(doc_id)
        return out

    def _docs(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        from pipeline import keyfetch

        ids = sorted(set(doc_ids) - set(self._cache))
        for part in _chunks(ids):
            self.conn.register("_story_doc_ids", pa.table({"doc_id": pa.array(part, pa.string())}))
            try:  # (both tables read by key: each doc_id column scanned once, then the rows only)
                docs = keyfetch.select_by_keys(self.conn, '"documents"', "_story_doc_ids", ("doc_id",),
                                               "doc_id, title, published_at, source_id, content_hash, story_id",
                                               values=part)
                texts = keyfetch.select_by_keys(self.conn, '"document_texts"', "_story_doc_ids", ("doc_id",),
                                                "doc_id, text", max_runs=keyfetch.TEXT_MAX_RUNS, values=part)
                cur = self.conn.execute(sql.query("story_docs").format(docs=docs, texts=texts))
                cols = [c[0] for c in cur.description]
                found = cur.fetchall()
            finally:
                self.conn.unregister("_story_doc_ids")
            for r in found:
                row = dict(zip(cols, r, strict=True))
                row["published_at"] = _from_us(row.pop("published_us"))
                self._cache[row["doc_id"]] = row
        return [self._cache[d] for d in set(doc_ids) if d in self._cache]

    def states(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, dt.datetime | None]]:
        asked = set(doc_ids)
        given = asked & self._given  # the batch's own documents, read by the caller
        out: dict[str, tuple[str, dt.datetime | None]] = {
            d: (self._states[d][0], _from_us(self._states[d][1])) for d in given if d in self._states}
        for part in _chunks(sorted(asked - given)):
            for doc_id, story, published in self.conn.execute(
                    sql.query("story_states").replace("/*IDS*/", str_list(part))).fetchall():
                out[doc_id] = (story, _from_us(published))
        return out

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Doc]:
        return {r["doc_id"]: as_doc(r) for r in self._docs(doc_ids)}

    def members(self, story_id: str) -> list[str]:
        rep = representative_of(story_id)
        text = sql.query("story_members").replace("/*ID*/", str_list([story_id]))
        return [r[0] for r in self.conn.execute(
            text.replace("/*REP*/", str_list([rep]) if rep is not None else "NULL")).fetchall()]

    def members_of(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        wanted = sorted(set(story_ids))
        out: dict[str, list[str]] = {s: [] for s in wanted}
        for part in _chunks(wanted):
            reps = [r for s in part if (r := representative_of(s)) is not None]
            text = sql.query("story_members_of").replace("/*IDS*/", str_list(part))
            for story, doc_id in self.conn.execute(
                    text.replace("/*REPS*/", str_list(reps) if reps else "NULL")).fetchall():
                out[story].append(doc_id)
        return out

    def paragraph_counts(self, para_hashes: Iterable[int]) -> dict[int, OutletCounts]:
        asked = set(para_hashes)
        out = {h: counts for h in asked if (counts := self._para_counts.get(h))}
        wanted = np.fromiter(asked - self._para_probed, dtype=np.uint64)
        if wanted.size == 0:
            return out
        text = sql.query("story_boilerplate").replace("/*WINDOW*/", str(int(WINDOW_DAYS)))
        return {**out, **self._counts(wanted, _probe_delta(self.conn, wanted, text))}

    def _counts(self, wanted: np.ndarray, delta: Iterable[tuple[Any, ...]]) -> dict[int, OutletCounts]:
        """Occurrences per outlet of these paragraphs: the base's, and the delta's rows (hash, outlet, period)."""
        out: dict[int, OutletCounts] = defaultdict(dict)

        def count(h: int, source: str | None, p: int | None) -> None:
            docs, periods = out[h].get(source) or (0, set())
            if p is not None:
                periods.add(p)
            out[h][source] = (docs + 1, periods)

        for run in self.runs():
            found, recs = run.tables["paras"].lookup(wanted)
            keep = self._fresh(run, recs["doc"])
            for h, src, day in zip(found[keep].tolist(), recs["src"][keep].tolist(), recs["day"][keep].tolist(),
                                   strict=True):
                count(h, run.sources[src], None if day == story_bandfile.NO_DAY else day // WINDOW_DAYS)
        for h, source, p in delta:
            count(h, source, p)
        return dict(out)

    def containing(self, para_hashes: Iterable[int]) -> set[str]:
        wanted = np.fromiter(set(para_hashes), dtype=np.uint64)
        if wanted.size == 0:
            return set()
        out = {r[0] for r in _probe_delta(self.conn, wanted, sql.query("story_paragraph_docs"))}
        for run in self.runs():
            _, recs = run.tables["paras"].lookup(wanted)
            keep = self._fresh(run, recs["doc"])
            out |= set(run.doc_ids(recs["doc"][keep]))
        return out

    def forget(self, doc_ids: Sequence[str]) -> None:
        _forget(self.conn, doc_ids)
        self._given -= set(doc_ids)
        self._stale_any = None
        self._band_probed, self._band_hits, self._para_counts = np.empty(0, dtype=np.uint64), {}, {}
        self._para_probed = set()
        self._cache = {k: v for k, v in self._cache.items() if k not in set(doc_ids)}

    def add_paragraphs(self, docs: Sequence[Doc]) -> None:
        _load(self.conn, "paragraph_docs", _paragraph_rows(docs))
        for doc in docs:
            found = doc.countable_hashes()
            self._para_probed -= found
            for h in found:
                self._para_counts.pop(h, None)


def _paragraph_rows(docs: Sequence[Doc]) -> pa.Table:
    hashes: list[int] = []
    ids: list[str] = []
    sources: list[str | None] = []
    dates: list[dt.date | None] = []
    for doc in docs:  # (a document's columns extended at once, not a row at a time)
        found = doc.countable_hashes()
        hashes.extend(found)
        ids.extend([doc.doc_id] * len(found))
        sources.extend([doc.source_id] * len(found))
        dates.extend([_local_date(doc)] * len(found))
    return pa.table({"para_hash": pa.array(hashes, type=pa.uint64()), "doc_id": pa.array(ids, type=pa.string()),
                     "source_id": pa.array(sources, type=pa.string()), "published_date": pa.array(dates, pa.date32())})


def _band_rows(prepared: Prepared) -> pa.Table:
    ids = pa.array([d.doc_id for d in prepared.docs], type=pa.string())
    at = np.repeat(np.arange(len(prepared.docs)), prepared.keys.shape[1])
    return pa.table({"band_key": pa.array(prepared.keys.reshape(-1), type=pa.uint64()),
                     "doc_id": ids.take(pa.array(at))})


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
        conn.execute(sql.query("story_forget").replace("/*GENERATION*/", str(int(_meta(conn)[0]))))
    finally:
        conn.unregister("_ids")


# -- the base of the story index (pipeline.story_bandfile) --------------------------------------------------
_opened: dict[Path, story_bandfile.Index] = {}  # the current generation of each warehouse, kept open
OPENED_MAX = 4  # warehouses whose base stays open in one process (six file descriptors each)


_TOP = np.uint64(1 << 63)


def _probe_delta(conn: duckdb.DuckDBPyConnection, keys: np.ndarray, statement: str) -> list[tuple[Any, ...]]:
    """Rows of a statement that joins a delta table with the keys (relation story_probe, the CTE of
    story_probe_fill.sql put before it): one statement (each has a fixed cost of its own)."""
    flipped = (np.asarray(keys, dtype=np.uint64) ^ _TOP).view(np.int64)
    conn.register("_probe_keys", pa.table({"k": pa.array(flipped, type=pa.int64())}))
    try:
        return conn.execute(sql.query("story_probe_fill") + statement).fetchall()
    finally:
        conn.unregister("_probe_keys")


def _root(conn: duckdb.DuckDBPyConnection) -> Path | None:
    """Where the warehouse's base generations live; None for an in-memory warehouse (no base)."""
    row = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    if not row or not row[0] or row[0] == ":memory:":
        return None
    return Path(str(row[0]) + ".story-bands")


def _meta(conn: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    """(generation, band rows, documents) of the current base; zeros when there is none."""
    row = conn.execute(sql.query("story_band_meta")).fetchone()
    return (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)


def _base(conn: duckdb.DuckDBPyConnection) -> story_bandfile.Index | None:
    """The current base, opened once per generation; None when there is none yet."""
    generation = _meta(conn)[0]
    root = _root(conn)
    if generation == 0 or root is None:
        return None
    folder = story_bandfile.generation_dir(root, generation)
    current = _opened.get(root)
    if current is not None and current.folder == folder:
        return current
    if not story_bandfile.complete(folder):
        raise RuntimeError(f"the story index files {folder} are missing: the writer rebuilds the stories at its "
                           "next start (pipeline.store.run_maintenance)")
    if current is not None:
        current.close()
        del _opened[root]
    while len(_opened) >= OPENED_MAX:  # the oldest warehouse's files closed (a process that opened many)
        _opened.pop(next(iter(_opened))).close()
    _opened[root] = story_bandfile.Index(folder)
    return _opened[root]


def bands_lost(conn: duckdb.DuckDBPyConnection) -> bool:
    """True when the warehouse names a base whose files are not there (a warehouse copied without them)."""
    generation = _meta(conn)[0]
    root = _root(conn)
    return generation > 0 and (root is None or not story_bandfile.complete(story_bandfile.generation_dir(
        root, generation)))


def _fresh_rows(conn: duckdb.DuckDBPyConnection, run: story_bandfile.Generation, idx: np.ndarray) -> np.ndarray:
    """Which of these rows of a run (by document index) are not stale (their document dropped since the run was
    written)."""
    keep = np.ones(idx.size, dtype=bool)
    if idx.size == 0:
        return keep
    generation = str(int(run.born))
    ids = run.doc_ids(idx)
    among = sql.query("story_band_dropped_among").replace("/*GENERATION*/", generation)
    stale = {r[0] for part in _chunks(sorted(set(ids))) for r in conn.execute(
        among.replace("/*IDS*/", str_list(part))).fetchall()}
    return np.array([d not in stale for d in ids], dtype=bool)


def _sorted_batches(conn: duckdb.DuckDBPyConnection, statement: str, name: str, sources: list[str | None]
                    ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Keys and records (pipeline.story_bandfile.RECORDS) of a sorted delta, batch by batch. The statement runs
    when the first batch is wanted (one result at a time on the connection, which sees the caller's
    transaction)."""
    known = pa.array(sources[1:], type=pa.string())
    for b in conn.execute(statement).fetch_record_batch(MERGE_BATCH_ROWS):
        if not b.num_rows:
            continue
        keys = b.column(0).to_numpy(zero_copy_only=False).astype(np.uint64, copy=False)
        recs = np.empty(b.num_rows, dtype=story_bandfile.RECORDS[name])
        recs["doc"] = b.column(1).to_numpy(zero_copy_only=False)
        if name == "paras":
            # outlet index: position in sources (0: none)
            at = pc.index_in(b.column(2).cast(pa.string()), value_set=known)
            recs["src"] = pc.add(at, 1).fill_null(0).to_numpy(zero_copy_only=False)
            recs["day"] = b.column(3).fill_null(int(story_bandfile.NO_DAY)).to_numpy(zero_copy_only=False)
        yield keys, recs


def merge_bands(conn: duckdb.DuckDBPyConnection, major: bool | None = None) -> dict[str, int]:
    """Merge the delta (story_bands, paragraph_docs) and the dropped list into a new base generation; in the
    caller's transaction (a rollback leaves the previous generation current; its folder is removed by a later
    merge). Nothing happens for an in-memory warehouse.

    A minor merge rewrites only the small run (the small run and the delta) and takes the big run over as it is
    (hard links); a major merge (the small run and the delta reach MAJOR_ROWS or MAJOR_PARAGRAPH_ROWS, or there
    is no big run yet, or ``major``) merges everything into one big run (docs/stories.md section 4)."""
    root = _root(conn)
    if root is None:
        return {"bands": 0, "paras": 0, "docs": 0}
    generation = _meta(conn)[0]
    previous = _base(conn)
    big = previous.runs[0] if previous is not None else None
    small = previous.runs[1] if previous is not None and len(previous.runs) > 1 else None
    new_ids = conn.execute(sql.query("story_band_delta_ids")).fetch_arrow_table().column("doc_id").combine_chunks()
    markers = conn.execute(sql.query("story_band_dropped_all")).fetch_arrow_table()

    def dropped_in(run: story_bandfile.Generation | None) -> pa.Array:
        """Documents whose rows in this run are stale (dropped in the generation it was written in, or later)."""
        if run is None or markers.num_rows == 0:
            return pa.array([], pa.string())
        stale = pc.greater_equal(markers.column("before_generation"), pa.scalar(run.born, pa.int64()))
        return markers.column("doc_id").filter(stale).combine_chunks()

    delta_sources = [r[0] for r in conn.execute(sql.query("story_para_delta_sources")).fetchall()]
    row = conn.execute(sql.query("story_band_delta_count")).fetchone()
    delta_bands, delta_paras = (int(row[0]), int(row[1])) if row else (0, 0)
    if major is None:
        major = big is None or (
            (small.tables["bands"].rows if small else 0) + delta_bands >= MAJOR_ROWS
            or (small.tables["paras"].rows if small else 0) + delta_paras >= MAJOR_PARAGRAPH_ROWS)
    # the committed generation, seen from a connection of its own (outside this transaction), is kept with the
    # current one: a rollback returns to it. Numbers are never reused.
    committed = _meta(conn.cursor())[0]
    story_bandfile.prune(root, [generation, committed])
    number = max(generation, committed, *story_bandfile.generations(root)) + 1
    folder = story_bandfile.generation_dir(root, number)
    story_bandfile.fresh_dir(folder)

    def delta_into(target: story_bandfile.Generation | None, into: Path) -> dict[str, int]:
        """Write the run `into`: target's rows (not stale) merged with the delta's."""
        outlets = story_bandfile.sources(target, delta_sources)
        base_docs = str(int(target.doc_count() if target else 0))
        readers = {name: _sorted_batches(conn, sql.query(query).replace("/*BASE_DOCS*/", base_docs), name, outlets)
                   for name, query in (("bands", "story_band_delta_sorted"), ("paras", "story_para_delta_sorted"))}
        return story_bandfile.write(into, target, readers, new_ids, dropped_in(target), outlets[1:])

    if not major and big is not None:
        out = delta_into(small, folder / "small")
        story_bandfile.link_run(big, folder / "big")
        runs = [("big", big.born), ("small", number)]
        out = {"bands": out["bands"] + big.tables["bands"].rows, "paras": out["paras"] + big.tables["paras"].rows,
               "docs": out["docs"] + big.doc_count()}
    elif small is not None and big is not None:
        delta_into(small, folder / "merging")  # the small run and the delta, then that merged into the big run
        merged = story_bandfile.Generation(folder / "merging", born=number)
        try:
            outlets = story_bandfile.sources(big, merged.sources[1:])
            at = {name: i for i, name in enumerate(outlets)}
            mapping = np.array([at[name] for name in merged.sources], dtype=np.uint32)
            incoming = {name: story_bandfile.run_rows(merged, name, big.doc_count(),
                                                      mapping if name == "paras" else None)
                        for name in story_bandfile.RECORDS}
            out = story_bandfile.write(folder / "big", big, incoming, merged.all_ids(), dropped_in(big),
                                       outlets[1:])
        finally:
            merged.close()
        shutil.rmtree(folder / "merging")
        runs = [("big", number)]
    else:
        out = delta_into(big, folder / "big")
        runs = [("big", number)]
    story_bandfile.write_runs(folder, runs)
    conn.execute(sql.query("story_band_switch").replace("/*GENERATION*/", str(int(number)))
                 .replace("/*KEEP_FROM*/", str(int(min(b for _, b in runs))))
                 .replace("/*ROWS*/", str(int(out["bands"]))).replace("/*DOCS*/", str(int(out["docs"]))))
    return out


def merge_due(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(sql.query("story_band_delta_count")).fetchone()
    full = bool(row and (int(row[0]) >= MERGE_ROWS or int(row[1]) >= MERGE_PARAGRAPH_ROWS))
    return full and _root(conn) is not None


def assign_and_index(conn: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, Any]],
                     *, rebuilding: bool = False,
                     precomputed: dict[str, tuple[np.ndarray, ...]] | None = None,
                     paragraphs: dict[str, list[tuple[int, str]]] | None = None,
                     states: Mapping[str, tuple[str, int | None]] | None = None,
                     unchanged: Collection[str] = ()) -> Assignment:
    """Assign stories to a batch of document rows against the warehouse and index the batch.

    Writes story_bands, paragraph_docs, doc_signatures and stories, and moves stored documents whose story
    changed (``Assignment.moved``). The caller writes the new documents with ``Assignment.stories``.
    precomputed, paragraphs: signatures and keys, and folded paragraphs, computed elsewhere (the workers).
    states: the batch's stored documents (doc_id -> (story, published microseconds), story_states.sql's
    columns), when the caller has just read them: the batch's first lookup is then not made again.
    unchanged: documents of the batch the caller knows are stored with the same content (pipeline.ingest.
    same_content): their stored texts are not read to compare.
    DuckDB runs the batch's statements on one thread (a setting of the database instance, restored afterwards,
    before a merge): they are small, and more threads only added scheduling CPU (docs/stories.md section 7).
    Inside `one_thread` (a write job's chunks, pipeline.chunk_writer) the batch leaves the setting as it is; a merge
    gets the usual threads back for its time."""
    with one_thread(conn):  # (nothing to set inside a write job's own one_thread)
        assignment = _assign_and_index(conn, rows, rebuilding=rebuilding, precomputed=precomputed,
                                       paragraphs=paragraphs, states=states, unchanged=unchanged)
    if merge_due(conn):
        usual = _narrowed.get(id(conn))
        if usual is not None:  # (a merge's sorts keep every thread)
            _set_threads(conn, usual)
        try:
            merge_bands(conn)
        finally:
            if usual is not None:
                with contextlib.suppress(duckdb.Error):
                    _set_threads(conn, 1)
    return assignment


_usual: dict[str, int] = {}  # DuckDB threads outside story batches, per database path
# the connections inside one_thread (by id: a DuckDB connection takes no weak reference) -> the threads to restore
_narrowed: dict[int, int] = {}


@contextlib.contextmanager
def one_thread(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB on one worker thread for the statements run inside (the setting restored afterwards): a story batch,
    or a write job's chunks (pipeline.chunk_writer), whose statements are small; with more threads DuckDB spent
    0.1-0.2 s more CPU on a crawl's chunks than the writer thread itself (issue 16). Story batches inside leave
    the setting alone (two statements fewer a batch)."""
    if id(conn) in _narrowed:
        yield
        return
    threads = _usual_threads(conn)
    _set_threads(conn, 1)
    _narrowed[id(conn)] = threads
    try:
        yield
    except BaseException:
        _narrowed.pop(id(conn), None)
        # an aborted transaction refuses every statement: then the next batch restores the setting
        with contextlib.suppress(duckdb.Error):
            _set_threads(conn, threads)
        raise
    _narrowed.pop(id(conn), None)
    _set_threads(conn, threads)


def _usual_threads(conn: duckdb.DuckDBPyConnection) -> int:
    """The threads setting to restore after a batch: the current one, unless it is the batch's own 1 left by a
    batch that failed inside an aborted transaction."""
    row = conn.execute(sql.query("story_threads_get")).fetchone()
    current = max(1, int(row[0])) if row else 1
    where = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    key = str(where[0]) if where else ""
    if current != 1 or key not in _usual:
        _usual[key] = current
    return _usual[key]


def _set_threads(conn: duckdb.DuckDBPyConnection, threads: int) -> None:
    conn.execute(sql.query("story_threads_set").replace("/*THREADS*/", str(int(threads))))


def _assign_and_index(conn: duckdb.DuckDBPyConnection, rows: Sequence[Mapping[str, Any]], *, rebuilding: bool,
                      precomputed: dict[str, tuple[np.ndarray, ...]] | None,
                      paragraphs: dict[str, list[tuple[int, str]]] | None,
                      states: Mapping[str, tuple[str, int | None]] | None = None,
                      unchanged: Collection[str] = ()) -> Assignment:
    docs = [as_doc(r) for r in rows]
    if paragraphs:
        for doc in docs:
            doc.use_paragraphs(paragraphs.get(doc.doc_id))
    # (the given states answer the run's first lookup, which asks for the batch's own documents: not a rebuild's)
    assigner = Assigner(DuckLookup(conn, (d.doc_id for d in docs), None if rebuilding else states))
    # a rebuild starts empty and counts every paragraph first; otherwise the batch's paragraphs are counted
    # (and re-extracted documents' index rows dropped) inside the run
    assignment = assigner.run(docs, precomputed, index_paragraphs=not rebuilding, unchanged=unchanged)
    prepared = assigner.prepared
    _load(conn, "story_bands", _band_rows(prepared))
    sigs = np.ascontiguousarray(prepared.signatures, dtype=np.uint64)
    sig_rows = pa.table({"doc_id": pa.array([d.doc_id for d in prepared.docs], type=pa.string()),
                         "minhash": pa.FixedSizeListArray.from_arrays(pa.array(sigs.reshape(-1), pa.uint64()),
                                                                      NUM_PERM).cast(pa.list_(pa.uint64()))})
    keyed_rows.store(conn, "doc_signatures", sig_rows, replace=True)  # no primary key (migration 012)
    if assignment.moved:
        _move(conn, assignment.moved)
    if assignment.representatives:
        now = dt.datetime.now(dt.UTC)
        reps = pa.table({"story_id": pa.array(list(assignment.representatives), type=pa.string()),
                         "first_doc_id": pa.array(list(assignment.representatives.values()), type=pa.string()),
                         "created_at": pa.array([now] * len(assignment.representatives), pa.timestamp("us", "UTC"))})
        assignment.new_stories = upsert_representatives(conn, reps)
    if assignment.left:
        assignment.dropped = drop_left(conn, assignment.left, list(assignment.stories))
    return assignment


def drop_left(conn: duckdb.DuckDBPyConnection, left: Iterable[str], batch: list[str]) -> set[str]:
    """Drop the `stories` rows of these stories (stored documents left them, none of the batch `batch` is in
    them) that no stored document outside the batch is in any more (story_drop_left.sql). Returns those dropped."""
    ids = _id_list(conn, "_left", sorted(left))
    rows = pa.table({"doc_id": pa.array(batch, type=pa.string())})
    conn.register("_batch", rows)
    try:
        out = conn.execute(sql.query("story_drop_left").replace("/*LEFT*/", ids)).fetchall()
    finally:
        conn.unregister("_batch")
    return {r[0] for r in out}


def upsert_representatives(conn: duckdb.DuckDBPyConnection, reps: pa.Table) -> set[str]:
    """Store the representatives `reps` (story_id, first_doc_id, created_at; one row per story): a stored story
    takes the new first document and keeps its created_at (story_upsert_representatives.sql), a new one is added
    (story_insert_representatives.sql). Which are stored, and their first document, is looked up once, with
    constants (a scan of the story_id column): the UPDATE's join and the INSERT's anti-join each scanned every
    stored story (about 0.1 s at a million documents). Each statement runs only when it has rows to write (the
    UPDATE seldom does: 3-7 ms a chunk saved). Returns the stories added (new to the warehouse)."""
    ids = reps.column("story_id").to_pylist()
    stored = _stored_firsts(conn, ids)
    changed = sorted({s for s, first in zip(ids, reps.column("first_doc_id").to_pylist(), strict=True)
                      if s in stored and stored[s] != first})
    new = set(ids) - set(stored)
    statements = []
    if changed:
        statements.append(sql.query("story_upsert_representatives").replace(
            "/*CHANGED*/", _id_list(conn, "_reps_changed", changed)))
    if new:
        statements.append(sql.query("story_insert_representatives").replace(
            "/*STORED*/", _id_list(conn, "_reps_stored", sorted(stored)) if stored else "''"))
    if statements:
        _execute_over(conn, "_reps", reps, "\n".join(statements))
    return new


def _stored_firsts(conn: duckdb.DuckDBPyConnection, story_ids: list[str]) -> dict[str, str | None]:
    """The stored stories among these, with their first document (constants filtering the story_id column's scan)."""
    from pipeline.keyfetch import literal_lists

    out: dict[str, str | None] = {}
    for part in literal_lists(sorted(set(story_ids))):
        out.update(conn.execute(f"SELECT story_id, first_doc_id FROM stories WHERE story_id IN ({part})").fetchall())
    return out


def _id_list(conn: duckdb.DuckDBPyConnection, name: str, ids: list[str]) -> str:
    """The ids as SQL constants for `IN (...)`, or when many (keyfetch.INLINE_MAX) a SELECT of a temporary table
    holding them (name: the table's)."""
    from pipeline.keyfetch import INLINE_MAX, literal_list

    if len(ids) <= INLINE_MAX:
        return literal_list(ids)
    conn.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT unnest(?::VARCHAR[]) AS story_id", [ids])
    return f"SELECT story_id FROM temp.{name}"


def changed_keys(assignment: Assignment) -> dict[str, pa.Table]:
    """Keys of the rows assign_and_index wrote outside Writer.insert (moved documents' story, signatures,
    story representatives), per table: what a lake publish of the job must mirror besides its inserts; and
    under pipeline.lake.NEW_STORIES the stories new to the warehouse (the lake holds no row of theirs)."""
    from pipeline.lake import NEW_STORIES

    out = {"documents": pa.table({"doc_id": pa.array(sorted(assignment.moved), type=pa.string())}),
           "doc_signatures": pa.table({"doc_id": pa.array(sorted(assignment.stories), type=pa.string())}),
           # (a dropped story's key too: the lake deletes its row and finds none to copy)
           "stories": pa.table({"story_id": pa.array(sorted({*assignment.representatives, *assignment.dropped}),
                                                     type=pa.string())}),
           NEW_STORIES: pa.table({"story_id": pa.array(sorted(assignment.new_stories), type=pa.string())})}
    return {table: keys for table, keys in out.items() if keys.num_rows}


def pending_rebuild(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(sql.query("maintenance_pending"), [REBUILD_TASK]).fetchone()
    return bool(row and row[0]) or bands_lost(conn)


def pending_merge(conn: duckdb.DuckDBPyConnection) -> bool:
    """A migration asked for a merge (008: a warehouse's band rows become its first base), or the delta is full."""
    row = conn.execute(sql.query("maintenance_pending"), [MERGE_TASK]).fetchone()
    return bool(row and row[0]) or merge_due(conn)


def run_merge(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The merge data task: merge_bands, then the task is done."""
    out = merge_bands(conn)
    conn.execute(sql.query("maintenance_done"), [MERGE_TASK])
    return out


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
