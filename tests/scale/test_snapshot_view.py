"""The snapshot's `documents` is a view over the publish copy's own tables (pipeline.doc_texts.publish_as_view):
readers see the columns, types and rows the former copy (doc_texts.materialize) wrote, search works, a republish
after changes shows them, a previous snapshot of the former form still lends its postings, and a document without
a text row is published and indexed by its title."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import doc_texts, duck, publish
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.warehouse import document, seed

WHOLE_POSTINGS = ("SELECT count(*), bit_xor(hash(doc_id, term, tf)) FROM (SELECT doc_id, term, count(*)::INTEGER AS tf "
                  "FROM (SELECT doc_id, unnest(fts_main_documents.tokenize(concat_ws(' ', title, lead, text))) AS term "
                  "FROM documents) GROUP BY ALL)")
SEARCH = ("SELECT doc_id FROM (SELECT doc_id, fts_main_documents.match_bm25(doc_id, ?) AS s FROM documents) "
          "WHERE s IS NOT NULL ORDER BY doc_id")


def _docs() -> list[dict[str, Any]]:
    first = document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Triển khai Đề án 33 năm 2022.")
    first["lead"] = "Tin ngắn về đào tạo"
    return [first,
            document("th", "2022-05-02", title="Giáo viên tiểu học", text="Bồi dưỡng thường xuyên."),
            document("hoa", "2022-05-03", title="Trường mầm non Hoà Bình", text="Lễ khai giảng.")]


def _shape(conn: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str, str]], set[str]]:
    cols = [(str(r[0]), str(r[1])) for r in conn.execute("DESCRIBE documents").fetchall()]
    return cols, {repr(r) for r in conn.execute("SELECT * FROM documents").fetchall()}  # (lists: not hashable)


def _former(paths: Paths, tmp_path: Path) -> tuple[list[tuple[str, str]], set[str]]:
    """`documents` as the former publish wrote it, from a copy of the warehouse as it is now."""
    copy = tmp_path / "former.duckdb"
    shutil.copyfile(paths.warehouse, copy)
    conn = duck.connect(copy)
    try:
        assert doc_texts.materialize(conn, publish._PUBLISHED_SEARCH_TEXT)
        return _shape(conn)
    finally:
        conn.close()
        copy.unlink()


def _snapshot(paths: Paths) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(str(paths.snapshot), read_only=True)
    publish.load_fts(conn)
    return conn


def _search(conn: duckdb.DuckDBPyConnection, words: str) -> list[str]:
    return [r[0] for r in conn.execute(SEARCH, [words]).fetchall()]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    tokenized: list[int] = []
    build = publish.build_search_index

    def counted(conn: duckdb.DuckDBPyConnection, previous: Path | None = None) -> int:
        tokenized.append(build(conn, previous))
        return tokenized[-1]

    monkeypatch.setattr(publish, "build_search_index", counted)
    return tokenized


def _check_index(conn: duckdb.DuckDBPyConnection) -> None:
    """The postings are exactly the tokenizer's derivation of the published documents, one length each."""
    assert conn.execute("SELECT count(*), bit_xor(hash(doc_id, term, tf)) FROM search_postings").fetchone() == \
        conn.execute(WHOLE_POSTINGS).fetchone()
    assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM search_docs").fetchone() == \
        conn.execute("SELECT count(*), count(*) FROM documents").fetchone()


def test_readers_see_the_former_documents_and_search_works(home: Paths, tmp_path: Path) -> None:
    seed(home, documents=_docs())
    former = _former(home, tmp_path)
    conn = _snapshot(home)
    try:
        assert doc_texts.is_view(conn, "planwatch")
        cols, rows = _shape(conn)
        assert cols == former[0] and cols[-1] == ("search_text", "VARCHAR")
        assert "story_key" not in dict(cols)  # the warehouse's lookup key stays out, as before
        assert rows == former[1] and len(rows) == 3
        assert _search(conn, "mam non") == ["hoa", "mn"]
        assert _search(conn, "tin ngan") == ["mn"]  # the lead is searched
        _check_index(conn)
    finally:
        conn.close()


def test_a_republish_after_changes_shows_them(home: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(home, documents=_docs())
    tokenized = _spy(monkeypatch)
    changed = document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Nội dung chuyenmuckiemtra mới.")
    with open_writer(home) as writer:
        writer.insert("documents", [changed, document("moi", "2022-06-01", title="Bài mới về mầm non")],
                      on_conflict="replace")
    # (Writer.insert keeps no index entry: the postings of the two unchanged documents are carried over from the
    # previous snapshot, a view too, and the changed and the new one tokenized in the copy)
    assert tokenized == [2]
    former = _former(home, tmp_path)
    conn = _snapshot(home)
    try:
        assert _shape(conn) == former and len(former[1]) == 4
        assert _search(conn, "chuyenmuckiemtra") == ["mn"]
        assert _search(conn, "de an 33") == []  # the replaced text is no longer searched
        assert _search(conn, "mam non") == ["hoa", "mn", "moi"]
        _check_index(conn)
    finally:
        conn.close()


def test_a_previous_snapshot_of_the_former_form_lends_its_postings(home: Paths, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A snapshot written by the former publish (`documents` a table) is the previous one of the first publish
    with the view: the postings of the documents the writer kept no entry for are carried over from it."""
    with monkeypatch.context() as m:
        m.setattr(doc_texts, "publish_as_view", doc_texts.materialize)  # the former publish
        seed(home, documents=_docs())
    conn = duckdb.connect(str(home.snapshot), read_only=True)
    try:
        assert not doc_texts.is_view(conn, "planwatch")
        kind = conn.execute("SELECT table_name FROM duckdb_tables() WHERE table_name = 'documents'").fetchall()
        assert kind == [("documents",)]
    finally:
        conn.close()
    wh = duckdb.connect(str(home.warehouse))
    try:
        # no entry kept by the writer: every posting from the previous snapshot
        wh.execute("DROP TABLE IF EXISTS search_index_docs")
        wh.execute("DROP TABLE IF EXISTS search_index_postings")
    finally:
        wh.close()
    tokenized = _spy(monkeypatch)
    publish.publish_snapshot(home)
    assert tokenized == [0]
    former = _former(home, tmp_path)
    conn = _snapshot(home)
    try:
        assert doc_texts.is_view(conn, "planwatch")
        assert _shape(conn) == former
        assert _search(conn, "mam non") == ["hoa", "mn"]
        _check_index(conn)
    finally:
        conn.close()


def test_a_document_without_a_text_row_is_published_and_indexed(home: Paths, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    seed(home, documents=_docs())
    wh = duckdb.connect(str(home.warehouse))
    try:
        wh.execute("DELETE FROM document_texts WHERE doc_id = 'hoa'")
        wh.execute("DROP TABLE IF EXISTS search_index_docs")  # every document indexed in the copy
        wh.execute("DROP TABLE IF EXISTS search_index_postings")
    finally:
        wh.close()
    home.snapshot.chmod(0o644)
    home.snapshot.unlink()
    tokenized = _spy(monkeypatch)
    publish.publish_snapshot(home)
    assert tokenized == [3]
    former = _former(home, tmp_path)
    conn = _snapshot(home)
    try:
        assert _shape(conn) == former
        assert conn.execute("SELECT lead, text FROM documents WHERE doc_id = 'hoa'").fetchall() == [(None, None)]
        assert _search(conn, "hoa binh") == ["hoa"]  # by its title
        assert _search(conn, "mam non") == ["hoa", "mn"]
        _check_index(conn)
    finally:
        conn.close()
