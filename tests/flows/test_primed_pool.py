"""A reprocess hands the workers its first pages before writing its run file (pipeline.workers.PoolAhead.prime): the
same batches, results in the same order, the same stored rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pipeline.nightly as nightly
import pipeline.workers as workers
from pipeline.ingest import ingest_run
from pipeline.plans import load_plan
from planwatch.config import Paths
from tests.flows.test_pipeline_speed_paths import _run_folder
from tests.support.warehouse import PLAN_ID


def _pages(run: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]


def _docs(results: list[workers.BatchResult]) -> list[tuple[str, str]]:
    return [(d["doc_id"], d["content_hash"]) for r in results for d in r.docs]


def test_primed_batches_are_taken_first_in_order_and_the_rest_submitted_after(home: Paths, tmp_path: Path) -> None:
    run = _run_folder(home, tmp_path, 40)
    ctx = workers.context(home.raw_archive, run.name, [load_plan(PLAN_ID)], [])
    pages = _pages(run)
    plain: list[workers.BatchResult] = []
    workers.run_batches(ctx, pages, workers=2, on_result=plain.append, pool=workers.PoolAhead(ctx, 2))
    pool = workers.PoolAhead(ctx, 2)
    pool.prime(pages[:20])  # one whole batch (the 4 pages after it are left to the stream's second batch)
    primed: list[workers.BatchResult] = []
    workers.run_batches(ctx, pages, workers=2, on_result=primed.append, pool=pool)
    assert [r.pages for r in primed] == [r.pages for r in plain] == [16, 16, 9]
    assert _docs(primed) == _docs(plain)


def test_primed_pages_that_are_not_the_streams_first_are_refused(home: Paths, tmp_path: Path) -> None:
    run = _run_folder(home, tmp_path, 40)
    ctx = workers.context(home.raw_archive, run.name, [load_plan(PLAN_ID)], [])
    pages = _pages(run)
    pool = workers.PoolAhead(ctx, 2)
    pool.prime(pages[16:32])
    with pytest.raises(RuntimeError, match="not the run's first pages"):
        workers.run_batches(ctx, pages, workers=2, on_result=lambda _r: None, pool=pool)
    pool = workers.PoolAhead(ctx, 2)
    pool.prime(pages)
    with pytest.raises(RuntimeError, match="fewer pages"):
        workers.run_batches(ctx, pages[:16], workers=2, on_result=lambda _r: None, pool=pool)


def test_a_reprocess_primes_the_pool_with_its_run_files_first_rows_before_writing_it(
        home: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANWATCH_WORKERS", "2")
    ingest_run(home, _run_folder(home, tmp_path, 40), plans=[load_plan(PLAN_ID)], sources=[])
    events: list[str] = []
    primed: list[list[dict[str, Any]]] = []
    prime, written = workers.PoolAhead.prime, nightly._write_pages

    def record_prime(self: workers.PoolAhead, pages: Any) -> None:
        events.append("prime")
        primed.append(list(pages))
        prime(self, pages)

    def write_pages(*args: Any) -> None:
        events.append("run file")
        written(*args)

    monkeypatch.setattr(workers.PoolAhead, "prime", record_prime)
    monkeypatch.setattr(nightly, "_write_pages", write_pages)
    summary = nightly.reprocess(home, None)
    assert events == ["prime", "run file"]
    run_file = sorted(home.runs.glob("*-reprocess-*"))[-1] / "pages.jsonl"
    assert primed == [_pages(run_file.parent)]  # the run file's rows as read back (40; the first 32 submitted)
    assert summary.pages == 40 and summary.documents_updated == 40 and summary.documents_new == 0
