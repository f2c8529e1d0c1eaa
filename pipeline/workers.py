"""Extraction and classification in a bounded pool of worker processes (both cores).

The parent hands out batches of run-file page rows; a worker reads each raw page from the archive, extracts
it, classifies the batch against every plan and returns plain rows. At most `workers * 2` batches are in
flight, so memory stays bounded however long the crawl: the parent keeps only the finished rows (no HTML), and
the one writer loads them in Arrow batches. Results come back in submission order, so a page recorded twice
in a run keeps its last extraction, as before.

Workers start from a fork server that has imported the extraction and classification modules once (safe
with threads in the parent: Prefect, the crawl follower). Small runs (fewer pages than one batch per worker)
and PLANWATCH_WORKERS=1 run inline, without processes."""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # not imported at run time: `planwatch crawl` imports this module to start the fork server
    from concurrent.futures import Future  # first thing (planwatch.cli.early)

    from pipeline.page_rows import ClassificationRow
    from pipeline.plans import Plan
    from pipeline.rows import DocumentRow, PageRow

BATCH = 16
# batches per worker a caller may hand the pool before the run's stream starts (PoolAhead.prime): a reprocess's
# first pages, while the parent writes the run file and imports the ingest (0.3-0.4 s of its CPU: about 250 pages
# of the two workers' work on the full path)
PRIME_BATCHES = 8
# What the fork server imports once for every worker: pipeline.worker_env first (one BLAS thread: the workers
# never call BLAS, and numpy's import then starts no thread), the extractor, the classifiers, the story
# signatures, and pipeline.worker_warmup, which builds every plan's classifier there (each worker built its own
# at its first batch). pipeline.page_rows, not pipeline.ingest: the workers need neither duckdb nor pyarrow.
PRELOAD = ["pipeline.worker_env", "pipeline.extract", "pipeline.language", "classifiers", "pipeline.page_rows",
           "pipeline.stories", "pipeline.syndication", "pipeline.worker_warmup"]


@dataclass
class BatchResult:
    """What one batch gave: document rows, their classification rows, failures, and the time spent."""
    docs: list[DocumentRow] = field(default_factory=list)
    classifications: list[ClassificationRow] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    story_rows: dict[str, Any] = field(default_factory=dict)  # doc_id -> story signature and keys
    paragraphs: dict[str, Any] = field(default_factory=dict)  # doc_id -> (para_hash, folded line) list
    # doc_id -> (its stored decisions, plan order; the run that stored it): classification rows kept as stored
    # (a reprocess, pipeline.reuse); those documents have no row in `classifications` here
    reused: dict[str, tuple[list[str], str | None]] = field(default_factory=dict)
    derivation: str | None = None  # what the classification rows depend on besides the documents (pipeline.reuse)
    # doc_id -> its search MD5 and tokens, for the writer's search index (search_tokens.shipped; a crawl's only)
    search: dict[str, Any] = field(default_factory=dict)
    pages: int = 0
    extract_s: float = 0.0
    classify_s: float = 0.0
    dedupe_s: float = 0.0


@dataclass
class WorkerContext:
    raw_dir: Path
    sources: dict[str, dict[str, Any]]
    plans: Sequence[Plan]
    run_id: str
    reuse: bool = False  # keep what a page's `stored` digests show unchanged (a reprocess: pipeline.reuse)
    # the search tokenizer's table (search_tokens.Tokens.args) when the workers tokenize the documents' search texts
    # for the writer (a crawl, whose documents are mostly new; not a reprocess, whose texts are mostly indexed
    # already: the writer leaves its unchanged documents alone and tokenizes the few others)
    search: tuple[dict[int, str], str] | None = None
    _derivation: str | None = field(default=None, repr=False, compare=False)

    def derivation(self) -> str:
        """pipeline.reuse.derivation of these plans and sources, computed once per process."""
        if self._derivation is None:
            from pipeline.reuse import derivation

            self._derivation = derivation(self.plans, self.sources)
        return self._derivation


_CONTEXT: WorkerContext | None = None


def _init(context: WorkerContext) -> None:
    global _CONTEXT
    _CONTEXT = context


def _run_batch(pages: list[PageRow]) -> BatchResult:
    assert _CONTEXT is not None, "worker not initialised"
    return process_batch(_CONTEXT, pages)


