"""bench/bench_pipeline.py's step 5 grows a warehouse by copying its rows under new ids: the copies must satisfy
the schema of today (keys derived from the ids, migrations 015 and 016), or the bench's warehouse-size test
cannot run at all (it failed on the doc_key CHECK from the eleventh session until the sixteenth)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from pipeline import story_store
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse

REPO = Path(__file__).resolve().parents[2]


def _bench_pipeline() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_pipeline", REPO / "bench" / "bench_pipeline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_pipeline", module)  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_grown_copies_keep_the_schema_keys_and_reach_the_snapshot(home: Paths) -> None:
    analyst_warehouse(home)
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        rows_before = conn.execute("SELECT count(*) FROM classifications").fetchone()[0]  # type: ignore[index]
    finally:
        conn.close()
    target = before * 3 + 1

    grown = _bench_pipeline().grow_warehouse(home.home, target)

    assert grown >= target
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (grown,)
        assert conn.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone() == (grown,)
        copies = conn.execute("SELECT count(*) FROM classifications WHERE doc_id LIKE '%-copy%'").fetchone()
        assert copies is not None and copies[0] > 0 and rows_before > 0
        # every copied key is the one the schema derives from the copy's own id
        wrong = conn.execute(
            "SELECT count(*) FROM classifications "
            "WHERE doc_key <> CAST(md5_number_lower(doc_id) & 4294967295 AS UINTEGER)").fetchone()
        assert wrong == (0,)
        wrong_story = conn.execute(
            "SELECT count(*) FROM documents WHERE story_key IS NOT NULL AND story_key <> "
            "CAST(md5_number_lower(COALESCE(story_id, doc_id)) & 4294967295 AS UINTEGER)").fetchone()
        assert wrong_story == (0,)
    finally:
        conn.close()
    snapshot = duckdb.connect(str(home.snapshot), read_only=True)
    try:
        assert snapshot.execute("SELECT count(*) FROM documents").fetchone() == (grown,)
    finally:
        snapshot.close()


def test_grown_copies_story_rows_are_merged_as_the_writer_would(home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copies' story-index rows land in the delta (story_bands, paragraph_docs); a writer that grew the
    warehouse would have merged them into the base whenever the delta filled, so the grown state must not hand its
    first measured job a delta far past MERGE_ROWS (at 100,000 documents: 1.84 M band rows, merged inside step 5's
    crawl). With a merge threshold the analyst warehouse's copies exceed, the grown state has merged them."""
    analyst_warehouse(home)
    conn = duckdb.connect(str(home.warehouse))
    try:  # the analyst warehouse is written without story rows: its stories computed, the band rows in the delta
        story_store.rebuild(conn)
        before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        bands = conn.execute("SELECT count(*) FROM story_bands").fetchone()[0]  # type: ignore[index]
        assert bands > 0 and not story_store.pending_merge(conn)
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    monkeypatch.setattr(story_store, "MERGE_ROWS", bands * 2)  # the copies (3x the documents) fill the delta
    monkeypatch.setattr(story_store, "MERGE_PARAGRAPH_ROWS", 10**9)

    grown = _bench_pipeline().grow_warehouse(home.home, before * 3)

    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        delta = conn.execute("SELECT (SELECT count(*) FROM story_bands), (SELECT count(*) FROM paragraph_docs)"
                             ).fetchone()
        base = story_store._meta(conn)
    finally:
        conn.close()
    assert delta == (0, 0)
    assert base[0] > 0 and 0 < base[2] <= grown  # (generation, rows, documents): the copies' rows in the base
    conn = duckdb.connect(str(home.warehouse))
    try:  # nothing left due for the first job's maintenance
        assert not story_store.pending_merge(conn)
    finally:
        conn.close()


def _long_text(seed: str) -> str:
    """Two paragraphs of 80 words drawn (by seed) from a small Vietnamese vocabulary."""
    import random

    vocabulary = ("giáo viên mầm non đào tạo bồi dưỡng đề án chính sách tỉnh huyện trường lớp học sinh phụ huynh "
                  "năm học kế hoạch triển khai thực hiện nội dung chương trình cán bộ quản lý sở phòng bộ hội nghị "
                  "tổng kết sơ kết mục tiêu giải pháp nhiệm vụ kinh phí hỗ trợ vùng cao khó khăn")
    words = vocabulary.split(" ")
    rng = random.Random(seed)
    return "\n".join(" ".join(rng.choice(words) for _ in range(80)).capitalize() + "." for _ in range(2))


