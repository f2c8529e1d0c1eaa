"""The review journal: durable, append-only, and readable after a crash mid-line."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from pipeline.journal import append_decision, read_decisions
from pipeline.store import open_writer
from tests.support.warehouse import PLAN_ID


def _decision(n: int, **extra) -> dict:
    return {"decision_id": f"d{n}", "doc_id": f"doc{n}", "plan_id": PLAN_ID, "action": "confirm",
            "reviewer": "lan", "decided_at": dt.datetime(2022, 12, 1, 9, n % 60, tzinfo=dt.UTC), **extra}


def test_round_trip_keeps_types(tmp_path):
    path = tmp_path / "review" / "decisions.jsonl"
    append_decision(path, _decision(1, activity="2a", published_date=dt.date(2022, 11, 20), note="ngày đúng"))
    (row,) = read_decisions(path)
    assert row["decided_at"] == dt.datetime(2022, 12, 1, 9, 1, tzinfo=dt.UTC)
    assert row["published_date"] == dt.date(2022, 11, 20) and row["note"] == "ngày đúng"
    assert row["undoes"] is None and row["format"] is None


def test_a_decision_needs_its_keys(tmp_path):
    with pytest.raises(ValueError, match="reviewer"):
        append_decision(tmp_path / "j.jsonl", {k: v for k, v in _decision(1).items() if k != "reviewer"})


def test_a_torn_last_line_does_not_swallow_the_next_decision(tmp_path):
    path = tmp_path / "decisions.jsonl"
    append_decision(path, _decision(1))
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('{"decision_id": "d2", "doc_id": "doc2", "pl')  # the reviewer's process died here
    assert [d["decision_id"] for d in read_decisions(path)] == ["d1"]
    append_decision(path, _decision(3))
    assert [d["decision_id"] for d in read_decisions(path)] == ["d1", "d3"]


def _append_many(path, start: int) -> None:
    for n in range(start, start + 50):
        append_decision(path, _decision(n, note="x" * 500))


def test_concurrent_appenders_never_interleave(tmp_path):
    path = tmp_path / "decisions.jsonl"
    procs = [multiprocessing.get_context("spawn").Process(target=_append_many, args=(path, k * 100))
             for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    assert len(read_decisions(path)) == 150


def test_write_jobs_ingest_the_journal_once(home):
    append_decision(home.review_journal, _decision(1))
    with open_writer(home, publish=False) as writer:
        assert writer.count("review_decisions") == 1
    append_decision(home.review_journal, _decision(2))
    with open_writer(home, publish=False) as writer:
        assert writer.count("review_decisions") == 2
        assert writer.ingest_review_journal() == 0


def test_skip_leaves_out_known_decisions_without_being_fooled_by_a_note(tmp_path):
    path = tmp_path / "review" / "decisions.jsonl"
    append_decision(path, _decision(1))
    append_decision(path, _decision(2, note='trích: "decision_id": "d1"'))  # quotes inside a note are escaped
    append_decision(path, _decision(3))
    assert [r["decision_id"] for r in read_decisions(path, skip={"d1", "d3"})] == ["d2"]
    assert [r["decision_id"] for r in read_decisions(path, skip={"d2"})] == ["d1", "d3"]
    assert [r["decision_id"] for r in read_decisions(path)] == ["d1", "d2", "d3"]