def process_batch(ctx: WorkerContext, pages: list[PageRow]) -> BatchResult:
    """Extract then classify one batch (the body of a worker; also run inline for small runs)."""
    from pipeline.page_rows import classify_documents, extract_page_row

    out = BatchResult(pages=len(pages))
    started = time.perf_counter()
    docs: dict[str, DocumentRow] = {}
    stored: dict[str, dict[str, Any]] = {}  # doc_id -> what its page says of the stored document (a reprocess)
    for page in pages:
        row, error = extract_page_row(ctx.raw_dir, page, ctx.sources, ctx.run_id,
                                      _known_language(ctx, page.get("stored")) if ctx.reuse else None)
        if error is not None:
            out.errors.append(error)
        elif row is not None:
            docs[row["doc_id"]] = row
            stored[row["doc_id"]] = page.get("stored") or {}
    out.docs = list(docs.values())
    mid = time.perf_counter()
    out.derivation = ctx.derivation() if ctx.plans else None
    out.reused, same_story = reusable(ctx, out.docs, stored) if ctx.reuse else ({}, set())
    out.classifications = classify_documents([d for d in out.docs if d["doc_id"] not in out.reused], ctx.plans,
                                             ctx.sources, ctx.run_id)
    late = time.perf_counter()
    out.story_rows, out.paragraphs = story_rows([d for d in out.docs if d["doc_id"] not in same_story])
    out.search = search_entries(ctx, out.docs)
    out.extract_s, out.classify_s, out.dedupe_s = mid - started, late - mid, time.perf_counter() - late
    return out


_TOKENS: list[Any] = []  # [the table, the tokenizer made from it]: once per process and table


def search_entries(ctx: WorkerContext, docs: list[DocumentRow]) -> dict[str, Any]:
    """What the writer's search index needs of these documents (pipeline.search_tokens.shipped): their MD5s and
    tokens when the context carries the tokenizer's table (a crawl); nothing otherwise (a reprocess: the writer
    leaves its unchanged documents alone and hashes the few others itself)."""
    from pipeline import search_tokens

    if ctx.search is None:
        return {}
    if not _TOKENS or _TOKENS[0] is not ctx.search:  # (the object itself: an id can be reused once it is freed)
        _TOKENS[:] = [ctx.search, search_tokens.Tokens(*ctx.search)]
    return search_tokens.shipped(docs, _TOKENS[1])


def reusable(ctx: WorkerContext, docs: list[DocumentRow], stored: dict[str, dict[str, Any]],
             ) -> tuple[dict[str, tuple[list[str], str | None]], set[str]]:
    """Of these freshly extracted documents, those whose stored classification rows stand (their decisions, plan
    order, and the run that stored them) and those whose story rows the writer will not need (pipeline.reuse:
    the digests of the new row against those of the stored one the page carries)."""
    from classifiers import classifier_for
    from pipeline.reuse import digests_of, reusable_calls

    versions = {p.id: classifier_for(p).version for p in ctx.plans}
    calls: dict[str, tuple[list[str], str | None]] = {}
    same_story: set[str] = set()
    for doc in docs:
        was = stored.get(doc["doc_id"])
        if not was:
            continue
        classifier, story = digests_of(doc)
        if story is not None and story == was.get("story"):
            same_story.add(doc["doc_id"])
        if classifier is not None and classifier == was.get("classifier") and versions \
                and was.get("derivation") == ctx.derivation():
            decisions = reusable_calls(was.get("calls"), versions)
            if decisions is not None:
                calls[doc["doc_id"]] = (decisions, was.get("run"))
    return calls, same_story


def _known_language(ctx: WorkerContext, stored: dict[str, Any] | None) -> Any:
    """pipeline.reuse.known_language for a page's stored document, when the run that wrote it used this code."""
    from pipeline.reuse import known_language

    if not stored or not ctx.plans or stored.get("derivation") != ctx.derivation():
        return None
    return known_language(stored.get("language"), stored.get("language_key"))


