"""The writer's search postings (pipeline.search_tokens, pipeline.search_kept): the same tokens as the SQL
tokenizer, kept in the warehouse while the job runs, and a published index identical to one the SQL builds alone."""

from __future__ import annotations

import json
import random
import unicodedata
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from pipeline import lake_search, search_tokens
from pipeline.search_tokens import KNOWN_RANGES
from tests.foundation.helpers import query
from tests.foundation.test_search import LENGTHS, SEARCH, WHOLE, _tokenized
from tests.support.warehouse import document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLES = [
    "Đào tạo giáo viên mầm non", "ĐÀO TẠO GIÁO VIÊN MẦM NON", "Trường mầm non Hoà Bình, hòa bình!",
    "Đề án 33/2022 (661) — “Quyết định” số 1.234,5%…", "a\u00a0b\tc\nd\re\x0cf\x0bg\u2003h\u200bi",
    "Ngày 14/5: \"giáo-dục\" [mầm_non] {x} <y> a|b ~c ?d @e #f $g ^h &i *j +k =l `m 'n",
    "  ", "", "\u0300\u0301 ̉ a\u0303", "İstanbul ǅ ǈ Ǆ ŉ ß ﻿x", "₫ 100.000 € ¥ °C ½ × ÷",
]
SEARCH_SCORED = ("SELECT doc_id, round(s, 9) FROM (SELECT *, fts_main_documents.match_bm25(doc_id, ?) AS s "
                 "FROM documents) WHERE s IS NOT NULL ORDER BY s DESC, doc_id")


def _sql_tokens(texts: list[tuple[str | None, str | None, str | None]]) -> list[tuple[str, list[str]]]:
    conn = duckdb.connect()
    try:
        conn.execute(lake_search._sql("search_schema"))
        conn.execute("CREATE TABLE t (i INTEGER, title VARCHAR, lead VARCHAR, text VARCHAR)")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", [(i, *t) for i, t in enumerate(texts)])
        rows = conn.execute("SELECT md5(replace(replace(concat_ws(' ', title, lead, text), 'đ', 'd'), 'Đ', 'D')), "
                            "fts_main_documents.tokenize(concat_ws(' ', title, lead, text)) FROM t ORDER BY i")
        return [(r[0], r[1]) for r in rows.fetchall()]
    finally:
        conn.close()


def _assert_same(texts: list[tuple[str | None, str | None, str | None]]) -> int:
    """Every text the Python table knows tokenizes as the SQL does; returns how many it knew."""
    found = search_tokens.tokens()
    assert found is not None
    known = 0
    for parts, (md5, tokens) in zip(texts, _sql_tokens(texts), strict=True):
        got = found.of(*parts)
        if got is not None:
            known += 1
            assert (got.md5, got.length, got.terms) == (md5, len(tokens), dict(Counter(tokens))), parts
    return known


def test_the_tokens_are_the_sql_tokenizers_nfc_and_nfd():
    texts = [(t, None, None) for t in SAMPLES]
    texts += [(unicodedata.normalize("NFD", t), "", t) for t in SAMPLES]
    texts += [(None, None, None), ("Tiêu đề", None, "Nội dung"), (None, "Sapo", None)]
    assert _assert_same(texts) == len(texts)


