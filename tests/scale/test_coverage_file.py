"""PLANWATCH_LAKE=sqlite: the coverage file (pipeline/coverage_file.py) the report reads holds exactly the
warehouse's `matches` rows after write jobs and decisions (a story-wide decision reaches every copy), is
published read-only, and a review decision shows in the report before the lake catches up."""

from __future__ import annotations

import datetime as dt
import stat
import time
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import coverage_file, lake
from pipeline.locking import exclusive_lock
from pipeline.report import build_report
from pipeline.snapshot import open_coverage
from pipeline.store import open_writer
from planwatch.cli import app
from planwatch.config import Paths
from tests.foundation.helpers import decide, query, report_rows, write_job
from tests.support.warehouse import PLAN_ID

MATCHES = "SELECT * FROM matches ORDER BY doc_id, plan_id"


def _warehouse(paths: Paths, sql: str) -> list[tuple[Any, ...]]:
    """Ground truth: the warehouse's own views (no writer is running in these tests)."""
    conn = duckdb.connect(str(paths.warehouse), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _coverage(paths: Paths, sql: str) -> list[tuple[Any, ...]]:
    conn = coverage_file.open_reader(paths)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _report(paths: Paths, as_of: str = "2022-12-31") -> dict[tuple[str, str], dict[str, Any]]:
    with open_coverage(paths) as conn:
        report = build_report(conn, PLAN_ID, dt.date.fromisoformat(as_of))
    return {(r["activity"], r["format"]): r for r in report["rows"]}


def test_coverage_file_reads_as_the_snapshot(migrated: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    mode = coverage_file.path(migrated).stat().st_mode
    assert stat.S_IMODE(mode) == 0o444
    assert _coverage(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    for as_of in ("2022-05-01", "2022-09-30", "2022-12-31"):
        monkeypatch.delenv(lake.LAKE_ENV)
        expected = report_rows(migrated, as_of)  # the copy-and-rename snapshot's report
        monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
        assert _report(migrated, as_of) == expected, as_of
    items = "SELECT * FROM coverage_items ORDER BY ALL"
    assert _coverage(migrated, items) == _warehouse(migrated, items) != []


def test_story_decision_reaches_every_copy_before_the_lake(migrated: Paths) -> None:
    before = _report(migrated)[("1", "article")]["actual"]
    lake_decisions = len(query(migrated, "SELECT * FROM review_decisions"))
    decide(migrated, "d01", "reject")  # story s-chinh-sach: d01, d02, d03
    with open_writer(migrated, defer_lake=True):  # what a review sync does (its waiter publishes the lake)
        pass
    assert _report(migrated)[("1", "article")]["actual"] == before - 1
    # the decision's delta file holds every copy's rows as the warehouse derives them; the coverage file's rows
    # follow at its next publish (the waiter's)
    story = "SELECT * FROM {} WHERE doc_id IN ('d01', 'd02', 'd03') ORDER BY doc_id, plan_id"
    assert _coverage(migrated, story.format("delta_matches")) == _warehouse(migrated, story.format("matches"))
    statuses = _coverage(migrated, "SELECT doc_id, status FROM delta_matches ORDER BY 1")
    assert statuses == [("d01", "rejected"), ("d02", "rejected"), ("d03", "rejected")]
    # the lake has not published the decision yet; the next publish (the waiter's) brings it, copies included
    assert len(query(migrated, "SELECT * FROM review_decisions")) == lake_decisions
    write_job(migrated)
    assert _coverage(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    assert len(query(migrated, "SELECT * FROM review_decisions")) == lake_decisions + 1
    assert query(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    assert lake.verify(migrated) == {}


def test_review_decide_resolves_in_the_coverage_file(migrated: Paths) -> None:
    item = _coverage(migrated, f"SELECT id FROM review_items WHERE doc_id = 'd06' AND plan_id = '{PLAN_ID}'")
    assert item, "a pending item is in the coverage file"
    before = _report(migrated)[("2a", "article")]["actual"]
    result = CliRunner().invoke(app, ["review", "decide", item[0][0], "--confirm", "--activity", "2a",
                                      "--format", "article", "--reviewer", "lan", "--lock-timeout", "10"])
    assert result.exit_code == 0, result.output
    assert _report(migrated)[("2a", "article")]["actual"] == before + 1
    # the waiter `decide` started brings the lake up to date on its own (it holds the warehouse meanwhile)
    journal = len((migrated.review_journal).read_text(encoding="utf-8").splitlines())
    deadline = time.monotonic() + 120
    while len(query(migrated, "SELECT * FROM review_decisions")) < journal:
        assert time.monotonic() < deadline, "the lake never caught up with the decision"
        time.sleep(0.5)
    with exclusive_lock(migrated.writer_lock, timeout=120):  # the waiter has finished publishing
        pass
    assert lake.verify(migrated) == {}
    assert _coverage(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    # a doc_id works as well as a queue id
    result = CliRunner().invoke(app, ["review", "decide", "d09", "--reject", "--reviewer", "lan", "--no-sync"])
    assert result.exit_code == 0, result.output


def test_a_story_move_reaches_the_coverage_file_and_the_lake(migrated: Paths) -> None:
    """Story assignment moves stored copies by UPDATE (pipeline.story_store); Writer.mark_touched makes the
    publish take their rows again, so the counted story follows them."""
    before = _report(migrated)[("1", "article")]["actual"]
    with open_writer(migrated) as writer:  # d03 leaves story s-chinh-sach for a story of its own
        writer.conn.execute("UPDATE documents SET story_id = 's-d03', story_key = NULL WHERE doc_id = 'd03'")
        writer.mark_touched("documents", ["d03"])
    assert _report(migrated)[("1", "article")]["actual"] == before + 1
    assert _coverage(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    assert query(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    assert lake.verify(migrated) == {}


def _whole_report(paths: Paths, as_of: dt.date, *, derived: bool = False, limit: int | None = None,
                  ) -> dict[str, Any]:
    """The report on the coverage file, or (derived) on the warehouse's own views: every number derived at
    query time (no writer is running in these tests)."""
    if derived:
        conn = duckdb.connect(str(paths.warehouse), read_only=True)
        try:
            return build_report(conn, PLAN_ID, as_of, outside_limit=limit)
        finally:
            conn.close()
    with open_coverage(paths) as held:
        return build_report(held, PLAN_ID, as_of, outside_limit=limit)


def test_pre_aggregated_report_equals_the_derived_one(migrated: Paths) -> None:
    """The coverage file's report_final* tables (kept at each publish) give the very report the views derive,
    whole (rows, quarters, channels, the outside-window list and its count), before and after a decision;
    an as_of before the plan's latest dated item is derived from the rows instead."""
    from pipeline.report import _final

    def check(outside: bool) -> None:
        with open_coverage(migrated) as conn:
            latest = conn.execute("SELECT max_published FROM report_final_meta WHERE plan_id = ?",
                                  [PLAN_ID]).fetchone()
            assert latest and latest[0] is not None
            late, early = latest[0] + dt.timedelta(days=400), latest[0] - dt.timedelta(days=1)
            assert _final(conn, PLAN_ID, late) is not None and _final(conn, PLAN_ID, early) is None
        for as_of in (late, early):
            derived = _whole_report(migrated, as_of, derived=True)
            assert derived["outside_window"] or not outside
            assert _whole_report(migrated, as_of) == derived
            head = _whole_report(migrated, as_of, limit=1)
            assert head["outside_window"] == derived["outside_window"][:1]
            assert head["outside_window_total"] == len(derived["outside_window"]) == derived["outside_window_total"]
            assert head["rows"] == derived["rows"] and head["by_channel"] == derived["by_channel"]

    check(outside=False)
    decide(migrated, "d01", "reject")  # a story-wide decision: every copy of s-chinh-sach leaves the count
    decide(migrated, "d06", "confirm", activity="2a", fmt="article", published_date="2023-03-01")
    decide(migrated, "d09", "confirm", activity="1", fmt="article", published_date="2021-12-20")
    write_job(migrated)
    check(outside=True)  # d06 and d09 now dated outside their windows
    decide(migrated, "d01", "reopen")  # inside its window: the outside list is kept, the counts move
    write_job(migrated)
    check(outside=True)


def test_report_json_counts_the_outside_window_list(migrated: Paths) -> None:
    """`report --format json` lists the first items outside the window (all of them here: fewer than 1000)
    with their count; --outside-all lists every one; the table names the count."""
    import json

    decide(migrated, "d09", "confirm", activity="1", fmt="article", published_date="2021-12-20")
    write_job(migrated)
    outs = []
    for extra in ([], ["--outside-all"]):
        result = CliRunner().invoke(app, ["report", "--plan", PLAN_ID, "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        outs.append(json.loads(result.output))
    assert outs[0] == outs[1]
    assert outs[0]["outside_window_total"] == len(outs[0]["outside_window"]) >= 1
    assert "d09" in {o["doc_id"] for o in outs[0]["outside_window"]}
    table = CliRunner().invoke(app, ["report", "--plan", PLAN_ID])
    assert f"{outs[0]['outside_window_total']} tin" in table.output
