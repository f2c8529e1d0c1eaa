from __future__ import annotations

from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from tests.support.warehouse import PLAN_ID, classification, document, seed


def test_confirmed_in_window_counts_once_per_story(home):
    seed(home,
         documents=[document("a", "2022-05-10", story_id="s1"),
                    document("b", "2022-05-11", source_id="other", story_id="s1")],
         classifications=[classification("a", "2b", "accept"), classification("b", "2b", "accept")])
    with open_snapshot(home) as conn:
        rows = {(r["activity"], r["format"]): r for r in build_report(conn, PLAN_ID)["rows"]}
    assert rows[("2b", "article")]["actual"] == 1
    assert rows[("2b", "article")]["documents"] == 2
