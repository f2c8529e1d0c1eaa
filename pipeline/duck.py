"""Every DuckDB connection planwatch opens, with a memory limit and a thread count.

DuckDB's buffer pool defaults to 80% of the machine's memory per database instance: a process that opens
a 7 GB warehouse and an 8 GB lake (a write job at a million documents) grew to 20 GB, the block cache
filling up with whatever it had read. Each connection opened here sets, for its database instance:

- `memory_limit`, by what the connection does (docs/decisions.md entry 18):
  - PLANWATCH_DUCKDB_MEMORY (a DuckDB size such as `1GB` or `512MB`; default 1GB) for every connection;
  - a reader of the published state (`reader=True`: the snapshot, the lake read-only, the coverage file; the
    report, search, `planwatch sql`, exports, evidence, the digest, the review page) gets
    PLANWATCH_DUCKDB_READER_MEMORY instead when that is set. Not lower by default: under 256MB the digest,
    `review export`, the review page and `planwatch sql` aggregates over the texts ran out of memory at a
    million documents, where 1GB did not (window functions over every classification, and the Parquet row
    groups of lakes written before the 32 MB cap, do not stay within a smaller limit);
  - a whole rebuild (coverage file, lake) raises its own connection's limit to PLANWATCH_DUCKDB_REBUILD_MEMORY
    (default 4GB): at a million documents it runs window functions over every row, which do not spill.

  Joins, sorts and aggregates larger than the limit spill to disk instead of failing: in a folder of the
  connection's own under the state folder's spill area when one is given (`temp_dir`), else beside the
  database file (DuckDB would spill an in-memory database into `.tmp` in whatever folder the command was
  started from). DuckDB names its spill files the same in every process, so two processes spilling into one
  folder overwrite each other's blocks: both crashed (signal 11) or failed reading them back, measured at a
  million documents (docs/decisions.md entry 18). Every connection given `temp_dir` gets its own folder;
  DuckDB creates it when it first spills and removes it on close; folders of dead processes are swept;
- `threads`: PLANWATCH_DUCKDB_THREADS (default: the machine's cores, at most 4).

Settings are applied with SET after connecting (not as connect-time config): DuckDB refuses a second
connection to an open file with a different config, and tests and analysts open the same files plainly.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
from pathlib import Path

import duckdb

MEMORY_ENV = "PLANWATCH_DUCKDB_MEMORY"
READER_MEMORY_ENV = "PLANWATCH_DUCKDB_READER_MEMORY"
REBUILD_MEMORY_ENV = "PLANWATCH_DUCKDB_REBUILD_MEMORY"
DEFAULT_REBUILD_MEMORY = "4GB"
THREADS_ENV = "PLANWATCH_DUCKDB_THREADS"
DEFAULT_MEMORY = "1GB"
MAX_DEFAULT_THREADS = 4
_SIZE = re.compile(r"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)\s*$", re.IGNORECASE)


def memory_limit(env: str = MEMORY_ENV, default: str = DEFAULT_MEMORY) -> str:
    value = os.environ.get(env, "").strip() or default
    if not _SIZE.match(value):
        raise ValueError(f"{env} must be a size such as 1GB or 512MB, not {value!r}")
    return value.replace(" ", "")


def reader_memory_limit() -> str:
    """The limit of a connection that only reads the published state: PLANWATCH_DUCKDB_READER_MEMORY when set,
    else PLANWATCH_DUCKDB_MEMORY's."""
    if os.environ.get(READER_MEMORY_ENV, "").strip():
        return memory_limit(READER_MEMORY_ENV, DEFAULT_MEMORY)
    return memory_limit()


def for_rebuild(conn: duckdb.DuckDBPyConnection) -> None:
    """A whole rebuild (the coverage file or the lake from the whole warehouse: the first publish, a change
    of plans or views) runs window functions over every row, which cannot spill: it gets
    PLANWATCH_DUCKDB_REBUILD_MEMORY (default 4GB) and drops insertion order (which holds rows back)."""
    conn.execute(f"SET memory_limit = '{memory_limit(REBUILD_MEMORY_ENV, DEFAULT_REBUILD_MEMORY)}'")
    conn.execute("SET preserve_insertion_order = false")


def threads() -> int:
    value = os.environ.get(THREADS_ENV, "").strip()
    if not value:
        return max(1, min(MAX_DEFAULT_THREADS, os.cpu_count() or 1))
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{THREADS_ENV} must be a whole number of threads (1 or more), not {value!r}")
    return int(value)


_CONNECTIONS = itertools.count()


def own_spill_dir(temp_dir: Path) -> Path:
    """A spill folder for one connection under `temp_dir` (created, with the folders of processes no longer
    running removed): `<pid>-<n>`, which DuckDB creates when it first spills and removes on close."""
    temp_dir.mkdir(parents=True, exist_ok=True)
    for old in temp_dir.iterdir():
        pid, sep, _ = old.name.partition("-")
        if sep and pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    return temp_dir / f"{os.getpid()}-{next(_CONNECTIONS)}"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def configure(conn: duckdb.DuckDBPyConnection, temp_dir: Path | None = None, *,
              reader: bool = False) -> duckdb.DuckDBPyConnection:
    """Apply the limits to an open connection (its whole database instance); `reader`: it only reads the
    published state (reader_memory_limit); `temp_dir`: spill in a folder of its own under it."""
    conn.execute(f"SET memory_limit = '{reader_memory_limit() if reader else memory_limit()}'")
    conn.execute(f"SET threads = {threads()}")
    if temp_dir is not None:
        quoted = str(own_spill_dir(temp_dir)).replace("'", "''")
        conn.execute(f"SET temp_directory = '{quoted}'")
    return conn


def connect(database: str | Path = ":memory:", *, read_only: bool = False, temp_dir: Path | None = None,
            reader: bool = False) -> duckdb.DuckDBPyConnection:
    """duckdb.connect with the limits set. `temp_dir`: the spill area (a folder of the connection's own is made
    under it); without it a file database spills beside its file, which only a database one process opens
    at a time may do (the warehouse under the writer lock, a publish's temporary copy). `reader`: the
    connection only reads the published state (the readers' limit)."""
    conn = duckdb.connect(str(database), read_only=read_only)
    try:
        return configure(conn, temp_dir, reader=reader)
    except Exception:
        conn.close()
        raise


def spill_dir(home: Path) -> Path:
    """The state folder's spill area for in-memory databases."""
    return home / "tmp" / "duckdb"
