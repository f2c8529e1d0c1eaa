"""The report's breakdowns add up to its numbers: a story counts once, in the quarter it was first published."""

from __future__ import annotations

import datetime as dt

from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from tests.support.warehouse import PLAN_ID, classification, document, seed


def test_by_quarter_counts_a_story_once_in_the_quarter_it_first_appeared(home):
    # The original on 30 June (Q2), its syndicated copy on 1 July (Q3): one story, counted in Q2 only.
    seed(home,
         documents=[document("orig", "2022-06-30", story_id="s1"),
                    document("copy", "2022-07-01", source_id="moet-portal", story_id="s1"),
                    document("other", "2022-08-10", story_id="s2")],
         classifications=[classification(d, "2b", "accept") for d in ("orig", "copy", "other")])
    with open_snapshot(home) as conn:
        report = build_report(conn, PLAN_ID, dt.date(2022, 12, 31))
    row = next(r for r in report["rows"] if (r["activity"], r["format"]) == ("2b", "article"))
    quarters = {q["quarter"]: q["actual"] for q in report["by_quarter"]
                if (q["activity"], q["format"]) == ("2b", "article")}
    assert row["actual"] == 2
    assert quarters == {"2022-Q2": 1, "2022-Q3": 1}
    assert sum(quarters.values()) == row["actual"]
