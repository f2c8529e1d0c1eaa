"""The run's serial tail (issue 16): once the run's size is known, the writer takes its last chunks while the
workers still extract; a followed run file says how many rows it gives as soon as the crawl has ended; the crawl's
result is not counted again when the ingest reads the run files itself."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import pipeline.chunk_writer as chunk_writer
import pipeline.story_store as story_store
from crawlers.job import CrawlJob
from crawlers.run import collect
from pipeline.follow import follow_jsonl
from pipeline.stages import StageTimes
from pipeline.workers import BatchResult
from planwatch.config import Paths


def _result(n: int) -> BatchResult:
    return BatchResult(docs=[{"doc_id": f"d{n}"}], pages=1)  # type: ignore[list-item]


class _Spy:
    """A ChunkWriter whose write job stores nothing (no warehouse): it records each chunk's size and whether
    `finish` had been called when the chunk was stored."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, total: int | None) -> None:
        @contextmanager
        def no_warehouse(_paths: Any) -> Iterator[Any]:
            yield SimpleNamespace(conn=None)

        monkeypatch.setattr(chunk_writer, "open_writer", no_warehouse)
        monkeypatch.setattr(story_store, "one_thread", lambda _conn: nullcontext())  # (no DuckDB to set)
        monkeypatch.setattr(chunk_writer, "MIN_CHUNK", 8)
        monkeypatch.setattr(chunk_writer, "END_SECONDS", 0.0)
        self.chunks: list[tuple[int, bool]] = []
        self.stored = threading.Condition()
        self.finishing = False
        self.settled: list[int] = []  # chunks stored when the settle step ran
        self.writer = chunk_writer.ChunkWriter(Paths(Path("/nonexistent")), StageTimes(), start=lambda w: None,
                                               store=self._store, total=None if total is None else lambda: total,
                                               settle=lambda w: self.settled.append(len(self.chunks)))

    def _store(self, _writer: Any, chunk: list[BatchResult]) -> None:
        with self.stored:
            self.chunks.append((sum(len(r.docs) for r in chunk), self.finishing))
            self.stored.notify_all()

    def wait_for(self, n: int) -> bool:
        with self.stored:
            return self.stored.wait_for(lambda: len(self.chunks) >= n, timeout=10)

    def add(self, first: int, last: int) -> None:
        for i in range(first, last):
            self.writer.add(_result(i))

    def finish(self) -> None:
        self.finishing = True
        self.writer.finish(lambda w: None)


def test_the_last_chunks_go_before_the_stream_ends_when_the_run_size_is_known(monkeypatch) -> None:
    spy = _Spy(monkeypatch, total=20)
    spy.add(0, 8)  # a whole chunk (MIN_CHUNK): the write job starts and stores it
    assert spy.wait_for(1)
    spy.add(8, 14)  # 6 pages waiting, 6 still to come: taken now, not held for 2 more
    assert spy.wait_for(2), "the writer waited for a whole chunk though only as many pages were still to come"
    spy.add(14, 20)  # the last 6: nothing else to come
    assert spy.wait_for(3)
    spy.finish()
    assert spy.chunks == [(8, False), (6, False), (6, False)]
    assert spy.settled == [2]  # once, right after the first early chunk (a crawl's checkpoint)


def test_without_the_run_size_the_writer_waits_for_whole_chunks(monkeypatch) -> None:
    spy = _Spy(monkeypatch, total=None)
    spy.add(0, 8)
    assert spy.wait_for(1)
    spy.add(8, 14)  # fewer than MIN_CHUNK: held until the stream ends
    time.sleep(0.2)
    spy.finish()
    assert spy.chunks == [(8, False), (6, True)] and spy.settled == []


def test_an_early_chunk_must_be_worth_its_fixed_cost(monkeypatch) -> None:
    """Fewer documents than MIN_CHUNK // END_SHARE, or less than END_SECONDS of the writer's time at its pace, wait
    for the end (a reprocess's writer is fast: one more chunk would cost more than the tail it saves)."""
    spy = _Spy(monkeypatch, total=14)
    monkeypatch.setattr(chunk_writer, "END_SECONDS", 3600.0)
    spy.add(0, 8)
    assert spy.wait_for(1)
    spy.add(8, 14)  # every page is in, but storing them is not worth a chunk of its own before the end
    time.sleep(0.2)
    spy.finish()
    assert spy.chunks == [(8, False), (6, True)] and spy.settled == []
    spy = _Spy(monkeypatch, total=9)  # END_SECONDS 0 again; MIN_CHUNK 8: at least 2 documents
    spy.add(0, 8)
    assert spy.wait_for(1)
    spy.add(8, 9)
    time.sleep(0.2)
    spy.finish()
    assert spy.chunks == [(8, False), (1, True)]


def test_a_followed_file_tells_its_row_count_once_the_crawl_has_ended(tmp_path: Path) -> None:
    """The crawl ends while the reader is far behind: the count comes at the next look (every CHECK_EVERY rows),
    long before the last row is handed out, and equals the rows handed out in all (a torn last line left out)."""
    from pipeline import follow

    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"n": i}) + "\n" for i in range(50)), encoding="utf-8")
    crawling = [True]
    totals: list[tuple[int, int]] = []
    got: list[int] = []
    for row in follow_jsonl(path, lambda: crawling[0], poll=0.001,
                            on_total=lambda n: totals.append((n, len(got)))):
        got.append(row["n"])
        if len(got) == 1:  # the crawl writes the rest, a torn line last, and ends
            with open(path, "a", encoding="utf-8") as fh:
                fh.write("".join(json.dumps({"n": i}) + "\n" for i in range(50, 100)) + '{"n": "torn"')
            crawling[0] = False
    assert got == list(range(100))
    assert totals == [(100, follow.CHECK_EVERY)]


