"""The keys a lake publish has not committed yet, kept on disk until it has (docs/decisions.md entry 22).

A write job commits to the warehouse, then publishes what it touched to the lake (pipeline.lake). When that
publish fails (the SQLite catalog locked by another process past every retry, the process killed), the
warehouse holds rows the lake lacks, and the next job publishes only its own keys: nothing would ever bring
them back. So every publish first records its keys here, in `PLANWATCH_HOME/lake/pending/<stamp>/` (one
Parquet file of keys per table, or a file `WHOLE` for a publish of everything), and removes the record once
its lake transaction has committed. Each publish takes in the records left by earlier ones and publishes
their keys with its own (delete by key, then insert the warehouse's rows: nothing is doubled even when the
earlier publish had committed after all). A record left half-written (`.<stamp>.tmp`) names no key for sure:
then the keys the lake lacks are found by comparing both sides (`missing_keys`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from planwatch.config import Paths

WHOLE = "WHOLE"  # a record of a publish of everything (touched None)
# entries of `touched` that say which keys are new to the warehouse (pipeline.lake NEW_DOCUMENTS, NEW_STORIES):
# never recorded, so keys taken from a record are always deleted before their rows are inserted again
NEW_ENTRIES = ("_new_documents", "_new_stories")


def folder(paths: Paths) -> Path:
    return paths.home / "lake" / "pending"


@dataclass
class Earlier:
    """What the records of earlier publishes add to this one."""

    records: list[Path] = field(default_factory=list)  # records and half-written records, removed on success
    touched: dict[str, list[Any]] = field(default_factory=dict)  # their keys, as `touched` entries
    whole: bool = False  # one of them published everything
    unknown: bool = False  # one was half-written: find the missing keys by comparison

    def keys(self) -> int:
        return sum(b.num_rows for batches in self.touched.values() for b in batches)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def record(paths: Paths, touched: dict[str, list[Any]] | None) -> Path:
    """Write this publish's keys (durably: files and folder fsynced, then renamed into place). Returns the
    record, for `clear`."""
    import pyarrow.parquet as pq

    root = folder(paths)
    root.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time_ns()}-{os.getpid()}"
    tmp = root / f".{stamp}.tmp"
    tmp.mkdir()
    if touched is None:
        (tmp / WHOLE).write_bytes(b"")
        _fsync(tmp / WHOLE)
    else:
        for table, batches in sorted(touched.items()):
            if table in NEW_ENTRIES or not batches:
                continue
            keys = pa.concat_tables(batches, promote_options="permissive")
            if keys.num_rows:
                pq.write_table(keys, tmp / f"{table}.parquet")
                _fsync(tmp / f"{table}.parquet")
    _fsync(tmp)
    target = root / stamp
    os.replace(tmp, target)
    _fsync(root)
    return target


def read(paths: Paths, skip: Path | None = None) -> Earlier:
    """The records left by earlier publishes (all but `skip`, this publish's own)."""
    import pyarrow.parquet as pq

    earlier = Earlier()
    root = folder(paths)
    if not root.is_dir():
        return earlier
    for entry in sorted(root.iterdir()):
        if entry == skip or not entry.is_dir():
            continue
        earlier.records.append(entry)
        if entry.name.startswith("."):  # killed while writing its record: which keys it held is unknown
            earlier.unknown = True
            continue
        if (entry / WHOLE).exists():
            earlier.whole = True
        for part in sorted(entry.glob("*.parquet")):
            earlier.touched.setdefault(part.stem, []).append(pq.read_table(part))
    return earlier


def clear(records: list[Path]) -> None:
    """Remove records whose keys the lake now holds."""
    import shutil

    for entry in records:
        shutil.rmtree(entry, ignore_errors=True)


def pending(paths: Paths) -> int:
    """How many records wait (0: the lake holds every key the warehouse's jobs published)."""
    root = folder(paths)
    return sum(1 for e in root.iterdir() if e.is_dir()) if root.is_dir() else 0


def merge(touched: dict[str, list[Any]], more: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`touched` with the keys of `more` added (its NEW_ENTRIES dropped: such keys are deleted before they are
    inserted again)."""
    out = {table: list(batches) for table, batches in touched.items()}
    for table, batches in more.items():
        if table not in NEW_ENTRIES:
            out.setdefault(table, []).extend(batches)
    return out


def stale(touched: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`touched` without the entries that spare new keys their delete (a retry after a failed commit: whether
    that commit took is not known for sure, so every key is deleted before its rows are inserted)."""
    return {table: batches for table, batches in touched.items() if table not in NEW_ENTRIES}


def missing_keys(conn: duckdb.DuckDBPyConnection, wh: str, lake: str,
                 delta_keys: dict[str, tuple[str, ...]]) -> dict[str, list[Any]]:
    """The keys of the warehouse's big tables that the lake lacks, as `touched` entries (with the stories of
    the documents it lacks). Scans the key columns of both sides: used after a record was lost (a publish
    killed while writing it) and by `python -m pipeline.lake catch-up`, not by every publish."""
    have = {r[0] for r in conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'", [lake]).fetchall()}
    out: dict[str, list[Any]] = {}
    for table, keys in delta_keys.items():
        if table not in have:
            continue
        cols = ", ".join(f'"{k}"' for k in keys)
        select = f'SELECT {cols} FROM {wh}."{table}" EXCEPT SELECT {cols} FROM {lake}."{table}"'
        if table == "stories":  # a missing document's story may be in the lake with other copies: take it too
            select += (f' UNION SELECT d.story_id FROM {wh}."documents" d WHERE d.story_id IS NOT NULL AND d.doc_id '
                       f'IN (SELECT doc_id FROM {wh}."documents" EXCEPT SELECT doc_id FROM {lake}."documents")')
        found = conn.execute(select).to_arrow_table()
        if found.num_rows:
            out[table] = [found]
    return out
