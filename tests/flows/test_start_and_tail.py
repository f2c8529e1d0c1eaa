"""The run's serial start and tail (issue 16, fourteenth session): the worker pool forks its workers before the
first batch; a reprocess reads the snapshot once; a crawl hands its job to the crawl subprocess before importing
the ingest; the snapshot's publish is recorded in the write job itself (one open of the warehouse); a pipeline
command ends without the interpreter's teardown, with the same status, output and atexit handlers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

import pipeline.nightly as nightly
import pipeline.store as store
import pipeline.workers as workers
from pipeline.ingest import ingest_run
from pipeline.plans import load_plan
from planwatch.config import Paths
from tests.flows.test_pipeline_speed_paths import _run_folder
from tests.support.fresh import REPO_ROOT, assert_in_fresh_interpreter
from tests.support.warehouse import PLAN_ID


def test_a_pool_started_ahead_forks_a_worker_before_any_batch_and_runs_the_batches(home: Paths,
                                                                                    tmp_path: Path) -> None:
    run = _run_folder(home, tmp_path, 40)
    ctx = workers.context(home.raw_archive, run.name, [load_plan(PLAN_ID)], [])
    pool = workers.PoolAhead(ctx, 2)
    executor = pool.started()  # (the start asked for: no batch submitted yet)
    assert 1 <= len(executor._processes) <= 2
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    got: list[workers.BatchResult] = []
    workers.run_batches(ctx, pages, workers=2, on_result=got.append, pool=pool)
    assert sum(r.pages for r in got) == 41 and len({d["doc_id"] for r in got for d in r.docs}) == 40
    assert executor._shutdown_thread  # closed by run_batches


def test_a_reprocess_reads_the_snapshot_once_and_starts_the_pool_before_writing_its_run_file(
        home: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANWATCH_WORKERS", "2")
    ingest_run(home, _run_folder(home, tmp_path, 40), plans=[load_plan(PLAN_ID)], sources=[])
    events: list[str] = []
    opened = nightly.open_snapshot
    started = workers.PoolAhead.__init__
    written = nightly._write_pages

    def open_snapshot(*args: Any, **kwargs: Any) -> Any:
        events.append("snapshot")
        return opened(*args, **kwargs)

    def pool_init(self: workers.PoolAhead, *args: Any) -> None:
        events.append("pool")
        started(self, *args)

    def write_pages(*args: Any) -> None:
        events.append("run file")
        written(*args)

    import pipeline.snapshot as snapshot

    monkeypatch.setattr(nightly, "open_snapshot", open_snapshot)
    monkeypatch.setattr(snapshot, "open_snapshot", open_snapshot)  # (what ingest's own snapshot read opens)
    monkeypatch.setattr(workers.PoolAhead, "__init__", pool_init)
    monkeypatch.setattr(nightly, "_write_pages", write_pages)
    summary = nightly.reprocess(home, None)
    assert events == ["snapshot", "pool", "run file"]
    assert summary.pages == 40 and summary.documents_updated == 40 and summary.documents_new == 0


def test_an_ingest_opens_the_warehouse_once_and_records_its_publish_there(
        home: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = _run_folder(home, tmp_path, 40)
    opens: list[str] = []
    connect = store.connect_rw

    def connect_rw(paths: Paths) -> duckdb.DuckDBPyConnection:
        opens.append("rw")
        return connect(paths)

    monkeypatch.setattr(store, "connect_rw", connect_rw)
    summary = ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[])
    assert opens == ["rw"]  # before: a second open, lock and checkpoint after the rename (record_publish)
    assert home.snapshot.exists() and not home.warehouse.with_name(home.warehouse.name + ".wal").exists()
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        row = conn.execute("SELECT summary_json FROM crawl_runs WHERE run_id = ?", [run.name]).fetchone()
        publish = conn.execute("SELECT seconds, items FROM run_stages WHERE run_id = ? AND stage = 'publish'",
                               [run.name]).fetchall()
    finally:
        conn.close()
    assert row is not None and json.loads(row[0])["stages"]["publish"] == summary.stages["publish"]
    assert publish == [(pytest.approx(summary.stages["publish"]["seconds"]), 1)]
    with duckdb.connect(str(home.snapshot), read_only=True) as snap:  # the snapshot: the job's rows, no publish yet
        assert snap.execute("SELECT count(*) FROM run_stages WHERE run_id = ? AND stage = 'publish'",
                            [run.name]).fetchone() == (0,)
        assert snap.execute("SELECT count(*) FROM documents").fetchone() == (40,)


def test_without_the_snapshot_publish_the_run_is_recorded_after_the_job(
        home: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A job whose publish is not the snapshot's (the lake's) gets no after_publish call: record_publish opens
    the warehouse again, as before."""
    run = _run_folder(home, tmp_path, 40)
    calls: list[str] = []
    import pipeline.ingest as ingest

    record = ingest.record_publish

    def record_publish(*args: Any, **kwargs: Any) -> None:
        calls.append("record")
        record(*args, **kwargs)

    monkeypatch.setattr(store, "_publish_snapshot", lambda paths, writer: None)  # as if published elsewhere
    monkeypatch.setattr(ingest, "record_publish", record_publish)
    ingest_run(home, run, plans=[load_plan(PLAN_ID)], sources=[])
    assert calls == ["record"]


