"""Crash safety: `planwatch crawl` SIGKILLed during fetch, inside the write job and during publish, a full
disk, a stale lock and an analyst holding the snapshot. After each: the snapshot opens read-only, a rerun
completes, no document is lost or duplicated (against a clean run's count), no review decision is lost."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.bootstrap import initialize
from pipeline.journal import append_decision, read_decisions
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.crawl.helpers import write_sources
from tests.faults import servers as S
from tests.faults.harness import nightly, record
from tests.support.plan import PRIMARY_PLAN

PLANWATCH = Path(sys.executable).with_name("planwatch")
PLAN = PRIMARY_PLAN
REPO = Path(__file__).resolve().parents[2]


class Newsroom(S.FaultSite):
    """A healthy outlet whose feed lists `count` articles, each answered after `delay` seconds."""

    fault = "newsroom"

    def __init__(self) -> None:
        super().__init__()
        self.count = 4
        self.delay = 0.0

    @property
    def source_id(self) -> str:
        return "newsroom"

    def feed(self, h: S.Handler) -> None:
        items = [(f"/tin-tuc/bai-viet-so-{i}-ve-de-an-33.html", f"Bài {i}") for i in range(1, self.count + 1)]
        h.reply(200, S.rss(self.base, items), "application/rss+xml; charset=utf-8")

    def other(self, h: S.Handler) -> None:
        if not h.path.startswith("/tin-tuc/bai-viet-so-"):
            h.reply(404, b"not found")
            return
        n = int(h.path.split("-so-")[1].split("-")[0])
        time.sleep(self.delay)
        h.reply(200, S.article_html(f"xã số {n}", title=f"Bài số {n}: bồi dưỡng giáo viên mầm non").encode())


@pytest.fixture
def newsroom() -> Iterator[Newsroom]:
    with Newsroom() as site:
        yield site  # type: ignore[misc]


def env_for(home: Paths, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PLANWATCH_HOME": str(home.home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", **extra}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def crawl_cmd(sources: Path) -> list[str]:
    return [str(PLANWATCH), "crawl", "--sources", str(sources)]


def crawl_children(home: Paths) -> list[int]:
    """Crawl subprocesses started for this home: python -m crawlers.run <home>/runs/.../job.json, or one started
    ahead (crawlers.run.prestart: python -m crawlers.run --wait-for-job <home>/runs)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"crawlers.run" in cmd and any(str(home.runs).encode() in part for part in cmd):
            pids.append(int(proc.name))
    return pids


def sigkill(proc: subprocess.Popen[Any], home: Paths) -> None:
    """Power cut: SIGKILL the nightly process and the crawl subprocess it started (its own session)."""
    children = crawl_children(home)
    os.killpg(proc.pid, signal.SIGKILL)
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    proc.wait(timeout=10)


def wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def snapshot_counts(home: Paths) -> dict[str, int]:
    """Open the published snapshot read-only, as an analyst would (fails the test if unreadable)."""
    conn = duckdb.connect(str(home.snapshot), read_only=True)
    try:
        out = {}
        for name, sql in {"documents": "SELECT count(*) FROM documents",
                          "distinct_urls": "SELECT count(DISTINCT canonical_url) FROM documents",
                          "decisions": "SELECT count(*) FROM review_decisions"}.items():
            row = conn.execute(sql).fetchone()
            out[name] = int(row[0]) if row else 0
        return out
    finally:
        conn.close()


def decide(home: Paths) -> list[str]:
    """Two reviewer decisions, recorded in the journal (as `planwatch review decide` does)."""
    with open_snapshot(home) as conn:
        doc_ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 2").fetchall()]
    ids = []
    for doc_id, action in zip(doc_ids, ("confirm", "reject"), strict=True):
        decision_id = uuid.uuid4().hex
        append_decision(home.review_journal, {
            "decision_id": decision_id, "doc_id": doc_id, "plan_id": PLAN, "action": action,
            "activity": "2b" if action == "confirm" else None, "format": "article", "reviewer": "Lan",
            "decided_at": dt.datetime.now(dt.UTC)})
        ids.append(decision_id)
    return ids


@pytest.fixture
def clean_count(tmp_path_factory: pytest.TempPathFactory, newsroom: Newsroom) -> int:
    """Documents a clean, uninterrupted run stores from the 10-article newsroom."""
    state = tmp_path_factory.mktemp("clean")
    paths = Paths(state / "state").ensure()
    sources = write_sources(state / "sources.toml", [newsroom.source()])
    newsroom.count = 10
    initialize(paths, str(sources))
    nightly(paths, sources)
    with open_snapshot(paths) as conn:
        row = conn.execute("SELECT count(*) FROM documents").fetchone()
    newsroom.count = 4
    count = int(row[0]) if row else 0
    assert count == 10, "a clean run stores all 10 articles (a broken one must not set the bar the reruns meet)"
    return count


