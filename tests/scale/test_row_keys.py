"""The lookup keys of migrations 015-016 (pipeline/row_keys.py): classifications.doc_key and documents.story_key,
which a decision's publish reads instead of the scans of doc_id (pipeline/coverage_file.py fresh_rows) and story_id
(expand_to_stories' members). The same rows as the scans whatever the tables hold (rows of older code without a key,
two ids sharing a key, rows replaced, stories moved, a checkpoint after), the CHECKs refusing a wrong key, the lake
without the columns, and decisions taken after such writes (not published in the coverage file) showing the
warehouse's rows for the decided story."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from pipeline import classification_rows, coverage_file, keyed_rows, lake, row_keys, sql
from pipeline.store import migrate, open_writer
from planwatch.config import Paths
from tests.foundation.helpers import decide
from tests.scale.test_coverage_file import MATCHES, _coverage, _warehouse
from tests.support.warehouse import classification, document

KEY = row_keys.KEY


def _colliding_pair(conn: Any, prefix: str = "c") -> tuple[str, str]:
    """Two distinct ids with the same key (about ten pairs among 300,000 ids of 32-bit keys)."""
    row = conn.execute(f"SELECT list(d ORDER BY d)[1:2] FROM (SELECT '{prefix}' || i AS d, {KEY.format('d')} AS k "
                       "FROM range(300000) t(i)) GROUP BY k HAVING count(*) > 1 ORDER BY 1 LIMIT 1").fetchone()
    assert row is not None, "no two ids share a key (else no test)"
    return row[0][0], row[0][1]


def test_the_python_key_is_duckdbs(conn: Any) -> None:
    texts = [f"{i:x}" * (i % 7 + 1) for i in range(3000)] + ["", "Đề án 33 — mầm non", "d'01", "s-phong-su", "\x1f"]
    texts += [hashlib.sha1(str(i).encode()).hexdigest() for i in range(3000)]
    duck = conn.execute(f"SELECT list({KEY.format('v')} ORDER BY i) FROM unnest(?::VARCHAR[]) WITH ORDINALITY "
                        "AS t(v, i)", [texts]).fetchone()[0]
    assert [row_keys.key_of(t) for t in texts] == duck


def _batch(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows)


@pytest.fixture()
def conn() -> Any:
    c = duckdb.connect()
    migrate(c)
    yield c
    c.close()


def _truth(conn: Any, ids: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for rid, doc in conn.execute("SELECT rowid, doc_id FROM classifications WHERE list_contains(?, doc_id) "
                                 "ORDER BY rowid", [ids]).fetchall():
        out.setdefault(doc, []).append(rid)
    return out


def _found(conn: Any, ids: list[str]) -> dict[str, list[int]]:
    return {d: sorted(r) for d, r in row_keys.class_rows(conn, "memory.classifications", ids).items()}


def test_row_ids_are_the_doc_id_scans_rows(conn: Any) -> None:
    a, b = _colliding_pair(conn)
    at = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    rows = [classification(d, "1", "accept", at=at) for d in ("d1", "d2", "d3", a, b)]
    classification_rows.store(conn, _batch(rows), replace=False)
    # older code: rows without doc_key (INSERT BY NAME of its batch), for a stored and a new document
    old = _batch([classification("d2", "2a", "review", version="v-old"), classification("d4", "1", "reject")])
    conn.register("_old", old)
    conn.execute("INSERT INTO classifications BY NAME SELECT * FROM _old")
    keys = dict(conn.execute("SELECT doc_id || '|' || classifier_version, doc_key FROM classifications").fetchall())
    assert keys["d2|v-old"] is None and keys["d1|test-1"] is not None, "older code's rows have no key (else no test)"
    assert keys[f"{a}|test-1"] == keys[f"{b}|test-1"], "two documents share a key (else no test)"
    for ids in (["d1"], ["d2"], ["d4"], [a], [b], [a, "d3"], ["d1", "d2", "d4", b], ["nope"], []):
        assert _found(conn, ids) == _truth(conn, ids), ids
    # a reclassification (rows replaced: deleted, appended) and a checkpoint that may compact the row ids
    classification_rows.store(conn, _batch([classification("d1", "2b", "review", at=at), classification(
        a, None, "reject", at=at)]), replace=True)
    conn.execute("DELETE FROM classifications WHERE doc_id = 'd3'")
    conn.execute("CHECKPOINT")
    for ids in (["d1"], [a], [b], ["d1", "d2", "d3", "d4", a, b]):
        assert _found(conn, ids) == _truth(conn, ids), ids


def test_the_check_refuses_a_wrong_key(conn: Any) -> None:
    row = classification("d1", "1", "accept")
    conn.register("_one", _batch([row]))
    conn.execute(f"INSERT INTO classifications BY NAME SELECT *, {KEY.format('doc_id')} AS doc_key FROM _one")
    with pytest.raises(duckdb.ConstraintException):
        conn.execute(f"INSERT INTO classifications BY NAME SELECT *, {KEY.format('doc_id')} + 1 AS doc_key FROM _one")
    with pytest.raises(duckdb.ConstraintException):
        conn.execute("UPDATE classifications SET doc_id = 'd2'")  # its key would no longer be its doc_id's
    assert row_keys.has_column(conn, "classifications", row_keys.DOC_KEY)
    # the writer sets the key; a batch carrying a wrong one has it recomputed
    classification_rows.store(conn, _batch([{**classification("d5", "1", "accept"), "doc_key": 7}]), replace=False)
    assert conn.execute("SELECT count(*) FROM classifications WHERE doc_key IS NULL").fetchone() == (0,)


def test_the_migration_keys_every_row_and_the_lake_has_no_key(migrated: Paths) -> None:
    with open_writer(migrated, defer_lake=True) as writer:
        wrong = writer.conn.execute(f"SELECT count(*), count(*) FILTER (WHERE doc_key IS DISTINCT FROM "
                                    f"{KEY.format('doc_id')}) FROM classifications").fetchone()
        stories = writer.conn.execute(f"SELECT count(*), count(*) FILTER (WHERE story_key IS DISTINCT FROM "
                                      f"{KEY.format(row_keys.STORY_OF)}) FROM documents").fetchone()
    assert wrong is not None and wrong[0] > 0 and wrong[1] == 0
    assert stories is not None and stories[0] > 0 and stories[1] == 0
    conn = lake.open_reader(migrated)
    try:
        cols = set(conn.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?",
                                [lake.ALIAS]).fetchall())
    finally:
        conn.close()
    assert ("classifications", "doc_id") in cols and ("classifications", "doc_key") not in cols
    assert ("documents", "story_id") in cols and ("documents", "story_key") not in cols
    assert lake.verify(migrated) == {}


def _newer(doc_id: str, activity: str | None, decision: str, score: float) -> dict[str, Any]:
    return classification(doc_id, activity, decision, score=score, version="test-2",
                          at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))


def test_a_decision_after_unpublished_writes_shows_the_warehouses_rows(migrated: Paths) -> None:
    decide(migrated, "d06", "confirm", activity="2a", fmt="article")
    with open_writer(migrated, defer_lake=True):  # a decision: its delta file is published
        pass
    # writes the coverage file does not hear of (no key marked touched): older code's row without a key for d02,
    # a reclassification of d03 (its row replaced), some rows deleted, and a checkpoint
    with open_writer(migrated, defer_lake=True) as writer:
        writer.conn.register("_old", _batch([_newer("d02", "2a", "review", 0.41)]))
        writer.conn.execute("INSERT INTO classifications BY NAME SELECT * FROM _old")
        classification_rows.store(writer.conn, _batch([{**classification("d03", "2b", "review", score=0.44)}]),
                                  replace=True)
        writer.conn.execute("DELETE FROM classifications WHERE doc_id IN ('d07', 'd08')")
        writer.conn.execute("CHECKPOINT")
    stale = dict(_coverage(migrated, "SELECT doc_id, score FROM matches WHERE doc_id IN ('d02', 'd03')"))
    assert stale == {"d02": 0.91, "d03": 0.88}, "the coverage file has not seen the writes (else no test)"
    decide(migrated, "d01", "reject")  # story-wide: d01, d02 and d03 are re-derived from the warehouse
    with open_writer(migrated, defer_lake=True):
        pass
    # (d07 and d08 lost rows the coverage file was not told of: only the decided story is re-derived)
    story = MATCHES.replace("ORDER BY", "WHERE doc_id IN ('d01', 'd02', 'd03') ORDER BY")
    assert _coverage(migrated, story) == _warehouse(migrated, story)
    rows = {r[0]: r[1:] for r in _coverage(
        migrated, "SELECT doc_id, status, score, classifier_version FROM matches WHERE doc_id IN ('d02', 'd03')")}
    assert rows == {"d02": ("rejected", 0.41, "test-2"), "d03": ("rejected", 0.44, "test-1")}


def _doc(doc_id: str, story_id: str | None) -> dict[str, Any]:
    row = {k: v for k, v in document(doc_id, "2024-01-02").items() if k not in ("lead", "text")}
    return {**row, "story_id": story_id}


def _story_truth(conn: Any, keys: list[str]) -> list[tuple[str, int, str]]:
    return sorted(conn.execute("SELECT doc_id, rowid, COALESCE(story_id, doc_id) FROM documents WHERE "
                               "list_contains(?, COALESCE(story_id, doc_id))", [keys]).fetchall())


def test_story_members_are_the_story_id_scans_rows(conn: Any) -> None:
    a, b = _colliding_pair(conn, "s")
    docs = [_doc("d1", "s1"), _doc("d2", "s1"), _doc("d3", None), _doc("d4", "d3"), _doc("d5", a), _doc("d6", b),
            _doc(a, None)]
    keyed_rows.store(conn, "documents", pa.Table.from_pylist(docs), replace=False)
    assert conn.execute("SELECT count(*) FROM documents WHERE story_key IS NULL").fetchone() == (0,)
    # older code's rows (no key), a story moved by hand with its key emptied, one by the writer's statement
    conn.register("_old", pa.Table.from_pylist([_doc("d7", "s1"), _doc("d8", None)]))
    conn.execute("INSERT INTO documents BY NAME SELECT * FROM _old")
    conn.execute("UPDATE documents SET story_id = 's2', story_key = NULL WHERE doc_id = 'd2'")
    conn.register("_moved", pa.table({"doc_id": ["d1"], "story_id": ["s2"]}))
    conn.execute(sql.query("story_move"))
    # a replacement carrying a new story, and one without the column (the stored story and its key kept)
    keyed_rows.store(conn, "documents", pa.Table.from_pylist([_doc("d4", "s1")]), replace=True)
    keyed_rows.store(conn, "documents", pa.Table.from_pylist([{k: v for k, v in _doc("d5", None).items()
                                                               if k != "story_id"}]), replace=True)
    conn.execute("DELETE FROM documents WHERE doc_id = 'd3'")
    conn.execute("CHECKPOINT")
    for keys in (["s1"], ["s2"], ["d3"], ["d8"], [a], [b], [a, "s1", "d8"], ["none"]):
        assert sorted(row_keys.story_members(conn, "documents", keys)) == _story_truth(conn, keys), keys
        assert sorted(coverage_file._members(conn, "memory", keys)) == _story_truth(conn, keys), keys
    assert _story_truth(conn, ["s1"]) != [] and _story_truth(conn, [a]) != [] and _story_truth(conn, [b]) != []
    with pytest.raises(duckdb.ConstraintException):  # a story set without its key
        conn.execute("UPDATE documents SET story_id = 's3' WHERE doc_id = 'd1'")


def test_many_ids_or_scattered_rows_take_the_scans(conn: Any) -> None:
    docs = [_doc(f"m{i:03d}", f"s{i % 70}") for i in range(300)]
    keyed_rows.store(conn, "documents", pa.Table.from_pylist(docs), replace=False)
    keys = [f"s{i}" for i in range(70)]  # more than row_keys.FEW: the former statement
    assert row_keys.story_members(conn, "documents", keys) is None
    assert sorted(coverage_file._members(conn, "memory", keys)) == _story_truth(conn, keys)
    # rows without a key in more runs than keyfetch.MAX_RUNS (a row every 3,000): the scan again
    conn.execute("CREATE TABLE spread AS SELECT 'x' || i AS doc_id, CASE WHEN i % 3000 = 0 THEN NULL ELSE "
                 f"{KEY.format(chr(39) + 'x' + chr(39) + ' || i')} END AS doc_key FROM range(300000) t(i)")
    assert row_keys.class_rows(conn, "spread", ["x1"]) is None
    assert row_keys.class_rows(conn, "spread", []) == {}
