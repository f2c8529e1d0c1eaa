"""The copy-and-rename snapshot (PLANWATCH_LAKE off) builds its full-text index within a memory limit far below
the texts' size: `search_text` written with the documents' copy, postings a bounded chunk of documents per
statement (pipeline.publish.build_search_index), the carry-over comparing texts by digest. The index equals the
tokenizer's whole derivation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import doc_texts, duck, lake, publish
from planwatch.config import Paths

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
LIMIT = "128MB"  # the 20,000 documents' texts are about 100 MB; the former build ran out of memory under it
DOCS = 20_000
FOLDED = publish.SEARCH_TEXT.format(t="")
WHOLE_POSTINGS = ("SELECT count(*), bit_xor(hash(doc_id, term, tf)) FROM (SELECT doc_id, term, count(*)::INTEGER AS tf "
                  "FROM (SELECT doc_id, unnest(fts_main_documents.tokenize(concat_ws(' ', title, lead, text))) AS term "
                  "FROM documents) GROUP BY ALL)")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20,000-document warehouse of bench/bench_scale.py (about 100 MB of text), published without the lake."""
    home = tmp_path_factory.mktemp("snapindex") / "home"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "bench_scale.py"), "--docs", str(DOCS), "--json",
                           "--home", str(home), "--build-only"], capture_output=True, text=True, timeout=540,
                          check=False, env={k: v for k, v in os.environ.items() if k != lake.LAKE_ENV})
    assert done.returncode == 0, done.stderr[-2000:]
    return home


@pytest.fixture
def limited(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv(lake.LAKE_ENV, raising=False)
    monkeypatch.setenv(duck.MEMORY_ENV, LIMIT)
    monkeypatch.setenv(duck.THREADS_ENV, "2")
    return monkeypatch


def _spy(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    seen: dict[str, list[int]] = {"tokenized": [], "chunk": []}
    build, tokenize = publish.build_search_index, publish._tokenize

    def counted_build(conn: duckdb.DuckDBPyConnection, previous: Path | None = None, pending: Any = None) -> int:
        done = build(conn, previous, pending)
        seen["tokenized"].append(done)
        return done

    def counted_tokenize(conn: duckdb.DuckDBPyConnection, first: int, last: int, parts: int, chunk: int) -> None:
        seen["chunk"].append(chunk)
        tokenize(conn, first, last, parts, chunk)

    monkeypatch.setattr(publish, "build_search_index", counted_build)
    monkeypatch.setattr(publish, "_tokenize", counted_tokenize)
    return seen


def _index(paths: Paths) -> tuple[tuple, tuple, tuple, int]:
    conn = duckdb.connect(str(paths.snapshot), read_only=True)
    try:
        publish.load_fts(conn)
        postings = conn.execute("SELECT count(*), bit_xor(hash(doc_id, term, tf)) FROM search_postings").fetchone()
        whole = conn.execute(WHOLE_POSTINGS).fetchone()
        lengths = conn.execute("SELECT count(*), count(DISTINCT doc_id), sum(len) FROM search_docs").fetchone()
        wrong_text = conn.execute(f"SELECT count(*) FROM documents WHERE search_text IS DISTINCT FROM {FOLDED}"
                                  ).fetchone()
        assert postings and whole and lengths and wrong_text
        return tuple(postings), tuple(whole), tuple(lengths), int(wrong_text[0])
    finally:
        conn.close()


def test_whole_index_and_carry_over_fit_a_small_limit(synthetic: Path, tmp_path: Path,
                                                      limited: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    shutil.copytree(synthetic, home)
    paths = Paths(home)
    paths.snapshot.unlink()  # no previous snapshot: every document tokenized
    seen = _spy(limited)
    publish.publish_snapshot(paths)
    assert seen["tokenized"] == [DOCS]
    assert seen["chunk"] and seen["chunk"][0] * 2 < DOCS  # several statements per cursor
    postings, whole, lengths, wrong_text = _index(paths)
    assert postings == whole and postings[0] > DOCS  # exactly the tokenizer's whole derivation
    assert lengths[:2] == (DOCS, DOCS) and wrong_text == 0

    publish.publish_snapshot(paths)  # nothing changed: every posting carried over
    assert seen["tokenized"][-1] == 0
    assert _index(paths)[0] == postings

    conn = duckdb.connect(str(paths.warehouse))  # one document's text changes
    try:
        doc = conn.execute("SELECT doc_id FROM document_texts ORDER BY doc_id LIMIT 1").fetchone()[0]  # type: ignore[index]
        conn.execute("UPDATE document_texts SET text = text || ' chuyenmuckiemtra' WHERE doc_id = ?", [doc])
    finally:
        conn.close()
    publish.publish_snapshot(paths)
    assert seen["tokenized"][-1] == 1
    postings, whole, lengths, wrong_text = _index(paths)
    assert postings == whole and wrong_text == 0 and lengths[:2] == (DOCS, DOCS)
    conn = duckdb.connect(str(paths.snapshot), read_only=True)
    try:
        assert conn.execute("SELECT doc_id FROM search_postings WHERE term = 'chuyenmuckiemtra'").fetchall() == [(doc,)]
    finally:
        conn.close()


def test_search_text_in_one_update_runs_out_of_memory(synthetic: Path, tmp_path: Path,
                                                      limited: pytest.MonkeyPatch) -> None:
    """What the build avoids: under the same limit, the former single UPDATE of every document's search_text
    fails, while the same column filled a chunk at a time (a table not copied by materialize) passes."""
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(Paths(synthetic).warehouse, copy)
    conn = duck.connect(copy)
    try:
        assert doc_texts.materialize(conn)  # `documents` whole, without the column
        conn.execute("ALTER TABLE documents ADD COLUMN search_text VARCHAR")
        with pytest.raises(duckdb.OutOfMemoryException):
            publish._fill_search_text(conn, DOCS)  # one statement of every row
        chunk = publish.index_chunk_rows(conn)
        assert chunk * 2 < DOCS
        publish._fill_search_text(conn, chunk)
        assert conn.execute(f"SELECT count(*) FROM documents WHERE search_text IS DISTINCT FROM {FOLDED}"
                            ).fetchone() == (0,)
    finally:
        conn.close()