def prepared(home: Paths, tmp_path: Path, newsroom: Newsroom) -> tuple[Path, list[str], int]:
    """A warehouse with a first night (4 articles) and two review decisions in the journal."""
    sources = write_sources(tmp_path / "sources.toml", [newsroom.source()])
    initialize(home, str(sources))
    nightly(home, sources)
    decisions = decide(home)
    before = snapshot_counts(home)["documents"]
    newsroom.count = 10
    return sources, decisions, before


def rerun_and_check(home: Paths, sources: Path, decisions: list[str], clean: int, case: str) -> dict[str, Any]:
    done = subprocess.run(crawl_cmd(sources), env=env_for(home), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    counts = snapshot_counts(home)
    assert counts["documents"] == clean, f"lost or extra documents: {counts} vs clean {clean}"
    assert counts["distinct_urls"] == counts["documents"], "duplicate documents"
    with open_snapshot(home) as conn:
        stored = {r[0] for r in conn.execute("SELECT decision_id FROM review_decisions").fetchall()}
        undecided = conn.execute("SELECT count(*) FROM classifications WHERE doc_id NOT IN "
                                 "(SELECT doc_id FROM documents)").fetchone()
    assert set(decisions) <= stored, "a review decision was lost"
    assert undecided and undecided[0] == 0
    assert {d["decision_id"] for d in read_decisions(home.review_journal)} == set(decisions)
    assert not list(home.snapshot.parent.glob(".*.tmp*")), "a half-published snapshot was left behind"
    record(case, fault=case, survived=True, runs=3, documents=counts["documents"], clean=clean,
           rows_lost=clean - counts["documents"], duplicates=counts["documents"] - counts["distinct_urls"],
           decisions_kept=len(set(decisions) & stored), decisions=len(decisions))
    return counts


@pytest.mark.parametrize("point", ["fetch", "store", "publish"])
def test_sigkill_then_rerun(point: str, home: Paths, tmp_path: Path, newsroom: Newsroom, clean_count: int) -> None:
    sources, decisions, before = prepared(home, tmp_path, newsroom)
    env = env_for(home)
    if point == "fetch":
        newsroom.delay = 0.4  # 6 new articles at 0.4 s each: the kill lands mid-crawl
    else:
        env.update(PLANWATCH_FAULT_PAUSE=point, PLANWATCH_FAULT_PAUSE_SECONDS="60")
    proc = subprocess.Popen(crawl_cmd(sources), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        if point == "fetch":
            def fetching() -> bool:
                return any(p.stat().st_size > 0 for p in home.runs.glob("*/pages.jsonl")
                           if not (p.parent / "ingested").exists())
            wait_for(fetching, 60, "the crawl to fetch a page")
        else:
            assert proc.stderr is not None
            for line in proc.stderr:
                if f"planwatch-fault-pause: {point}" in line:
                    break
            else:
                pytest.fail(f"the run ended before reaching {point}")
    finally:
        sigkill(proc, home)
    newsroom.delay = 0.0
    assert not crawl_children(home)

    after_kill = snapshot_counts(home)  # readable, and the old snapshot (nothing half-published)
    assert after_kill["documents"] == before
    assert len(read_decisions(home.review_journal)) == 2
    rerun_and_check(home, sources, decisions, clean_count, f"sigkill-{point}")


# -- full disk -------------------------------------------------------------------------------------------

@contextlib.contextmanager
def small_disk(tmp_path: Path, how: str) -> Iterator[Path]:
    """A 64 MB tmpfs (skipped where mounting is not allowed), or a plain folder for RLIMIT_FSIZE."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if how == "tmpfs":
        if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")):
            pytest.skip("mounting a tmpfs needs root")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mnt)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        if how == "tmpfs":
            subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    """Fill a tmpfs until `leave` bytes are free."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free - leave
    with open(filler, "wb") as fh:
        chunk = b"\0" * (1024 * 1024)
        while free > 0:
            fh.write(chunk[:min(len(chunk), free)])
            free -= len(chunk)
    return filler


@pytest.mark.parametrize("how", ["tmpfs", "rlimit"])
def test_full_disk_fails_cleanly_and_recovers(how: str, tmp_path: Path, newsroom: Newsroom, clean_count: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    with small_disk(tmp_path, how) as disk:
        home = Paths(disk / "state").ensure()
        monkeypatch.setenv("PLANWATCH_HOME", str(home.home))
        sources, decisions, before = prepared(home, tmp_path, newsroom)
        preexec = None
        filler = None
        if how == "tmpfs":
            filler = _fill(disk, leave=256 * 1024)
        else:
            def preexec() -> None:  # every file this process (and the crawl it starts) writes: <= 256 KB
                resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
        full = subprocess.run(crawl_cmd(sources), env=env_for(home), capture_output=True, text=True,
                              timeout=120, preexec_fn=preexec)
        assert full.returncode != 0
        last = full.stderr.strip().splitlines()[-1] if full.stderr.strip() else ""
        assert "Traceback" not in full.stderr, full.stderr[-3000:]
        assert "disk" in last.lower() or "space" in last.lower() or "too large" in last.lower(), full.stderr[-2000:]
        assert snapshot_counts(home)["documents"] == before  # the old snapshot, still readable
        if filler:
            filler.unlink()
        rerun_and_check(home, sources, decisions, clean_count, f"full-disk-{how}")


# -- locks and readers -----------------------------------------------------------------------------------

def test_stale_lock_from_a_dead_writer_is_harmless(home: Paths, tmp_path: Path, newsroom: Newsroom) -> None:
    sources = write_sources(tmp_path / "sources.toml", [newsroom.source()])
    initialize(home, str(sources))
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(home.writer_lock)!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, f'{os.getpid()}\\n'.encode())\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.kill()  # SIGKILL: the lock file stays, naming a dead pid
    holder.wait(timeout=10)
    assert home.writer_lock.read_text().strip() == str(holder.pid)
    with open_writer(home, publish=False, lock_timeout=0.1):  # LockTimeout if the dead pid's file still locked
        pass
    nightly(home, sources)
    assert snapshot_counts(home)["documents"] == 4
    record("stale-lock", fault="stale-lock", survived=True, runs=1, documents=4, rows_lost=0, duplicates=0)


def test_analyst_holding_the_snapshot_never_blocks_the_nightly_run(home: Paths, tmp_path: Path,
                                                                   newsroom: Newsroom) -> None:
    sources = write_sources(tmp_path / "sources.toml", [newsroom.source()])
    initialize(home, str(sources))
    nightly(home, sources)
    reader = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time\n"
        f"conn = duckdb.connect({str(home.snapshot)!r}, read_only=True)\n"
        "print(conn.execute('SELECT count(*) FROM documents').fetchone()[0], flush=True)\n"
        "sys.stdin.readline()\n"
        "print(conn.execute('SELECT count(*) FROM documents').fetchone()[0], flush=True)\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdin is not None
        assert reader.stdout.readline().strip() == "4"
        newsroom.count = 10
        nightly(home, sources)  # while the analyst's connection is open
        assert reader.poll() is None  # still connected: checked again by its second read below
        assert snapshot_counts(home)["documents"] == 10
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "4"  # the analyst keeps a consistent, older view
    finally:
        reader.kill()
        reader.wait(timeout=10)
    record("analyst-reader", fault="analyst-reader", survived=True, runs=1, documents=10, rows_lost=0, duplicates=0)


def test_crawl_left_by_a_killed_parent_stops(home: Paths, tmp_path: Path, newsroom: Newsroom,
                                             clean_count: int) -> None:
    """SIGKILL of the nightly process only: its crawl subprocess (own session) notices and ends within
    seconds instead of crawling on for up to time_limit next to the rerun's crawl."""
    sources, decisions, _ = prepared(home, tmp_path, newsroom)
    newsroom.delay = 1.0
    proc = subprocess.Popen(crawl_cmd(sources), env=env_for(home), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # crawling, not only started: a child started ahead that has no job yet would end at once (no stdin)
        wait_for(lambda: bool(crawl_children(home)) and any(home.runs.glob("*/fetches.jsonl")), 60,
                 "the crawl subprocess")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the parent's group only: the crawl child lives on
        proc.wait(timeout=10)
    started = time.monotonic()
    wait_for(lambda: not crawl_children(home), 20, "the orphaned crawl to stop")
    newsroom.delay = 0.0
    record("orphaned-crawl", fault="orphaned-crawl", survived=True, runs=2,
           orphan_stopped_s=round(time.monotonic() - started, 1))
    rerun_and_check(home, sources, decisions, clean_count, "sigkill-parent-only")
