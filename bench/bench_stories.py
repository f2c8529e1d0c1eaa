"""Benchmark story assignment against a large warehouse: time per new document, memory, batch cost.

    .venv/bin/python bench/bench_stories.py --stored 10000,100000 [--batch 100] [--big-batch 10000]
    .venv/bin/python bench/bench_stories.py --stored 1000000        # builds ~2.5 GB in /tmp once (about 3 min)

For each stored size N a warehouse is built once (cached in --dir): N synthetic stored documents (random band
keys, random signatures, three paragraph rows each: what the index holds for a document, without its text),
merged into the base of the story index (pipeline.story_bandfile), plus 2,000 real articles of
../shared/corpora/vietnews-*.jsonl stored through the real path (pipeline.story_store.assign_and_index), read
in place. The measurement then runs in a fresh process that
opens that warehouse: new documents are real corpus articles not stored yet and syndicated copies of stored
ones (so candidates are found and verified against their representatives), assigned and indexed through
pipeline.story_store.assign_and_index as ingest does, in nightly batches of --batch documents, one
document at a time, and one batch of --big-batch documents. Printed: ms per new document, the process's peak
RSS (Python + DuckDB) during the measurement, and the warehouse size. --full-delta measures on a copy whose
small run and delta (rows not merged into the big run of the base yet) are nearly full: the worst case between
two major merges (docs/stories.md section 4). It is not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb
import numpy as np
import pyarrow as pa

from pipeline import doc_texts, keyed_rows
from pipeline.minhash import NUM_PERM
from pipeline.store import migrate
from pipeline.stories import KEYS, Prepared
from pipeline.story_store import (
    MAJOR_PARAGRAPH_ROWS,
    MAJOR_ROWS,
    MERGE_PARAGRAPH_ROWS,
    MERGE_ROWS,
    _base,
    assign_and_index,
    merge_bands,
    pending_merge,
    run_merge,
)
from pipeline.syndication import as_doc
from planwatch.config import REPO_ROOT
from planwatch.core.vntime import VN_TZ as VN

CORPORA = REPO_ROOT.parent / "shared" / "corpora"
REAL_STORED = 2_000
CHUNK = 100_000


def _corpus() -> list[dict[str, str]]:
    rows = []
    for name in ("vietnews-mamnon-dev.jsonl", "vietnews-sample.jsonl"):
        with open(CORPORA / name, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh]
    return rows


def _doc_row(doc_id: str, title: str, text: str, day: dt.datetime, source: str) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC)
    return {"doc_id": doc_id, "url": f"http://127.0.0.1/{source}/{doc_id}", "canonical_url": f"http://127.0.0.1/{doc_id}",
            "source_id": source, "title": title, "text": text, "published_at": day, "content_hash": doc_id,
            "story_id": None, "first_seen_at": now, "extracted_at": now, "language": "vi", "format": "article"}


def _load_documents(conn: duckdb.DuckDBPyConnection, batch: pa.Table, *, replace: bool) -> None:
    """Documents as the writer loads them (pipeline.store.Writer._insert_documents): one row per doc_id kept by
    pipeline.keyed_rows (no key since migration 014), lead and text in document_texts (migration 010)."""
    rows, texts = doc_texts.split(keyed_rows.one_per_key(batch, "doc_id", last=replace))
    existed = keyed_rows.store(conn, "documents", rows, replace=replace)
    if texts is not None:
        doc_texts.store(conn, texts, replace=replace, existed=existed)


def build(path: Path, stored: int) -> None:
    """The synthetic part in bulk (numpy -> Arrow -> DuckDB), then the real articles through the real path."""
    conn = duckdb.connect(str(path))
    migrate(conn)
    rng = np.random.default_rng(7)
    start = dt.datetime(2020, 1, 1, tzinfo=VN)
    conn.execute("SET memory_limit = '4GB'")
    for lo in range(0, stored, CHUNK):
        hi = min(stored, lo + CHUNK)
        ids = [f"syn{i:09d}" for i in range(lo, hi)]
        days = [start + dt.timedelta(minutes=3 * i) for i in range(lo, hi)]
        now = dt.datetime.now(dt.UTC)
        docs = pa.table({
            "doc_id": ids, "url": [f"http://127.0.0.1/{i}" for i in ids],
            "canonical_url": [f"http://127.0.0.1/{i}" for i in ids],
            "source_id": [f"outlet{i % 300}" for i in range(lo, hi)], "title": [f"Tin {i}" for i in ids],
            "text": [f"Nội dung tổng hợp {i}." for i in ids], "published_at": days,
            "content_hash": ids, "story_id": [f"s-{i}" for i in ids], "first_seen_at": [now] * len(ids),
            "extracted_at": [now] * len(ids)})
        _load_documents(conn, docs, replace=False)
        conn.register("_d", docs)
        conn.execute("INSERT INTO stories SELECT story_id, doc_id, extracted_at FROM _d")
        conn.unregister("_d")
        n = hi - lo
        keys = rng.integers(0, 2**63, size=(n, KEYS), dtype=np.int64).astype(np.uint64) * np.uint64(2)
        conn.register("_b", pa.table({"band_key": pa.array(keys.reshape(-1), pa.uint64()),
                                      "doc_id": pa.array(np.repeat(np.array(ids, dtype=object), KEYS).tolist())}))
        conn.execute("INSERT INTO story_bands SELECT * FROM _b")
        conn.unregister("_b")
        sigs = rng.integers(0, 2**63, size=(n, NUM_PERM), dtype=np.int64).astype(np.uint64)
        conn.register("_s", pa.table({"doc_id": ids, "minhash": pa.FixedSizeListArray.from_arrays(
            pa.array(sigs.reshape(-1), pa.uint64()), NUM_PERM).cast(pa.list_(pa.uint64()))}))
        conn.execute("INSERT INTO doc_signatures SELECT * FROM _s")
        conn.unregister("_s")
        paras = rng.integers(0, 2**63, size=(n, 3), dtype=np.int64).astype(np.uint64)
        conn.register("_p", pa.table({"para_hash": pa.array(paras.reshape(-1), pa.uint64()),
                                      "doc_id": pa.array(np.repeat(np.array(ids, dtype=object), 3).tolist()),
                                      "source_id": [f"outlet{(lo + k // 3) % 300}" for k in range(3 * n)],
                                      "published_date": pa.array([d.date() for d in days for _ in range(3)])}))
        conn.execute("INSERT INTO paragraph_docs SELECT * FROM _p")
        conn.unregister("_p")
        print(f"  built {hi:,} synthetic documents", file=sys.stderr)
    merge_bands(conn)  # the synthetic band and paragraph rows become the base of the story index
    corpus = _corpus()[:REAL_STORED]
    rows = [_doc_row(f"real{i:05d}", r["title"], r["text"], dt.datetime(2022, 6, 1, tzinfo=VN) + dt.timedelta(hours=i),
                     f"outlet{i % 20}") for i, r in enumerate(corpus)]
    for lo in range(0, len(rows), 500):
        batch = rows[lo : lo + 500]
        assignment = assign_and_index(conn, batch)
        for r in batch:
            r["story_id"] = assignment.stories[r["doc_id"]]
        _load_documents(conn, pa.Table.from_pylist(batch), replace=False)
    conn.execute("CHECKPOINT")
    conn.close()


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not inherited from the parent process)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settle(path: Path) -> None:
    """What the writer does when it opens a warehouse: migrations, then a merge that is due (a warehouse built
    before migration 008 gets its first base here; timed, as the migration's cost)."""
    conn = duckdb.connect(str(path))
    conn.execute("SET memory_limit = '4GB'")
    migrate(conn)
    if pending_merge(conn):
        started, cpu = time.perf_counter(), time.process_time()
        out = run_merge(conn)
        print(json.dumps({"merged_band_rows": out["bands"], "merge_s": round(time.perf_counter() - started, 1),
                          "merge_cpu_s": round(time.process_time() - cpu, 1),
                          "peak_rss_mb": round(_peak_rss_mb())}),
              file=sys.stderr)
    conn.execute("CHECKPOINT")
    conn.close()


def _fill(conn: duckdb.DuckDBPyConnection, bands: int, paras: int, prefix: str, rng: np.random.Generator) -> None:
    """Synthetic rows in the delta: band rows of documents prefix00000000.. (KEYS each) and paragraph rows."""
    bands, paras = max(0, bands), max(0, paras)
    docs = np.array([f"{prefix}{i:08d}" for i in range(max(bands // KEYS + 1, 1))], dtype=object)
    keys = rng.integers(0, 2**63, size=bands, dtype=np.int64).astype(np.uint64) * np.uint64(2)
    conn.register("_b", pa.table({"band_key": pa.array(keys, pa.uint64()),
                                  "doc_id": pa.array(np.repeat(docs, KEYS)[:bands].tolist(), pa.string())}))
    conn.execute("INSERT INTO story_bands SELECT * FROM _b")
    conn.unregister("_b")
    hashes = rng.integers(0, 2**63, size=paras, dtype=np.int64).astype(np.uint64)
    conn.register("_p", pa.table({"para_hash": pa.array(hashes, pa.uint64()),
                                  "doc_id": pa.array(np.resize(docs, paras).tolist(), pa.string()),
                                  "source_id": pa.array([f"outlet{k % 300}" for k in range(paras)], pa.string()),
                                  "published_date": pa.array([dt.date(2023, 1, 1)] * paras, pa.date32())}))
    conn.execute("INSERT INTO paragraph_docs SELECT * FROM _p")
    conn.unregister("_p")


def _counts(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    row = conn.execute("SELECT (SELECT count(*) FROM story_bands), (SELECT count(*) FROM paragraph_docs)").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def full_delta(path: Path) -> Path:
    """A copy of the warehouse at the worst case between two major merges: the small run of the base nearly full
    (synthetic rows up to just under MAJOR_ROWS and MAJOR_PARAGRAPH_ROWS with the delta, merged by a minor merge),
    then the delta nearly full (just under MERGE_ROWS and MERGE_PARAGRAPH_ROWS). The big run's files are
    hard-linked."""
    copy = path.with_name(path.stem + "-full-delta.duckdb")
    if copy.exists():
        return copy
    tmp = copy.with_suffix(".tmp")
    shutil.copyfile(path, tmp)
    if Path(f"{tmp}.story-bands").exists():
        shutil.rmtree(f"{tmp}.story-bands")
    shutil.copytree(f"{path}.story-bands", f"{tmp}.story-bands", copy_function=os.link)
    conn = duckdb.connect(str(tmp))
    conn.execute("SET memory_limit = '4GB'")
    rng = np.random.default_rng(11)
    base = _base(conn)
    small = base.runs[1] if base is not None and len(base.runs) > 1 else None
    in_small = (small.tables["bands"].rows, small.tables["paras"].rows) if small else (0, 0)
    have = _counts(conn)
    _fill(conn, MAJOR_ROWS - MERGE_ROWS - in_small[0] - have[0], MAJOR_PARAGRAPH_ROWS - MERGE_PARAGRAPH_ROWS
          - in_small[1] - have[1], "small", rng)  # the next minor merge would be a major one
    merge_bands(conn, major=False)
    have = _counts(conn)
    # room for one measured batch of 100 (5,100 band rows, about 1,500 paragraph rows): no merge inside it
    _fill(conn, MERGE_ROWS - 6_000 - have[0], MERGE_PARAGRAPH_ROWS - 3_000 - have[1], "delta", rng)
    conn.execute("CHECKPOINT")
    conn.close()
    os.rename(f"{tmp}.story-bands", f"{copy}.story-bands")
    tmp.rename(copy)
    return copy


def _new_docs(count: int, offset: int) -> list[dict[str, Any]]:
    """Half syndicated copies of stored real articles, half real articles not stored (or their variants)."""
    corpus = _corpus()
    out = []
    for k in range(count):
        n = offset + k
        day = dt.datetime(2022, 6, 1, tzinfo=VN) + dt.timedelta(hours=n % REAL_STORED)
        if n % 2 == 0:
            src = corpus[n % REAL_STORED]
            text = "(GD&TĐ) - " + src["text"] + "\nTheo Cổng TTĐT Bộ GD&ĐT"
        else:
            src = corpus[REAL_STORED + n % (len(corpus) - REAL_STORED)]
            text = src["text"] + f"\nBài viết số {n}."
        out.append(_doc_row(f"new{n:07d}", src["title"], text, day + dt.timedelta(days=1), "outlet-new"))
    return out


PRECOMPUTED = False  # --signatures-in-workers: signatures and keys computed before the clock starts


def _store(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> tuple[float, float]:
    """Assign and index a batch as ingest does, then roll back: (wall seconds, CPU seconds of all threads).
    With PRECOMPUTED the signatures and keys come ready, as pipeline.workers computes them in the crawl's
    worker processes, and only the writer's part is timed."""
    prepared = Prepared.of([as_doc(r) for r in rows]) if PRECOMPUTED else None
    rows_of = prepared.rows() if prepared else None
    paragraphs = {d.doc_id: d.paragraphs for d in prepared.docs} if prepared else None  # as pipeline.workers
    start, cpu = time.perf_counter(), time.process_time()
    conn.execute("BEGIN")
    assignment = assign_and_index(conn, rows, precomputed=rows_of, paragraphs=paragraphs)
    for r in rows:
        r["story_id"] = assignment.stories[r["doc_id"]]
    _load_documents(conn, pa.Table.from_pylist(rows), replace=True)  # as Writer.insert('documents', replace)
    conn.execute("ROLLBACK")  # every measurement starts from the same warehouse
    return time.perf_counter() - start, time.process_time() - cpu


def _connect(path: Path, memory_limit: str | None) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(str(path))
    if memory_limit:
        conn.execute(f"SET memory_limit = '{memory_limit.replace(chr(39), '')}'")
    return conn


def consecutive(path: Path, batch: int, count: int, memory_limit: str | None) -> None:
    conn = _connect(path, memory_limit)
    for i in range(count):
        wall, cpu = _store(conn, _new_docs(batch, 100_000 + i * batch))
        rss = _peak_rss_mb()
        print(json.dumps({"batch_no": i, "cpu_ms_per_doc": round(1000 * cpu / batch, 2),
                          "ms_per_doc": round(1000 * wall / batch, 2), "peak_rss_mb": round(rss)}), flush=True)


def measure(path: Path, batch: int, batches: int, singles: int, big: int,
            memory_limit: str | None = None) -> dict[str, Any]:
    conn = _connect(path, memory_limit)
    rss_open = _peak_rss_mb()
    _store(conn, _new_docs(20, 10_000_000))  # warm-up: load the views' SQL, first index pages
    nightly = [_store(conn, _new_docs(batch, i * batch)) for i in range(batches)]
    one = [_store(conn, _new_docs(1, 5_000_000 + i)) for i in range(singles)]
    rss_small = _peak_rss_mb()
    big_s = _store(conn, _new_docs(big, 8_000_000)) if big else None
    stored = conn.execute("SELECT count(*) FROM documents").fetchone()
    bands = conn.execute("SELECT count(*) FROM story_bands").fetchone()
    conn.close()
    return {"signatures": "workers" if PRECOMPUTED else "writer",
            "stored": int(stored[0]) if stored else 0, "band_rows": int(bands[0]) if bands else 0,
            "batch": batch, "ms_per_doc_batch": round(1000 * float(np.median([w for w, _ in nightly])) / batch, 3),
            "cpu_ms_per_doc_batch": round(1000 * float(np.median([c for _, c in nightly])) / batch, 3),
            # the least disturbed batch: on a busy machine CPU time itself grows with the other processes' load
            "cpu_ms_per_doc_batch_min": round(1000 * float(np.min([c for _, c in nightly])) / batch, 3),
            "ms_per_doc_single": round(1000 * float(np.median([w for w, _ in one])), 3),
            "cpu_ms_per_doc_single": round(1000 * float(np.median([c for _, c in one])), 3),
            "peak_rss_mb_after_open": round(rss_open, 1), "peak_rss_mb_small_batches": round(rss_small, 1),
            "big_batch_docs": big, "big_batch_s": round(big_s[0], 2) if big_s else None,
            "big_batch_cpu_s": round(big_s[1], 2) if big_s else None,
            "peak_rss_mb_with_big_batch": round(_peak_rss_mb(), 1),
            "warehouse_mb": round(path.stat().st_size / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stored", default="10000,100000", help="Comma-separated stored sizes.")
    parser.add_argument("--batch", type=int, default=100, help="Nightly batch size for ms per document.")
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--singles", type=int, default=20, help="Documents stored one at a time.")
    parser.add_argument("--big-batch", type=int, default=10_000, help="One batch of this many new documents.")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/planwatch-bench-stories"))
    parser.add_argument("--build-only", action="store_true", help="Build the warehouses, measure nothing.")
    parser.add_argument("--consecutive", type=int, default=0,
                        help="Instead: this many nightly batches in a row in one process, one line each (how the "
                             "cost falls and the memory grows as DuckDB loads index pages).")
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit for the measurement, e.g. 512MB.")
    parser.add_argument("--signatures-in-workers", action="store_true",
                        help="Time only the writer's part: signatures and keys computed beforehand, as the crawl's "
                             "worker processes do (pipeline.workers).")
    parser.add_argument("--full-delta", action="store_true",
                        help="Measure on a copy whose small run and delta (rows not merged into the big run yet) are "
                             "nearly full: the worst case between two major merges.")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global PRECOMPUTED
    PRECOMPUTED = args.signatures_in_workers
    if args.measure and args.consecutive:
        consecutive(args.measure, args.batch, args.consecutive, args.memory_limit)
        return
    if args.measure:
        print(json.dumps(measure(args.measure, args.batch, args.batches, args.singles, args.big_batch,
                                 args.memory_limit)))
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.stored.split(",")):
        path = args.dir / f"stored-{size}.duckdb"
        if not path.exists():
            started = time.perf_counter()
            build(path.with_suffix(".tmp"), size)
            path.with_suffix(".tmp").rename(path)
            Path(f"{path.with_suffix('.tmp')}.story-bands").rename(f"{path}.story-bands")  # the index base
            print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        _settle(path)
        if args.build_only:
            continue
        if args.full_delta:
            path = full_delta(path)
        # a fresh process: its memory is the measurement's, not the build's
        extra = ["--consecutive", str(args.consecutive)] if args.consecutive else []
        extra += ["--memory-limit", args.memory_limit] if args.memory_limit else []
        extra += ["--signatures-in-workers"] if args.signatures_in_workers else []
        out = subprocess.run([sys.executable, __file__, "--measure", str(path), "--batch", str(args.batch),
                              "--batches", str(args.batches), "--singles", str(args.singles),
                              "--big-batch", str(args.big_batch), *extra], check=True, capture_output=True,
                             text=True, env={**os.environ})
        print(out.stdout.strip())


if __name__ == "__main__":
    main()
