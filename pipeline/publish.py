"""Publish a read-only snapshot of the warehouse: copy, index (what changed), fsync, atomic rename.

A reader that has the old snapshot open keeps reading the old file (its inode lives on until closed);
a reader that opens after the rename sees the new one. Nobody ever sees a half-written file, nor a WAL left
beside the snapshot by someone who opened it read-write."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipeline import doc_texts, duck
from pipeline.faults import pause
from planwatch.config import DATA_DIR, Paths


def fts_extension_path() -> str | None:
    """The fts extension shipped as a wheel (duckdb-extension-fts), so no download is ever needed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    base = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = sorted(base.glob("fts.duckdb_extension"))
    return str(found[0]) if found else None


def load_fts(conn: duckdb.DuckDBPyConnection) -> bool:
    path = fts_extension_path()
    if not path:
        return False
    conn.execute(f"LOAD '{path}'")
    return True


# Characters the tokenizer turns into spaces. DuckDB's default also drops digits; we keep them so
# "Đề án 33" or "661" can be searched.
_FTS_IGNORE = r"""[!@#$%^&*()_+={}\[\]:;<>,.?~\\/\|'"`-]+"""
# strip_accents() folds the tone and vowel marks but not đ/Đ (a separate letter, not a combining mark),
# so both the indexed column and every query are folded for đ before the fts tokenizer runs.
_FOLD_D = "replace(replace({0}, 'đ', 'd'), 'Đ', 'D')"
# the snapshot's documents.search_text, of the documents' row (t: a table alias and its dot, or nothing)
SEARCH_TEXT = _FOLD_D.format("concat_ws(' ', {t}title, {t}lead, {t}text)")


SQL_DIR = DATA_DIR / "sql" / "publish"
_MIN_PART = 500  # documents per cursor at least when tokenizing on several
# The whole index is built in statements of a bounded number of documents (like pipeline.lake_search.rebuild):
# one statement per cursor over all of them held every token of its share of the archive and ran out of memory
# at 100k documents under 250 MB (docs/performance.md, "The snapshot's full-text index in chunks"). A chunk's
# texts are kept under 1/INDEX_SHARE of the connection's memory limit (sampled average), within these bounds.
INDEX_SHARE = 16
INDEX_CHUNK_MIN, INDEX_CHUNK_MAX = 500, 20_000
# the snapshot's search_text, written by doc_texts.materialize in its copy of the documents (d: the documents'
# small columns, t: their texts)
_PUBLISHED_SEARCH_TEXT = _FOLD_D.format("concat_ws(' ', d.title, t.lead, t.text)") + " AS search_text"


def _rules() -> str:
    """A fingerprint of what builds the index (tokenizer, layout, the carry-over): an index built under other
    rules is rebuilt, never carried over. The query macros (search_query.sql) are not part of it."""
    from pipeline import lake_search

    text = lake_search._sql("search_schema")
    text += "".join((SQL_DIR / f"{n}.sql").read_text(encoding="utf-8") for n in ("search_index", "search_reuse"))
    return "search-v1:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def build_search_index(conn: duckdb.DuckDBPyConnection, previous: Path | None = None) -> int:
    """Full-text index over documents (title, lead, text), accent-insensitive so "mam non" finds
    "mầm non" and "dao tao" finds "đào tạo". Lives in the snapshot only; the warehouse never carries it.

    The index is the lake's (pipeline/lake_search.py, data/sql/lake/): postings `search_postings (doc_id, term,
    tf)` and lengths `search_docs (doc_id, len)`, the same tokenizer as the fts extension's index had (accents
    stripped, đ folded to d, digits kept, lower case) and the same door,
    `fts_main_documents.match_bm25(doc_id, 'dao tao mam non')` (BM25, the fts extension's idf, k and b). The
    snapshot's `documents` also has `search_text` (title, lead and text joined, đ folded to d): written with the
    documents by publish_snapshot, else here in row-id chunks.

    First the index the writer kept in the warehouse (pipeline.search_kept, copied with the file) becomes the
    snapshot's, for every document whose text it was computed from. `previous`: the snapshot being replaced; the
    postings of every document still without any whose `search_text` it holds unchanged are copied from it; the
    rest are tokenized, a chunk of documents per statement (index_chunk_rows). Returns the number of documents
    tokenized here."""
    from pipeline import lake_search, search_kept

    if not _columns(conn, "documents") & {"search_text"}:
        conn.execute("ALTER TABLE documents ADD COLUMN search_text VARCHAR")
        _fill_search_text(conn, index_chunk_rows(conn))
    rules = _rules()
    search_kept.adopt(conn, rules)
    conn.execute(lake_search.schema_sql())
    view = _row_table(conn) != "documents"
    missing = (f'SELECT count(*), min(rowid), max(rowid) FROM "{doc_texts.FIELDS if view else "documents"}" '
               "WHERE doc_id NOT IN (SELECT doc_id FROM search_docs)")
    row = conn.execute(missing).fetchone()
    if previous is not None and row and row[0]:
        _carry_over(conn, previous, rules)
        row = conn.execute(missing).fetchone()
    todo = int(row[0]) if row and row[0] else 0
    if row and todo:
        parts = max(1, min(duck.threads(), todo // _MIN_PART))
        if view:  # row-id ranges of the texts (their own row order), then any document without a text row
            row = conn.execute(missing.replace(f'"{doc_texts.FIELDS}"', f'"{doc_texts.TABLE}"')).fetchone()
        if row and row[0]:
            _tokenize(conn, int(row[1]), int(row[2]), parts, index_chunk_rows(conn))
        if view:
            _run_index(conn, [_UNTEXTED])
    conn.execute(f"COMMENT ON TABLE search_postings IS '{rules}'")
    return todo


def _row_table(conn: duckdb.DuckDBPyConnection) -> str:
    """The table whose rows are the snapshot's documents: `documents`, or the table under its view
    (doc_texts.publish_as_view), which has their row ids."""
    catalog = str(conn.execute("SELECT current_database()").fetchone()[0])  # type: ignore[index]
    return doc_texts.FIELDS if doc_texts.is_view(conn, catalog) else "documents"


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT column_name FROM duckdb_columns() WHERE database_name = "
                                       "current_database() AND schema_name = 'main' AND table_name = ?",
                                       [table]).fetchall()}


