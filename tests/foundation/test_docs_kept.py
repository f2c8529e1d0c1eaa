"""The snapshot's `documents` kept in the warehouse by the writer (pipeline.docs_kept, docs/decisions.md entry 25):
after any job the kept table equals a fresh join of `documents` and `document_texts` (every column, the search
text, the row order), the publish renames it instead of joining again, and whatever it cannot trust is joined as
before."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline import doc_texts, docs_kept, publish
from tests.foundation.helpers import query
from tests.support.warehouse import document

POSITIONED = "SELECT row_number() OVER () AS n, * FROM {}"
MATERIALIZE = doc_texts.materialize  # (the reference; the publish's is spied on)


def _docs() -> list[dict]:
    return [document("a", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Triển khai Đề án 33."),
            document("b", "2022-05-02", title="Hội thi bé khỏe", text="Bé khỏe, bé ngoan."),
            document("c", "2022-05-03", title="Giáo viên tiểu học", text="Hợp tác với Москва.")]


@pytest.fixture
def joins(monkeypatch) -> list[int]:
    """How many times the publish joined `documents` again (doc_texts.materialize) instead of renaming."""
    calls: list[int] = []
    def spy(conn, extra=""):
        calls.append(1)
        return MATERIALIZE(conn, extra)

    monkeypatch.setattr(doc_texts, "materialize", spy)
    return calls


def _fresh_join(home, tmp_path) -> str:
    """A copy of the warehouse with `documents` joined whole by materialize (the reference); its path."""
    copy = tmp_path / "reference.duckdb"
    shutil.copyfile(home.warehouse, copy)
    conn = duckdb.connect(str(copy))
    try:
        conn.execute(f"DROP TABLE IF EXISTS {docs_kept.TABLE}")
        assert MATERIALIZE(conn, publish._PUBLISHED_SEARCH_TEXT)
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    return str(copy)


def _same(conn: duckdb.DuckDBPyConnection, a: str, b: str) -> None:
    """Tables a and b: the same columns and types, the same rows at the same positions."""
    q = ("SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND table_name = ? "
         "ORDER BY column_index")
    (da, ta), (db, tb) = a.split("."), b.split(".")
    assert conn.execute(q, [da, ta]).fetchall() == conn.execute(q, [db, tb]).fetchall()
    for x, y in ((a, b), (b, a)):
        assert conn.execute(f"SELECT count(*) FROM ({POSITIONED.format(x)} EXCEPT ALL {POSITIONED.format(y)})"
                            ).fetchone() == (0,), (x, y)
    assert conn.execute(f"SELECT count(*) FROM {a}").fetchone() == conn.execute(f"SELECT count(*) FROM {b}").fetchone()


def _check(home, tmp_path, *, kept: bool | None = True) -> None:
    """The snapshot's `documents` is the reference join; with `kept`, so is the warehouse's kept table (False:
    there is none; None: not looked at)."""
    conn = duckdb.connect()
    try:
        conn.execute(f"ATTACH '{_fresh_join(home, tmp_path)}' AS ref (READ_ONLY)")
        conn.execute(f"ATTACH '{home.snapshot}' AS snap (READ_ONLY)")
        conn.execute(f"ATTACH '{home.warehouse}' AS wh (READ_ONLY)")
        _same(conn, "ref.documents", "snap.documents")
        has = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'wh' AND table_name = ?",
                           [docs_kept.TABLE]).fetchone() == (1,)
        assert has == kept or kept is None
        if kept:
            _same(conn, "ref.documents", f"wh.{docs_kept.TABLE}")
        tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'snap'"
                                             ).fetchall()}
        assert docs_kept.TABLE not in tables and doc_texts.TABLE not in tables
        assert conn.execute("SELECT comment FROM duckdb_tables() WHERE database_name = 'snap' "
                            "AND table_name = 'documents'").fetchone() == (None,)
    finally:
        conn.close()


def _store(home, docs, *, replace: bool = True) -> None:
    from pipeline.store import open_writer

    with open_writer(home) as writer:
        writer.insert("documents", docs, on_conflict="replace" if replace else "ignore")


def test_the_kept_table_follows_inserts_replaces_and_moves(home, tmp_path, joins):
    from pipeline.store import open_writer
    from pipeline.story_store import _move

    docs = _docs()
    _store(home, docs)
    _check(home, tmp_path)
    changed = document("b", "2022-05-02", title="Hội thi bé khỏe", text="Bé khỏe, bé chăm.")
    _store(home, [changed, document("d", "2022-05-04", text="Bài mới.")])  # b replaced (moves to the end), d new
    _check(home, tmp_path)
    assert query(home, "SELECT doc_id FROM documents") == [("a",), ("c",), ("b",), ("d",)]
    assert query(home, "SELECT text FROM documents WHERE doc_id = 'b'") == [("Bé khỏe, bé chăm.",)]
    _store(home, [document("a", "2022-05-01", text="Không thay."), document("e", None)], replace=False)
    _check(home, tmp_path)  # a kept its stored row, e appended
    with open_writer(home) as writer:  # a story move (pipeline.story_store): in place, the kept row follows
        _move(writer.conn, {"c": "s-a", "d": "s-a"})
        writer.mark_touched("documents", ["c", "d"])
    _check(home, tmp_path)
    assert query(home, "SELECT doc_id FROM documents WHERE story_id = 's-a' ORDER BY 1") == [("a",), ("c",), ("d",)]
    assert not joins  # every publish renamed the kept table


def test_a_move_not_reported_is_caught_and_joined_again(home, tmp_path, joins):
    from pipeline.store import open_writer
    from pipeline.story_store import _move

    _store(home, _docs())
    with open_writer(home) as writer:
        _move(writer.conn, {"c": "s-a"})  # the writer was not told: its kept row is stale, dropped
    assert len(joins) == 1
    _check(home, tmp_path, kept=False)
    _store(home, [document("d", None)])  # built whole again by the next store
    assert len(joins) == 1
    _check(home, tmp_path)


def test_a_crash_between_the_stores_or_a_write_behind_the_writers_back_is_joined_again(home, tmp_path, joins,
                                                                                     monkeypatch):
    from pipeline.store import open_writer

    _store(home, _docs())
    with monkeypatch.context() as m:  # the job dies after storing documents, before the kept rows
        m.setattr(docs_kept, "store", lambda conn, ids: (_ for _ in ()).throw(RuntimeError("killed")))
        with pytest.raises(RuntimeError), open_writer(home) as writer:
            writer.insert("documents", [document("b", "2022-05-02", text="Đổi.")], on_conflict="replace")
    with open_writer(home):  # a job that stores nothing publishes: the stale table is not used
        pass
    assert len(joins) == 1
    _check(home, tmp_path, kept=False)
    _store(home, [document("f", None)])  # the next store builds it whole again
    assert len(joins) == 1
    _check(home, tmp_path)
    conn = duckdb.connect(str(home.warehouse))  # behind the writer's back (as bench_pipeline's grown copies)
    try:
        conn.execute("DELETE FROM documents WHERE doc_id = 'a'")
    finally:
        conn.close()
    with open_writer(home):
        pass
    assert len(joins) == 2
    _check(home, tmp_path, kept=False)


def test_a_publish_by_other_code_checks_the_kept_table(home, tmp_path, joins):
    """publish_snapshot called without the writer (bench_pipeline's grown copies): the checksum is taken there."""
    from pipeline.publish import publish_snapshot

    _store(home, _docs())
    publish_snapshot(home)
    assert not joins
    _check(home, tmp_path)
    conn = duckdb.connect(str(home.warehouse))
    try:
        conn.execute("UPDATE documents SET title = 'Khác' WHERE doc_id = 'b'")
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    publish_snapshot(home)
    assert len(joins) == 1
    assert query(home, "SELECT title FROM documents WHERE doc_id = 'b'") == [("Khác",)]
    _check(home, tmp_path, kept=None)  # (the warehouse's stale table is dropped by its next writer)


def test_a_job_that_does_not_keep_it_drops_it(home, tmp_path, joins, monkeypatch):
    from pipeline.store import open_writer

    _store(home, _docs())
    with open_writer(home, publish=False) as writer:
        writer.insert("documents", [document("b", "2022-05-02", text="Đổi.")], on_conflict="replace")
        assert not docs_kept.exists(writer.conn)
    with open_writer(home):
        pass
    assert len(joins) == 1
    _check(home, tmp_path, kept=False)
    with monkeypatch.context() as m:  # made of other columns than the warehouse's now (a migration): joined
        m.setattr(docs_kept, "_fingerprint", lambda conn: "published-documents-v0:other")
        _store(home, [document("g", None)])
    assert len(joins) == 1
    with open_writer(home):
        pass
    assert len(joins) == 2
    _check(home, tmp_path, kept=False)
    _store(home, [document("h", None)])  # then built again
    assert len(joins) == 2
    _check(home, tmp_path)


def test_store_documents_keeps_it(home, tmp_path, joins):
    from pipeline.extract import content_hash
    from pipeline.ingest import store_documents
    from pipeline.store import open_writer

    def doc(doc_id: str, title: str, text: str) -> dict:
        row = document(doc_id, "2022-06-02", title=title, text=text)
        row["content_hash"], row["story_id"] = content_hash(title, text), None
        return row

    first = [doc("a", "Đào tạo giáo viên mầm non", "Triển khai Đề án 33 tại các trường mầm non trong tỉnh."),
             doc("b", "Hội thi", "Bé khỏe, bé ngoan.")]
    with open_writer(home) as writer:
        store_documents(writer, first, [])
    _check(home, tmp_path)
    with open_writer(home) as writer:  # the same text again: a copy in a's story, a moved or not
        store_documents(writer, [doc("c", "Đào tạo giáo viên mầm non",
                                     "Triển khai Đề án 33 tại các trường mầm non trong tỉnh.")], [])
    _check(home, tmp_path)
    assert not joins