def story_rows(docs: list[DocumentRow]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The story signatures and candidate keys of these documents (pipeline.stories.Prepared), computed here
    so the writer only looks them up (they depend on the document alone), and the documents' folded
    paragraphs (pipeline.boilerplate.paragraphs, needed for them anyway), so the writer does not fold the
    texts again. The rows go packed as bytes (Prepared.packed_rows: cheaper to pickle both ways); the writer's
    Prepared.assemble reads them back."""
    from pipeline.stories import Prepared
    from pipeline.syndication import as_doc

    if not docs:
        return {}, {}
    prepared = Prepared.of([as_doc(d) for d in docs])
    return prepared.packed_rows(), {d.doc_id: d.paragraphs for d in prepared.docs}


def worker_count(pages_hint: int | None = None) -> int:
    """PLANWATCH_WORKERS if set, else the cores this process may use (at most 8); 1 for a small known run."""
    env = os.environ.get("PLANWATCH_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    n = max(1, min(cores, 8))
    if pages_hint is not None and pages_hint < BATCH * 2:
        return 1
    return n


def warm_up(pages_hint: int | None = None) -> bool:
    """Start the fork server now when the run will use the pool (True): it imports the extraction and
    classification modules (about 0.3 s of CPU) while the caller still reads the snapshot and prepares the run,
    instead of while the first batch waits. Started once: later calls find it running."""
    if worker_count(pages_hint) <= 1:
        return False
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()
    return True


def batches(pages: Iterable[PageRow], size: int = BATCH) -> Iterator[list[PageRow]]:
    batch: list[PageRow] = []
    for page in pages:
        batch.append(page)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def source_as_dict(source: Any) -> dict[str, Any]:
    if isinstance(source, dict):
        return source
    if hasattr(source, "as_dict"):
        return dict(source.as_dict())
    if dataclasses.is_dataclass(source) and not isinstance(source, type):
        return dataclasses.asdict(source)
    return dict(vars(source))


def context(raw_dir: Path, run_id: str, plans: Sequence[Plan], sources: Iterable[Any],
            reuse: bool = False, tokens: bool = False) -> WorkerContext:
    """The workers' context of a run: its raw archive, sources by id, plans and id; `reuse`: keep what a page's
    stored digests show unchanged (a reprocess: pipeline.reuse); `tokens`: tokenize the documents' search texts
    for the writer (a crawl's run, when the writer keeps the snapshot's search index: search_table)."""
    source_map = {s["id"]: s for s in (source_as_dict(x) for x in sources)}
    return WorkerContext(raw_dir=raw_dir, sources=source_map, plans=list(plans), run_id=run_id, reuse=reuse,
                         search=search_table() if tokens else None)


def search_table() -> tuple[dict[int, str], str] | None:
    """The search tokenizer's table for the workers, when the writer keeps the snapshot's search index (not
    under the lake, whose publish indexes): made in this process once (pipeline.search_tokens.tokens, which the
    writer uses too), so the workers never import DuckDB."""
    from pipeline import lake, search_tokens

    if lake.enabled():
        return None
    table = search_tokens.tokens()
    return None if table is None else table.args


def start_pool(raw_dir: Path, run_id: str, plans: Sequence[Plan], sources: Iterable[Any],
               pages_hint: int | None, reuse: bool = False, tokens: bool = False) -> PoolAhead | None:
    """The run's worker pool, its workers forking from now on (PoolAhead), for pipeline.ingest.ingest_run's
    `pool`; None when the run goes inline (worker_count: one worker, or a small known run). `tokens`: context's."""
    workers = worker_count(pages_hint)
    return PoolAhead(context(raw_dir, run_id, plans, sources, reuse, tokens), workers) if workers > 1 else None


def _ready() -> None:
    """A no-op task: submitted once per worker by PoolAhead, so that the pool forks its workers then."""


class PoolAhead:
    """The run's worker pool, its workers started now (issue 16, the serial start): the executor forks a worker
    only when a task is submitted, so without this the first batch waited for both workers to be forked from the
    fork server and initialised (0.05-0.2 s of wall at the bench) after the parent had read the snapshot and
    written the run file, or after the crawl's first pages. Here a thread submits one no-op task per worker
    (the fork server answers only once its preload is done: the caller does not wait for it) while the caller
    goes on; run_batches then feeds this pool. `close` ends it (run_batches does, or the caller when the run
    fails before)."""

    def __init__(self, ctx: WorkerContext, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        mp = multiprocessing.get_context("forkserver")
        mp.set_forkserver_preload(PRELOAD)
        self.ctx, self.workers = ctx, workers
        self.executor = ProcessPoolExecutor(max_workers=workers, mp_context=mp, initializer=_init, initargs=(ctx,))
        self._thread = threading.Thread(target=self._start, name="planwatch-pool-ahead", daemon=True)
        self._thread.start()
        self._primed: list[tuple[list[PageRow], Future[BatchResult]]] = []
        self._priming: threading.Thread | None = None

    def _start(self) -> None:
        # (each submit forks a worker while none is idle yet; a broken pool: the first real submit raises it)
        with contextlib.suppress(Exception):
            for _ in range(self.workers):
                self.executor.submit(_ready)

    def started(self) -> Any:
        """The executor, once the workers' start has been asked for (run_batches' first submit waits here)."""
        self._thread.join()
        return self.executor

    @property
    def prime_pages(self) -> int:
        """How many of the run's first pages `prime` takes."""
        return self.workers * PRIME_BATCHES * BATCH

    def prime(self, pages: Sequence[Any]) -> None:
        """Hand the workers the run's first pages now (at most `prime_pages`, in whole batches of BATCH from the first
        page: the batches run_batches makes of them; a part batch left over is not), before the caller has its
        stream ready: a reprocess writes its run file and imports the ingest meanwhile (issue 16, the serial start).
        The batches are submitted by a thread, after the workers' start (the fork server answers once its preload
        is done); run_batches then takes their results first, in order, checking that its stream begins with the
        same pages."""
        first = list(pages)[:self.prime_pages]
        todo = list(batches(first[:len(first) - len(first) % BATCH]))

        def submit() -> None:
            self._thread.join()
            # (a broken pool: what is not submitted here is submitted by run_batches, which raises it)
            with contextlib.suppress(Exception):
                for batch in todo:
                    self._primed.append((batch, self.executor.submit(_run_batch, batch)))

        self._priming = threading.Thread(target=submit, name="planwatch-pool-prime", daemon=True)
        self._priming.start()

    def primed(self) -> list[tuple[list[PageRow], Future[BatchResult]]]:
        """The batches `prime` submitted, with their futures, in order (taken once)."""
        if self._priming is not None:
            self._priming.join()
        primed, self._primed = self._primed, []
        return primed

    def close(self, wait: bool = True) -> None:
        """Shut the pool down; `wait=False` (every result received): its workers exit while the caller goes on
        (the run's tail: 0.02-0.09 s of wall that the last chunk waited for at the bench)."""
        self._thread.join()
        if self._priming is not None:  # (its batches submitted before the shutdown: none left half-handed)
            self._priming.join()
        self.executor.shutdown(wait=wait)


def run_batches(ctx: WorkerContext, pages: Iterable[PageRow], *, workers: int,
                on_result: Callable[[BatchResult], None], pool: PoolAhead | None = None) -> None:
    """Feed `pages` (a list, or a stream still being written by the crawl) through the pool in batches and
    pass each result to `on_result` in submission order. Inline when workers == 1 (and no `pool`). `pool`: one
    started ahead for this context (PoolAhead), used and closed here."""
    if pool is None and workers <= 1:
        for batch in batches(pages):
            on_result(process_batch(ctx, batch))
        return
    if pool is None:
        pool = PoolAhead(ctx, workers)
    in_flight: deque[Future[BatchResult]] = deque()
    limit = pool.workers * 2
    try:
        primed = deque(pool.primed())  # (the stream's first batches, submitted ahead: PoolAhead.prime)
        for batch in batches(pages):
            if primed:
                ahead, future = primed.popleft()
                if ahead != batch:
                    raise RuntimeError("the pages handed to the pool ahead are not the run's first pages")
                in_flight.append(future)
            else:
                in_flight.append(pool.started().submit(_run_batch, batch))
            while len(in_flight) >= limit or (in_flight and in_flight[0].done()):
                on_result(in_flight.popleft().result())
        if primed:
            raise RuntimeError("the run has fewer pages than were handed to the pool ahead")
        while in_flight:
            on_result(in_flight.popleft().result())
    except BaseException:
        pool.close()
        raise
    pool.close(wait=False)
