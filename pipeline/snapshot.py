"""Readers open the published snapshot, read-only. They never touch the warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from pipeline import duck
from planwatch.config import Paths


class NoSnapshot(RuntimeError):
    pass


@contextmanager
def open_snapshot(paths: Paths | None = None, *, fts: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the published state. `fts`: load the fts extension (analysts' queries may call
    its functions; the snapshot's own index needs none, docs/decisions.md entry 4): the pipeline's own reads pass
    False (loading it costs about 27 ms of CPU, several times in a run's serial start)."""
    from pipeline import lake

    paths = paths or Paths.from_env()
    if lake.enabled():  # PLANWATCH_LAKE: the newest DuckLake snapshot, read-only (pipeline.lake)
        if not lake.exists(paths):
            raise NoSnapshot(f"no published lake at {lake.lake_dir(paths)}: run 'planwatch init' (or a crawl) first")
        conn = lake.open_reader(paths)
        try:
            yield conn
        finally:
            conn.close()
        return
    if not paths.snapshot.exists():
        raise NoSnapshot(f"no published snapshot at {paths.snapshot}: run 'planwatch init' (or a crawl) first")
    conn = duck.connect(paths.snapshot, read_only=True, reader=True, temp_dir=duck.spill_dir(paths.home))
    try:
        if fts:
            from pipeline.publish import load_fts

            load_fts(conn)
        yield conn
    finally:
        conn.close()


@contextmanager
def open_coverage(paths: Paths | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """What the coverage report reads: with the lake, the small coverage file (pipeline.coverage_file: the
    counted and pending rows, the plans, the outlets; no extension to load); otherwise the snapshot."""
    from pipeline import coverage_file, lake

    paths = paths or Paths.from_env()
    if lake.enabled() and coverage_file.exists(paths):
        conn = coverage_file.open_reader(paths)
        try:
            yield conn
        finally:
            conn.close()
        return
    with open_snapshot(paths) as conn:
        yield conn
