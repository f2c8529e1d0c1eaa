"""Readers open the published snapshot, read-only. They never touch the warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from planwatch.config import Paths


class NoSnapshot(RuntimeError):
    pass


@contextmanager
def open_snapshot(paths: Paths | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    paths = paths or Paths.from_env()
    if not paths.snapshot.exists():
        raise NoSnapshot(f"no published snapshot at {paths.snapshot}: run 'planwatch init' (or a crawl) first")
    conn = duckdb.connect(str(paths.snapshot), read_only=True)
    try:
        from pipeline.publish import load_fts

        load_fts(conn)
        yield conn
    finally:
        conn.close()
