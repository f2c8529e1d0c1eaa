"""Full-text search on the published snapshot, accent-insensitive (đ included), and the duckdb CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline.publish import fts_extension_path
from tests.foundation.helpers import query
from tests.support.warehouse import classification, document, seed

DUCKDB_CLI = str(Path(sys.executable).with_name("duckdb"))
SEARCH = ("SELECT doc_id FROM (SELECT *, fts_main_documents.match_bm25(doc_id, ?, conjunctive := 1) AS s "
          "FROM documents) WHERE s IS NOT NULL ORDER BY s DESC, doc_id")


@pytest.fixture
def searchable(home):
    seed(home, documents=[
        document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Triển khai Đề án 33 năm 2022."),
        document("th", "2022-05-02", title="Giáo viên tiểu học", text="Bồi dưỡng thường xuyên."),
        document("hoa", "2022-05-03", title="Trường mầm non Hoà Bình", text="Lễ khai giảng."),
    ], classifications=[classification(d, "2b", "accept") for d in ("mn", "th", "hoa")])
    return home


@pytest.mark.parametrize(("words", "expected"), [
    ("mam non", ["hoa", "mn"]),
    ("mầm non", ["hoa", "mn"]),
    ("MẦM NON", ["hoa", "mn"]),
    ("dao tao", ["mn"]),          # đ is folded too (strip_accents alone leaves it)
    ("Đào tạo", ["mn"]),
    ("de an 33", ["mn"]),         # digits are indexed
    ("giao vien", ["mn", "th"]),
    ("hoa binh", ["hoa"]),
    ("hòa bình", ["hoa"]),        # new-style tone placement finds old-style "Hoà"
    ("trung hoc", []),
])
def test_accent_insensitive_search(searchable, words, expected):
    got = [r[0] for r in query(searchable, SEARCH, [words])]
    assert sorted(got) == expected


def test_nfd_query_finds_nfc_text(searchable):
    nfd = unicodedata.normalize("NFD", "mầm non")
    assert sorted(r[0] for r in query(searchable, SEARCH, [nfd])) == ["hoa", "mn"]


def test_the_documented_query_form_works(searchable):
    rows = query(searchable, "SELECT * FROM (SELECT *, fts_main_documents.match_bm25(doc_id, 'mam non') AS s "
                             "FROM documents) WHERE s IS NOT NULL")
    assert len(rows) == 2


def test_the_index_lives_only_in_the_snapshot(searchable):
    import duckdb

    with duckdb.connect(str(searchable.warehouse), read_only=True) as conn:
        schemas = {r[0] for r in conn.execute("SELECT schema_name FROM duckdb_schemas()").fetchall()}
        cols = {r[0] for r in conn.execute("DESCRIBE documents").fetchall()}
    assert "fts_main_documents" not in schemas and "search_text" not in cols


def _cli(snapshot: Path, sql: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DUCKDB_CLI, "-readonly", *extra, str(snapshot), "-c", sql],
                          capture_output=True, text=True, timeout=60)


def test_duckdb_cli_opens_the_snapshot_read_only(searchable):
    proc = _cli(searchable.snapshot, "SELECT activity, format, actual FROM coverage WHERE actual > 0", "-json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"activity": "2b", "format": "article", "actual": 3}]
    proc = _cli(searchable.snapshot, "DELETE FROM sources")  # (a base table: coverage and documents are views)
    assert proc.returncode != 0 and "read-only" in (proc.stderr + proc.stdout)
    # (`documents` is a view over the snapshot's tables, pipeline.doc_texts.publish_as_view: refused before the
    # file's read-only mode is reached, and its tables are refused as above)
    for table in ("documents", "document_fields", "document_texts"):
        proc = _cli(searchable.snapshot, f"DELETE FROM {table}")
        assert proc.returncode != 0, table


def test_duckdb_cli_full_text_search_with_the_bundled_extension(searchable):
    ext = fts_extension_path()
    assert ext, "duckdb-extension-fts is not installed"
    sql = (f"LOAD '{ext}'; SELECT doc_id FROM (SELECT *, fts_main_documents.match_bm25(doc_id, 'dao tao') AS s "
           "FROM documents) WHERE s IS NOT NULL")
    proc = _cli(searchable.snapshot, sql, "-csv", "-noheader")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["mn"]


WHOLE = ("SELECT doc_id, term, count(*)::INTEGER FROM (SELECT doc_id, unnest(fts_main_documents.tokenize("
         "concat_ws(' ', title, lead, text))) AS term FROM documents) GROUP BY ALL")
LENGTHS = "SELECT doc_id, len(fts_main_documents.tokenize(concat_ws(' ', title, lead, text))) FROM documents"


def _tokenized(monkeypatch) -> list[int]:
    """Record how many documents each publish tokenized (the rest were carried over from the old snapshot)."""
    from pipeline import publish

    counts: list[int] = []
    real = publish.build_search_index

    def spy(conn, previous=None):
        counts.append(real(conn, previous))
        return counts[-1]

    monkeypatch.setattr(publish, "build_search_index", spy)
    return counts


def _index_is_whole(home) -> None:
    for a, b in ((WHOLE, "FROM search_postings"), ("FROM search_postings", WHOLE)):
        assert query(home, f"SELECT count(*) FROM ({a} EXCEPT ALL {b})") == [(0,)]
    assert sorted(query(home, "FROM search_docs")) == sorted(query(home, LENGTHS))


def test_a_publish_tokenizes_only_the_documents_whose_text_changed(searchable, monkeypatch):
    from pipeline import publish
    from pipeline.store import open_writer

    counts = _tokenized(monkeypatch)
    monkeypatch.setattr(publish, "_MIN_PART", 1)
    monkeypatch.setenv("PLANWATCH_DUCKDB_THREADS", "2")
    with open_writer(searchable) as writer:  # one text changed, one document new, "hoa" and "mn" as they were
        writer.insert("documents", [document("th", "2022-05-02", title="Giáo viên tiểu học", text="Đổi mới dạy học."),
                                    document("new", "2022-05-04", title="Mầm non Lai Châu", text="Tập huấn.")],
                      on_conflict="replace")
    assert counts == [2]
    _index_is_whole(searchable)
    assert sorted(query(searchable, SEARCH, ["mam non"])) == [("hoa",), ("mn",), ("new",)]
    assert query(searchable, SEARCH, ["boi duong"]) == []  # the old text of "th" is no longer indexed
    assert query(searchable, SEARCH, ["doi moi"]) == [("th",)]
    with open_writer(searchable):  # nothing changed: nothing tokenized, the index the same
        pass
    assert counts == [2, 0]
    _index_is_whole(searchable)


def test_an_index_built_under_other_rules_is_not_carried_over(searchable, monkeypatch):
    from pipeline import publish
    from pipeline.store import open_writer

    counts = _tokenized(monkeypatch)
    monkeypatch.setattr(publish, "_rules", lambda: "search-v0:other")
    monkeypatch.setattr(publish, "_MIN_PART", 1)  # the documents tokenized on several cursors at once
    monkeypatch.setenv("PLANWATCH_DUCKDB_THREADS", "3")
    with open_writer(searchable):
        pass
    assert counts == [3]
    _index_is_whole(searchable)


def test_a_damaged_previous_snapshot_is_indexed_again(searchable, monkeypatch):
    import os

    from pipeline.store import open_writer

    counts = _tokenized(monkeypatch)
    os.chmod(searchable.snapshot, 0o644)
    searchable.snapshot.write_bytes(b"not a database" * 100)
    with open_writer(searchable):
        pass
    assert counts == [3]
    _index_is_whole(searchable)
    assert sorted(query(searchable, SEARCH, ["mam non"])) == [("hoa",), ("mn",)]
