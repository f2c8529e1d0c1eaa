"""`classifications` has no primary key since migration 013 (pipeline/classification_rows.py): the writer keeps one
row per (doc_id, plan_id, classifier_version) through new, ignored, replaced, repeated and rolled-back loads, as
INSERT OR IGNORE / OR REPLACE did with the key. (The migration itself: tests/scale/test_document_texts.py.)"""

from __future__ import annotations

import duckdb

from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.warehouse import classification, document

ROWS = "SELECT doc_id, classifier_version, decision, score FROM classifications ORDER BY 1, 2, 3, 4"
OF_C = "SELECT doc_id, classifier_version, decision, score FROM classifications WHERE doc_id = 'c'"


def _rows(home: Paths) -> list[tuple[object, ...]]:
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        return conn.execute(ROWS).fetchall()


def test_the_writer_keeps_one_classification_row_per_key(home: Paths) -> None:
    a, b = classification("a", None, "reject"), classification("b", None, "accept")
    with open_writer(home, publish=False) as writer:
        writer.insert("documents", [document("a", "2022-05-01"), document("b", "2022-05-02")])
        writer.insert("classifications", [a, b])
        writer.insert("classifications", [{**a, "decision": "accept", "score": 0.9}])  # ignore: stored key kept
        assert writer.conn.execute(ROWS).fetchall() == [("a", "test-1", "reject", 0.05), ("b", "test-1", "accept", 0.9)]
    with open_writer(home, publish=False) as writer:  # replace: the stored row gives way, others stay
        writer.insert("classifications", [{**a, "decision": "review", "score": 0.5}], on_conflict="replace")
    assert _rows(home) == [("a", "test-1", "review", 0.5), ("b", "test-1", "accept", 0.9)]
    with open_writer(home, publish=False) as writer:  # a new classifier version adds a row beside the old one
        writer.insert("classifications", [classification("a", None, "reject", version="test-2")])
    assert _rows(home) == [("a", "test-1", "review", 0.5), ("a", "test-2", "reject", 0.05),
                           ("b", "test-1", "accept", 0.9)]
    c = classification("c", None, "reject")
    with open_writer(home, publish=False) as writer:  # one key twice in a batch: the first, or with replace the last
        writer.insert("classifications", [c, {**c, "decision": "accept", "score": 0.9}])
        assert writer.conn.execute(OF_C).fetchall() == [("c", "test-1", "reject", 0.05)]
        writer.insert("classifications", [{**c, "decision": "review", "score": 0.5},
                                          {**c, "decision": "accept", "score": 0.9}], on_conflict="replace")
        assert writer.conn.execute(OF_C).fetchall() == [("c", "test-1", "accept", 0.9)]
    with open_writer(home, publish=False) as writer:  # inside the caller's transaction: rolled back with it
        writer.conn.execute("BEGIN")
        writer.insert("classifications", [{**b, "decision": "reject", "score": 0.05}], on_conflict="replace")
        writer.conn.execute("ROLLBACK")
    assert _rows(home) == [("a", "test-1", "review", 0.5), ("a", "test-2", "reject", 0.05),
                           ("b", "test-1", "accept", 0.9), ("c", "test-1", "accept", 0.9)]
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        keyed = conn.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'classifications' "
                             "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchone()
        indexed = conn.execute("SELECT index_name FROM duckdb_indexes() "
                               "WHERE table_name = 'classifications'").fetchall()
    assert keyed == (0,) and indexed == []  # (its doc index went in migration 014)