def test_random_text_of_the_known_characters_tokenizes_as_the_sql():
    rng = random.Random(16)
    chars = [chr(c) for lo, hi in KNOWN_RANGES for c in range(lo, hi + 1)]
    common = [*"aăâbcdđeêghiklmnoôơpqrstuưvxy ,.-\n", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    texts = [("".join(rng.choice(chars if rng.random() < 0.3 else common) for _ in range(rng.randrange(60))),
              None, None) for _ in range(600)]
    assert _assert_same(texts) == len(texts)


def test_corpus_text_tokenizes_as_the_sql():
    path = SHARED / "corpora" / "vietnews-sample.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()[:300]]
    texts = [(r["title"], None, r["text"]) for r in rows]
    texts += [(unicodedata.normalize("NFD", r["title"]), None, unicodedata.normalize("NFD", r["text"])) for r in rows]
    assert _assert_same(texts) >= len(texts) * 0.95


def _by_the_dict(found: search_tokens.Tokens, joined: str) -> tuple[int, list[tuple[str, int]]] | None:
    """The postings as the table's dict gives them (every text through the unknown and odd-space checks)."""
    if found._unknown(joined):
        return None
    mapped = joined.translate(found._table)
    spaced = found._odd_space is not None and found._odd_space(joined)
    words = [w for w in mapped.split(" ") if w] if spaced else mapped.split()
    return len(words), list(Counter(words).items())


def test_the_common_path_gives_the_dicts_postings_in_the_same_order():
    """A text of the characters below LIST_END without an odd space takes one scan and the list form of the table;
    any other (a BOM, a no-break space, a character outside the table) the checks and the dict: the same postings,
    terms in the same order (the rows' order in search_index_postings), either way."""
    found = search_tokens.tokens()
    assert found is not None
    rng = random.Random(14)
    chars = [chr(c) for lo, hi in KNOWN_RANGES for c in range(lo, hi + 1)]
    common = [*"aăâbcdđeêghiklmnoôơpqrstuưvxy ,.-\n", "\u0300", "\u0301", "\u00a0", "\ufeff", "Я", "€"]
    texts = [*SAMPLES, *(unicodedata.normalize("NFD", t) for t in SAMPLES), "giáo\u00a0viên mầm non", "\ufeffmầm non"]
    texts += ["".join(rng.choice(chars if rng.random() < 0.2 else common) for _ in range(rng.randrange(80)))
              for _ in range(2000)]
    paths = Counter()
    for joined in texts:
        got = found.of_joined(joined, "md5")
        paths["plain" if found._plain(joined) is None else "checked"] += 1
        assert (None if got is None else (got.length, list(got.terms.items()))) == _by_the_dict(found, joined), joined
    assert paths["plain"] > 100 and paths["checked"] > 100  # both paths were taken


def test_a_character_outside_the_table_is_left_to_the_sql():
    found = search_tokens.tokens()
    assert found is not None
    assert found.of("Москва", None, None) is None and found.of("東京 mầm non", None, None) is None
    assert found.of("mầm non", None, "😀") is None


DOCS = [
    document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Triển khai Đề án 33 năm 2022."),
    document("nfd", "2022-05-02", title=unicodedata.normalize("NFD", "Trường Mầm Non Hoà Bình"),
             text=unicodedata.normalize("NFD", "Bồi dưỡng thường xuyên, đào tạo.")),
    document("ru", "2022-05-03", title="Giáo viên tiểu học", text="Hợp tác với Москва."),
]


def _store(home, docs) -> int:
    from pipeline.store import open_writer

    with open_writer(home) as writer:
        writer.insert("documents", docs, on_conflict="replace")
        writer.index_documents(docs)
    return writer.search_indexed


def _index(home) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return sorted(query(home, "FROM search_postings")), sorted(query(home, "FROM search_docs"))


def _index_is_whole(home) -> None:
    for a, b in ((WHOLE, "FROM search_postings"), ("FROM search_postings", WHOLE)):
        assert query(home, f"SELECT count(*) FROM ({a} EXCEPT ALL {b})") == [(0,)]
    assert sorted(query(home, "FROM search_docs")) == sorted(query(home, LENGTHS))


def test_the_writers_postings_give_the_index_the_sql_gives(home, tmp_path, monkeypatch):
    from pipeline import search_kept
    from planwatch.config import Paths

    counts = _tokenized(monkeypatch)
    assert _store(home, DOCS) == 3  # "ru" (a character outside the table) by the SQL tokenizer, in the writer
    assert counts == [0]  # nothing left to the publish
    _index_is_whole(home)
    homes = [home]
    for name, patch in (("no-table", (search_tokens, "_TOKENS", [None])),  # the SQL tokenizes everything
                        # the publish does
                        ("publish-only", (search_kept, "index", lambda conn, docs, shipped=None, known=(): 0))):
        other = Paths(tmp_path / name).ensure()
        monkeypatch.setenv("PLANWATCH_HOME", str(other))
        with monkeypatch.context() as m:
            m.setattr(*patch)
            _store(other, DOCS)
        homes.append(other)
    assert counts == [0, 0, 3]
    assert _index(home) == _index(homes[1]) == _index(homes[2])
    for words in ("mầm non", unicodedata.normalize("NFD", "mầm non"), "MAM NON", "dao tao", "đào tạo", "de an 33",
                  "hoa binh", "hòa bình", "giao vien", "Москва"):
        assert query(home, SEARCH_SCORED, [words]) == query(homes[1], SEARCH_SCORED, [words]) \
            == query(homes[2], SEARCH_SCORED, [words]), words
    assert sorted(query(home, SEARCH, ["mam non"])) == [("mn",), ("nfd",)]
    assert query(home, SEARCH, ["moskva"]) == [] and query(home, SEARCH, ["москва"]) == [("ru",)]


def test_the_sql_fallback_gives_the_sql_tokens():
    texts = [(t, None, None) for t in SAMPLES] + [("Москва", "東京 mầm non", "😀 ℃"), (None, None, None)]
    got = search_tokens.postings_by_sql(texts)
    for (md5, tokens), entry in zip(_sql_tokens(texts), got, strict=True):
        assert (entry.md5, entry.length, entry.terms) == (md5, len(tokens), dict(Counter(tokens)))


def test_the_sql_fallback_makes_its_database_once_and_serves_threads(monkeypatch):
    """The SQL tokenizer's in-memory database and macro are made once per process (a writer meets a text the table
    does not know in most chunks of a crawl: about 10 ms of CPU each time), every call on a cursor of its own, so
    calls from several threads at once get their own texts' tokens."""
    import threading

    made: list[object] = []
    connect = duckdb.connect
    monkeypatch.setattr(search_tokens, "_SQL", [], raising=False)  # (made again here)
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: made.append(a) or connect(*a, **k))
    texts = [[(f"Москва {i} mầm non", None, "😀 ℃" * i)] for i in range(6)]
    expected = [[(e.md5, e.length, e.terms) for e in search_tokens.postings_by_sql(t)] for t in texts]
    got: dict[int, list[tuple[str, int, dict[str, int]]]] = {}

    def run(i: int) -> None:
        for _ in range(5):
            got[i] = [(e.md5, e.length, e.terms) for e in search_tokens.postings_by_sql(texts[i])]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(texts))] == expected
    assert len(made) == 1
    assert expected[2] == [(m, len(tok), dict(Counter(tok))) for m, tok in _sql_tokens(texts[2])]


