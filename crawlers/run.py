"""Crawl entry points.

Child side: `python -m crawlers.run JOB.json` runs Scrapy (its own process: Twisted's reactor cannot be
restarted) and writes the run folder. Parent side: `run_crawl(job) -> CrawlResult` writes the job file,
starts the child with a time limit, folds the new conditional-GET validators into the state file and
reads the result back. Neither side touches DuckDB: the lead's pipeline.ingest loads the run folder."""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from crawlers.job import CrawlJob
from crawlers.output import DONE, FETCHES, HEALTH, PAGES, PROGRESS, merge_validators, read_jsonl, read_progress

REPO_ROOT = Path(__file__).resolve().parent.parent
JOB_FILE = "job.json"
LOG_FILE = "crawl.log"
WAIT_FLAG = "--wait-for-job"  # a prestarted child: the job file's path comes on stdin (prestart)


@dataclass
class CrawlResult:
    run_id: str
    out_dir: Path
    returncode: int | None
    done: bool                      # the `done` marker exists: the crawl finished writing
    timed_out: bool
    elapsed_s: float
    summary: dict[str, Any] = field(default_factory=dict)   # contents of the done marker
    health: list[dict[str, Any]] = field(default_factory=list)
    fetches: int = 0
    pages: int = 0
    log_tail: str = ""

    @property
    def ok(self) -> bool:
        return self.done and self.returncode == 0

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "out_dir": str(self.out_dir), "returncode": self.returncode,
                "done": self.done, "timed_out": self.timed_out, "elapsed_s": round(self.elapsed_s, 2),
                "fetches": self.fetches, "pages": self.pages, "summary": self.summary, "health": self.health}


class CrawlHandle:
    """A crawl subprocess that was started and not yet waited for (start_crawl); `finish()` waits for it (at
    most its time limit from the start) and reads the result back, like run_crawl. `running()` also hands a
    changed progress file to the progress callback."""

    def __init__(self, job: CrawlJob, proc: subprocess.Popen[bytes], limit: float, log: Any,
                 progress: Callable[[dict[str, Any]], None] | None) -> None:
        self.job, self.proc, self.limit, self._log, self.progress = job, proc, limit, log, progress
        self.out_dir = Path(job.out_dir)
        self.started = time.monotonic()
        self._seen = -1.0

    def running(self) -> bool:
        if self.proc.poll() is not None:
            return False
        self._seen = _report_progress(self.out_dir, self.progress, self._seen)
        return time.monotonic() - self.started < self.limit  # past the limit, finish() kills it

    def finish(self, poll: float = 0.5, *, counts: bool = True) -> CrawlResult:
        """counts=False: the result's fetches and pages are not counted (left at 0): a caller that reads the run
        files itself (pipeline.nightly.crawl_and_ingest, at the end of its page stream) does not parse the whole
        fetch log and page file once more for numbers it drops (5.6 MB of JSON at the bench, 0.04-0.05 s of CPU
        on the path to the run's last batch)."""
        timed_out = False
        try:
            while True:
                try:
                    returncode: int | None = self.proc.wait(
                        timeout=min(poll, max(0.0, self.started + self.limit - time.monotonic())))
                    break
                except subprocess.TimeoutExpired:
                    if time.monotonic() - self.started >= self.limit:
                        timed_out = True
                        _kill_group(self.proc)
                        returncode = self.proc.wait()
                        break
                    self._seen = _report_progress(self.out_dir, self.progress, self._seen)
        finally:
            self._log.close()
        if self.progress is not None:
            final = read_progress(self.out_dir)
            if final is not None:
                self.progress({**final, "final": True})
        result = collect(self.job, returncode=returncode, timed_out=timed_out,
                         elapsed=time.monotonic() - self.started, counts=counts)
        if self.job.validators_file:
            merge_validators(Path(self.job.validators_file), self.out_dir)
        return result


