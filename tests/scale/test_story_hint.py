"""pipeline/coverage_file.py expand_to_stories with a story-key hint (the coverage file's `matches`, as
pipeline/coverage_delta.py passes it for a decision): the same documents and row ids as without it, whether the
hint is right, stale (a write job moved the document since), or lacks the document; and a decision on a moved
document shows in the report as the warehouse derives it."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from pipeline import coverage_file
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import decide
from tests.scale.test_coverage_file import MATCHES, _coverage, _warehouse

# documents: story a (d1, d2, d3), story b (d4), d5 without a story, d6 whose story is keyed by d5's id
DOCS = [("d1", "a"), ("d2", "a"), ("d3", "a"), ("d4", "b"), ("d5", None), ("d6", "d5"), ("d7", None)]


@pytest.fixture()
def conn() -> Any:
    c = duckdb.connect()
    c.execute("CREATE TABLE documents (doc_id VARCHAR, story_id VARCHAR, title VARCHAR)")
    # rows in a shuffled order, so row ids and doc ids differ
    c.executemany("INSERT INTO documents VALUES (?, ?, 't')", [DOCS[i] for i in (3, 0, 6, 4, 1, 5, 2)])
    # the hint: the key each document had when the coverage file was published (two rows per document, as
    # `matches` has one per plan); d3 has moved to story b since, d7 is not in it
    c.execute("CREATE TABLE hint (doc_id VARCHAR, plan_id VARCHAR, story_id VARCHAR)")
    hinted = [("d1", "a"), ("d2", "a"), ("d3", "b"), ("d4", "b"), ("d5", "d5"), ("d6", "d5")]
    c.executemany("INSERT INTO hint VALUES (?, ?, ?)", [(d, p, k) for d, k in hinted for p in ("p1", "p2")])
    yield c
    c.close()


def _expand(conn: Any, seeds: list[str], hint: str | None) -> tuple[list[str], dict[str, list[int]]]:
    rows: dict[str, list[int]] = {}
    return coverage_file.expand_to_stories(conn, "memory", seeds, rows, hint), rows


@pytest.mark.parametrize("seeds", [["d1"], ["d4"], ["d5"], ["d6"], ["d3"], ["d7"], ["d1", "d4"], ["d1", "d3"],
                                   ["d5", "d2"], ["d9"], ["d1", "d9"]])
def test_the_hint_changes_nothing_but_the_scans(conn: Any, seeds: list[str]) -> None:
    assert _expand(conn, seeds, "hint") == _expand(conn, seeds, None)


def test_a_right_hint_expands_without_the_doc_id_scan(conn: Any) -> None:
    ids, rows = _expand(conn, ["d1", "d5"], "hint")
    assert ids == ["d1", "d2", "d3", "d5", "d6"]  # d3 is in story a in the documents, whatever the hint says
    truth = dict(conn.execute("SELECT doc_id, rowid FROM documents").fetchall())
    assert rows == {d: [truth[d]] for d in ids}
    hint_rows: dict[str, list[int]] = {}
    coverage_file.expand_to_stories(conn, "memory", ["d1", "d5", "d7"], None, "hint", hint_rows)
    held = conn.execute("SELECT doc_id, list(rowid ORDER BY rowid) FROM hint WHERE doc_id IN ('d1', 'd5') "
                        "GROUP BY doc_id").fetchall()
    assert {d: sorted(r) for d, r in hint_rows.items()} == dict(held)  # every row of each seed the hint has


def test_stale_and_right_hints_are_told_apart(conn: Any) -> None:
    # d3: the hint says b, the documents say a: taken as b, the members' scan would bring d4 (wrong)
    assert coverage_file._hinted_members(conn, "memory", ["d3"], "hint", None) is None
    assert coverage_file._hinted_members(conn, "memory", ["d7"], "hint", None) is None  # not in the hint
    members = coverage_file._hinted_members(conn, "memory", ["d4"], "hint", None)
    assert members is not None and sorted(r[0] for r in members) == ["d4"]


def _base_key(paths: Paths, doc_id: str) -> set[str]:
    """The story key of a document in the coverage file itself (the hint), without the delta file over it."""
    conn = duckdb.connect(str(coverage_file.path(paths)), read_only=True)
    try:
        return {r[0] for r in conn.execute("SELECT story_id FROM matches WHERE doc_id = ?", [doc_id]).fetchall()}
    finally:
        conn.close()


def test_a_decision_on_a_moved_document_reaches_its_new_story(migrated: Paths) -> None:
    decide(migrated, "d06", "confirm", activity="2a", fmt="article")
    with open_writer(migrated, defer_lake=True):  # a decision: its delta file is published
        pass
    with open_writer(migrated, defer_lake=True) as writer:  # d03 leaves s-chinh-sach for d04's story s-phong-su
        writer.conn.execute("UPDATE documents SET story_id = 's-phong-su' WHERE doc_id = 'd03'")
        writer.mark_touched("documents", ["d03"])
    assert _base_key(migrated, "d03") == {"s-chinh-sach"}, "the coverage file's key is stale (else no test)"
    decide(migrated, "d03", "reject")  # story-wide: d04 now shares d03's story, d01 and d02 no longer do
    with open_writer(migrated, defer_lake=True):
        pass
    assert _coverage(migrated, MATCHES) == _warehouse(migrated, MATCHES)
    statuses = dict(_coverage(migrated, "SELECT doc_id, status FROM matches WHERE doc_id IN ('d01', 'd03', 'd04')"))
    assert statuses == {"d01": "confirmed", "d03": "rejected", "d04": "rejected"}