def test_an_entry_for_another_text_is_never_used(home, monkeypatch):
    from pipeline.store import open_writer

    counts = _tokenized(monkeypatch)
    changed = document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Bồi dưỡng hè.")
    with open_writer(home) as writer:
        writer.insert("documents", DOCS[:1], on_conflict="replace")
        writer.index_documents(DOCS[:1])
        writer.insert("documents", [changed], on_conflict="replace")  # stored again, no entry for its text
    assert counts == [1]
    _index_is_whole(home)
    assert query(home, SEARCH, ["trien khai"]) == [] and query(home, SEARCH, ["boi duong"]) == [("mn",)]


def test_a_document_stored_twice_takes_its_last_entry(home, monkeypatch):
    from pipeline.store import open_writer

    counts = _tokenized(monkeypatch)
    changed = document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Bồi dưỡng hè.")
    with open_writer(home) as writer:
        for doc in (DOCS[0], changed):
            writer.insert("documents", [doc], on_conflict="replace")
            writer.index_documents([doc])
    assert counts == [0] and writer.search_indexed == 2
    _index_is_whole(home)


def test_unchanged_documents_are_not_tokenized_again_nor_carried_over(home, monkeypatch):
    from pipeline import publish

    counts = _tokenized(monkeypatch)
    monkeypatch.setattr(publish, "_carry_over", lambda *a: pytest.fail("every document has the writer's entry"))
    assert _store(home, DOCS) == 3
    assert _store(home, DOCS) == 0  # the same texts: nothing tokenized by the writer
    assert _store(home, DOCS[:1]) == 0
    assert counts == [0, 0, 0]
    _index_is_whole(home)


def _warehouse(home, sql: str) -> list[tuple[object, ...]]:
    conn = duckdb.connect(str(home.warehouse))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_snapshot_has_the_index_not_the_writers_tables(home):
    _store(home, DOCS)
    tables = {r[0] for r in query(home, "SELECT table_name FROM duckdb_tables()")}
    assert {"search_postings", "search_docs"} <= tables
    assert not tables & {"search_index_docs", "search_index_postings"}
    assert sorted(query(home, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'search_docs'"
                        )) == [("doc_id", "VARCHAR"), ("len", "INTEGER")]
    assert _warehouse(home, "SELECT count(*) FROM search_index_docs") == [(3,)]


def test_postings_left_without_an_entry_and_entries_of_other_rules_are_dropped(home, monkeypatch):
    from pipeline import publish
    from pipeline.store import open_writer

    counts = _tokenized(monkeypatch)
    with pytest.raises(RuntimeError), open_writer(home) as writer:  # a job that stops: nothing published
        writer.insert("documents", DOCS, on_conflict="replace")
        writer.index_documents(DOCS)
        raise RuntimeError("job failed")
    assert not home.snapshot.exists()
    _warehouse(home, "DELETE FROM search_index_docs WHERE doc_id = 'mn'")  # stopped between the two tables
    with open_writer(home):
        pass
    assert counts == [1]  # "mn" (its postings dropped): the publish tokenized it
    _index_is_whole(home)
    monkeypatch.setattr(publish, "_rules", lambda: "search-v0:other")
    assert _store(home, DOCS[:1]) == 1  # the writer's entries emptied: "mn" tokenized again, "nfd" is not
    assert counts == [1, 2]  # "nfd" and "ru": the previous snapshot's index is of other rules too
    _index_is_whole(home)
    assert _warehouse(home, "SELECT doc_id FROM search_index_docs") == [("mn",)]