def start_crawl(job: CrawlJob | dict[str, Any], *, timeout: float | None = None,
                progress: Callable[[dict[str, Any]], None] | None = None) -> CrawlHandle:
    """Start one crawl in a subprocess and return at once: its run folder fills while the caller works on
    what is already there (pipeline.follow). Call `finish()` on the handle. progress: as for run_crawl."""
    if isinstance(job, dict):
        job = CrawlJob.from_dict(job)
    out_dir = Path(job.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    job_path = out_dir / JOB_FILE
    job_path.write_text(job.to_json(), encoding="utf-8")
    limit = timeout if timeout is not None else job.time_limit
    env = _child_env()
    log = open(out_dir / LOG_FILE, "ab")  # noqa: SIM115 (closed by CrawlHandle.finish)
    proc = _hand_job(env, job_path)
    if proc is None:
        proc = subprocess.Popen([sys.executable, "-m", "crawlers.run", str(job_path)], cwd=str(REPO_ROOT),
                                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    return CrawlHandle(job, proc, limit, log, progress)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    return env


# A crawl subprocess started ahead by prestart(), importing Scrapy while the caller prepares the job, the
# environment it was started with and the runs folder its job must be in.
_READY: tuple[subprocess.Popen[bytes], dict[str, str], Path] | None = None


def prestart(runs: Path) -> None:
    """Start the next crawl's subprocess now (`planwatch crawl` and `backfill` call this first thing): it imports
    Scrapy and the spider (about 0.3 s of CPU) while this process imports the pipeline and prepares the job,
    then waits for the job file's path on its stdin. start_crawl hands it a job in `runs` (the state's runs
    folder: it is on the child's command line, so `ps` shows which state a crawl is for, as the job path
    shows it for a child start_crawl starts); a process that never starts a crawl leaves it waiting until it
    exits (the closed pipe ends it). Same module, same session and log file as a child start_crawl starts."""
    global _READY
    if _READY is not None:
        return
    env = _child_env()
    runs = Path(runs).resolve()
    proc = subprocess.Popen([sys.executable, "-m", "crawlers.run", WAIT_FLAG, str(runs)], cwd=str(REPO_ROOT),
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    _READY = (proc, env, runs)
    atexit.register(_discard_ready)


def _discard_ready() -> None:
    """Let a prestarted child that got no job end (it reads end-of-file)."""
    global _READY
    ready, _READY = _READY, None
    if ready is not None and ready[0].stdin is not None:
        with contextlib.suppress(OSError):
            ready[0].stdin.close()


def _hand_job(env: dict[str, str], job_path: Path) -> subprocess.Popen[bytes] | None:
    """The prestarted child, given the job; None (and the child let go) when there is none, it has ended, it was
    started with another environment or for another runs folder: start_crawl then starts one as before."""
    global _READY
    ready, _READY = _READY, None
    if ready is None:
        return None
    proc, started_env, runs = ready
    job_path = job_path.resolve()
    if proc.poll() is not None or started_env != env or not job_path.is_relative_to(runs) or proc.stdin is None:
        _READY = ready
        _discard_ready()
        return None
    try:
        proc.stdin.write(f"{job_path}\n".encode())
        proc.stdin.close()
    except OSError:  # it ended meanwhile
        return None
    return proc


def run_crawl(job: CrawlJob | dict[str, Any], *, timeout: float | None = None,
              progress: Callable[[dict[str, Any]], None] | None = None, poll: float = 0.5) -> CrawlResult:
    """Run one crawl in a subprocess and wait for it (at most `timeout`, default job.time_limit).

    Rerunning a job with the same out_dir after a crash resumes it: article pages already in its
    pages.jsonl are not fetched again. On timeout the child's process group is killed; the run folder then
    holds complete lines for everything fetched, without a `done` marker.
    progress: called with the child's progress.json (per source: fetched, found, pages, errors, pending,
    delay) every time it changes, about once a second, and with its final state once the child is done."""
    return start_crawl(job, timeout=timeout, progress=progress).finish(poll)


def _report_progress(out_dir: Path, progress: Callable[[dict[str, Any]], None] | None, seen: float) -> float:
    """Hand a changed progress file to the callback; returns its mtime."""
    if progress is None:
        return seen
    try:
        mtime = (out_dir / PROGRESS).stat().st_mtime
    except OSError:
        return seen
    if mtime != seen:
        snapshot = read_progress(out_dir)
        if snapshot is not None and not snapshot.get("final"):  # the final one is handed over once, at the end
            progress(snapshot)
    return mtime


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """End the crawl subprocess we started (and its own children), by its process group."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def collect(job: CrawlJob, *, returncode: int | None = None, timed_out: bool = False,
            elapsed: float = 0.0, counts: bool = True) -> CrawlResult:
    """Read a run folder back into a CrawlResult (also for a folder left by a killed crawl). counts=False: the
    fetch log and the page file are not read (fetches and pages left at 0)."""
    out_dir = Path(job.out_dir)
    done_path = out_dir / DONE
    summary: dict[str, Any] = {}
    if done_path.exists():
        try:
            summary = json.loads(done_path.read_text(encoding="utf-8") or "{}")
        except json.JSONDecodeError:
            summary = {}
    log_tail = ""
    if (out_dir / LOG_FILE).exists():
        log_tail = (out_dir / LOG_FILE).read_text(encoding="utf-8", errors="replace")[-4000:]
    return CrawlResult(run_id=job.run_id, out_dir=out_dir, returncode=returncode, done=done_path.exists(),
                       timed_out=timed_out, elapsed_s=elapsed, summary=summary,
                       health=list(read_jsonl(out_dir / HEALTH)),
                       fetches=sum(1 for _ in read_jsonl(out_dir / FETCHES)) if counts else 0,
                       pages=sum(1 for _ in read_jsonl(out_dir / PAGES)) if counts else 0, log_tail=log_tail)


# -- child side -------------------------------------------------------------------------------------------

def crawl_in_this_process(job: CrawlJob) -> int:
    """Run the crawl here (the subprocess body). Returns an exit code."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.registry import load_queries, load_sources
    from crawlers.settings import build_settings
    from crawlers.spider import PlanwatchSpider

    sources = load_sources(job.sources)
    if job.source_ids:
        wanted = set(job.source_ids)
        missing = wanted - {s.id for s in sources}
        if missing:
            print(f"planwatch crawl: unknown source id(s) {sorted(missing)}", file=sys.stderr)
            return 2
        sources = [s for s in sources if s.id in wanted]
    queries = list(job.queries) or [q.text for q in load_queries(job.queries_file)]
    settings = build_settings(job, sources)
    process = CrawlerProcess(settings)
    # Scrapy sets its own logger to DEBUG and filters in the root handler (at LOG_LEVEL): every response built a
    # "Crawled (200)" record for nothing. Records under LOG_LEVEL are dropped at the logger now; what is written
    # (and counted by LogCount, whose handler has the same level) is unchanged.
    logging.getLogger("scrapy").setLevel(settings["LOG_LEVEL"])
    process.crawl(PlanwatchSpider, job=job, sources=sources, queries=queries)
    _stop_when_orphaned(process)
    _tune_gc()
    process.start()
    return 0 if (Path(job.out_dir) / DONE).exists() else 1


def _tune_gc() -> None:
    """The cyclic collector was 8-9% of the crawl subprocess's CPU (perf, 1,500 bench pages): every request makes
    many container objects (Deferreds, requests, headers), so collections ran often and each older-generation one
    walked every object of the imports too. Freeze what exists now (modules, settings, the spider: never garbage)
    and collect the youngest generation every 10,000 net allocations instead of 700: cycles are still freed, a
    little later, and memory stays bounded (PLANWATCH_CRAWL_GC=default keeps Python's own settings)."""
    if _freeze():
        gc.set_threshold(10_000, 10, 10)


def _freeze(collect: bool = True) -> bool:
    """Collect, then move every object there is to the permanent generation (not with PLANWATCH_CRAWL_GC=default).
    A prestarted child does it once before its job comes too, so that the one after the engine is built only
    walks what was made since; that first one does not collect (collect=False): the imports leave no cycles of
    garbage (a collect after them found none, 62,600 objects walked for 0.04 s of CPU, 0.01 ms a bench page)."""
    if os.environ.get("PLANWATCH_CRAWL_GC") == "default":
        return False
    if collect:
        gc.collect()
    gc.freeze()
    return True


def _stop_when_orphaned(process: Any, every: float = 2.0, grace: float = 5.0) -> None:
    """The child runs in its own session, so a SIGKILLed parent (planwatch crawl, a Prefect worker) would
    leave it crawling for up to time_limit, next to the rerun's own crawl. When the parent is gone, cancel
    the crawl; if Scrapy is still draining its download queue after `grace` seconds, exit hard. Both are
    safe: the run folder holds whole lines only, and the next run ingests it (recover_pending_runs)."""
    from scrapy.utils.defer import deferred_from_coro
    from twisted.internet import reactor, task

    parent = os.getppid()

    def check() -> None:
        if os.getppid() == parent:
            return
        print("planwatch crawl: the parent process is gone; closing the crawl", file=sys.stderr, flush=True)
        watch.stop()
        for crawler in list(process.crawlers):
            if crawler.engine is not None and crawler.engine.spider is not None:
                deferred_from_coro(crawler.engine.close_spider_async(reason="parent_gone"))
        cast(Any, reactor).callLater(grace, os._exit, 75)

    watch = task.LoopingCall(check)
    watch.start(every, now=False)


# Modules the engine imports when it is built (the download handler and Twisted's HTTP client, the resolver, the
# stats and log formatter), besides those of the components named in crawlers.settings' lists. None of them
# installs a reactor: Scrapy installs the asyncio one when the crawl starts.
_ENGINE_MODULES = ("scrapy.core.downloader", "scrapy.core.downloader.handlers.http11",
                   "scrapy.core.downloader.middleware", "scrapy.core.downloader.tls", "scrapy.resolver",
                   "scrapy.statscollectors", "scrapy.logformatter", "scrapy.utils.request")


def _preload() -> None:
    """Import, while a prestarted child waits for its job, the modules the engine would import once the job is
    there (about 0.05 s of CPU taken off the crawl's start): Scrapy's download handler, our middlewares and every
    component of the settings' base lists. Only imports: what is built from them is unchanged."""
    import importlib

    from crawlers.settings import component_modules

    for name in (*_ENGINE_MODULES, *component_modules()):
        importlib.import_module(name)


def _wait_for_job() -> int:
    """A prestarted child (prestart): import what the crawl needs, then read the job file's path from stdin; its
    output goes to the run's log file from then on, as start_crawl's redirection does. End of input: no job."""
    import scrapy.crawler  # noqa: F401  (the imports of crawl_in_this_process, made while the parent prepares)

    import crawlers.registry
    import crawlers.settings
    import crawlers.spider  # noqa: F401

    _preload()
    _freeze(collect=False)
    line = sys.stdin.readline().strip()
    if not line:
        return 0
    job_path = Path(line)
    log = os.open(job_path.parent / LOG_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log, sys.stdout.fileno())
    os.dup2(log, sys.stderr.fileno())
    os.close(log)
    return crawl_in_this_process(CrawlJob.load(job_path))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == WAIT_FLAG:  # the second: the runs folder, for `ps` only
        return _wait_for_job()
    if len(args) != 1:
        print("usage: python -m crawlers.run JOB.json", file=sys.stderr)
        return 2
    return crawl_in_this_process(CrawlJob.load(args[0]))


if __name__ == "__main__":
    sys.exit(main())
