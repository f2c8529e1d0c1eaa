"""The three pending numbers seen at a million documents (issue 20) on one small warehouse, each what it says
(docs/review.md, "How many are pending"):
- items: stories waiting per plan, whatever their date (review list, review export, the review page's total);
  always one number, from one query (review_queue_groups);
- copies: pending (document, plan) rows, one per outlet's copy (the analyst view review_queue, `planwatch export`);
- the report's "chờ duyệt" (report, digest, official report): per target (activity x format), stories inside the
  window and published by as_of that do not count yet; the total is the sum over targets.
At 1M the three were read minutes apart on a home that another engineer's bench kept writing to (documents
added, items confirmed), which is why the items differed by one between `review list` and `review export`."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pipeline.report import build_report
from pipeline.review.queue import Filters, ReviewState
from pipeline.review.queuepage import read_page
from pipeline.snapshot import open_snapshot
from planwatch.cli import app
from planwatch.config import Paths
from tests.support.warehouse import PLAN_ID, classification, document, seed, source

AS_OF = dt.date(2022, 9, 20)


def _seed(home: Paths) -> None:
    docs = [document("m1", "2022-09-01", story_id="s-multi"),  # one item, two copies, pending in the report
            document("m2", "2022-09-02", source_id="aaa-paper", story_id="s-multi"),
            document("old", "2019-05-01"),  # outside the window: an item, not pending work for the report
            document("c1", "2022-08-01", story_id="s-counted"),  # the story counts already
            document("c2", "2022-08-02", source_id="aaa-paper", story_id="s-counted"),
            document("late", "2022-10-10"),  # in 2b's window, published after AS_OF
            document("t1", "2022-09-05", story_id="s-two"),  # pending for two targets (1 and 2a)
            document("t2", "2022-09-06", source_id="aaa-paper", story_id="s-two"),
            document("no", "2022-09-07")]  # rejected by the classifier: nowhere
    cls = [classification("m1", "1", "review"), classification("m2", "1", "review"),
           classification("old", "1", "review"), classification("c1", "1", "accept"),
           classification("c2", "1", "review"), classification("late", "2b", "review"),
           classification("t1", "1", "review"), classification("t2", "2a", "review"),
           classification("no", "1", "reject")]
    seed(home, sources=[source("giaoducthoidai"), source("aaa-paper")], documents=docs, classifications=cls)


def test_each_pending_number_counts_what_it_says(home: Paths, tmp_path: Path) -> None:
    _seed(home)
    env = {"PLANWATCH_HOME": str(home.home)}
    listed = CliRunner().invoke(app, ["review", "list", "--format", "json"], env=env)
    assert listed.exit_code == 0, listed.output
    out = tmp_path / "queue.csv"
    exported = CliRunner().invoke(app, ["review", "export", str(out)], env=env)
    assert exported.exit_code == 0, exported.output
    with open(out, encoding="utf-8-sig", newline="") as fh:
        export_rows = list(csv.DictReader(fh))
    with open_snapshot(home) as conn:
        page = read_page(ReviewState.load(conn, home), Filters())
        (copies,) = conn.execute("SELECT count(*) FROM review_queue").fetchone() or (None,)

    items = json.loads(listed.output)
    # items: s-multi, old, s-counted (its pending copy c2), late, s-two: one per story, whatever the date
    assert len(items) == len(export_rows) == page.total == page.filtered == 5
    assert [r["id"] for r in items] == [r["id"] for r in export_rows]
    # copies: m1, m2, old, c2, late, t1, t2
    assert copies == 7
    # the report: s-multi under 1/article, s-two under 1/article and under 2a/article; not old (outside the
    # window), not s-counted (counts already), not late (after AS_OF)
    report = _report(home, AS_OF)
    per_target = {(r["activity"], r["format"]): r["pending_review"] for r in report["rows"] if r["pending_review"]}
    assert per_target == {("1", "article"): 2, ("2a", "article"): 1}
    assert report["pending_review"] == 3  # the sum over targets: s-two waits for two targets
    assert _report(home, dt.date(2022, 10, 31))["pending_review"] == 4  # `late` once published by as_of


def _report(home: Paths, as_of: dt.date) -> dict[str, Any]:
    with open_snapshot(home) as conn:
        return build_report(conn, PLAN_ID, as_of)


def test_story_ids_with_quotes_list_their_copies(home: Paths) -> None:
    """The stories' copies are read with their ids written into the SQL as constants (review_story_copies.sql):
    a quote in an id is doubled, never ends the constant."""
    story = "s-o'neil'); DROP TABLE documents; --"
    seed(home, sources=[source("giaoducthoidai"), source("aaa-paper")],
         documents=[document("q1", "2022-09-01", story_id=story),
                    document("q2", "2022-09-02", source_id="aaa-paper", story_id=story),
                    document("q3", "2022-09-03")],
         classifications=[classification("q1", "1", "review"), classification("q2", "1", "accept"),
                          classification("q3", "1", "review")])
    listed = CliRunner().invoke(app, ["review", "list", "--format", "json"], env={"PLANWATCH_HOME": str(home.home)})
    assert listed.exit_code == 0, listed.output
    items = {r["doc_id"]: r for r in json.loads(listed.output)}
    assert set(items) == {"q1", "q3"}
    assert items["q1"]["story_id"] == story
    assert sorted(c["doc_id"] for c in items["q1"]["copies"]) == ["q1", "q2"]
    with open_snapshot(home) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)
