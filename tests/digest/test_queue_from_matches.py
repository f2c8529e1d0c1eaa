"""The digest's queue is read from `matches` for its plan only (issue 20: view review_queue ranks every plan's
pending item through review_items, 4.5 s CPU and 1.1 GB at a million documents). It must list what the former
query over view review_queue listed, in the same order, with the same copies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipeline import sql
from pipeline.digest.data import load_digest_data
from pipeline.digest.render import build_context
from pipeline.digest.week import IsoWeek
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths
from tests.digest.conftest import seed_week_w37
from tests.foundation.helpers import analyst_warehouse
from tests.support.warehouse import PLAN_ID, classification, document, seed, source

# the former digest_review_queue.sql: the plan's stories from view review_queue, ranked over every plan
FORMER = """
SELECT q.id, q.doc_id, q.title, q.url, q.source_id, COALESCE(q.source_name, q.source_id) AS outlet,
       q.published_date, q.suggested_activity, q.format, q.score, q.classified_at,
       count(*) OVER story AS copies
FROM review_queue q
WHERE q.plan_id = $1
WINDOW story AS (PARTITION BY q.story_id)
QUALIFY row_number() OVER (PARTITION BY q.story_id ORDER BY q.published_date NULLS LAST, q.doc_id) = 1
ORDER BY min(q.queue_rank) OVER story
"""


def _queue(conn: Any, query: str, plan: str) -> list[tuple[Any, ...]]:
    cur = conn.execute(query, [plan])
    cols = [d[0] for d in cur.description]
    return [tuple(v for c, v in zip(cols, r, strict=True) if c != "story_rank") for r in cur.fetchall()]


def _ties(paths: Paths) -> None:
    """Stories of several copies, equal dates and scores (the order falls to main outlet, outlet, doc), an undated
    copy, an item outside every window, and no score."""
    docs = [document("t1", "2022-09-10", source_id="aaa-paper", story_id="s-tie"),
            document("t2", "2022-09-10", source_id="giaoducthoidai", story_id="s-tie"),
            document("t3", "2022-09-10", source_id="aaa-paper"),
            document("t4", "2022-09-10", source_id="bbb-paper"),
            document("t5", None, source_id="bbb-paper", story_id="s-undated"),
            document("t6", "2022-09-11", source_id="aaa-paper", story_id="s-undated"),
            document("t7", "2019-01-01", source_id="aaa-paper"),
            document("t8", "2022-09-12", source_id="aaa-paper"),
            document("t9", "2022-09-10", source_id="giaoducthoidai")]
    cls = [classification(d["doc_id"], "2b", "review", score=0.6) for d in docs if d["doc_id"] != "t8"]
    cls.append(classification("t8", None, "review", score=0.55))
    seed(paths, sources=[source("aaa-paper"), source("bbb-paper"), source("giaoducthoidai")],
         documents=docs, classifications=cls)


@pytest.mark.parametrize("build", [analyst_warehouse, seed_week_w37, _ties], ids=["analyst", "w37", "ties"])
@pytest.mark.parametrize("lake_on", [False, True], ids=["file", "lake"])
def test_the_digest_queue_is_the_former_queue(home: Paths, monkeypatch: pytest.MonkeyPatch, build: Any,
                                              lake_on: bool) -> None:
    build(home)
    if lake_on:
        from pipeline import lake

        monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
        assert lake.migrate_warehouse(home)["problems"] == {}
    with open_snapshot(home) as conn:
        plans = [r[0] for r in conn.execute("SELECT DISTINCT plan_id FROM review_items").fetchall()]
        assert plans
        for plan in plans:
            former = _queue(conn, FORMER, plan)
            assert former, plan  # something to compare
            assert _queue(conn, sql.query("digest_review_queue"), plan) == former


def test_the_queue_section_counts_what_it_counted(home: Paths) -> None:
    """'later' = pending stories published after the week (not outside a window), as the former list test did."""
    _ties(home)
    with open_snapshot(home) as conn:
        data = load_digest_data(conn, PLAN_ID, IsoWeek.parse("2022-W36"),
                                now=dt.datetime(2022, 9, 12, tzinfo=dt.UTC))
    context = build_context(data)
    outside = {o["doc_id"] for o in data.report["outside_window"] if o["status"] == "pending"}
    queue_in = [q for q in data.queue if q["doc_id"] not in outside
                and (q["published_date"] is None or q["published_date"] <= data.as_of)]
    later = [q for q in data.queue if q["doc_id"] not in outside and q not in queue_in]
    assert later and queue_in
    assert context["queue_later"] == len(later)
    assert [q["title"] for q in context["queue_top"]] == [q["title"] for q in queue_in[:len(context["queue_top"])]]
