"""Every DuckDB connection planwatch opens, with a memory limit and a thread count.

DuckDB's buffer pool defaults to 80% of the machine's memory per database instance: a process that opens
a 7 GB warehouse and an 8 GB lake (a write job at a million documents) grew to 20 GB, the block cache
filling up with whatever it had read. Each connection opened here sets, for its database instance:

- `memory_limit`: PLANWATCH_DUCKDB_MEMORY (a DuckDB size such as `1GB` or `512MB`; default 1GB). Joins,
  sorts and aggregates larger than that spill to disk instead of failing;
- a whole rebuild (coverage file, lake) raises its own connection's limit to PLANWATCH_DUCKDB_REBUILD_MEMORY
  (default 4GB): at a million documents it runs window functions over every row, which do not spill;
- `threads`: PLANWATCH_DUCKDB_THREADS (default: the machine's cores, at most 4);
- for an in-memory database with a state folder given, `temp_directory` under it (DuckDB would otherwise
  spill into `.tmp` in whatever folder the command was started from).

Settings are applied with SET after connecting (not as connect-time config): DuckDB refuses a second
connection to an open file with a different config, and tests and analysts open the same files plainly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

MEMORY_ENV = "PLANWATCH_DUCKDB_MEMORY"
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


def configure(conn: duckdb.DuckDBPyConnection, temp_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """Apply the limits to an open connection (its whole database instance)."""
    conn.execute(f"SET memory_limit = '{memory_limit()}'")
    conn.execute(f"SET threads = {threads()}")
    if temp_dir is not None:
        temp_dir.mkdir(parents=True, exist_ok=True)
        quoted = str(temp_dir).replace("'", "''")
        conn.execute(f"SET temp_directory = '{quoted}'")
    return conn


def connect(database: str | Path = ":memory:", *, read_only: bool = False,
            temp_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """duckdb.connect with the limits set. `temp_dir`: where an in-memory database spills (a file database
    spills beside its file)."""
    conn = duckdb.connect(str(database), read_only=read_only)
    try:
        return configure(conn, temp_dir if str(database) == ":memory:" else None)
    except Exception:
        conn.close()
        raise


def spill_dir(home: Path) -> Path:
    """The state folder's spill area for in-memory databases."""
    return home / "tmp" / "duckdb"
