"""Publish a read-only snapshot of the warehouse: copy, index, fsync, atomic rename.

A reader that has the old snapshot open keeps reading the old file (its inode lives on until closed);
a reader that opens after the rename sees the new one. Nobody ever sees a half-written file, nor a WAL left
beside the snapshot by someone who opened it read-write."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipeline import doc_texts, duck
from pipeline.faults import pause
from planwatch.config import Paths


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


def build_search_index(conn: duckdb.DuckDBPyConnection) -> bool:
    """Full-text index over documents (title, lead, text), accent-insensitive so "mam non" finds
    "mầm non" and "dao tao" finds "đào tạo". Lives in the snapshot only; the warehouse never carries it.

    The index is built on `documents.search_text` (title, lead and text joined, đ folded to d), a column
    added to the snapshot's copy of `documents`; the index's `tokenize` macro is then replaced by one that
    also folds đ, so queries are folded the same way. Query it as
    `fts_main_documents.match_bm25(doc_id, 'dao tao mam non')`."""
    if not load_fts(conn):
        return False
    conn.execute("ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_text VARCHAR")
    conn.execute("UPDATE documents SET search_text = "
                 + _FOLD_D.format("concat_ws(' ', title, lead, text)"))
    ignore = _FTS_IGNORE.replace("'", "''")
    conn.execute("PRAGMA create_fts_index('documents', 'doc_id', 'search_text', stemmer = 'none', "
                 f"stopwords = 'none', ignore = '{ignore}', strip_accents = 1, lower = 1, overwrite = 1)")
    conn.execute("CREATE OR REPLACE MACRO fts_main_documents.tokenize(s) AS string_split_regex(regexp_replace("
                 f"lower(strip_accents({_FOLD_D.format('CAST(s AS VARCHAR)')})), '{ignore}', ' ', 'g'), '\\s+')")
    return True


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
    conn = duck.connect(tmp)
    try:
        doc_texts.materialize(conn)  # `documents` whole again, as readers know it (migration 010)
        build_search_index(conn)
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
