"""`documents`, `stories` and `fetch_log` have no primary key since migration 014 (pipeline/keyed_rows.py): the
writer keeps one row per key through new, ignored, replaced (columns the batch does not carry keep their stored
values, as OR REPLACE did), repeated and rolled-back loads; a story's representative is updated in place and keeps
its created_at. (The migration itself: tests/scale/test_document_texts.py.)"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipeline import story_store
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.warehouse import document

DOCS = "SELECT doc_id, title, story_id, run_id FROM documents ORDER BY 1"
TEXTS = "SELECT doc_id, text FROM document_texts ORDER BY 1"


def _read(home: Paths, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        return conn.execute(query).fetchall()


def test_the_writer_keeps_one_document_row_per_key(home: Paths) -> None:
    a, b = document("a", "2022-05-01", title="A"), document("b", "2022-05-02", title="B")
    with open_writer(home, publish=False) as writer:
        writer.insert("documents", [a, b])
        writer.insert("documents", [{**a, "title": "A2", "text": "mới"}])  # ignore: the stored row and text kept
        assert writer.conn.execute(DOCS).fetchall() == [("a", "A", "s-a", "test"), ("b", "B", "s-b", "test")]
    with open_writer(home, publish=False) as writer:  # replace without story_id and run_id: those are kept
        partial = {k: v for k, v in {**a, "title": "A3", "text": "lại"}.items() if k not in ("story_id", "run_id")}
        writer.insert("documents", [partial], on_conflict="replace")
    assert _read(home, DOCS) == [("a", "A3", "s-a", "test"), ("b", "B", "s-b", "test")]
    assert _read(home, TEXTS) == [("a", "lại"), ("b", "Nội dung bài viết.")]
    c = document("c", "2022-05-03", title="C1")
    with open_writer(home, publish=False) as writer:  # one key twice in a batch: the first, or with replace the last
        writer.insert("documents", [c, {**c, "title": "C2"}])
        assert writer.conn.execute("SELECT title FROM documents WHERE doc_id = 'c'").fetchall() == [("C1",)]
        writer.insert("documents", [{**c, "title": "C3"}, {**c, "title": "C4", "text": "cuối"}], on_conflict="replace")
        assert writer.conn.execute("SELECT title FROM documents WHERE doc_id = 'c'").fetchall() == [("C4",)]
    with open_writer(home, publish=False) as writer:  # inside the caller's transaction: rolled back with it
        writer.conn.execute("BEGIN")
        writer.insert("documents", [{**b, "title": "B2"}, document("d", "2022-05-04")], on_conflict="replace")
        writer.conn.execute("ROLLBACK")
    assert _read(home, DOCS) == [("a", "A3", "s-a", "test"), ("b", "B", "s-b", "test"), ("c", "C4", "s-c", "test")]
    assert _read(home, TEXTS) == [("a", "lại"), ("b", "Nội dung bài viết."), ("c", "cuối")]
    keyed = _read(home, "SELECT table_name FROM duckdb_constraints() WHERE constraint_type IN "
                        "('PRIMARY KEY', 'UNIQUE') AND table_name IN ('documents', 'stories', 'fetch_log')")
    indexes = _read(home, "SELECT index_name FROM duckdb_indexes() WHERE table_name IN "
                          "('documents', 'stories', 'classifications')")
    assert keyed == [] and indexes == []


def test_a_story_representative_is_updated_in_place_or_added(home: Paths) -> None:
    import pyarrow as pa

    old = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
    now = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    with open_writer(home, publish=False) as writer:
        writer.insert("stories", [{"story_id": "s1", "first_doc_id": "a", "created_at": old}])
        writer.insert("stories", [{"story_id": "s1", "first_doc_id": "z", "created_at": now}])  # ignore
        reps = pa.table({"story_id": ["s1", "s2"], "first_doc_id": ["b", "c"], "created_at": [now, now]})
        story_store.upsert_representatives(writer.conn, reps)
        story_store.upsert_representatives(writer.conn, reps)  # again: nothing changes
        story_store.upsert_representatives(writer.conn, reps.slice(1))  # stored ones only
        story_store.upsert_representatives(writer.conn, pa.table({"story_id": ["s3"], "first_doc_id": ["d"],
                                                                  "created_at": [now]}))  # none stored
    assert _read(home, "SELECT story_id, first_doc_id, created_at FROM stories ORDER BY 1") == [
        ("s1", "b", old), ("s2", "c", now), ("s3", "d", now)]


def test_many_stored_representatives_go_through_a_semi_join(home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow as pa

    from pipeline import keyfetch

    old = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
    now = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    monkeypatch.setattr(keyfetch, "INLINE_MAX", 1)
    with open_writer(home, publish=False) as writer:
        writer.insert("stories", [{"story_id": s, "first_doc_id": "a", "created_at": old} for s in ("s1", "s2")])
        story_store.upsert_representatives(writer.conn, pa.table({
            "story_id": ["s1", "s2", "s3"], "first_doc_id": ["b", "a", "c"], "created_at": [now, now, now]}))
    assert _read(home, "SELECT story_id, first_doc_id, created_at FROM stories ORDER BY 1") == [
        ("s1", "b", old), ("s2", "a", old), ("s3", "c", now)]


def test_a_fetch_is_logged_once(home: Paths) -> None:
    at = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    fetch = {"fetch_id": "f1", "run_id": "r1", "url": "http://127.0.0.1/a", "status": 200, "fetched_at": at}
    with open_writer(home, publish=False) as writer:
        writer.insert("fetch_log", [fetch, {**fetch, "fetch_id": "f2"}])
        writer.insert("fetch_log", [{**fetch, "status": 500}, {**fetch, "fetch_id": "f3"}], on_conflict="ignore")
    assert _read(home, "SELECT fetch_id, status FROM fetch_log ORDER BY 1") == [("f1", 200), ("f2", 200), ("f3", 200)]