def _stories(conn: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    return dict(conn.execute("SELECT doc_id, story_id FROM documents").fetchall())


def test_grown_documents_fall_in_stories_of_their_own(home: Paths) -> None:
    """A copy that kept its original's text joined its original's story (every story N times larger in a grown
    warehouse: the dedupe and the lake's story expansion measured story size, not archive size). The grown
    documents' texts are rewritten (bench/grown_texts.py), so no copy joins an original's story, each round's
    stories have the crawled stories' sizes, and the pipeline's own story pass over the grown warehouse (a rebuild)
    finds the stories the bench stored."""
    analyst_warehouse(home)
    conn = duckdb.connect(str(home.warehouse))
    try:  # texts long enough for stories, one of them shared by the three documents of the hand-named story
        ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
        shared = conn.execute("SELECT list(doc_id) FROM documents WHERE story_id = 's-chinh-sach'").fetchone()
        assert shared is not None and len(shared[0]) == 3
        for doc_id in ids:
            conn.execute("UPDATE document_texts SET text = ? WHERE doc_id = ?",
                         [_long_text("s-chinh-sach" if doc_id in shared[0] else doc_id), doc_id])
        # the stories as the pipeline computes them (the analyst warehouse names its stories by hand)
        story_store.rebuild(conn)
        before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        sizes = sorted(r[0] for r in conn.execute(
            "SELECT count(*) FROM documents WHERE story_id IS NOT NULL GROUP BY story_id").fetchall())
        assert max(sizes) > 1  # the warehouse has stories of more than one document
        conn.execute("CHECKPOINT")
    finally:
        conn.close()

    grown = _bench_pipeline().grow_warehouse(home.home, before * 3)

    conn = duckdb.connect(str(home.warehouse))
    try:
        assert grown == before * 3
        joined = conn.execute(
            "SELECT count(*) FROM documents c JOIN documents o ON c.story_id = o.story_id "
            "WHERE c.doc_id LIKE '%-copy%' AND o.doc_id NOT LIKE '%-copy%'").fetchone()
        assert joined == (0,)
        for copy in (1, 2):
            got = sorted(r[0] for r in conn.execute(
                "SELECT count(*) FROM documents WHERE story_id IS NOT NULL AND doc_id LIKE ? GROUP BY story_id",
                [f"%-copy{copy}"]).fetchall())
            assert got == sizes
        texts = conn.execute(
            "SELECT count(*) FROM document_texts c JOIN document_texts o ON c.doc_id = o.doc_id || '-copy1' "
            "WHERE c.text = o.text").fetchone()
        assert texts == (0,)  # rewritten, not copied
        for table in ("doc_signatures", "document_texts"):
            assert conn.execute(f"SELECT count(DISTINCT doc_id) FROM {table}").fetchone() == (grown,)
        stored = _stories(conn)
        story_store.rebuild(conn)
        assert _stories(conn) == stored
    finally:
        conn.close()


def test_growth_lines_compare_each_publish_mode_at_both_sizes() -> None:
    bench = _bench_pipeline()

    def run(cpu: float, planwatch: float) -> object:
        return bench.Measured(wall=cpu, cpu_s=cpu, peak_rss_mb=0.0, machine_busy=0.0, stdout="",
                              roles={"planwatch": planwatch, "workers": cpu - planwatch})

    lines = bench.growth_lines({("copy", 5000): run(14.0, 4.0), ("copy", 100000): run(21.0, 10.5),
                                ("lake", 5000): run(20.0, 8.0)}, 5000, 100000)
    assert lines == ["  growth, copy: CPU 14.0 -> 21.0 s = 1.50x (5000 -> 100000 documents); "
                     "planwatch process 4.0 -> 10.5 s (+6.5 s)"]  # the lake measured at one size only: no line
