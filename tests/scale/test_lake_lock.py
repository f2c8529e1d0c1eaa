"""A lake publish that finds the SQLite catalog locked (docs/decisions.md entry 22): a reader inside a transaction
no longer stops it (WAL mode); a lock held past every retry leaves the job in the warehouse, says why in the run's
summary, and the next write job brings the lake back to the warehouse's keys, with no gap and no duplicate."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline import duck, lake, lake_pending
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import decide, write_job
from tests.support.warehouse import PLAN_ID, classification, document

# a process of its own (SQLite's locks are per process) holding the catalog's write lock until its stdin closes
HOLD = ("import sqlite3, sys\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n"
        "db.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n")
KEYS = {"documents": ("doc_id",), "classifications": ("doc_id", "plan_id", "classifier_version"),
        "stories": ("story_id",), "review_decisions": ("decision_id",)}


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite waits 50 ms for a lock, a publish tries twice (no wall-clock figure is checked)."""
    monkeypatch.setenv(lake.BUSY_ENV, "50")
    monkeypatch.setattr(lake, "RETRY_WAITS", (0.0,))


class CatalogLock:
    def __init__(self, paths: Paths) -> None:
        catalog = lake.lake_dir(paths) / "catalog.sqlite"
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, str(catalog)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=60)


@contextmanager
def locked(paths: Paths) -> Iterator[CatalogLock]:
    hold = CatalogLock(paths)
    try:
        yield hold
    finally:
        hold.release()


def sides(paths: Paths) -> dict[str, dict[str, object]]:
    """Per big table: rows and distinct keys in the warehouse and in the lake, and the keys only one side has."""
    conn = duck.connect()
    try:
        lake.attach(conn, paths, read_only=True)
        conn.execute(f"ATTACH '{paths.warehouse}' AS wh (READ_ONLY)")
        out: dict[str, dict[str, object]] = {}
        for table, keys in KEYS.items():
            cols = ", ".join(keys)
            counts = "SELECT count(*), count(DISTINCT ({cols})) FROM {side}.{table}"
            only = "SELECT {cols} FROM {a}.{table} EXCEPT SELECT {cols} FROM {b}.{table}"
            out[table] = {
                "warehouse": conn.execute(counts.format(cols=cols, side="wh", table=table)).fetchone(),
                "lake": conn.execute(counts.format(cols=cols, side="lake", table=table)).fetchone(),
                "lake lacks": conn.execute(only.format(cols=cols, a="wh", b="lake", table=table)).fetchall(),
                "lake only": conn.execute(only.format(cols=cols, a="lake", b="wh", table=table)).fetchall()}
        return out
    finally:
        conn.close()


def assert_lake_equals_warehouse(paths: Paths) -> None:
    for table, side in sides(paths).items():
        assert side["lake lacks"] == [] and side["lake only"] == [], table
        assert side["warehouse"] == side["lake"], table  # same rows, one per key: no duplicate
    assert lake.verify(paths) == {}


def in_lake(paths: Paths, doc_id: str) -> bool:
    conn = lake.open_reader(paths)
    try:
        row = conn.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return bool(row and row[0])
    finally:
        conn.close()


def new_job(paths: Paths, doc_id: str) -> str | None:
    """A write job storing one new document and its classification; returns its publish_error."""
    with open_writer(paths) as writer:
        writer.insert("documents", [document(doc_id, "2022-09-09", title="Bồi dưỡng giáo viên mầm non",
                                             text="Sở tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33.")])
        writer.insert("classifications", [classification(doc_id, "2b", "accept")])
    return writer.publish_error


def test_a_reader_inside_a_transaction_does_not_stop_the_publish(migrated: Paths, quick: None) -> None:
    # in the rollback journal this reader's open read transaction made the writer's commit fail
    held = lake.open_reader(migrated)
    try:
        held.execute("BEGIN")
        held.execute("SELECT count(*) FROM documents").fetchone()
        assert new_job(migrated, "d97") is None
    finally:
        held.close()
    assert in_lake(migrated, "d97")
    assert lake_pending.pending(migrated) == 0
    assert_lake_equals_warehouse(migrated)


