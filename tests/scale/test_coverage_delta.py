"""PLANWATCH_LAKE=sqlite: a review decision publishes a small delta file (pipeline/coverage_delta.py), not the
whole coverage file; the report then equals the warehouse's own derivation, decision after decision, and the
next publish of the coverage file takes the delta's rows in and makes the delta file fall out of use."""

from __future__ import annotations

import datetime as dt
import stat
from typing import Any

import duckdb

from pipeline import coverage_delta, coverage_file
from pipeline.report import build_report
from pipeline.snapshot import open_coverage
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import decide, write_job
from tests.support.warehouse import PLAN_ID

MATCHES = "SELECT * FROM matches ORDER BY doc_id, plan_id"
AS_OF = dt.date(2022, 12, 31)  # after the plan's latest dated item: the report reads the pre-aggregated tables


def _truth(paths: Paths) -> dict[str, Any]:
    """The report as the warehouse's own views derive it (no writer runs in these tests)."""
    conn = duckdb.connect(str(paths.warehouse), read_only=True)
    try:
        return build_report(conn, PLAN_ID, AS_OF)
    finally:
        conn.close()


def _published(paths: Paths) -> dict[str, Any]:
    with open_coverage(paths) as conn:
        return build_report(conn, PLAN_ID, AS_OF)


def _generation(paths: Paths) -> str | None:
    conn = duckdb.connect(str(coverage_file.path(paths)), read_only=True)
    try:
        return coverage_file.generation(conn, "coverage")
    finally:
        conn.close()


def test_decisions_in_a_row_show_in_the_report_from_the_delta_file(migrated: Paths) -> None:
    generation = _generation(migrated)
    assert generation and _published(migrated) == _truth(migrated)
    steps = (("d06", "confirm", "2a"), ("d08", "confirm", "2b"), ("d01", "reject", None),  # a 3-copy story
             ("d09", "confirm", "2b"),  # outside its window: the outside-window list changes
             ("d05", "confirm", "1"),  # to another activity: the counts of two cells change (only theirs derived)
             ("d08", "reopen", None))
    seen = []
    for doc_id, action, activity in steps:
        decide(migrated, doc_id, action, activity=activity, fmt="article" if activity else None)
        with open_writer(migrated, defer_lake=True):  # what `review decide` does (a waiter publishes the rest)
            pass
        report = _published(migrated)
        assert report == _truth(migrated), (doc_id, action)
        seen.append(report["totals"])
        assert _generation(migrated) == generation  # the coverage file itself was not published again
    assert len({repr(t) for t in seen}) > 1  # the decisions moved the counts
    delta = coverage_delta.path(migrated)
    assert stat.S_IMODE(delta.stat().st_mode) == 0o444
    assert coverage_delta.pending_docs(migrated) >= {"d06", "d08", "d01", "d02", "d03", "d09"}
    # the next publish of the coverage file takes the delta's rows in; the delta file then no longer applies
    write_job(migrated)
    assert _generation(migrated) != generation
    assert coverage_delta.pending_docs(migrated) == set()
    conn = coverage_file.open_reader(migrated)
    try:
        assert conn.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = ?",
                            [coverage_delta.ALIAS]).fetchone() == (0,)
        rows = conn.execute(MATCHES).fetchall()
    finally:
        conn.close()
    truth = duckdb.connect(str(migrated.warehouse), read_only=True)
    try:
        assert rows == truth.execute(MATCHES).fetchall()
    finally:
        truth.close()
    assert _published(migrated) == _truth(migrated)
    # and a decision after it starts a new delta on the new generation
    decide(migrated, "d05", "reject")
    with open_writer(migrated, defer_lake=True):
        pass
    assert _published(migrated) == _truth(migrated)
    assert coverage_delta.pending_docs(migrated) == {"d05"}


def test_a_change_of_the_report_inputs_publishes_the_coverage_file(migrated: Paths) -> None:
    """A deferred publish that finds the outlets or plans changed since the coverage file publishes that file
    (the delta only carries rows and aggregates over the file's plans and outlets)."""
    generation = _generation(migrated)
    with open_writer(migrated, defer_lake=True) as writer:
        writer.conn.execute("UPDATE sources SET kind = 'tv' WHERE source_id = 'baocamau'")
    assert _generation(migrated) != generation
    assert _published(migrated) == _truth(migrated)


def test_a_job_that_changes_nothing_the_file_holds_does_not_publish_it(migrated: Paths) -> None:
    generation = _generation(migrated)
    inode = coverage_file.path(migrated).stat().st_ino
    with open_writer(migrated) as writer:
        writer.start_run("run-only", "manual")  # a crawl run's row: not in the coverage file
    assert (_generation(migrated), coverage_file.path(migrated).stat().st_ino) == (generation, inode)
    decide(migrated, "d06", "confirm", activity="2a", fmt="article")
    write_job(migrated)  # a decision: its rows and the decisions table change, so the file is published
    assert _generation(migrated) != generation
    assert _published(migrated) == _truth(migrated)


def test_the_outside_window_list_follows_the_decided_story_only(migrated: Paths, monkeypatch: Any) -> None:
    """A decision that moves items into or out of the outside-window list updates the delta file's head and count
    from the decided story's rows (coverage_delta._outside_moved), not by sorting every item outside a window;
    the report equals the warehouse's derivation, with a head cut short (one item held of several) too."""
    from pipeline import report
    from pipeline.locking import exclusive_lock

    monkeypatch.setattr(report, "OUTSIDE_HEAD", 1)
    with exclusive_lock(migrated.writer_lock, timeout=60):  # the coverage file again, with a head of one item
        coverage_file.publish(migrated, None)
    moved: list[bool] = []
    original = coverage_delta._outside_moved

    def spy(*args: Any, **kwargs: Any) -> bool:
        moved.append(original(*args, **kwargs))
        return moved[-1]

    monkeypatch.setattr(coverage_delta, "_outside_moved", spy)
    steps = (("d06", "confirm", "2a", "2021-06-01"),  # before its window: a second item outside, the head is cut
             ("d05", "confirm", "2b", "2021-05-01"),  # a third, first in the report's order among the confirmed
             ("d09", "confirm", "2b", None),  # pending -> confirmed: moves within the list
             ("d06", "reject", None, None),  # out of the list
             ("d05", "reopen", None, None))  # pending: first in the list
    for doc_id, action, activity, day in steps:
        decide(migrated, doc_id, action, activity=activity, fmt="article" if activity else None, published_date=day)
        with open_writer(migrated, defer_lake=True):
            pass
        assert _published(migrated) == _truth(migrated), (doc_id, action)
        with open_coverage(migrated) as conn:
            head = build_report(conn, PLAN_ID, AS_OF, outside_limit=1)
        truth = duckdb.connect(str(migrated.warehouse), read_only=True)
        try:
            assert head == build_report(truth, PLAN_ID, AS_OF, outside_limit=1), (doc_id, action)
        finally:
            truth.close()
    assert True in moved  # the incremental update applied (and where it could not be exact, the whole one did)
