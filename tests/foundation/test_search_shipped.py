"""The search tokens and MD5s computed in the worker processes (pipeline.search_tokens.shipped, issue 16: the
writer's CPU): the writer's index made from them is the one it makes itself, row for row and in the same order."""

from __future__ import annotations

import unicodedata

import duckdb
import pytest

from pipeline import search_kept, search_tokens
from tests.foundation.test_search_postings import DOCS, SAMPLES
from tests.support.warehouse import document


def _empty() -> dict:
    row = document("empty", "2022-05-04", text="  ")
    row["title"] = ""  # (the helper's default title otherwise)
    return row


# the test module's documents, and some with no term at all, odd spaces, NFD text and characters outside the table
MORE = [*DOCS, _empty(),
        document("odd", "2022-05-05", title="giáo\u00a0viên mầm non", text="\ufeffmầm non a\u2003b"),
        *(document(f"s{i}", "2022-05-06", title=t, text=unicodedata.normalize("NFD", t))
          for i, t in enumerate(SAMPLES))]


def _tables(home) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The writer's two tables in their stored order."""
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        return (conn.execute(f"SELECT * FROM {search_kept.POSTINGS} ORDER BY rowid").fetchall(),
                conn.execute(f"SELECT * FROM {search_kept.DOCS} ORDER BY rowid").fetchall())
    finally:
        conn.close()


def _store(home, docs, shipped=None) -> int:
    from pipeline.store import open_writer

    with open_writer(home) as writer:
        writer.insert("documents", docs, on_conflict="replace")
        writer.index_documents(docs, shipped)
    return writer.search_indexed


@pytest.mark.parametrize("with_tokens", [True, False])
def test_the_workers_entries_give_the_writers_own_index(home, tmp_path, monkeypatch, with_tokens):
    from planwatch.config import Paths

    shipped = search_tokens.shipped(MORE, search_tokens.tokens() if with_tokens else None)
    assert all(entry[0] == search_tokens.search_md5(d["title"], d["lead"], d["text"])
               for d, entry in zip(MORE, shipped.values(), strict=True))
    if with_tokens:  # a text with a character outside the table comes without tokens (the writer asks the SQL)
        assert shipped["ru"][1:] == (None, None, None) and shipped["mn"][2] is not None
        assert shipped["empty"][1:] == (0, "", b"")
    assert _store(home, MORE, shipped) == len(MORE)
    other = Paths(tmp_path / "own").ensure()
    monkeypatch.setenv("PLANWATCH_HOME", str(other))
    assert _store(other, MORE) == len(MORE)
    assert _tables(home) == _tables(other)
    assert len(_tables(home)[0]) > 100


def test_a_shipped_md5_of_the_stored_text_tokenizes_nothing(home, monkeypatch):
    calls: list[int] = []
    real = search_tokens.postings_of_joined
    monkeypatch.setattr(search_tokens, "postings_of_joined", lambda t, m: calls.append(len(t)) or real(t, m))
    assert _store(home, MORE) == len(MORE)
    before = _tables(home)
    md5_only = search_tokens.shipped(MORE, None)
    assert _store(home, MORE, md5_only) == 0  # the same texts: neither hashed nor tokenized here
    changed = document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Bồi dưỡng hè.")
    assert _store(home, [changed], search_tokens.shipped([changed], None)) == 1  # tokenized here
    assert calls == [len(MORE), 1]
    assert _tables(home) != before


def test_a_crawls_workers_get_the_table_and_a_reprocess_ships_md5s(tmp_path, monkeypatch):
    from pipeline import workers

    monkeypatch.delenv("PLANWATCH_LAKE", raising=False)
    crawl = workers.context(tmp_path, "r", [], [], tokens=True)
    reprocess = workers.context(tmp_path, "r", [], [], reuse=True)
    assert crawl.search is not None and reprocess.search is None
    docs = MORE[:3]
    assert workers.search_entries(crawl, docs) == search_tokens.shipped(docs, search_tokens.tokens())
    assert workers.search_entries(reprocess, docs) == {}
    monkeypatch.setenv("PLANWATCH_LAKE", "sqlite")  # the lake's publish indexes: the workers do not tokenize
    assert workers.context(tmp_path, "r", [], [], tokens=True).search is None


def test_the_postings_table_refuses_terms_that_do_not_fit_their_counts():
    entry = search_tokens.Postings("m", 3, {"a": 2, "b": 1})
    good = ("d", "m", 3, *search_tokens.packed(entry))
    assert search_kept.postings_table([good]).to_pylist() == [{"doc_id": "d", "term": "a", "tf": 2},
                                                            {"doc_id": "d", "term": "b", "tf": 1}]
    with pytest.raises(ValueError):
        search_kept.postings_table([("d", "m", 3, "a b c", good[4])])


def test_documents_stored_again_with_their_title_and_text_are_left_to_the_publishs_check(home, monkeypatch):
    """A reprocess's unchanged documents (pipeline.ingest.same_content) are not hashed by the writer; one whose
    lead alone changed keeps its old entry, which the publish finds stale (search_adopt.sql) and tokenizes."""
    from pipeline.ingest import store_documents
    from pipeline.store import open_writer
    from tests.foundation.helpers import query
    from tests.foundation.test_search import _tokenized
    from tests.foundation.test_search_postings import SEARCH, _index_is_whole
    from tests.foundation.test_search_postings import stored_doc as doc

    counts = _tokenized(monkeypatch)
    first = [doc("a", "Đào tạo giáo viên mầm non", "Triển khai Đề án 33."), doc("b", "Hội thi", "Bé khỏe, bé ngoan.")]
    with open_writer(home) as writer:
        store_documents(writer, first, [])
        assert writer.search_indexed == 2
    hashed: list[str] = []
    real = search_tokens.joined_md5
    monkeypatch.setattr(search_tokens, "joined_md5", lambda t: hashed.append(t) or real(t))
    again = [first[0], doc("b", "Hội thi", "Bé khỏe, bé ngoan.", lead="Sân chơi bổ ích")]
    with open_writer(home) as writer:
        store_documents(writer, again, [])
        assert writer.search_indexed == 0  # neither hashed nor tokenized by the writer
    assert hashed == []
    assert counts == [0, 1]  # the publish tokenized "b", whose entry no longer matched its text
    _index_is_whole(home)
    assert query(home, SEARCH, ["san choi"]) == [("b",)]