def test_a_locked_catalog_is_recorded_and_the_next_job_catches_up(migrated: Paths, quick: None,
                                                                 tmp_path: Path) -> None:
    from pipeline.ingest import ingest_run
    from pipeline.plans import load_plan
    from tests.flows.test_store_documents import _listing_dated_run

    run = _listing_dated_run(migrated, tmp_path)
    decide(migrated, "d06", "confirm", activity="2a", fmt="article")
    with locked(migrated):
        summary = ingest_run(migrated, run, plans=[load_plan(PLAN_ID)], sources=[])
        assert new_job(migrated, "d96") is not None  # a second job while locked: its keys wait too
    # the run stored its page and says why the lake lacks it
    assert summary.documents_new == 1
    assert summary.publish_error and "locked" in summary.publish_error
    conn = duck.connect(migrated.warehouse, read_only=True)
    try:
        row = conn.execute("SELECT summary_json FROM crawl_runs WHERE run_id = ?", [run.name]).fetchone()
    finally:
        conn.close()
    assert row and json.loads(row[0])["publish_error"] == summary.publish_error
    gap = sides(migrated)
    assert len(gap["documents"]["lake lacks"]) == 2 and gap["review_decisions"]["lake lacks"]
    assert lake_pending.pending(migrated) == 2
    write_job(migrated)  # the next write job, which touches nothing itself
    assert lake_pending.pending(migrated) == 0
    assert in_lake(migrated, "d96")
    assert_lake_equals_warehouse(migrated)
    ingest_run(migrated, run, plans=[load_plan(PLAN_ID)], sources=[], force=True)  # a rerun: nothing doubled
    write_job(migrated)  # (the rerun's publish stage reaches crawl_runs and run_stages at the next publish)
    assert_lake_equals_warehouse(migrated)


def test_a_retry_after_the_lock_goes_publishes_once(migrated: Paths, quick: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with locked(migrated) as hold:
        waits: list[float] = []

        def wait(seconds: float) -> None:  # the lock goes while the publish waits to try again
            waits.append(seconds)
            hold.release()

        monkeypatch.setattr(lake, "pause", wait)
        assert new_job(migrated, "d95") is None
    assert waits == [0.0]
    assert in_lake(migrated, "d95") and lake_pending.pending(migrated) == 0
    assert_lake_equals_warehouse(migrated)


def test_a_gap_without_a_record_is_found_by_comparison(migrated: Paths, quick: None) -> None:
    # code from before the records, or a record half-written when its process died: the keys are not known
    with open_writer(migrated, publish=False) as writer:
        writer.insert("documents", [document("d94", "2022-09-10", title="Hội thảo", text="Giáo viên mầm non.")])
    assert not in_lake(migrated, "d94")
    result = lake.catch_up(migrated)
    assert result["missing"]["documents"] == 1 and result["problems"] == {}
    assert_lake_equals_warehouse(migrated)

    with open_writer(migrated, publish=False) as writer:
        writer.insert("documents", [document("d93", "2022-09-11", title="Hội thảo", text="Giáo viên mầm non.")])
    (lake_pending.folder(migrated) / ".1-1.tmp").mkdir(parents=True)
    write_job(migrated)
    assert lake_pending.pending(migrated) == 0
    assert_lake_equals_warehouse(migrated)


def test_a_job_stopped_between_its_checkpoint_and_its_publish_is_caught_up(migrated: Paths, quick: None,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    publish = lake.publish

    def stopped(*args: object, **kwargs: object) -> None:  # the process ends after the warehouse's checkpoint
        raise KeyboardInterrupt

    monkeypatch.setattr(lake, "publish", stopped)
    with pytest.raises(KeyboardInterrupt):
        new_job(migrated, "d92")
    monkeypatch.setattr(lake, "publish", publish)
    assert not in_lake(migrated, "d92") and lake_pending.pending(migrated) == 1
    write_job(migrated)
    assert in_lake(migrated, "d92") and lake_pending.pending(migrated) == 0
    assert_lake_equals_warehouse(migrated)
