"""CPU per page of one pipeline worker's work against bare trafilatura, in one process (issue 16).

Renders N pages of bench_pipeline's site (real news text from ../shared/corpora, read in place), then times,
in CPU seconds of this process (best of --repeat runs, so other processes on a shared machine disturb it
less than wall time), what a worker does per page: `extract_page`, classification against every plan, and
the story signatures with their paragraphs (pipeline.workers.story_rows); and `trafilatura.extract` on the
same pages. Prints milliseconds per page and the ratio to trafilatura.

It also times a worker's whole batch (pipeline.workers.process_batch over batches of the pool's size, the pages
read back from a raw archive in a temporary folder: the raw read, the row building and the batch's story rows
included) and the pickling of its results (dumps in the worker, loads in the parent: what the pool's pipes carry),
with the bytes a page costs there. `--pages 0` takes every page of the bench's site (3,306): the first 400 hold
few candidates of the plans, so classification reads low on them.

An A/B on a loaded machine: `--against DIR` runs the whole-batch pass of another code tree (DIR, e.g. main from
`git archive`) in a second process at the same time as this tree's, so both see the same load; each prints its
CPU a page (`--batch-only` is that pass alone; `--tree DIR` imports the pipeline from DIR).

    .venv/bin/python bench/bench_worker.py [--pages 400] [--markup generic|gdtd] [--repeat 3] [--profile]
    .venv/bin/python bench/bench_worker.py --pages 0 --repeat 1 --against /tmp/base   # side by side with /tmp/base
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import MARKUP, load_articles, render  # it puts its own checkout first on sys.path

# the code tree whose pipeline is timed: this checkout, or --tree's (first on sys.path, before bench_pipeline's)
TREE = Path(sys.argv[sys.argv.index("--tree") + 1]).resolve() if "--tree" in sys.argv[:-1] else \
    Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TREE))


def site_articles(pages: int) -> list[dict[str, str]]:
    """The first `pages` articles, or (0) those of bench_pipeline's site: all but the 500 it holds back."""
    if pages:
        return load_articles(pages)
    articles = load_articles(None)
    return articles[: len(articles) - min(500, max(len(articles) // 5, 1))]


def worker_pass(pages: list[bytes], plans: list[Any]) -> tuple[float, float, float]:
    """CPU seconds of extraction, classification and story rows over the pages."""
    from pipeline.extract import extract_page
    from pipeline.ingest import classify_documents
    from pipeline.workers import story_rows

    docs = []
    t0 = time.process_time()
    for i, body in enumerate(pages):
        doc = extract_page(body, f"http://127.0.0.1:1/bai-{i}-post{i}.html")
        doc.update(doc_id=f"d{i}", source_id="bench")
        docs.append(doc)
    t1 = time.process_time()
    classify_documents(docs, plans, {}, "bench")
    t2 = time.process_time()
    story_rows(docs)
    return t1 - t0, t2 - t1, time.process_time() - t2


def batch_pass(raw_dir: Path, rows: list[dict[str, Any]], plans: list[Any]) -> tuple[float, float, float, int]:
    """CPU seconds of process_batch over the rows in the pool's batches, of pickling its results (dumps) and of
    reading them back (loads), and the pickled bytes."""
    from pipeline.workers import WorkerContext, batches, process_batch

    ctx = WorkerContext(raw_dir, {"bench": {"id": "bench", "kind": "newspaper"}}, plans, "bench")
    t0 = time.process_time()
    results = [process_batch(ctx, batch) for batch in batches(rows)]  # type: ignore[arg-type]
    t1 = time.process_time()
    blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]
    t2 = time.process_time()
    for blob in blobs:
        pickle.loads(blob)
    return t1 - t0, t2 - t1, time.process_time() - t2, sum(map(len, blobs))


def stored_rows(raw_dir: Path, pages: list[bytes]) -> list[dict[str, Any]]:
    """The pages stored in a raw archive, as the page rows of a run (pipeline.rows.PageRow)."""
    from crawlers.output import store_raw

    return [{"url": f"http://127.0.0.1:1/bai-{i}-post{i}.html", "source_id": "bench",
             "raw_sha256": store_raw(raw_dir, body), "fetched_at": "2022-06-30T00:00:00+00:00",
             "content_type": "text/html; charset=utf-8"} for i, body in enumerate(pages)]


def trafilatura_pass(pages: list[bytes]) -> float:
    import trafilatura

    t0 = time.process_time()
    for body in pages:
        trafilatura.extract(body.decode("utf-8"))
    return time.process_time() - t0


def batch_figures(pages: list[bytes], plans: list[Any], repeat: int) -> str:
    """The whole-batch pass (best of `repeat`) as one printed line."""
    with tempfile.TemporaryDirectory(prefix="bench-worker-") as tmp:
        rows = stored_rows(Path(tmp), pages)
        batch_pass(Path(tmp), rows[:32], plans)  # imports and caches outside the timing
        runs = [batch_pass(Path(tmp), rows, plans) for _ in range(repeat)]
    n = len(pages)
    work, dumps, loads = (min(r[k] for r in runs) * 1000 / n for k in range(3))
    import pipeline.workers

    code = Path(pipeline.workers.__file__).resolve().parent.parent
    return (f"{code}: process_batch (raw read, rows, batches of the pool) {work:.2f}; its results pickled "
            f"{dumps:.3f} (worker) + unpickled {loads:.3f} (parent), {runs[0][3] / n / 1024:.1f} KB a page")


def side_by_side(args: argparse.Namespace, pages: list[bytes], plans: list[Any]) -> None:
    """This tree's whole-batch pass and the same pass of `args.against`'s tree, in two processes at once."""
    other = Path(args.against).resolve()
    cmd = [sys.executable, __file__, "--batch-only", "--tree", str(other), "--pages", str(args.pages), "--markup",
           args.markup, "--repeat", str(args.repeat)]
    env = {**os.environ, "PYTHONPATH": str(other)}
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True) as child:
        mine = batch_figures(pages, plans, args.repeat)
        theirs = child.communicate()[0].strip()
    print(f"{len(pages)} pages, {args.markup} markup, {len(plans)} plans; CPU ms per page, both at once "
          f"(best of {args.repeat}):")
    print(f"  {mine}")
    print(f"  {theirs}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=400, help="0: every page of the site")
    ap.add_argument("--markup", choices=sorted(MARKUP), default="generic")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one worker pass")
    ap.add_argument("--tree", help="import the pipeline from this code tree (default: this checkout)")
    ap.add_argument("--batch-only", action="store_true", help="only the whole-batch pass")
    ap.add_argument("--against", help="the whole-batch pass of this code tree too, at the same time")
    args = ap.parse_args()

    from pipeline.plans import list_plans, load_plan

    pages = [render(i, a, "http://127.0.0.1:1", args.markup) for i, a in enumerate(site_articles(args.pages))]
    plans = [load_plan(p) for p in list_plans()]
    if args.against:
        side_by_side(args, pages, plans)
        return
    if args.batch_only:
        print(batch_figures(pages, plans, args.repeat))
        return
    n = len(pages)
    worker_pass(pages[:20], plans)  # imports and caches outside the timing
    trafilatura_pass(pages[:20])
    runs = [worker_pass(pages, plans) for _ in range(args.repeat)]
    extract, classify, story = (min(r[k] for r in runs) * 1000 / n for k in range(3))
    bare = min(trafilatura_pass(pages) for _ in range(args.repeat)) * 1000 / n
    total = extract + classify + story
    print(f"{n} pages, {args.markup} markup, {len(plans)} plans; CPU ms per page (best of {args.repeat}):")
    print(f"  extract_page {extract:.2f}, classify {classify:.2f}, story signatures {story:.2f}: "
          f"worker {total:.2f} = {total / bare:.2f}x trafilatura.extract ({bare:.2f})")
    print(f"  {batch_figures(pages, plans, args.repeat)}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        worker_pass(pages, plans)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
