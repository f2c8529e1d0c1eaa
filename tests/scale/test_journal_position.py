"""The review journal's saved read position (pipeline.journal.read_new): a long journal is read from where the
last ingest stopped, and from the start whenever the position cannot be trusted."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from pipeline.journal import Held, append_decision, position_path, read_new, save_position


def _add(path: Path, decision_id: str) -> None:
    append_decision(path, {"decision_id": decision_id, "doc_id": f"doc-{decision_id}", "plan_id": "p",
                           "action": "confirm", "reviewer": "lan", "decided_at": dt.datetime.now(dt.UTC)})


def _ids(rows: list[dict]) -> list[str]:
    return [r["decision_id"] for r in rows]


def test_reads_on_from_the_saved_position(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    for i in range(3):
        _add(path, f"d{i}")
    new, pos = read_new(path, set())
    assert _ids(new) == ["d0", "d1", "d2"] and pos["last"] == "d2" and pos["offset"] == path.stat().st_size
    save_position(path, pos)
    _add(path, "d3")
    # d0 is read from the position on: skipped lines before it are never parsed again (proved by a bad line)
    with open(path, "r+b") as fh:
        fh.seek(2)
        fh.write(b"X")  # corrupt the first line in place: a read from the start would drop d0
    have = {"d0", "d1", "d2"}
    new, pos2 = read_new(path, have)
    assert _ids(new) == ["d3"] and pos2["last"] == "d3"


def test_falls_back_to_the_start_when_the_position_cannot_be_trusted(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    for i in range(3):
        _add(path, f"d{i}")
    save_position(path, read_new(path, set())[1])
    # a warehouse built anew holds none of them: every decision is read again
    assert _ids(read_new(path, set())[0]) == ["d0", "d1", "d2"]
    # one that holds only the first (its last ingest stopped earlier): the rest is read
    assert _ids(read_new(path, {"d0"})[0]) == ["d1", "d2"]
    # the journal replaced by another file (another inode) with a decision the warehouse lacks
    other = tmp_path / "other.jsonl"
    _add(other, "d0")
    _add(other, "e1")
    os.replace(other, path)
    assert _ids(read_new(path, {"d0", "d1", "d2"})[0]) == ["e1"]
    # a torn or unreadable position file: from the start
    position_path(path).write_text("{not json", encoding="utf-8")
    assert _ids(read_new(path, {"d0"})[0]) == ["e1"]


def test_a_torn_last_line_is_read_once_it_is_complete(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    _add(path, "d0")
    with open(path, "ab") as fh:
        fh.write(b'{"decision_id": "torn"')  # a writer died mid-line
    new, pos = read_new(path, set())
    assert _ids(new) == ["d0"] and pos["last"] == "d0"
    save_position(path, pos)
    _add(path, "d1")  # starts on a fresh line; the fragment becomes an unreadable line of its own
    assert _ids(read_new(path, {"d0"})[0]) == ["d1"]


def _asking(held: set[str], asked: list[object]) -> Held:
    """A `have` function over `held` that records what it was asked (None: every id)."""
    def have(ids: Sequence[str] | None) -> set[str]:
        asked.append(None if ids is None else sorted(ids))
        return set(held) if ids is None else set(ids) & held
    return have


def test_a_have_function_is_asked_about_the_new_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    for i in range(3):
        _add(path, f"d{i}")
    asked: list[object] = []
    new, pos = read_new(path, _asking(set(), asked))
    assert _ids(new) == ["d0", "d1", "d2"] and asked == [None]  # no position: every id held, once
    save_position(path, pos)
    _add(path, "d3")
    _add(path, "d4")
    asked.clear()
    # d3 is held already (another process ingested it after the position was saved): not new
    assert _ids(read_new(path, _asking({"d0", "d1", "d2", "d3"}, asked))[0]) == ["d4"]
    assert asked == [["d2"], ["d3", "d4"]]  # the position's decision, then the lines after it
    asked.clear()
    # a state that does not hold the position's decision: from the start, against every id it holds
    assert _ids(read_new(path, _asking({"d0"}, asked))[0]) == ["d1", "d2", "d3", "d4"]
    assert asked == [["d2"], None]
