"""How the warehouse behaves at N documents: build a synthetic warehouse fast, then time what people wait for.

    .venv/bin/python bench/bench_scale.py --docs 10000 [--json] [--home DIR] [--keep]

Builds, in a fresh PLANWATCH_HOME (a temp folder unless --home), a warehouse of N synthetic documents with
realistic sizes (Vietnamese text of 2-9 KB, a lead, 128-value MinHash signatures, one article fetch per page
with its headers), stories (about 1.4 pages per story, copies across outlets), one classification per
document for every plan (about 8% accepted, 6% sent to review, the rest rejected), review decisions on
about a fifth of the reviewed items, 700 outlets and a health log. Rows go in as Arrow batches through
`Writer.insert`, never through the crawler. Then it publishes once and measures, in a child process (so
`peak_rss_mb` is what the operations need, not the build):

- `report_ms`: `planwatch report --format json` for the first plan (open what it reads, build the report, render
  the JSON), median of 3;
- `coverage_items_ms`: `SELECT * FROM coverage_items` for that plan, median of 3;
- `search_ms`: a full-text query (top 20 by BM25, `fts_main_documents.top_bm25`, then their rows), median of 3;
- `decision_visible_ms`: `planwatch review decide --confirm` on a pending item, run in-process through the
  CLI, until the report counts it (the report is re-read until it does); the first decision of the process,
  so it pays the decision path's first imports; `decision_visible_warm_ms`: the same for a second item (another
  story) right after, once the first one's background lake publish is done: a reviewer's next decision in a
  long-lived process;
- `publish_ms`: one publish of the reader-visible state after a small change;
- `ingest_500_s`: a 500-document write job (classification with the real classifier, story assignment,
  store, publish; extraction is excluded: its cost does not depend on N);
- `story_lookup_ms`: assigning stories to those 500 documents against every stored one (read + match);
- `warehouse_mb`: the warehouse on disk (`snapshot_mb`: the published state on disk);
- `peak_rss_mb`: the child process's peak resident memory, the bench's own choice of the items to decide made in
  a grandchild so it does not count (`peak_rss_by_step`: the peak after each step, in
  the order run, so the step that raised it shows; `duckdb_memory`: the DuckDB memory limits it ran under, general,
  readers' and whole rebuilds', pipeline/duck.py);
- `report_cpu_ms`, `decision_visible_cpu_ms`, `decision_visible_warm_cpu_ms`: the CPU time of the measuring
  process (all its threads) for those, which a loaded machine changes much less than the wall-clock figures;
  `load_avg_1min` at the end;
- `ingest_500_cpu_s`: the write job's CPU time (all threads of the process; its publish included), and
  `ingest_500_checkpoint_s` / `ingest_500_checkpoint_cpu_s`: the wall and CPU time of the warehouse
  checkpoint that closes its writer (what grew with the warehouse before migration 011); `ingest_500_moved`: the
  stored documents the job moved to another story.

With PLANWATCH_LAKE the report reads the coverage file (pipeline/coverage_file.py), as `planwatch report`
does; `review decide` publishes that file and leaves the lake to a background waiter; the bench waits for the
waiter to finish (its line in review/sync.log) before the next steps, so `publish_ms` and `ingest_500_s` do not
include its lake publish.

Prints one JSON object (with --json only that, else a line per field). Not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import pyarrow as pa

from planwatch.config import Paths
from planwatch.core.vntime import VN_TZ as VN

CHUNK = 20_000
DECISION_TIMEOUT = 300.0  # seconds a decision may take to show in the report before the bench gives up
NUM_PERM = 128
N_OUTLETS = 700
# the search step: the best 20 by BM25 from the postings of the query's terms, then their rows (docs/decisions.md
# entry 20; until then it scored every document through match_bm25 and joined all of `documents`)
SEARCH = ("SELECT t.doc_id, d.title, d.published_date, t.score FROM fts_main_documents.top_bm25("
          "'giao vien mam non dao tao', top := 20) t JOIN documents d USING (doc_id) ORDER BY t.score DESC, t.doc_id")
FIELDS = ("docs", "build_s", "report_ms", "coverage_items_ms", "search_ms", "decision_visible_ms", "publish_ms",
          "ingest_500_s", "story_lookup_ms", "warehouse_mb", "peak_rss_mb")

_WORDS = ("giáo viên mầm non đào tạo bồi dưỡng cán bộ quản lý cơ sở giáo dục đề án chương trình năm học "
         "địa phương sở giáo dục phòng giáo dục trẻ em học sinh trường lớp tỉnh thành phố huyện xã vùng khó "
         "khăn chuẩn trình độ nghề nghiệp hội nghị sơ kết tổng kết triển khai kế hoạch truyền thông báo chí "
         "phóng sự chuyên đề chính sách tiền lương đời sống tập huấn kỹ năng chăm sóc nuôi dưỡng phát triển "
         "đánh giá kết quả thực hiện nhiệm vụ giai đoạn bộ trưởng thứ trưởng cục nhà giáo ngân sách đầu tư "
         "cơ sở vật chất phòng học đồ chơi thiết bị dạy học tuyển dụng biên chế hợp đồng thiếu thừa")
WORDS = _WORDS.split()
ACTIVITIES = ("1", "2a", "2b")


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(4, 8)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def _signature_column(rng: np.random.Generator, story_index: np.ndarray) -> pa.Array:
    """128 uint64 per document; copies of one story share most of their values (as near-duplicates do)."""
    n = len(story_index)
    base = rng.integers(0, 2**63, size=(int(story_index.max()) + 1, NUM_PERM), dtype=np.uint64)
    sig = base[story_index].copy()
    noise = rng.random((n, NUM_PERM)) < 0.15
    sig[noise] = rng.integers(0, 2**63, size=int(noise.sum()), dtype=np.uint64)
    offsets = np.arange(0, (n + 1) * NUM_PERM, NUM_PERM, dtype=np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(sig.ravel()))


def make_batch(start: int, n: int, seed: int, plan_ids: list[str], source_ids: list[str],
               paragraphs: list[str]) -> dict[str, pa.Table]:
    """Rows for documents start .. start+n-1 of every table that grows with the archive."""
    rng = random.Random(seed + start)
    nrng = np.random.default_rng(seed + start)
    now = dt.datetime.now(dt.UTC)
    day0 = dt.date(2022, 1, 1)
    docs: dict[str, list[Any]] = {k: [] for k in (
        "doc_id", "url", "canonical_url", "source_id", "title", "lead", "text", "author", "tags", "language",
        "published_at", "published_date", "date_source", "date_confidence", "format", "format_evidence",
        "content_hash", "story_id", "raw_sha256", "extraction_quality", "extraction_flags", "extractor_version",
        "first_seen_at", "extracted_at", "run_id")}
    story_index = np.empty(n, dtype=np.int64)
    stories: list[dict[str, Any]] = []
    fetches: list[dict[str, Any]] = []
    classes: list[dict[str, Any]] = []
    story_of_slot: list[tuple[str, int, str]] = []
    for i in range(n):
        k = start + i
        source = source_ids[k % len(source_ids)]
        url = f"https://{source}.example.vn/tin-tuc/bai-{k}.html"
        doc_id = hashlib.sha1(url.encode()).hexdigest()
        # about 30% of pages are a copy of a recent story (syndication); the rest start one
        if story_of_slot and rng.random() < 0.3:
            story_id, slot, text = rng.choice(story_of_slot[-200:])
        else:
            text = " ".join(rng.choice(paragraphs) for _ in range(rng.randint(2, 8))) + f" Mã bài {k}."
            story_id, slot = f"s-{doc_id}", len(story_of_slot)
            story_of_slot.append((story_id, slot, text))
            stories.append({"story_id": story_id, "first_doc_id": doc_id, "created_at": now})
        story_index[i] = slot
        day = day0 + dt.timedelta(days=rng.randrange(4 * 365))
        raw = hashlib.sha256(f"raw{k}".encode()).hexdigest()
        fmt = "report" if k % 11 == 0 else "article"
        for key, value in (
            ("doc_id", doc_id), ("url", url), ("canonical_url", url), ("source_id", source),
            ("title", " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize()),
            ("lead", paragraphs[k % len(paragraphs)][:300]), ("text", text), ("author", None),
            ("tags", ["giáo dục"]), ("language", "vi"),
            ("published_at", dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=VN)), ("published_date", day),
            ("date_source", "meta"), ("date_confidence", 0.95), ("format", fmt), ("format_evidence", None),
            ("content_hash", hashlib.sha256(text.encode()).hexdigest()), ("story_id", story_id),
            ("raw_sha256", raw), ("extraction_quality", 0.9), ("extraction_flags", []),
            ("extractor_version", "bench"), ("first_seen_at", now), ("extracted_at", now), ("run_id", "bench"),
        ):
            docs[key].append(value)
        fetches.append({"fetch_id": hashlib.sha1(f"f{k}".encode()).hexdigest(), "run_id": "bench",
                        "source_id": source, "url": url, "final_url": url, "kind": "article", "status": 200,
                        "fetched_at": now, "bytes": 40_000 + len(text), "elapsed_ms": 120.0, "error": None,
                        "raw_sha256": raw, "etag": None, "last_modified": None,
                        "response_headers": json.dumps([["content-type", "text/html; charset=utf-8"],
                                                        ["server", "nginx"], ["cache-control", "max-age=60"]]),
                        "request_headers": json.dumps([["user-agent", "planwatch-bench"]]), "protocol": "HTTP/1.1"})
        for plan_id in plan_ids:
            r = rng.random()
            decision = "accept" if r < 0.08 else "review" if r < 0.14 else "reject"
            activity = rng.choice(ACTIVITIES) if decision != "reject" else None
            classes.append({
                "doc_id": doc_id, "plan_id": plan_id, "classifier_version": "bench-1", "classified_at": now,
                "relevant": decision != "reject", "activity": activity, "format": fmt,
                "score": 0.9 if decision == "accept" else 0.55 if decision == "review" else 0.1,
                "decision": decision, "activity_scores": json.dumps({a: 0.3 for a in ACTIVITIES}),
                "reasons": ["borderline"] if decision == "review" else [],
                "evidence": json.dumps({"terms": ["giáo viên mầm non", "đề án"]}, ensure_ascii=False),
                "run_id": "bench"})
    table = pa.Table.from_pydict(docs)
    sigs = pa.table({"doc_id": table.column("doc_id"), "minhash": _signature_column(nrng, story_index)})
    return {"documents": table, "doc_signatures": sigs, "stories": pa.Table.from_pylist(stories),
            "fetch_log": pa.Table.from_pylist(fetches), "classifications": pa.Table.from_pylist(classes)}


def _decisions(conn: Any, share: float, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = conn.execute("SELECT doc_id, plan_id, activity, format FROM classifications "
                        "WHERE decision = 'review' ORDER BY doc_id, plan_id").fetchall()
    at = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    out = []
    for i, (doc_id, plan_id, activity, fmt) in enumerate(rows):
        if rng.random() >= share:
            continue
        action = "confirm" if rng.random() < 0.6 else "reject"
        out.append({"decision_id": hashlib.md5(f"d{i}{doc_id}".encode()).hexdigest(), "doc_id": doc_id,
                    "plan_id": plan_id, "action": action, "activity": activity if action == "confirm" else None,
                    "format": fmt if action == "confirm" else None, "published_date": None, "note": None,
                    "reviewer": "bench", "decided_at": at + dt.timedelta(seconds=i), "undoes": None})
    return out


def build(paths: Paths, n: int, seed: int = 661, resume: bool = False) -> None:
    from crawlers.registry import load_sources, sync_sources
    from pipeline.bootstrap import initialize
    from pipeline.journal import append_decision
    from pipeline.store import open_writer

    if not resume:
        initialize(paths)
    rng = random.Random(seed)
    paragraphs = _paragraphs(rng, 3000)
    with open_writer(paths, publish=False) as writer:
        plan_ids = [r[0] for r in writer.conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
        real = list(load_sources())
        sync_sources(writer, real)
        have = len(real)
        now = dt.datetime.now(dt.UTC)
        writer.insert("sources", [{
            "source_id": f"outlet-{i:03d}", "name": f"Báo tỉnh {i}", "kind": "newspaper", "scope": "provincial",
            "province_historical": f"Tỉnh {i % 63}", "province_current": f"Tỉnh {i % 34}",
            "homepage": f"https://outlet-{i:03d}.example.vn/", "config_json": None, "updated_at": now,
        } for i in range(max(0, N_OUTLETS - have))])
        source_ids = [r[0] for r in writer.conn.execute("SELECT source_id FROM sources ORDER BY 1").fetchall()]
        first = 0
        if resume:  # a build that was stopped: batches are deterministic and loads idempotent, so redo the last
            done = writer.conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
            first = max(0, (int(done) // CHUNK - 1) * CHUNK)
        for start in range(first, n, CHUNK):
            batch = make_batch(start, min(CHUNK, n - start), seed, plan_ids, source_ids, paragraphs)
            for table, rows in batch.items():
                writer.insert(table, rows)
        writer.insert("source_health_log", [{
            "run_id": f"bench-{r}", "source_id": s, "checked_at": now - dt.timedelta(days=r), "items_found": 3,
            "pages_fetched": 3, "errors": 0, "layout_misses": 0, "last_error": None, "skipped_known": 0,
            "not_modified": 0} for r in range(30) for s in source_ids])
        decisions = _decisions(writer.conn, 0.2, seed)
    # decisions go through the journal, as reviewers' do (the writer folds it in on open)
    for d in decisions:
        append_decision(paths.review_journal, d)
    with open_writer(paths, publish=False):
        pass
    _publish_step(paths, None)


def _publish_step(paths: Paths, touched: dict[str, list[pa.Table]] | None) -> None:
    """Publish the reader-visible state as the configured design does: the copy-and-rename snapshot, or a
    DuckLake snapshot of what changed (PLANWATCH_LAKE, pipeline.lake; None: everything)."""
    from pipeline import lake
    from pipeline.publish import publish_snapshot

    if lake.enabled():
        lake.publish(paths, touched)
    else:
        publish_snapshot(paths)


CPU: dict[str, float] = {}  # field -> CPU ms of this process (every thread), beside the wall-clock figure


def _median_ms(fn: Callable[[], Any], repeat: int = 3, field: str | None = None) -> float:
    times, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    if field:
        CPU[field] = round(statistics.median(cpu), 1)
    return round(statistics.median(times), 1)


def _report(paths: Paths, plan_id: str) -> dict[str, Any]:
    """What `planwatch report --plan P --format json` does: open what it reads, build the report with the
    first OUTSIDE_HEAD items outside the window, render the JSON text."""
    from pipeline.report import OUTSIDE_HEAD, build_report
    from pipeline.snapshot import open_coverage

    with open_coverage(paths) as conn:
        report = build_report(conn, plan_id, outside_limit=OUTSIDE_HEAD)
    json.dumps(report, ensure_ascii=False, indent=2, default=str)
    return report


def _counted(paths: Paths, plan_id: str) -> tuple[int, int]:
    report = _report(paths, plan_id)
    return (sum(int(r["actual"]) for r in report["rows"]), int(report["pending_review"]))


def pick_items(paths: Paths) -> tuple[str, int, list[list[str]]]:
    """The first plan, the documents' count and two pending items in their activity's window whose stories are
    not counted yet (a confirm adds one; the second is another story, for the warm decision)."""
    from pipeline.snapshot import open_snapshot

    with open_snapshot(paths) as conn:
        plan_id = conn.execute("SELECT plan_id FROM plans ORDER BY 1 LIMIT 1").fetchone()[0]  # type: ignore[index]
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        item = conn.execute(
            "SELECT q.id FROM review_queue q WHERE q.plan_id = ? AND q.published_date BETWEEN q.window_start "
            "AND q.window_end AND q.doc_id IN (SELECT doc_id FROM documents d WHERE d.story_id NOT IN "
            "(SELECT story_id FROM matches WHERE status = 'confirmed')) ORDER BY q.queue_rank LIMIT 2",
            [plan_id]).fetchall()
    return str(plan_id), int(docs), [list(r) for r in item]


def measure(paths: Paths) -> dict[str, Any]:
    from typer.testing import CliRunner

    from pipeline.snapshot import open_coverage, open_snapshot
    from planwatch.cli import app

    os.environ["PLANWATCH_HOME"] = str(paths.home)
    # the bench's own choice of what to measure runs in a child process: its query over the whole queue and
    # documents is not something planwatch runs, and would otherwise set this process's peak memory
    picked = subprocess.run([sys.executable, __file__, "--pick-items", str(paths.home)], capture_output=True,
                            text=True, check=True)
    plan_id, docs, item = json.loads(picked.stdout.strip().splitlines()[-1])
    out: dict[str, Any] = {"docs": int(docs)}
    steps: dict[str, float] = {"open": _peak_mb()}
    out["report_ms"] = _median_ms(lambda: _report(paths, plan_id), field="report_cpu_ms")

    def items() -> None:
        with open_coverage(paths) as conn:
            conn.execute("SELECT * FROM coverage_items WHERE plan_id = ?", [plan_id]).fetchall()

    steps["report"] = _peak_mb()
    out["coverage_items_ms"] = _median_ms(items)
    steps["coverage_items"] = _peak_mb()

    def search() -> None:
        with open_snapshot(paths) as conn:
            conn.execute(SEARCH).fetchall()

    out["search_ms"] = _median_ms(search)
    steps["search"] = _peak_mb()

    sync_log = paths.review_journal.parent / "sync.log"
    runner = CliRunner()
    # the first decision in this process pays the first imports of the CLI's decision path (typer's parameter
    # coercion imports pydantic, DuckDB's first Arrow registration imports pyarrow.dataset, the review and
    # writer modules); the second, on another story, is what a reviewer's next decision in a long-lived
    # process (the review page) costs
    for n, ref in enumerate([row[0] for row in item] or ["none"]):
        suffix = "" if n == 0 else "_warm"
        before = _counted(paths, plan_id)
        synced = sync_log.read_text(encoding="utf-8").count("\n") if sync_log.exists() else 0
        started, cpu_started = time.perf_counter(), time.process_time()
        result = runner.invoke(app, ["review", "decide", ref, "--confirm", "--reviewer", "bench",
                                     "--lock-timeout", "60"])
        if result.exit_code != 0:
            raise RuntimeError(f"review decide failed: {result.output}")
        deadline = time.perf_counter() + DECISION_TIMEOUT
        while _counted(paths, plan_id) == before:
            if time.perf_counter() > deadline:
                raise RuntimeError(
                    f"the decision on {ref} did not show in the report within {DECISION_TIMEOUT:.0f} s (still "
                    f"{before}); if a lake publish failed earlier, the item picked from the lake may be of a story "
                    f"the warehouse counts already: check lake/pending and run `python -m pipeline.lake catch-up`")
            time.sleep(0.01)
        out[f"decision_visible{suffix}_ms"] = round((time.perf_counter() - started) * 1000, 1)
        CPU[f"decision_visible{suffix}_cpu_ms"] = round((time.process_time() - cpu_started) * 1000, 1)
        steps[f"decision{suffix}"] = _peak_mb()
        _wait_for_waiter(sync_log, synced)

    out["publish_ms"] = round(_publish_once(paths) * 1000, 1)
    steps["publish"] = _peak_mb()
    ingest_s, lookup_ms = _ingest_500(paths, int(docs))
    steps["ingest_500"] = _peak_mb()
    out["ingest_500_s"] = round(ingest_s, 2)
    out["story_lookup_ms"] = round(lookup_ms, 1)
    out["warehouse_mb"] = round(_size(paths.warehouse) / 2**20, 1)
    from pipeline import lake

    published = lake.lake_dir(paths) if lake.enabled() else paths.snapshot
    out["snapshot_mb"] = round(_size(published) / 2**20, 1)
    out["peak_rss_mb"] = _peak_mb()
    out["peak_rss_by_step"] = steps
    from pipeline import duck

    out["duckdb_memory"] = {"general": duck.memory_limit(), "readers": duck.reader_memory_limit(),
                            "rebuild": duck.memory_limit(duck.REBUILD_MEMORY_ENV, duck.DEFAULT_REBUILD_MEMORY)}
    out.update(CPU)
    out["load_avg_1min"] = round(os.getloadavg()[0], 1)
    return out


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork and exec, so
    a measuring child started by the building parent would report the parent's build memory (4.5 GB at 100k)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _wait_for_waiter(sync_log: Path, lines_before: int, timeout: float = 900) -> None:
    """With the lake, `review decide` leaves the lake's publish to a background waiter process; wait until it
    has written its line, so that the steps after (publish, the write job) measure themselves, not a wait for
    the writer lock the waiter holds (a nightly job does not follow a decision by a second). Raises past
    `timeout`, and when the waiter says its lake publish failed."""
    from pipeline import lake

    if not lake.enabled():
        return
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if sync_log.exists():
            lines = sync_log.read_text(encoding="utf-8").splitlines()[lines_before:]
            done = [line for line in lines if "review sync:" in line]  # its last line (warnings may come first)
            if (done and "not to the lake" in done[-1]) or any("Traceback" in line for line in lines):
                time.sleep(1.0)  # the rest of a traceback
                tail = sync_log.read_text(encoding="utf-8").splitlines()[-1]
                raise RuntimeError(f"the review waiter's lake publish failed: {(done or [tail])[-1][:500]}")
            if done:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the review waiter wrote nothing in {sync_log} within {timeout:.0f} s")


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


def _publish_once(paths: Paths) -> float:
    """One publish after a small change (a crawl-run row), timed on its own."""
    from pipeline.locking import exclusive_lock
    from pipeline.store import open_writer

    with open_writer(paths, publish=False) as writer:
        writer.start_run(f"bench-publish-{time.time_ns()}", "manual")
    with exclusive_lock(paths.writer_lock, timeout=60):
        started = time.perf_counter()
        _publish_step(paths, writer.touched)
        return time.perf_counter() - started


class _CheckpointTimer:
    """A warehouse connection that times its CHECKPOINT statements (the write job's closing one), else passes
    everything to the connection it wraps."""

    cpu = 0.0
    wall = 0.0

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def execute(self, statement: str, *args: Any, **kwargs: Any) -> Any:
        if statement.strip().upper() != "CHECKPOINT":
            return self._conn.execute(statement, *args, **kwargs)
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return self._conn.execute(statement, *args, **kwargs)
        finally:
            _CheckpointTimer.cpu += time.process_time() - cpu
            _CheckpointTimer.wall += time.perf_counter() - wall


def _ingest_500(paths: Paths, stored: int) -> tuple[float, float]:
    """A write job of 500 new documents: classify, assign stories, store, publish. Returns (seconds, story
    lookup ms)."""
    import pipeline.store as store
    import pipeline.story_store as story_store
    from crawlers.registry import load_sources
    from pipeline.ingest import classify_documents, source_as_dict, store_documents
    from pipeline.plans import list_plans, load_plan
    from pipeline.store import open_writer

    plans = [load_plan(p) for p in list_plans()]
    sources = {s["id"]: s for s in (source_as_dict(x) for x in load_sources())}
    rng = random.Random(stored)
    batch = make_batch(stored + 10_000_000, 500, 7, [p.id for p in plans], list(sources), _paragraphs(rng, 200))
    docs = batch["documents"].to_pylist()
    for d in docs:
        d["story_id"] = None
    spent: list[float] = []
    original = story_store.assign_and_index

    def timed(*args: Any, **kwargs: Any) -> Any:
        try:
            assignment = original(*args, **kwargs)
            CPU["ingest_500_moved"] = len(assignment.moved)  # stored copies whose story changed (an UPDATE each)
            return assignment
        finally:
            spent.append(time.perf_counter())

    started, cpu_started = time.perf_counter(), time.process_time()
    classifications = classify_documents(docs, plans, sources, "bench-500")
    story_store.assign_and_index = timed
    connect_rw = store.connect_rw
    store.connect_rw = lambda p: _CheckpointTimer(connect_rw(p))  # type: ignore[assignment,return-value]
    try:
        with open_writer(paths) as writer:
            store_started = time.perf_counter()
            store_documents(writer, docs, classifications)
    finally:
        story_store.assign_and_index = original
        store.connect_rw = connect_rw
    elapsed = time.perf_counter() - started
    CPU["ingest_500_cpu_s"] = round(time.process_time() - cpu_started, 2)
    CPU["ingest_500_checkpoint_cpu_s"] = round(_CheckpointTimer.cpu, 2)
    CPU["ingest_500_checkpoint_s"] = round(_CheckpointTimer.wall, 2)
    # the lookup: the new ones' signatures, the LSH candidates from DuckDB, the verified match and the index
    # rows (store_documents up to the end of story_store.assign_and_index)
    lookup_ms = (spent[0] - store_started) * 1000 if spent else 0.0
    return elapsed, lookup_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--home", help="build here instead of a temp folder (kept)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--measure-only", metavar="HOME",
                        help="measure an existing home again (each run adds one decision and 500 documents)")
    parser.add_argument("--pick-items", metavar="HOME", help=argparse.SUPPRESS)  # measure's own child
    parser.add_argument("--build-only", action="store_true",
                        help="with --home: build and publish, do not measure (then --measure-only HOME)")
    parser.add_argument("--resume", action="store_true",
                        help="with --home: continue a build that was stopped (the 1M build takes long)")
    args = parser.parse_args(argv)
    if args.measure_only:
        print(json.dumps(measure(Paths(Path(args.measure_only)))))
        return 0
    if args.pick_items:
        print(json.dumps(pick_items(Paths(Path(args.pick_items)))))
        return 0
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="planwatch-scale-"))
    os.environ["PLANWATCH_HOME"] = str(home)
    paths = Paths(home).ensure()
    try:
        started = time.perf_counter()
        build(paths, args.docs, resume=args.resume)
        build_s = time.perf_counter() - started
        if args.build_only:
            print(json.dumps({"docs": args.docs, "build_s": round(build_s, 1)}))
            return 0
        env = {**os.environ, "PLANWATCH_HOME": str(home)}
        child = subprocess.run([sys.executable, __file__, "--measure-only", str(home)], env=env,
                               capture_output=True, text=True, check=False)
        if child.returncode != 0:
            sys.stderr.write(child.stderr)
            return child.returncode
        measured = json.loads(child.stdout.strip().splitlines()[-1])
        result = {"docs": measured["docs"], "build_s": round(build_s, 1),
                  **{k: v for k, v in measured.items() if k != "docs"}}
        if args.json:
            print(json.dumps(result))
        else:
            for key, value in result.items():
                print(f"{key:22} {value}")
            print(json.dumps(result))
    finally:
        if not args.home and not args.keep and not args.build_only:
            shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
