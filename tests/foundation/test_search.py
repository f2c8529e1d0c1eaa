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
    proc = _cli(searchable.snapshot, "DELETE FROM documents")
    assert proc.returncode != 0 and "read-only" in (proc.stderr + proc.stdout)


def test_duckdb_cli_full_text_search_with_the_bundled_extension(searchable):
    ext = fts_extension_path()
    assert ext, "duckdb-extension-fts is not installed"
    sql = (f"LOAD '{ext}'; SELECT doc_id FROM (SELECT *, fts_main_documents.match_bm25(doc_id, 'dao tao') AS s "
           "FROM documents) WHERE s IS NOT NULL")
    proc = _cli(searchable.snapshot, sql, "-csv", "-noheader")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["mn"]