def test_importing_the_nightly_recipe_leaves_the_ingest_and_pyarrow_for_later() -> None:
    assert_in_fresh_interpreter(
        "import sys\n"
        "import pipeline.nightly\n"
        "assert 'pipeline.ingest' not in sys.modules and 'pyarrow' not in sys.modules, sorted(sys.modules)\n"
    )


def test_a_crawl_hands_its_job_over_before_importing_the_ingest() -> None:
    assert_in_fresh_interpreter(
        "import sys\n"
        "import pipeline.nightly as nightly\n"
        "seen = []\n"
        "class Stop(Exception): pass\n"
        "def start_crawl(job, **kw):\n"
        "    seen.append('pipeline.ingest' in sys.modules)\n"
        "    raise Stop\n"
        "import crawlers.run\n"
        "crawlers.run.start_crawl = start_crawl\n"
        "nightly.prepare_crawl = lambda *a, **k: (None, {}, [])\n"
        "try:\n"
        "    nightly.crawl_and_ingest(None, None, None, None)\n"
        "except Stop:\n"
        "    pass\n"
        "assert seen == [False]\n"
    )


def test_refreeze_freezes_later_imports_only_after_tune() -> None:
    assert_in_fresh_interpreter(
        "import gc\n"
        "from pipeline import gc_tuning\n"
        "assert gc_tuning.refreeze() is False and gc.get_freeze_count() == 0\n"
        "assert gc_tuning.tune() is True\n"
        "frozen = gc.get_freeze_count()\n"
        "later = [[i] for i in range(1000)]\n"
        "assert gc_tuning.refreeze() is True and gc.get_freeze_count() >= frozen + 1000\n"
    )


_SCRIPT = """
import atexit, sys
from pathlib import Path
import planwatch.cli as cli
import planwatch.cli.early as early

out, status = Path(sys.argv[1]), int(sys.argv[3])

class Torn:
    def __del__(self):
        (out / "teardown").write_text("x")

torn = Torn()  # freed by the interpreter's teardown only
atexit.register(lambda: (out / "atexit").write_text("x"))
early.start_helpers = lambda args: []

def app():
    print("summary line")  # (buffered: stdout is a pipe)
    raise SystemExit(status)

cli._build = lambda modules=cli._COMMAND_MODULES: app
sys.argv = ["planwatch", sys.argv[2]]
cli.main()
"""


@pytest.mark.parametrize(("command", "status", "torn"), [("reprocess", 0, False), ("crawl", 3, False),
                                                         ("status", 0, True), ("status", 3, True)])
def test_a_pipeline_command_ends_without_the_teardown_but_with_its_status_output_and_atexit(
        tmp_path: Path, command: str, status: int, torn: bool) -> None:
    script = tmp_path / "main.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}  # (the script's folder is not the repository's)
    done = subprocess.run([sys.executable, str(script), str(tmp_path), command, str(status)], capture_output=True,
                          text=True, cwd=REPO_ROOT, env=env, timeout=120)
    assert done.returncode == status, done.stderr
    assert done.stdout == "summary line\n"
    assert (tmp_path / "atexit").exists()
    assert (tmp_path / "teardown").exists() is torn  # other commands: the usual exit


def test_a_pipeline_command_waits_for_a_live_thread_as_the_usual_exit_does(tmp_path: Path) -> None:
    import threading

    from planwatch.cli import exit_now

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        exit_now(0)  # returns (the usual exit follows): the process is still here
    finally:
        stop.set()
        thread.join()


def test_the_pool_is_left_to_exit_once_every_result_is_in_and_waited_for_after_an_error(
        home: Paths, tmp_path: Path) -> None:
    run = _run_folder(home, tmp_path, 40)
    ctx = workers.context(home.raw_archive, run.name, [load_plan(PLAN_ID)], [])
    pages = [json.loads(x) for x in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    for fail in (False, True):
        pool = workers.PoolAhead(ctx, 2)
        waits: list[bool] = []
        shutdown = pool.executor.shutdown

        def recorded(wait: bool = True, *, cancel_futures: bool = False, _shutdown: Any = shutdown,
                     _waits: list[bool] = waits) -> None:
            _waits.append(wait)
            _shutdown(wait=True)  # (the test process waits for its workers either way)

        pool.executor.shutdown = recorded  # type: ignore[method-assign]

        def take(result: workers.BatchResult, _fail: bool = fail) -> None:
            if _fail:
                raise RuntimeError("the writer failed")

        if fail:
            with pytest.raises(RuntimeError):
                workers.run_batches(ctx, pages, workers=2, on_result=take, pool=pool)
        else:
            workers.run_batches(ctx, pages, workers=2, on_result=take, pool=pool)
        assert waits == [fail]  # every result in: the workers exit while the tail goes on
