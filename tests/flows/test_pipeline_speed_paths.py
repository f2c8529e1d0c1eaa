"""The fast paths of issue 16 keep the results: the worker pool gives the same rows as one process, a run file
read while it is written gives every complete line, and every ingest records its stage times."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import duckdb

from crawlers.output import store_raw
from pipeline.follow import follow_jsonl
from pipeline.ingest import ingest_run, source_as_dict
from pipeline.plans import load_plan
from pipeline.stories import unpacked
from pipeline.workers import BatchResult, WorkerContext, run_batches
from planwatch.config import Paths
from tests.support.fresh import assert_in_fresh_interpreter
from tests.support.warehouse import PLAN_ID

PARAGRAPH = ("<p>Sở Giáo dục và Đào tạo tổ chức lớp bồi dưỡng giáo viên mầm non theo Đề án 33, với sự tham gia "
             "của cán bộ quản lý và giáo viên các trường mầm non trong tỉnh, đợt {n}.</p>")
OTHER = "<p>Giá lúa gạo tại đồng bằng sông Cửu Long tăng nhẹ trong tuần qua, thương lái thu mua {n} tấn.</p>"


def _run_folder(home: Paths, tmp_path: Path, n: int) -> Path:
    run = tmp_path / "20221201T000000-nightly-abc123"
    run.mkdir()
    rows = []
    for i in range(n):
        para = PARAGRAPH if i % 3 == 0 else OTHER
        body = (f"<html><head><title>Bài số {i}</title><meta property='article:published_time' "
                f"content='2022-07-{i % 28 + 1:02d}T08:00:00+07:00'></head><body><article><h1>Bài số {i}</h1>"
                + "".join(para.format(n=i * 10 + k) for k in range(5)) + "</article></body></html>").encode()
        url = f"http://127.0.0.1/tin/bai-{i}.html"
        rows.append({"url": url, "canonical_url": url, "final_url": url, "source_id": "local",
                     "fetched_at": "2022-07-30T03:00:00+00:00", "raw_sha256": store_raw(home.raw_archive, body),
                     "content_type": "text/html", "encoding": "utf-8", "discovered_via": "sitemap", "hint": {}})
    rows.append(dict(rows[0]))  # the same page recorded twice in one run: one document
    (run / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (run / "fetches.jsonl").write_text("".join(json.dumps(
        {"url": r["url"], "kind": "article", "status": 200, "fetched_at": f"2022-07-30T03:00:{i % 60:02d}+00:00",
         "raw_sha256": r["raw_sha256"]}) + "\n" for i, r in enumerate(rows)), encoding="utf-8")
    (run / "done").write_text(json.dumps({"started_at": "2022-07-30T02:59:58+00:00",
                                          "finished_at": "2022-07-30T03:01:00+00:00"}), encoding="utf-8")
    return run


def _results(home: Paths, run: Path, workers: int) -> tuple[list[dict], list[dict], dict]:
    ctx = WorkerContext(raw_dir=home.raw_archive, sources={}, plans=[load_plan(PLAN_ID)], run_id=run.name)
    got: list[BatchResult] = []
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    run_batches(ctx, pages, workers=workers, on_result=got.append)
    docs = [d for r in got for d in r.docs]
    classes = [c for r in got for c in r.classifications]
    stories = {k: (v[0].tolist(), v[1].tolist()) for r in got for k, v in
               ((k, unpacked(v)) for k, v in r.story_rows.items())}
    return docs, classes, stories


def _comparable(rows: list[dict]) -> list[dict]:
    return sorted(({k: v for k, v in r.items() if k not in ("extracted_at", "classified_at")} for r in rows),
                  key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_the_worker_pool_gives_what_one_process_gives(home: Paths, tmp_path: Path) -> None:
    run = _run_folder(home, tmp_path, 40)  # more than one batch per worker
    one = _results(home, run, workers=1)
    two = _results(home, run, workers=2)
    assert len(one[0]) == 41 and len(one[1]) == 41
    assert _comparable(one[0]) == _comparable(two[0])
    assert _comparable(one[1]) == _comparable(two[1])
    assert one[2] == two[2] and len(one[2]) == 40
    assert {c["decision"] for c in one[1]} >= {"reject"}  # the corn-price pages are no match


def test_the_workers_hand_the_writer_the_paragraphs_it_would_fold_itself(home: Paths, tmp_path: Path) -> None:
    from pipeline.syndication import as_doc

    run = _run_folder(home, tmp_path, 20)
    ctx = WorkerContext(raw_dir=home.raw_archive, sources={}, plans=[load_plan(PLAN_ID)], run_id=run.name)
    got: list[BatchResult] = []
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    run_batches(ctx, pages, workers=1, on_result=got.append)
    docs = {d["doc_id"]: d for r in got for d in r.docs}
    paragraphs = {k: v for r in got for k, v in r.paragraphs.items()}
    assert set(paragraphs) == set(docs) and len(docs) == 20
    for doc_id, doc in docs.items():
        assert paragraphs[doc_id] == as_doc(doc).paragraphs and len(paragraphs[doc_id]) >= 5


def test_ingest_with_workers_records_stage_times(home: Paths, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANWATCH_WORKERS", "2")
    run = _run_folder(home, tmp_path, 40)
    summary = ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[])
    assert summary.pages == 41 and summary.documents_new == 40 and summary.classified == 40
    assert list(summary.stages) == ["discover", "fetch", "extract", "classify", "dedupe", "store", "publish"]
    assert summary.stages["fetch"]["items"] == 41 and summary.stages["extract"]["items"] == 41
    assert summary.stages["classify"]["items"] == 40 and summary.stages["publish"]["items"] == 1
    assert abs(summary.stages["discover"]["seconds"] + summary.stages["fetch"]["seconds"] - 62.0) < 0.01
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        rows = conn.execute("SELECT stage, items FROM run_stages WHERE run_id = ? ORDER BY position",
                            [run.name]).fetchall()
        stored = json.loads(conn.execute("SELECT summary_json FROM crawl_runs WHERE run_id = ?",
                                         [run.name]).fetchone()[0])
        docs = conn.execute("SELECT count(*), count(DISTINCT story_id) FROM documents").fetchone()
    finally:
        conn.close()
    assert [r[0] for r in rows] == list(summary.stages)
    assert dict(rows)["store"] == 40
    assert stored["stages"]["publish"]["items"] == 1  # recorded after the snapshot was out
    assert docs[0] == 40 and docs[1] < 40  # the Đề án 33 pages share paragraphs: stories still assigned


def test_ingest_inline_and_pooled_store_the_same_documents(home: Paths, tmp_path: Path, monkeypatch) -> None:
    run = _run_folder(home, tmp_path, 40)
    got = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("PLANWATCH_WORKERS", workers)
        ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[source_as_dict({"id": "local"})], force=True)
        conn = duckdb.connect(str(home.warehouse), read_only=True)
        try:
            got[workers] = conn.execute("SELECT doc_id, title, text, story_id, content_hash, language FROM documents "
                                        "JOIN document_texts USING (doc_id) "
                                        "ORDER BY doc_id").fetchall()
        finally:
            conn.close()
    assert got["1"] == got["2"] and len(got["1"]) == 40


def test_following_a_run_file_yields_every_complete_line(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    done = threading.Event()

    def writer() -> None:
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(50):
                line = json.dumps({"n": i}) + "\n"
                fh.write(line[:5])  # a line written in two goes: never read half
                fh.flush()
                time.sleep(0.002)
                fh.write(line[5:])
                fh.flush()
            fh.write('{"n": "torn"')  # the crawl killed mid-line: skipped
            fh.flush()
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    got = [row["n"] for row in follow_jsonl(path, lambda: not done.is_set(), poll=0.001)]
    thread.join()
    assert got == list(range(50))


def _stored(home: Paths) -> tuple[list[tuple], list[tuple]]:
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        docs = conn.execute("SELECT doc_id, title, text, story_id, content_hash FROM documents "
                            "JOIN document_texts USING (doc_id) ORDER BY doc_id").fetchall()
        calls = conn.execute("SELECT doc_id, plan_id, decision, activity, score FROM classifications "
                             "ORDER BY doc_id, plan_id").fetchall()
    finally:
        conn.close()
    return docs, calls


def test_the_writer_stores_chunks_while_the_stream_is_still_fed(home: Paths, tmp_path: Path, monkeypatch) -> None:
    """The writer thread stores finished documents before the last page is even handed out, and a run stored in
    several chunks gives the same documents, stories and classifications as one stored at once."""
    import pipeline.chunk_writer
    import pipeline.ingest

    monkeypatch.setenv("PLANWATCH_WORKERS", "1")
    run = _run_folder(home, tmp_path, 40)
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    stored_chunks: list[int] = []
    first_chunk = threading.Event()
    real_store = pipeline.ingest._store_chunk

    def spy(writer, chunk, times, *rest) -> None:  # (rest: the writer's classifier, pipeline.ingest._store_chunk)
        real_store(writer, chunk, times, *rest)
        stored_chunks.append(sum(len(r.docs) for r in chunk))
        first_chunk.set()

    def stream():
        yield from pages[:20]
        assert first_chunk.wait(60), "no chunk was stored while pages were still coming"
        yield from pages[20:]

    monkeypatch.setattr(pipeline.ingest, "_store_chunk", spy)
    monkeypatch.setattr(pipeline.chunk_writer, "MIN_CHUNK", 4)
    summary = ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[], pages=stream())
    chunked = _stored(home)
    assert len(stored_chunks) >= 2 and sum(stored_chunks) == 41  # the page recorded twice is stored twice
    assert summary.documents_new == 40 and summary.classified == 40 and summary.stages["store"]["items"] == 40

    other = Paths(tmp_path / "other").ensure()
    for name in ("raw_archive",):
        getattr(other, name).rmdir()
        getattr(other, name).symlink_to(getattr(home, name))
    monkeypatch.setattr(pipeline.chunk_writer, "MIN_CHUNK", 10**6)
    stored_chunks.clear()
    ingest_run(other, run, plans=[load_plan(PLAN_ID)], sources=[])
    assert stored_chunks == [41]
    assert _stored(other) == chunked and len(chunked[0]) == 40


def test_a_failing_writer_stops_the_ingest(home: Paths, tmp_path: Path, monkeypatch) -> None:
    import pytest

    import pipeline.ingest

    monkeypatch.setenv("PLANWATCH_WORKERS", "1")
    run = _run_folder(home, tmp_path, 40)

    def broken(writer, chunk, times, *rest) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pipeline.ingest, "_store_chunk", broken)
    with pytest.raises(OSError, match="disk full"):  # the writer thread's own error (the CLI tells a full disk)
        ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[])
    assert not (run / "ingested").exists() and not home.snapshot.exists()


def test_a_polite_crawl_takes_the_writer_only_when_its_stream_ends(home: Paths, tmp_path: Path, monkeypatch) -> None:
    """write_early=False (a crawl with politeness on): nothing is stored while pages are still coming, then the
    whole run is one chunk, as one write job."""
    import pipeline.chunk_writer
    import pipeline.ingest

    monkeypatch.setenv("PLANWATCH_WORKERS", "1")
    run = _run_folder(home, tmp_path, 40)
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    stored_chunks: list[int] = []
    fed_when_stored: list[int] = []
    fed = [0]
    real_store = pipeline.ingest._store_chunk

    def spy(writer, chunk, times, *rest) -> None:
        fed_when_stored.append(fed[0])
        real_store(writer, chunk, times, *rest)
        stored_chunks.append(sum(len(r.docs) for r in chunk))

    def stream():
        for page in pages:
            fed[0] += 1
            yield page

    monkeypatch.setattr(pipeline.ingest, "_store_chunk", spy)
    monkeypatch.setattr(pipeline.chunk_writer, "MIN_CHUNK", 4)
    summary = ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[], pages=stream(), write_early=False)
    assert stored_chunks == [41] and fed_when_stored == [len(pages)]
    assert summary.documents_new == 40 and len(_stored(home)[0]) == 40


def test_the_fork_server_preload_builds_the_classifiers_once_without_the_warehouse_modules() -> None:
    """The workers' preload (pipeline.workers.PRELOAD) leaves duckdb and pyarrow out, and builds every enabled
    plan's classifier: a worker asking for it gets the cached one, not a new build."""
    code = (
        "import importlib, sys\n"
        "from pipeline.workers import PRELOAD\n"
        "for name in PRELOAD:\n"
        "    importlib.import_module(name)\n"
        "assert 'duckdb' not in sys.modules and 'pyarrow' not in sys.modules\n"
        "from classifiers import engine\n"
        "from pipeline.plans import list_plans, load_plan\n"
        "plans = [load_plan(p) for p in list_plans()]\n"
        "assert plans and len(engine._CACHE) == len(plans), (len(engine._CACHE), len(plans))\n"
        "built = {id(c) for _, c in engine._CACHE.values()}\n"
        "assert {id(engine.classifier_for(p)) for p in plans} == built\n"
    )
    assert_in_fresh_interpreter(code)