def test_no_postings_when_the_lake_publishes(home, monkeypatch):
    from pipeline import lake
    from pipeline.store import open_writer

    with open_writer(home, publish=False) as writer:
        writer.index_documents(DOCS)
        assert writer.search_indexed == 0
        assert writer.conn.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'search%'"
                                   ).fetchone() == (0,)
    monkeypatch.setattr(lake, "enabled", lambda: True)
    with monkeypatch.context() as m:
        m.setattr(lake, "publish", lambda *a, **k: {})
        with open_writer(home) as writer:
            writer.index_documents(DOCS)
            assert writer.search_indexed == 0


def stored_doc(doc_id: str, title: str, text: str, lead: str = "") -> dict:
    """A document row as the writer stores it (its content hash set, no story yet)."""
    from pipeline.extract import content_hash

    row = document(doc_id, "2022-06-02", title=title, text=text)
    row["content_hash"], row["story_id"], row["lead"] = content_hash(title, text), None, lead
    return row


def test_store_documents_indexes_the_new_and_changed_texts_only(home, monkeypatch):
    from pipeline.ingest import store_documents
    from pipeline.store import open_writer

    doc = stored_doc
    counts = _tokenized(monkeypatch)
    first = [doc("a", "Đào tạo giáo viên mầm non", "Triển khai Đề án 33."), doc("b", "Hội thi", "Bé khỏe, bé ngoan.")]
    with open_writer(home) as writer:
        store_documents(writer, first, [])
        assert writer.search_indexed == 2
    assert counts == [0]  # nothing left to the SQL
    _index_is_whole(home)
    again = [first[0], doc("b", "Hội thi", "Bé khỏe, bé chăm.")]
    with open_writer(home) as writer:
        store_documents(writer, again, [])
        assert writer.search_indexed == 1  # "b" only
    assert counts == [0, 0]
    _index_is_whole(home)
    assert query(home, SEARCH, ["be cham"]) == [("b",)] and query(home, SEARCH, ["be ngoan"]) == []


def test_entries_keep_the_fingerprint_of_the_row_the_snapshot_publishes(home, monkeypatch):
    """The adoption compares each entry's fingerprint (search_kept.FINGERPRINT, made by the writer from the batch)
    with the published row's: equal for every document stored by the writer, so nothing is tokenized again."""
    from pipeline import search_kept

    counts = _tokenized(monkeypatch)
    _store(home, DOCS)
    kept = sorted(_warehouse(home, "SELECT doc_id, fp FROM search_index_docs"))
    assert len(kept) == 3 and all(fp is not None for _, fp in kept)
    assert kept == sorted(query(home, f"SELECT doc_id, {search_kept.FINGERPRINT} FROM documents"))
    assert counts == [0]
    _index_is_whole(home)


def test_entries_made_before_the_fingerprint_get_it_once(home, monkeypatch):
    """A warehouse whose entries have no fingerprint column (kept before it): a publish before any write job fills
    it in its copy from the MD5 check (the warehouse left as it is), the next write job fills it in the warehouse;
    an entry whose MD5 is not its row's gets none and is made again."""
    counts = _tokenized(monkeypatch)
    _store(home, DOCS)
    _warehouse(home, "ALTER TABLE search_index_docs DROP COLUMN fp")
    from pipeline.store import open_writer

    with open_writer(home):  # no document stored: the copy fills the fingerprints
        pass
    assert counts == [0, 0]
    _index_is_whole(home)
    assert "fp" not in {r[0] for r in _warehouse(home, "DESCRIBE search_index_docs")}
    _warehouse(home, "UPDATE search_index_docs SET md5 = 'stale' WHERE doc_id = 'mn'")
    assert _store(home, DOCS[1:2]) == 0  # the writer's first job fills them: "mn" gets none
    assert _warehouse(home, "SELECT doc_id FROM search_index_docs WHERE fp IS NULL") == [("mn",)]
    assert counts == [0, 0, 0]  # "mn": dropped by the adoption, its postings carried over from the previous snapshot
    _index_is_whole(home)
    assert _store(home, DOCS[:1]) == 1  # stored again: its entry made again, with its fingerprint
    assert _warehouse(home, "SELECT count(*), count(fp) FROM search_index_docs") == [(3, 3)]
    _index_is_whole(home)