def test_a_followed_file_read_after_the_crawl_tells_its_count_at_once(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"n": i}) + "\n" for i in range(5)) + "not json\n", encoding="utf-8")
    totals: list[int] = []
    rows = follow_jsonl(path, lambda: False, on_total=totals.append)
    assert next(rows) == {"n": 0} and totals == [5]
    assert [r["n"] for r in rows] == [1, 2, 3, 4]


def test_the_writer_is_told_the_size_of_a_crawl_but_not_of_a_folder(home: Paths, tmp_path: Path,
                                                                    monkeypatch) -> None:
    """A stream whose size becomes known (a crawl's page file, pipeline.follow) gives the writer the pages still to
    hand over, less those skipped as unchanged; a folder's run (a reprocess) none: its writer's chunk costs mostly
    its fixed part, so an early chunk does not shorten its tail."""
    from pipeline import ingest
    from pipeline.plans import load_plan
    from tests.flows.test_pipeline_speed_paths import _run_folder
    from tests.support.warehouse import PLAN_ID

    monkeypatch.setenv("PLANWATCH_WORKERS", "1")
    seen: list[int | None] = []
    real = chunk_writer.ChunkWriter

    class Spy(real):  # type: ignore[misc, valid-type]
        def _take(self):  # type: ignore[no-untyped-def]
            seen.append(self._total() if self._total is not None else None)
            return super()._take()

    monkeypatch.setattr(ingest, "ChunkWriter", Spy)
    run = _run_folder(home, tmp_path, 40)
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    known: list[int] = []

    def stream() -> Iterator[dict[str, Any]]:
        known.append(len(pages))  # as pipeline.follow does once the crawl has ended
        yield from pages

    ingest.ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[], pages=stream(),
                      pages_total=lambda: known[0] if known else None)
    assert seen and seen[-1] == 41  # 40 pages and one recorded twice
    seen.clear()
    ingest.ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[], pages=stream(),
                      pages_total=lambda: known[0] if known else None)  # again: every page unchanged
    assert seen and seen[-1] == 0
    seen.clear()
    ingest.ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[], force=True)
    assert seen and set(seen) == {None}


def test_a_crawl_result_left_uncounted_reads_neither_the_fetch_log_nor_the_pages(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "pages.jsonl").write_text('{"url": "u"}\n', encoding="utf-8")
    (run / "fetches.jsonl").write_text('{"url": "u"}\n{"url": "v"}\n', encoding="utf-8")
    (run / "health.jsonl").write_text('{"source_id": "s"}\n', encoding="utf-8")
    (run / "done").write_text("{}", encoding="utf-8")
    job = CrawlJob.from_dict({"run_id": "run", "out_dir": str(run), "raw_dir": str(tmp_path / "raw")})
    counted = collect(job)
    assert (counted.pages, counted.fetches, len(counted.health), counted.done) == (1, 2, 1, True)
    (run / "pages.jsonl").chmod(0)  # never opened
    (run / "fetches.jsonl").chmod(0)
    left = collect(job, counts=False)
    assert (left.pages, left.fetches, len(left.health), left.done) == (0, 0, 1, True)


@pytest.mark.parametrize("final", [True, False])
def test_a_crawls_fetch_log_is_stored_between_chunks_once_the_crawl_has_ended(home: Paths, tmp_path: Path,
                                                                             monkeypatch, final: bool) -> None:
    """Once the crawl's process has exited (`logs_final`), its fetch log and health are read while pages are still
    handed out and the writer stores them between two chunks, not after the last one (nor in the closing checkpoint):
    the same rows, once. Without it (a folder's run, or the crawl still running), after the last chunk as before."""
    import duckdb

    from pipeline import ingest
    from pipeline.plans import load_plan
    from tests.flows.test_pipeline_speed_paths import _run_folder
    from tests.support.warehouse import PLAN_ID

    monkeypatch.setenv("PLANWATCH_WORKERS", "1")
    monkeypatch.setattr(chunk_writer, "MIN_CHUNK", 8)
    events: list[str] = []
    read = threading.Event()
    real_store, real_insert, real_read = ingest._store_chunk, ingest._insert_logs, ingest._RunLogs._read

    stored = threading.Condition()

    def store(*a: Any) -> None:
        real_store(*a)
        with stored:
            events.append("chunk")
            stored.notify_all()

    def insert(*a: Any) -> None:
        real_insert(*a)
        events.append("logs")

    def read_logs(self: Any) -> None:
        real_read(self)
        read.set()

    monkeypatch.setattr(ingest, "_store_chunk", store)
    monkeypatch.setattr(ingest, "_insert_logs", insert)
    monkeypatch.setattr(ingest._RunLogs, "_read", read_logs)
    run = _run_folder(home, tmp_path, 40)
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]

    def stream() -> Iterator[dict[str, Any]]:
        for n, page in enumerate(pages):
            if n in (24, 40):  # the writer keeps up (a chunk a batch of 16), and the logs are read by page 24
                with stored:
                    stored.wait_for(lambda k=n // 16: events.count("chunk") >= k, timeout=10)
                assert not final or read.wait(10)
            yield page

    ingest.ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[], pages=stream(),
                      pages_total=lambda: len(pages), logs_final=(lambda: True) if final else None)
    assert events.count("logs") == 1 and events.count("chunk") >= 3
    if final:
        assert events.index("logs") < len(events) - 1, events
    else:
        assert events[-1] == "logs"
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        rows = conn.execute("SELECT url, status FROM fetch_log WHERE run_id = ? ORDER BY url",
                            [run.name]).fetchall()
    assert rows == sorted((p["url"], 200) for p in pages)