def index_chunk_rows(conn: duckdb.DuckDBPyConnection) -> int:
    """Documents per statement of the index build: their texts (sampled average) under 1/INDEX_SHARE of the
    connection's memory limit, between INDEX_CHUNK_MIN and INDEX_CHUNK_MAX."""
    # (under the view the texts are sampled in their own table, without the title: a sample of the view would
    # join every text first)
    view = _row_table(conn) != "documents"
    sizes = "coalesce(strlen(lead), 0) + coalesce(strlen(text), 0)"
    row = conn.execute(f"SELECT avg({sizes}) FROM {doc_texts.TABLE} USING SAMPLE 2048 ROWS" if view else
                       f"SELECT avg(coalesce(strlen(title), 0) + {sizes}) FROM documents USING SAMPLE 2048 ROWS"
                       ).fetchone()
    per_doc = max(float(row[0]) if row and row[0] is not None else 0.0, 1.0)
    rows = int(doc_texts.memory_bytes(conn) / INDEX_SHARE / per_doc)
    return max(INDEX_CHUNK_MIN, min(INDEX_CHUNK_MAX, rows))


def _fill_search_text(conn: duckdb.DuckDBPyConnection, chunk: int) -> None:
    """search_text of a table whose documents were whole already, a row-id range per statement (one UPDATE of
    every row ran out of memory at 20k documents under 128 MB), checkpointed as it goes: DuckDB keeps committed
    updates in memory until a checkpoint."""
    row = conn.execute("SELECT max(rowid) FROM documents").fetchone()
    last = int(row[0]) if row and row[0] is not None else -1
    for lo in range(0, last + 1, chunk):
        conn.execute(f"UPDATE documents SET search_text = {SEARCH_TEXT.format(t='')} "
                     f"WHERE rowid BETWEEN {lo} AND {lo + chunk - 1}")
        conn.execute("CHECKPOINT")


