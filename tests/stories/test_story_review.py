"""Stories are the unit of review and counting: one queue item per story with its copies, a decision on the
story reaches every copy (those stored later too), a copy can be overridden on its own and that is shown."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.review.overlay import queue_id
from planwatch.config import Paths
from tests.foundation.helpers import decide, query, report_rows, write_job
from tests.support.warehouse import PLAN_ID, classification, document, seed, source


def qid(doc_id: str) -> str:
    return queue_id(doc_id, PLAN_ID)


@pytest.fixture
def cli() -> Any:
    from planwatch.cli import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def stories_home(home: Paths) -> Paths:
    """Story s-a: three copies (a in gdtd, b in vov, c in lao-cai), all auto-accepted for 2b.
    Story s-p: two pending copies (p1, p2). Story s-x: one accepted copy."""
    seed(home,
         sources=[source("gdtd", "Báo Giáo dục và Thời đại"), source("vov", "Đài Tiếng nói Việt Nam"),
                  source("lao-cai", "Báo Lào Cai", scope="provincial")],
         documents=[document("a", "2022-06-10", source_id="gdtd", story_id="s-a"),
                    document("b", "2022-06-11", source_id="vov", story_id="s-a"),
                    document("c", "2022-06-12", source_id="lao-cai", story_id="s-a"),
                    document("p1", "2022-07-01", source_id="gdtd", story_id="s-p1"),
                    document("p2", "2022-07-02", source_id="lao-cai", story_id="s-p1"),
                    document("x", "2022-08-01", source_id="vov", story_id="s-x")],
         classifications=[*(classification(d, "2b", "accept") for d in ("a", "b", "c", "x")),
                          classification("p1", "2b", "review", score=0.6),
                          classification("p2", "2b", "review", score=0.5)])
    return home


def _actual(home: Paths) -> int:
    return int(report_rows(home)[("2b", "article")]["actual"])


def test_rejecting_a_story_removes_it_from_the_count_however_many_copies(stories_home: Paths, cli: Any) -> None:
    assert _actual(stories_home) == 2  # s-a (3 copies) and s-x
    result = cli("review", "decide", "b", "--reject", "--reviewer", "lan")  # decided on a middle copy
    assert result.exit_code == 0, result.output
    assert "cả tin, 3 bản" in result.output
    assert _actual(stories_home) == 1
    statuses = dict(query(stories_home, "SELECT doc_id, status FROM all_tagging WHERE story_id = 's-a'"))
    assert statuses == {"a": "rejected", "b": "rejected", "c": "rejected"}
    assert query(stories_home, "SELECT count(*) FROM coverage_items WHERE story_id = 's-a'") == [(0,)]


def test_a_copy_overridden_on_its_own_keeps_its_decision_and_is_shown(stories_home: Paths, cli: Any) -> None:
    cli("review", "decide", "a", "--reject", "--reviewer", "lan")
    assert _actual(stories_home) == 1
    result = cli("review", "decide", "c", "--confirm", "--copy-only", "--reviewer", "minh")
    assert "chỉ bản này" in result.output
    assert _actual(stories_home) == 2  # the story counts again, through its overridden copy only
    rows = query(stories_home, "SELECT doc_id, status, decision_scope FROM all_tagging WHERE story_id = 's-a' "
                               "ORDER BY doc_id")
    assert rows == [("a", "rejected", "story"), ("b", "rejected", "story"), ("c", "confirmed", "copy")]
    shown = json.loads(cli("review", "show", "c", "--format", "json").output)
    assert {c["doc_id"]: c["override"] for c in shown["copies"]} == {"a": False, "b": False, "c": True}
    assert [h["scope"] for h in shown["history"]] == ["story", "copy"]
    text = cli("review", "show", "b").output
    assert "ghi đè riêng" in text and "quyết định trên bản khác của tin" in text


def test_a_story_decision_reaches_a_copy_stored_later(stories_home: Paths, cli: Any) -> None:
    cli("review", "decide", "a", "--reject", "--reviewer", "lan")
    seed(stories_home, documents=[document("d", "2022-06-13", source_id="gdtd", story_id="s-a")],
         classifications=[classification("d", "2b", "accept")])
    assert _actual(stories_home) == 1
    assert query(stories_home, "SELECT status FROM all_tagging WHERE doc_id = 'd'") == [("rejected",)]


def test_the_queue_lists_one_item_per_story_with_its_copies(stories_home: Paths, cli: Any) -> None:
    items = json.loads(cli("review", "list", "--format", "json").output)
    assert len(items) == 1
    item = items[0]
    for key in ("id", "doc_id", "title", "url", "source_id", "published_at", "suggested_activity", "format", "score"):
        assert key in item
    assert (item["doc_id"], item["story_id"], item["copy_count"]) == ("p1", "s-p1", 2)
    assert item["outlets"] == ["gdtd", "lao-cai"]
    assert [c["doc_id"] for c in item["copies"]] == ["p1", "p2"]
    # confirming the story takes both copies out of the queue and counts the story once
    cli("review", "decide", item["id"], "--confirm", "--reviewer", "lan", "--no-sync")
    assert json.loads(cli("review", "list", "--format", "json").output) == []  # the journal overlay, before sync
    write_job(stories_home)
    assert _actual(stories_home) == 3
    assert dict(query(stories_home, "SELECT doc_id, status FROM all_tagging WHERE story_id = 's-p1'")) == {
        "p1": "confirmed", "p2": "confirmed"}


def test_decisions_recorded_before_stories_became_story_wide(stories_home: Paths) -> None:
    # a journal line written before this change has no scope: it is a story decision (migration 003)
    decide(stories_home, "c", "reject")
    write_job(stories_home)
    assert _actual(stories_home) == 1
