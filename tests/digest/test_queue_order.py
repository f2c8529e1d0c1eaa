"""The digest's 'Chờ duyệt' list is the review queue in the queue's own order (view review_queue)."""

from __future__ import annotations

from pipeline.digest.data import load_digest_data
from pipeline.digest.week import IsoWeek
from pipeline.snapshot import open_snapshot
from tests.support.warehouse import PLAN_ID, classification, document, seed, source


def test_digest_queue_follows_the_review_queue_order(home):
    # Same date, so the window distance ties: the score nearest the accept line (0.70) comes first,
    # then an outlet of the plan's main channels.
    seed(home,
         sources=[source("aaa-paper"), source("giaoducthoidai")],
         documents=[document("far-from-line", "2022-09-10", source_id="aaa-paper"),
                    document("near-line", "2022-09-10", source_id="aaa-paper"),
                    document("other-outlet", "2022-09-10", source_id="aaa-paper"),
                    document("main-outlet", "2022-09-10", source_id="giaoducthoidai")],
         classifications=[classification("far-from-line", "2b", "review", score=0.50),
                          classification("near-line", "2b", "review", score=0.69),
                          classification("other-outlet", "2b", "review", score=0.60),
                          classification("main-outlet", "2b", "review", score=0.60)])
    with open_snapshot(home) as conn:
        queue = [r[0] for r in conn.execute(
            "SELECT doc_id FROM review_queue WHERE plan_id = ? ORDER BY queue_rank", [PLAN_ID]).fetchall()]
        data = load_digest_data(conn, PLAN_ID, IsoWeek.parse("2022-W37"))
        ids = dict(conn.execute("SELECT id, doc_id FROM review_queue").fetchall())
    assert queue == ["near-line", "main-outlet", "other-outlet", "far-from-line"]
    assert [ids[q["id"]] for q in data.queue] == queue
