"""The digest lists each counted story once with all its outlets, and each waiting story once."""

from __future__ import annotations

import datetime as dt

from pipeline.digest.data import load_digest_data
from pipeline.digest.week import IsoWeek
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths
from tests.support.warehouse import PLAN_ID, classification, document, seed, source


def test_a_story_tagged_differently_on_its_copies_is_one_new_item_and_one_queue_line(home: Paths) -> None:
    seed(home,
         sources=[source("gdtd", "Báo Giáo dục và Thời đại"), source("vov", "Đài Tiếng nói Việt Nam"),
                  source("lao-cai", "Báo Lào Cai")],
         documents=[document("a", "2022-09-13", source_id="gdtd", story_id="s-a"),
                    document("b", "2022-09-14", source_id="vov", story_id="s-a"),
                    document("c", "2022-09-15", source_id="lao-cai", story_id="s-a"),
                    document("p1", "2022-09-13", source_id="gdtd", story_id="s-p1"),
                    document("p2", "2022-09-14", source_id="vov", story_id="s-p1")],
         classifications=[classification("a", "2b", "accept", score=0.9),
                          classification("b", "2a", "accept", score=0.8),  # the classifier disagrees on a copy
                          classification("c", "2b", "accept", score=0.85),
                          classification("p1", "2b", "review"), classification("p2", "2b", "review")])
    with open_snapshot(home) as conn:
        data = load_digest_data(conn, PLAN_ID, IsoWeek.parse("2022-W37"), now=dt.datetime(2022, 9, 19, tzinfo=dt.UTC))
    assert [(i["story_id"], i["activity"], i["copies"]) for i in data.new_items] == [("s-a", "2b", 3)]
    assert data.new_items[0]["outlets"] == ["Báo Giáo dục và Thời đại", "Báo Lào Cai", "Đài Tiếng nói Việt Nam"]
    assert [(q["title"], q["copies"]) for q in data.queue] == [("Bài p1", 2)]