class _Background:
    """Statements run in order on their own cursor in a thread (stopping at the first error); join() re-raises
    that error in the caller's thread."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, statements: list[str]) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(conn, statements), name="planwatch-publish")
        self._thread.start()

    def _run(self, conn: duckdb.DuckDBPyConnection, statements: list[str]) -> None:
        try:
            with conn.cursor() as cur:
                for sql in statements:
                    cur.execute(sql)
        except BaseException as exc:  # re-raised by join()
            self._error = exc

    def join(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


_UNINDEXED = "rowid BETWEEN {lo} AND {hi} AND doc_id NOT IN (SELECT doc_id FROM search_docs)"
# under the view (doc_texts.publish_as_view): a document not indexed yet without a row in the texts (title only)
_UNTEXTED = (f'(SELECT doc_id, title, NULL::VARCHAR AS lead, NULL::VARCHAR AS text FROM "{doc_texts.FIELDS}" '
             f'WHERE doc_id NOT IN (SELECT doc_id FROM search_docs) '
             f'AND doc_id NOT IN (SELECT doc_id FROM "{doc_texts.TABLE}"))')


def _unindexed(lo: int, hi: int, view: bool) -> str:
    """The documents not indexed yet of row ids lo..hi, as a relation (doc_id, title, lead, text). Under the view
    (doc_texts.publish_as_view) the row ids are the texts' (`document_texts`, read by row-id range, so only
    those row groups), joined to their documents' titles: a range of the documents' row ids would read every
    text to find theirs (a filter on the view, or a semi join on the texts' doc_id), and ran out of memory under
    tests/scale/test_snapshot_index.py's limit."""
    where = _UNINDEXED.format(lo=lo, hi=hi)
    if not view:
        return f"(SELECT doc_id, title, lead, text FROM documents WHERE {where})"
    texts = f'(SELECT doc_id, lead, text FROM "{doc_texts.TABLE}" WHERE {where})'
    docs = f'"{doc_texts.FIELDS}"'
    return f"(SELECT t.doc_id, d.title, t.lead, t.text FROM {texts} t JOIN {docs} d ON d.doc_id = t.doc_id)"


def _tokenize(conn: duckdb.DuckDBPyConnection, first: int, last: int, parts: int, chunk: int) -> None:
    """Index the documents not indexed yet, in row-id ranges of at most `chunk` rows (one statement each), on
    `parts` cursors at once: one query over a few thousand documents (one row group) runs on one core, and the
    publish is the run's serial tail. Row ids: of `documents`, or under its view of the texts (_unindexed)."""
    view = _row_table(conn) != "documents"
    step = min(chunk, -(-(last + 1 - first) // parts))
    ranges = [(lo, lo + step - 1) for lo in range(first, last + 1, step)]
    _run_index(conn, [_unindexed(lo, hi, view) for lo, hi in ranges], parts)


def _run_index(conn: duckdb.DuckDBPyConnection, relations: list[str], parts: int = 1) -> None:
    """search_index.sql for each relation (doc_id, title, lead, text), on `parts` cursors at once."""
    # (the script names `documents {where}`; its text is part of the index rules (_rules), so it stays as it was and
    # the relation takes that place: a changed text would make every kept or previous index be rebuilt once)
    script = (SQL_DIR / "search_index.sql").read_text(encoding="utf-8")
    assert script.count("FROM documents {where}") == 3, "search_index.sql: FROM documents {where} expected"
    statements = [script.replace("FROM documents {where}", f"FROM {relation}") for relation in relations]
    workers = [_Background(conn, statements[i::parts]) for i in range(min(parts, len(statements)))]
    errors = []
    for w in workers:
        try:
            w.join()
        except BaseException as exc:  # every cursor finished before the first error is raised
            errors.append(exc)
    if errors:
        raise errors[0]


def _carry_over(conn: duckdb.DuckDBPyConnection, previous: Path, rules: str) -> None:
    """Copy the postings of the unchanged documents from the previous snapshot, if it was indexed under the
    same rules (anything else, or a file DuckDB cannot read: nothing copied, every document tokenized)."""
    try:
        conn.execute(f"ATTACH '{previous}' AS prev (READ_ONLY)")
    except duckdb.Error:
        return
    try:
        row = conn.execute("SELECT comment FROM duckdb_tables() WHERE database_name = 'prev' "
                           "AND schema_name = 'main' AND table_name = 'search_postings'").fetchone()
        if row and row[0] == rules:
            conn.execute((SQL_DIR / "search_reuse.sql").read_text(encoding="utf-8"))
    except duckdb.Error:  # a damaged previous snapshot: index everything rather than fail the publish
        conn.execute("DELETE FROM search_postings")
        conn.execute("DELETE FROM search_docs")
    finally:
        conn.execute("DETACH prev")


SNAPSHOT_MODE = 0o444


def publish_snapshot(paths: Paths) -> Path:
    """Copy the (checkpointed, closed) warehouse to the snapshot path atomically, read-only (0444), with any
    stale WAL beside it removed first. Caller holds the writer lock."""
    target = paths.snapshot
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):  # left by a publish that was killed
        stale.unlink(missing_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(paths.warehouse, tmp)
    # a stale WAL beside the old snapshot (see install_read_only) would be replayed into what is carried over
    target.with_name(target.name + ".wal").unlink(missing_ok=True)
    conn = duck.connect(tmp)
    try:
        # `documents` as readers know it (migration 010's columns, and the search column): a view over the copy's
        # tables, so no text is written again
        doc_texts.publish_as_view(conn, _PUBLISHED_SEARCH_TEXT)
        build_search_index(conn, target if target.exists() else None)
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    install_read_only(tmp, target, before_rename=lambda: pause("publish"))
    return target


def install_read_only(tmp: Path, target: Path, before_rename: Callable[[], None] | None = None) -> None:
    """Put a closed, checkpointed DuckDB file in place of target: its WAL dropped, 0444, fsynced, renamed
    atomically, the directory fsynced. before_rename: a test hook (pipeline/faults.py)."""
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    os.chmod(tmp, SNAPSHOT_MODE)  # read-only on disk too: a read-write open by an analyst fails at once
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    if before_rename is not None:
        before_rename()
    # A WAL beside the target (an analyst's read-write session, killed before it checkpointed) would be
    # replayed by every reader onto the new file: readers would see state that is not the warehouse's.
    stale_wal = target.with_name(target.name + ".wal")
    stale_wal.unlink(missing_ok=True)
    os.replace(tmp, target)
    stale_wal.unlink(missing_ok=True)  # in case a live read-write session wrote one in between
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
