"""One story counts once in the whole report, even when its copies were tagged to different activities."""

from __future__ import annotations

import datetime as dt

from pipeline.journal import append_decision
from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from tests.support.warehouse import PLAN_ID, classification, document, seed

AS_OF = dt.date(2022, 12, 31)


def _actual(home) -> dict[tuple[str, str], int]:
    with open_snapshot(home) as conn:
        report = build_report(conn, PLAN_ID, AS_OF)
        stories = conn.execute("SELECT count(DISTINCT story_id), count(*) FROM coverage_items").fetchone()
    # the report's total is the number of distinct stories, each listed once in coverage_items
    assert sum(r["actual"] for r in report["rows"]) == stories[0] == stories[1]
    return {(r["activity"], r["format"]): r["actual"] for r in report["rows"] if r["actual"]}


def test_copies_tagged_differently_count_once_under_the_strongest_tagging(home):
    seed(home,
         documents=[document("a", "2022-06-10", source_id="gdtd", story_id="s1"),
                    document("b", "2022-06-11", source_id="vov", story_id="s1")],
         classifications=[classification("a", "2a", "accept", score=0.8),
                          classification("b", "2b", "accept", score=0.9)])
    assert _actual(home) == {("2b", "article"): 1}
    with open_snapshot(home) as conn:
        outlets = conn.execute("SELECT outlets FROM coverage_items WHERE story_id = 's1'").fetchall()
        by_quarter = build_report(conn, PLAN_ID, AS_OF)["by_quarter"]
    assert outlets == [(["gdtd", "vov"],)]  # both copies are the story's reach
    assert [(q["activity"], q["actual"]) for q in by_quarter] == [("2b", 1)]


def test_a_reviewer_decision_sets_the_story_tagging(home):
    seed(home,
         documents=[document("a", "2022-06-10", source_id="gdtd", story_id="s1"),
                    document("b", "2022-06-11", source_id="vov", story_id="s1")],
         classifications=[classification("a", "2a", "accept", score=0.8),
                          classification("b", "2b", "accept", score=0.9)])
    append_decision(home.review_journal, {
        "decision_id": "d1", "doc_id": "a", "plan_id": PLAN_ID, "action": "confirm", "activity": "2a",
        "format": "article", "reviewer": "Lan", "decided_at": dt.datetime(2023, 1, 5, tzinfo=dt.UTC)})
    with open_writer(home):
        pass
    assert _actual(home) == {("2a", "article"): 1}


def test_a_pending_copy_of_a_counted_story_is_not_pending_work(home):
    seed(home,
         documents=[document("a", "2022-06-10", story_id="s1"), document("b", "2022-06-12", story_id="s1"),
                    document("c", "2022-07-01", story_id="s2")],
         classifications=[classification("a", "2b", "accept"), classification("b", "2a", "review"),
                          classification("c", "2a", "review")])
    with open_snapshot(home) as conn:
        rows = {(r["activity"], r["format"]): r for r in build_report(conn, PLAN_ID, AS_OF)["rows"]}
    assert rows[("2b", "article")]["actual"] == 1
    assert rows[("2a", "article")]["pending_review"] == 1  # s2 only: s1 already counts
