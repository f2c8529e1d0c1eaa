"""The term-driven BM25 query (data/sql/lake/search_query.sql, docs/decisions.md entry 20) gives the same
documents, scores and ranking as the query it replaced, on the snapshot file and on the lake; `top_bm25` is the
head of that ranking; and any lake publish brings the lake's query macros up to date."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pytest

from pipeline import duck, lake, lake_search
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths
from tests.foundation.helpers import query
from tests.support.warehouse import classification, document, seed

# the BM25 query until entry 20, word for word but for the macro's parameters: every matching posting kept in
# a CTE read twice (the frequencies, then the scores)
PREVIOUS = """
WITH tokens AS (SELECT DISTINCT unnest(fts_main_documents.tokenize($q)) AS term),
q AS (SELECT p.doc_id, p.term, p.tf FROM search_postings p WHERE p.term IN (SELECT term FROM tokens)),
df AS (SELECT term, count(*) AS df FROM q GROUP BY term),
stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM search_docs),
sub AS (SELECT q.doc_id, log((((stats.n - df.df) + 0.5) / (df.df + 0.5)) + 1)
               * ((q.tf * (1.2 + 1)) / (q.tf + (1.2 * ((1 - 0.75) + (0.75 * (d.len / stats.avgdl)))))) AS s
        FROM q JOIN df USING (term) JOIN search_docs d USING (doc_id), stats)
SELECT doc_id, sum(s) AS score FROM sub GROUP BY doc_id
HAVING NOT $conj OR count(*) = (SELECT count(*) FROM tokens)
ORDER BY score DESC, doc_id"""
SCORES = ("SELECT doc_id, score FROM fts_main_documents.bm25_scores($q, conjunctive := $conj) "
          "ORDER BY score DESC, doc_id")
MATCH = ("SELECT doc_id, score FROM (SELECT doc_id, fts_main_documents.match_bm25(doc_id, $q, conjunctive := $conj) "
         "AS score FROM documents) WHERE score IS NOT NULL ORDER BY score DESC, doc_id")
TOP = "SELECT doc_id, score FROM fts_main_documents.top_bm25($q, top := $top, conjunctive := $conj)"
WORDS = ["giáo", "viên", "mầm", "non", "đào", "tạo", "đề", "án", "33", "trường", "học", "sinh", "bồi", "dưỡng",
         "Hà", "Giang", "khai", "giảng", "năm", "2022", "kế", "hoạch", "phóng", "sự"]
QUERIES = [("giao vien mam non dao tao", 0), ("Đào tạo giáo viên", 1), ("de an 33", 0), ("de an 33", 1),
           ("mầm non", 0), ("ha giang khai giang", 0), ("phong su ke hoach 2022", 1), ("khong co tu nay", 0),
           ("non non mam", 0), ("", 0)]


@pytest.fixture
def searchable(home: Paths) -> Paths:
    """70 documents of random lengths over a small vocabulary: many documents per term, scores that differ."""
    rng = random.Random(20)
    docs = []
    for n in range(70):
        words = rng.choices(WORDS, k=rng.randint(3, 60))
        docs.append(document(f"d{n:02d}", "2022-05-01", title=" ".join(words[:4]), text=" ".join(words[4:])))
    seed(home, documents=docs, classifications=[classification(d["doc_id"], "2b", "accept") for d in docs])
    return home


@contextmanager
def _lake_writer(paths: Paths) -> Iterator[duckdb.DuckDBPyConnection]:
    conn = duck.connect()
    try:
        lake.attach(conn, paths, read_only=False)
        conn.execute("SET preserve_insertion_order = false")
        yield conn
    finally:
        conn.close()


def _same(got: list[tuple], expected: list[tuple]) -> None:
    assert [d for d, _ in got] == [d for d, _ in expected]
    assert [round(s, 9) for _, s in got] == [round(s, 9) for _, s in expected]


def _check(paths: Paths) -> None:
    for q, conj in QUERIES:
        expected = query(paths, PREVIOUS, {"q": q, "conj": conj})  # type: ignore[arg-type]
        assert expected or q in ("khong co tu nay", ""), q
        _same(query(paths, SCORES, {"q": q, "conj": conj}), expected)  # type: ignore[arg-type]
        _same(query(paths, MATCH, {"q": q, "conj": conj}), expected)  # type: ignore[arg-type]
        for top in (1, 5, 20, 500):
            _same(query(paths, TOP, {"q": q, "conj": conj, "top": top}), expected[:top])  # type: ignore[arg-type]


def test_scores_equal_the_previous_query_on_the_snapshot(searchable: Paths) -> None:
    _check(searchable)


def test_scores_equal_the_previous_query_on_the_lake(searchable: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    assert lake.migrate_warehouse(searchable)["problems"] == {}
    _check(searchable)


def test_a_publish_brings_the_lake_query_macros_up_to_date(searchable: Paths,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A lake made by older code has older macros (here: no top_bm25 at all), and older code re-creates its own at
    its next job without knowing of `lake_meta`'s key: a publish that indexes no document re-creates them, once."""
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    assert lake.migrate_warehouse(searchable)["problems"] == {}
    with _lake_writer(searchable) as conn:
        conn.execute(f"DROP MACRO TABLE {lake.ALIAS}.fts_main_documents.top_bm25")
        conn.execute(f"UPDATE {lake.ALIAS}.lake_meta SET value = 'older' WHERE key = 'search_query'")
    with pytest.raises(Exception, match="top_bm25"):
        query(searchable, TOP, {"q": "mam non", "conj": 0, "top": 3})  # type: ignore[arg-type]
    lake.publish(searchable, {})
    assert len(query(searchable, TOP, {"q": "mam non", "conj": 0, "top": 3})) == 3  # type: ignore[arg-type]
    with _lake_writer(searchable) as conn:
        assert lake_search.ensure_query(conn, lake.ALIAS) is False
        conn.execute(f"USE {lake.ALIAS}")  # older code's job: its own bm25_scores, the key left as it was
        conn.execute("CREATE OR REPLACE MACRO fts_main_documents.bm25_scores(query_string, k := 1.2, b := 0.75, "
                     "conjunctive := 0) AS TABLE SELECT 'older' AS doc_id, 1.0 AS score")
    assert query(searchable, TOP, {"q": "mam non", "conj": 0, "top": 3}) == [("older", 1.0)]  # type: ignore[arg-type]
    lake.publish(searchable, {})
    _same(query(searchable, TOP, {"q": "mam non", "conj": 0, "top": 3}),  # type: ignore[arg-type]
          query(searchable, PREVIOUS, {"q": "mam non", "conj": 0})[:3])  # type: ignore[arg-type]
    with open_snapshot(searchable) as conn:
        assert conn.execute("SELECT count(*) FROM lake_meta WHERE key = 'search_query'").fetchone() == (1,)
