"""Turn a crawl's run folder into warehouse rows: fetch log, documents, stories, classifications, health.

Slow work (reading raw pages, extraction, classification, story signatures) happens in the worker processes;
the write job (pipeline.chunk_writer, a thread of this process) only assigns stories and loads Arrow batches,
in chunks, while the workers keep extracting: it takes the writer lock when the first chunk is ready (a polite
crawl: once its stream has ended, write_early=False).
Re-ingesting a run folder is idempotent, so a run killed at any point is completed by ingesting it again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import sql
from pipeline.chunk_writer import ChunkWriter
from pipeline.page_rows import (  # noqa: F401 (classification_row, classify_documents: re-exported)
    ClassificationRow,
    _parse_ts,
    classification_row,
    classify_documents,
    doc_id_for,
    extract_page_row,
)
from pipeline.plans import Plan
from pipeline.rows import DocumentRow, PageRow, content_hash_of
from pipeline.runfiles import (
    DONE,
    FETCHES,
    HEALTH,
    INGESTED_MARKER,
    read_jsonl,
    read_pages,
)
from pipeline.stages import StageTimes, crawl_seconds, crawl_stages
from pipeline.store import Writer, now
from pipeline.workers import context, source_as_dict, start_pool  # noqa: F401 (source_as_dict: re-exported)
from planwatch.config import Paths
from planwatch.core.vntime import local_date

if TYPE_CHECKING:
    from pipeline.workers import BatchResult, PoolAhead

log = logging.getLogger("planwatch.ingest")

Progress = Callable[[str], None]


@dataclass
class IngestSummary:
    run_id: str
    fetches: int = 0
    pages: int = 0
    documents_new: int = 0
    documents_updated: int = 0
    documents_unchanged: int = 0
    documents_kept: int = 0  # re-extracted, their classification rows kept as stored (a reprocess: pipeline.reuse)
    classified: int = 0
    decisions: dict[str, int] = field(default_factory=dict)
    extract_errors: list[dict[str, str]] = field(default_factory=list)
    sources: int = 0
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)  # pipeline.stages: seconds, items per stage
    # why the lake publish failed (pipeline.lake.LakeLocked): the run is in the warehouse, the next publish
    # brings the lake up to date; None when it published
    publish_error: str | None = None
    # what the run's classification rows depend on besides the documents (pipeline.reuse.derivation): a later
    # reprocess keeps the rows of documents this run wrote when it finds the same
    derivation: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def extract_documents(paths: Paths, pages: Iterable[PageRow], sources: dict[str, dict[str, Any]],
                      run_id: str, summary: IngestSummary,
                      skip: Callable[[str, str | None], bool] = lambda _id, _sha: False,
                      tick: Callable[[int], None] | None = None) -> list[DocumentRow]:
    """Extract every page of a run into document rows, in this process. A page that fails is recorded.
    tick(1) after each page (progress)."""
    from pipeline.progress import counted

    docs: dict[str, DocumentRow] = {}
    for page in counted(pages, tick):
        summary.pages += 1
        if skip(_page_doc_id(page), page.get("raw_sha256")):
            summary.documents_unchanged += 1
            continue
        row, error = extract_page_row(paths.raw_archive, page, sources, run_id)
        if error is not None:
            summary.extract_errors.append(error)
        elif row is not None:
            docs[row["doc_id"]] = row
    return list(docs.values())


def _page_doc_id(page: PageRow) -> str:
    return str(page.get("doc_id") or doc_id_for(page.get("canonical_url") or page["url"]))


def store_documents(writer: Writer, docs: list[DocumentRow], classifications: list[ClassificationRow],
                    times: StageTimes | None = None, story_rows: dict[str, Any] | None = None,
                    paragraphs: dict[str, Any] | None = None,
                    reused: dict[str, tuple[list[str], str | None]] | None = None,
                    classify: Callable[[list[DocumentRow]], list[ClassificationRow]] | None = None,
                    search: dict[str, Any] | None = None) -> None:
    """Assign stories against what the warehouse holds (pipeline.story_store indexes the batch and moves stored
    copies whose story changed), then load documents and classifications. times: gets the dedupe stage.
    story_rows: the documents' story signatures and keys computed in the workers (pipeline.workers);
    paragraphs: their folded paragraphs, from the same place. reused: documents whose stored classification rows
    stand (pipeline.reuse: no rows of theirs in `classifications`), with the run that stored them; one the
    warehouse shows written by another run since (a concurrent job) is classified here by `classify`. search: the
    documents' search MD5s and tokens from the workers (pipeline.search_tokens.shipped), by doc_id."""
    from pipeline.story_store import assign_and_index, changed_keys

    # the batch's stored documents, read once: when first seen, their story and time (the story assignment's
    # first lookup), that they are stored (the documents' load), and what tells an unchanged content
    # (same_content) and the run that wrote them; at a million documents each of those lookups was a scan of
    # the doc_id column (no index since migration 014)
    stored_docs = _for_ids(writer, "ingest_stored_documents", "documents", "doc_id, first_seen_at, story_id, "
                           "published_at, title, source_id, content_hash, run_id",
                           [d["doc_id"] for d in docs]) if docs else []
    if reused:
        classifications = classifications + _moved_on(reused, stored_docs, docs, classify)
    first_seen = {r[0]: r[1] for r in stored_docs}  # (microseconds since the epoch)
    for d in docs:
        if d["doc_id"] in first_seen:
            d["first_seen_at"] = from_epoch_us(first_seen[d["doc_id"]])
            if d.get("date_source") == "first_seen":  # dated by first sight: a later fetch must not move it
                d["published_at"] = d["first_seen_at"]
                d["published_date"] = local_date(d["first_seen_at"])
    dedupe_started = time.perf_counter()
    unchanged = same_content(docs, stored_docs)
    assignment = assign_and_index(writer.conn, docs, precomputed=story_rows, paragraphs=paragraphs,
                                  states={r[0]: (r[2], r[3]) for r in stored_docs}, unchanged=unchanged)
    if times is not None:
        times.add("dedupe", time.perf_counter() - dedupe_started, len(docs))
    for d in docs:
        d["story_id"] = assignment.stories.get(d["doc_id"], f"s-{d['doc_id']}")
    for table, keys in changed_keys(assignment).items():  # stored copies moved to another story, ...
        writer.touched.setdefault(table, []).append(keys)
    from pipeline import known_index

    before = known_index.document_count(writer.conn)
    # committed: now the crawler may skip their URLs (nothing else writes `documents` while the writer holds
    # its lock, and the story assignment only moved stored ones: the stored set read above still holds)
    writer.insert("documents", docs, on_conflict="replace", stored=set(first_seen))
    # the search postings of the new and changed texts (pipeline.search_kept); those with the stored title and text
    # are not looked at: their entry is the stored text's, which the publish checks (search_adopt.sql)
    writer.index_documents(docs, search, known=unchanged)
    known_index.after_store(writer.paths, docs, before, known_index.document_count(writer.conn))
    changed, stored_keys = _changed_classifications(writer, classifications)
    for row in classifications:
        stored_decision, stored_at = changed.get(_class_key(row), (None, None))
        if stored_decision == row["decision"] and stored_at is not None:
            row["classified_at"] = stored_at  # same decision: it was made then (the digest's "confirmed on")
    # (the keys stored before either load: the two batches' keys are disjoint)
    writer.insert("classifications", [c for c in classifications if _class_key(c) not in changed],
                  on_conflict="ignore", stored=stored_keys)
    writer.insert("classifications", [c for c in classifications if _class_key(c) in changed],
                  on_conflict="replace", stored=stored_keys)


def same_content(docs: Sequence[DocumentRow], stored_docs: Sequence[tuple[Any, ...]]) -> set[str]:
    """The documents whose stored row has what the story assignment reads (pipeline.stories._content) unchanged,
    known from the `documents` row alone: the same title, outlet, publication time and content hash, which is
    the SHA-256 of the title and text (pipeline.extract: every row the extractor makes), so the same text. The
    story batch then does not read their stored texts to compare (pipeline.stories.Assigner.run). A new row whose
    content hash is not that of its own title and text (made otherwise), or without one, is left to that
    comparison. stored_docs: ingest_stored_documents.sql's rows."""
    from pipeline.reuse import epoch_us

    stored = {r[0]: (r[4], r[5], r[6], r[3]) for r in stored_docs}
    out = set()
    for d in docs:
        was = stored.get(d["doc_id"])
        if was is not None and d.get("content_hash") and was == (d.get("title"), d.get("source_id"),
                                                                 d["content_hash"], epoch_us(d.get("published_at"))) \
                and _hashes_its_text(d):
            out.add(d["doc_id"])
    return out


def _hashes_its_text(doc: DocumentRow) -> bool:
    """The row's content hash is the SHA-256 of its title and text as pipeline.extract computes it."""
    title, text = doc.get("title"), doc.get("text")
    if not isinstance(title, str) or not isinstance(text, str):
        return False
    return content_hash_of(title, text) == doc.get("content_hash")


def _moved_on(reused: dict[str, tuple[list[str], str | None]], stored_docs: Sequence[tuple[Any, ...]],
              docs: Sequence[DocumentRow],
              classify: Callable[[list[DocumentRow]], list[ClassificationRow]] | None) -> list[ClassificationRow]:
    """Classification rows for the reused documents that another run wrote since the snapshot the reprocess read
    (the warehouse's run differs from the one the worker compared with): their stored rows may not be what the
    digests described, so they are classified here as the full path would."""
    runs = {r[0]: r[7] for r in stored_docs}
    moved = [d for d in docs if d["doc_id"] in reused and runs.get(d["doc_id"]) != reused[d["doc_id"]][1]]
    if not moved:
        return []
    if classify is None:
        raise ValueError(f"{len(moved)} reused documents changed since the snapshot and nothing to classify them")
    return classify(moved)


def _for_ids(writer: Writer, name: str, table: str, columns: str, doc_ids: list[str]) -> list[tuple[Any, ...]]:
    """Rows of the named query (data/sql/queries) over `table`'s rows (`columns`) of these documents: their row
    ids from a scan of the doc_id column, then only their runs read (pipeline.keyfetch). The ids go in as an
    Arrow table: bound as a Python list, DuckDB tried two imports per value (0.2 ms a document, issue 16)."""
    import pyarrow as pa

    from pipeline import keyfetch

    writer.conn.register("_ingest_ids", pa.table({"doc_id": pa.array(doc_ids, type=pa.string())}))
    try:
        rows = keyfetch.select_by_keys(writer.conn, f'"{table}"', "_ingest_ids", ("doc_id",), columns,
                                       values=doc_ids)
        return writer.conn.execute(sql.query(name).format(rows=rows)).fetchall()
    finally:
        writer.conn.unregister("_ingest_ids")


def from_epoch_us(value: int) -> dt.datetime:
    """A stored TIMESTAMPTZ read as microseconds since the epoch (DuckDB's epoch_us) as an aware datetime: the
    same instant DuckDB would have returned, in UTC (both columns read so are NOT NULL). The writer's reads of stored
    rows ask for microseconds: DuckDB makes each TIMESTAMPTZ it hands to Python through a pytz lookup, about 10 us
    a value (0.1-0.2 s for a reprocess's 3,306 first-seen times and 16,530 stored calls), where most of them are
    only compared or not used at all."""
    return _EPOCH + dt.timedelta(microseconds=int(value))


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _class_key(row: ClassificationRow) -> tuple[str, str, str]:
    return row["doc_id"], row["plan_id"], row["classifier_version"]


def _changed_classifications(writer: Writer, rows: list[ClassificationRow],
                             ) -> tuple[dict[tuple[str, str, str], tuple[str, dt.datetime]], set[tuple[str, str, str]]]:
    """Keys (doc, plan, version) already stored with another call, with the stored decision and time: the
    document was re-extracted (changed page, extractor fix + reprocess) and the same classifier now calls it
    otherwise. Those rows are replaced, or the stale call would stay current for as long as the classifier
    version does. A rerun that calls it the same leaves the stored row alone. Also returns every stored key of
    these documents (what the loads would look up again)."""
    if not rows:
        return {}, set()
    stored = _for_ids(writer, "ingest_stored_calls", "classifications", "doc_id, plan_id, classifier_version, "
                      "relevant, activity, format, score, decision, reasons, classified_at",
                      sorted({r["doc_id"] for r in rows}))
    calls = {tuple(r[:3]): ((r[3], r[4], r[5], r[6], r[7], list(r[8] or [])), r[7], r[9]) for r in stored}
    changed = {}
    for row in rows:
        key = _class_key(row)
        new = (row["relevant"], row.get("activity"), row.get("format"), float(row["score"]), row["decision"],
               list(row.get("reasons") or []))
        if key in calls and calls[key][0] != new:  # (the stored time as a datetime for these few only)
            changed[key] = (calls[key][1], from_epoch_us(calls[key][2]))
    return changed, {(str(k[0]), str(k[1]), str(k[2])) for k in calls}


# long: the one place a run's parts are wired together (pool, writer, fetch logs, publish record); each part is a call
def ingest_run(paths: Paths, run_dir: Path, *, plans: Sequence[Plan], sources: Iterable[Any], kind: str = "nightly",
               since: dt.date | None = None, until: dt.date | None = None, progress: Progress | None = None,
               force: bool = False, pages: Iterable[PageRow] | None = None, times: StageTimes | None = None,
               write_early: bool = True, pages_total: Callable[[], int | None] | None = None,
               pool: PoolAhead | None = None, known: dict[str, str | None] | None = None, reuse: bool = False,
               logs_final: Callable[[], bool] | None = None) -> IngestSummary:
    """Ingest one run folder. Safe to call again on the same folder (nothing is duplicated).
    force: re-extract pages even when the stored document came from the same raw bytes (reprocess).
    pages: the run's page rows as a stream (a crawl still writing them, pipeline.follow); default: the
    folder's pages.jsonl. Extraction and classification run in the worker pool (pipeline.workers) while the
    stream is still being fed; the fetch log and health are read once the stream ends.
    times: stage times measured before this call (the crawl's discover and fetch), completed here.
    write_early: store chunks while the pages are still coming (pipeline.chunk_writer); False: one write job once
    the stream has ended (a polite crawl: the writer lock is not held while it fetches).
    pages_total: how many rows the `pages` stream gives in all, once known (None before: pipeline.follow); the
    writer then takes its last chunks while the workers finish (pipeline.chunk_writer).
    pool: the run's worker pool started ahead by the caller (workers.start_pool), else started here before the snapshot
    is read; known: doc_id -> raw sha of the stored documents if the caller read them (else read here). reuse: keep
    what the page rows' `stored` digests show unchanged (a reprocess: pipeline.reuse; a caller's pool has it too).
    logs_final: True once the run's fetch log and health are final (a crawl's process has exited): _RunLogs."""
    from pipeline.workers import run_batches, warm_up

    if pages is not None:
        warm_up()  # a crawl's stream: the pool will be used, start its fork server while the snapshot is read
    say = progress or (lambda _msg: None)
    times = times if times is not None else StageTimes()
    run_id = run_dir.name
    summary = IngestSummary(run_id=run_id)
    sources = list(sources)
    streaming = pages is not None
    page_rows: Iterable[PageRow] = pages if pages is not None else list(read_pages(run_dir))
    hint = None if streaming else len(page_rows)  # type: ignore[arg-type]
    pool, known = _pool_and_known(paths, run_id, plans, sources, hint, pool, known, reuse, kind != "reprocess")
    ctx = pool.ctx if pool is not None else context(paths.raw_archive, run_id, plans, sources, reuse,
                                                    tokens=kind != "reprocess")
    steps = progress if hasattr(progress, "advance") else None  # a pipeline.progress reporter: counts too
    if not streaming:  # a crawl still running reports its own progress; its pages are counted at its end
        _stage(say, steps, "trích xuất trang", hint or 0)
    collected = _Collected(summary, None if streaming else steps)
    logs = _RunLogs(run_dir, run_id, logs_final)  # read in a thread once final or every page is read
    # the one writer stores finished documents in chunks while the workers keep extracting (pipeline.chunk_writer)
    # a crawl's writer is told the run's size once known, to take its last chunks while the workers finish; not a
    # folder's (a reprocess): its writer's chunk costs mostly its fixed part (0.07 s of CPU for 10 documents, 0.09
    # for 154, loaded), so an early chunk left the tail as long and added one chunk
    writing = ChunkWriter(paths, times, start=lambda w: _start_job(w, run_id, kind, since, until, sources),
                          store=lambda w, chunk: _store_chunk(w, chunk, times, _classifier(ctx)), early=write_early,
                          total=None if pages_total is None else _to_extract(pages_total, summary),
                          settle=_checkpoint, between=None if logs_final is None else logs.store_early)

    def take(result: BatchResult) -> None:
        collected.add(result)
        writing.add(result)

    try:
        run_batches(ctx, logs.after(_pages_to_extract(page_rows, known, force, summary)),
                    workers=pool.workers if pool is not None else 1, on_result=take, pool=pool)
    except BaseException:
        writing.abandon()
        raise
    _report_worker_stages(say, steps, streaming, summary.pages, collected.classified())
    _summarize_documents(summary, times, collected, known)
    fetches, health = _fetches_and_health(run_dir, summary, times, logs.rows())
    say("ghi vào kho dữ liệu")
    complete = (run_dir / DONE).exists()

    def last(writer: Writer) -> None:
        started = time.perf_counter()
        logs.store_last(writer, fetches, health)
        times.add("store", time.perf_counter() - started, len(collected.decisions))
        times.add("dedupe", collected.spent["dedupe"])  # signatures computed in the workers
        summary.stages = times.as_dict()
        writer.finish_run(run_id, "ok" if complete and not summary.extract_errors else "partial", summary.as_dict(),
                          times.rows(run_id))
        writer.after_publish = publishing.record  # (a snapshot's: in this job; the lake's: after it, below)

    publishing = _PublishRecord(paths, run_id, times)
    publishing.after(writing.finish(last))
    summary.stages = times.as_dict()
    summary.publish_error = publishing.error
    (run_dir / INGESTED_MARKER).write_text(now().isoformat() + "\n", encoding="utf-8")
    return summary


class _PublishRecord:
    """The publish stage into the run's row and stage rows: in the write job once the snapshot is out (`record`, as
    the writer's after_publish: pipeline.store.open_writer), else after it (`after`: the lake's publish)."""

    def __init__(self, paths: Paths, run_id: str, times: StageTimes) -> None:
        self._paths, self._run_id, self._times = paths, run_id, times
        self._recorded = False
        self.error: str | None = None

    def record(self, writer: Writer) -> None:
        self._times.add("publish", writer.publish_seconds or 0.0, 1)
        _record_publish(writer.conn, self._run_id, self._times, writer.publish_error, self._paths)
        self._recorded = True

    def after(self, writer: Writer) -> None:
        """The write job has ended (and published)."""
        self.error = writer.publish_error
        if self._recorded:
            return
        if writer.publish_seconds is not None:
            self._times.add("publish", writer.publish_seconds, 1)
        record_publish(self._paths, self._run_id, self._times, writer.publish_error)


def _pool_and_known(paths: Paths, run_id: str, plans: Sequence[Plan], sources: list[Any], hint: int | None,
                    pool: PoolAhead | None, known: dict[str, str | None] | None, reuse: bool,
                    tokens: bool = False) -> tuple[PoolAhead | None, dict[str, str | None]]:
    """The run's pool (the caller's, or started now: its workers fork while the snapshot is read and, in a crawl,
    the first pages come) and the stored documents' raw shas (the caller's, or read now). `tokens`: the workers
    tokenize the search texts (a crawl's documents are mostly new: workers.context)."""
    if pool is None:
        pool = start_pool(paths.raw_archive, run_id, plans, sources, hint, reuse, tokens)
    try:
        return pool, (_known_documents(paths) if known is None else known)
    except BaseException:
        if pool is not None:
            pool.close()
        raise


def _pages_to_extract(page_rows: Iterable[PageRow], known: dict[str, str | None], force: bool,
                      summary: IngestSummary) -> Iterator[PageRow]:
    """The run's pages, counted, without those whose stored document came from the same raw bytes (unless
    force)."""
    for page in page_rows:
        summary.pages += 1
        if not force and known.get(_page_doc_id(page), "") == page.get("raw_sha256") is not None:
            summary.documents_unchanged += 1
            continue
        yield page


def _checkpoint(writer: Writer) -> None:
    """The write job's checkpoint once the run's last pages are stored early (pipeline.chunk_writer): it overlaps
    the workers' last batches, and the job's closing checkpoint writes only the last chunk. A crawl's stream only
    (the only runs told their size): its chunks append, while a reprocess replaces every row, which two
    checkpoints wrote at about twice the CPU of one (0.16 against 0.04-0.09 s, bench, loaded)."""
    writer.conn.execute("CHECKPOINT")


def _to_extract(total: Callable[[], int | None], summary: IngestSummary) -> Callable[[], int | None]:
    """The pages the run hands to the workers in all, once its page count is known: those not skipped as unchanged
    (counted as the stream is read: until its end, at least as many as will go)."""
    def pages() -> int | None:
        known = total()
        return None if known is None else known - summary.documents_unchanged

    return pages


class _Collected:
    """What the run's batch results add up to, in run order: the extraction errors (into the summary), time
    spent per stage, and each document's decisions (the summary's counts; the rows themselves go to the
    writer). steps: a progress reporter advanced by each batch's pages (None: not counted here)."""

    def __init__(self, summary: IngestSummary, steps: Any) -> None:
        self.summary = summary
        self.steps = steps
        self.spent = {"extract": 0.0, "classify": 0.0, "dedupe": 0.0}
        self.decisions: dict[str, list[str]] = {}  # doc_id -> its classifications' decisions (last extraction)
        self.derivation: str | None = None  # pipeline.reuse.derivation, as the workers computed it
        self.kept: set[str] = set()  # documents whose classification rows were kept (their last extraction)

    def add(self, result: BatchResult) -> None:
        self.summary.extract_errors.extend(result.errors)
        self.spent["extract"] += result.extract_s
        self.spent["classify"] += result.classify_s
        self.spent["dedupe"] += result.dedupe_s
        if self.steps is not None:
            self.steps.advance(result.pages)
        for doc in result.docs:
            self.decisions.pop(doc["doc_id"], None)  # a page recorded twice keeps its last extraction
            self.decisions[doc["doc_id"]] = []
            self.kept.discard(doc["doc_id"])
        for row in result.classifications:
            self.decisions[row["doc_id"]].append(row["decision"])
        for doc_id, (decisions, _run) in result.reused.items():  # kept as stored: the same calls
            self.decisions[doc_id].extend(decisions)
            self.kept.add(doc_id)
        self.derivation = result.derivation or self.derivation

    def classified(self) -> int:
        return sum(len(v) for v in self.decisions.values())


def merge_results(results: Sequence[BatchResult]) -> tuple[list[DocumentRow], list[ClassificationRow],
                                                           dict[str, Any], dict[str, Any]]:
    """Batch results (in run order) as one load: documents (a page recorded twice keeps its last extraction),
    their classification rows, story signatures and folded paragraphs."""
    docs: dict[str, DocumentRow] = {}
    by_doc: dict[str, list[ClassificationRow]] = {}
    signatures: dict[str, Any] = {}
    folded: dict[str, Any] = {}
    for result in results:
        signatures.update(result.story_rows)
        folded.update(result.paragraphs)
        for doc in result.docs:
            docs.pop(doc["doc_id"], None)
            docs[doc["doc_id"]] = doc
            by_doc[doc["doc_id"]] = []
        for row in result.classifications:
            by_doc[row["doc_id"]].append(row)
    return list(docs.values()), [row for doc_id in docs for row in by_doc[doc_id]], signatures, folded


def _store_chunk(writer: Writer, chunk: Sequence[BatchResult], times: StageTimes,
                 classify: Callable[[list[DocumentRow]], list[ClassificationRow]] | None = None) -> None:
    docs, classifications, signatures, folded = merge_results(chunk)
    reused: dict[str, tuple[list[str], str | None]] = {}
    for result in chunk:  # (a document is in one batch of a reprocess: one page each)
        reused.update(result.reused)
    search: dict[str, Any] = {}
    for result in chunk:  # (in run order: a page recorded twice keeps its last extraction's, as `docs` does)
        search.update(result.search)
    kept = {d["doc_id"] for d in docs}
    store_documents(writer, docs, classifications, times, signatures, folded,
                    reused={k: v for k, v in reused.items() if k in kept}, classify=classify, search=search)


def _classifier(ctx: Any) -> Callable[[list[DocumentRow]], list[ClassificationRow]]:
    """Classify documents in this process as the workers do (pipeline.workers.WorkerContext ctx)."""
    return lambda docs: classify_documents(docs, ctx.plans, ctx.sources, ctx.run_id)


def _start_job(writer: Writer, run_id: str, kind: str, since: dt.date | None, until: dt.date | None,
               sources: list[Any]) -> None:
    writer.start_run(run_id, kind, since, until)
    _sync_registry(writer, sources)


def _report_worker_stages(say: Progress, steps: Any, streaming: bool, pages: int, classified: int) -> None:
    """Report the extraction (a stream's pages are counted at its end) and the classification done in the
    same workers."""
    if streaming:
        _stage(say, steps, "trích xuất trang", pages)
        if steps is not None:
            steps.advance(pages)
    _stage(say, steps, "phân loại tài liệu", classified)  # done in the same workers
    if steps is not None:
        steps.advance(classified)


def _summarize_documents(summary: IngestSummary, times: StageTimes, collected: _Collected,
                         known: dict[str, str | None]) -> None:
    """Extraction and classification times, new and updated documents and the decisions into the summary."""
    times.add("extract", collected.spent["extract"], summary.pages - summary.documents_unchanged)
    times.add("classify", collected.spent["classify"], len(collected.decisions))
    summary.documents_new = sum(1 for doc_id in collected.decisions if doc_id not in known)
    summary.documents_updated = len(collected.decisions) - summary.documents_new
    summary.classified = collected.classified()
    summary.derivation = collected.derivation
    summary.documents_kept = len(collected.kept)
    for decisions in collected.decisions.values():
        for decision in decisions:
            summary.decisions[decision] = summary.decisions.get(decision, 0) + 1


def _insert_logs(writer: Writer, fetches: list[dict[str, Any]], health: list[dict[str, Any]]) -> None:
    writer.insert("fetch_log", fetches, on_conflict="ignore")
    writer.insert("source_health_log", health, on_conflict="replace")


class _RunLogs:
    """The run's fetch log and source health as table rows, read in a thread of their own as soon as the stream of
    pages has ended (the crawl has ended then: pipeline.follow), while the workers finish the last batches, instead
    of after them in the run's serial tail (3,310 fetch rows: 0.07-0.12 s of CPU at the bench). With `final` (the
    files are written in full: a crawl's process has exited), read as soon as it says so, checked every
    `FINAL_EVERY` pages handed out: a crawl ends seconds before its pages are all handed to the workers, and the
    writer then stores the rows between its chunks (`store_early`), before the early checkpoint when they are
    ready by then, so that neither their insert nor their checkpoint is in the run's serial tail."""

    FINAL_EVERY = 16

    def __init__(self, run_dir: Path, run_id: str, final: Callable[[], bool] | None = None) -> None:
        self._run_dir, self._run_id, self._final = run_dir, run_id, final
        self._thread: threading.Thread | None = None
        self._rows: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]] | None = None
        self.stored = False  # the rows are in the write job (store_early)

    def after(self, pages: Iterable[PageRow]) -> Iterator[PageRow]:
        for given, page in enumerate(pages, 1):
            yield page
            if self._final is not None and self._thread is None and given % self.FINAL_EVERY == 0 and self._final():
                self._start()
        if self._thread is None:
            self._start()

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._try_read, name="planwatch-run-logs", daemon=True)
        self._thread.start()

    def store_early(self, writer: Writer) -> None:
        """In the write job, between two chunks: the rows, if read already (the same rows as after the last chunk)."""
        thread = self._thread
        if self.stored or thread is None or thread.is_alive() or self._rows is None:
            return
        _insert_logs(writer, self._rows[1], self._rows[2])
        self.stored = True

    def store_last(self, writer: Writer, fetches: list[dict[str, Any]], health: list[dict[str, Any]]) -> None:
        """After the last chunk: the rows (`rows()`), unless stored between two chunks already."""
        if not self.stored:
            _insert_logs(writer, fetches, health)

    def _try_read(self) -> None:
        try:
            self._read()
        except Exception:  # read again by rows(), in the caller's thread, where the error is raised
            self._rows = None

    def _read(self) -> None:
        raw = list(read_jsonl(self._run_dir / FETCHES))
        self._rows = (raw, [_fetch_row(r, self._run_id) for r in raw],
                      [_health_row(r, self._run_id) for r in read_jsonl(self._run_dir / HEALTH)])

    def rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """(the fetch log as read, its table rows, the health rows): from the thread, or read now (the thread
        failed or never ran)."""
        if self._thread is not None:
            self._thread.join()
        if self._rows is None:
            self._read()
        assert self._rows is not None
        return self._rows


def _fetches_and_health(run_dir: Path, summary: IngestSummary, times: StageTimes,
                        rows: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]],
                        ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The run's fetch log and source health rows (_RunLogs.rows), counted in the summary; the crawl's stage times
    from its fetch log when they were not measured before the ingest."""
    raw_fetches, fetches, health = rows
    summary.fetches = len(fetches)
    crawl_s = crawl_seconds(run_dir / DONE)
    if crawl_s is not None and "fetch" not in times.as_dict():
        crawl_stages(raw_fetches, crawl_s, times)
    summary.sources = len(health)
    return fetches, health


def record_publish(paths: Paths, run_id: str, times: StageTimes, error: str | None = None) -> None:
    """The publish stage is only known once the snapshot is out: record it in the warehouse now (it reaches
    the snapshot with the next publish); the CLI, the run summary and the Prefect artifact have it at once.
    `error`: why the lake publish failed (the run's `publish_error`)."""
    from pipeline.locking import exclusive_lock
    from pipeline.store import connect_rw

    with exclusive_lock(paths.writer_lock, timeout=600.0):
        conn = connect_rw(paths)
        try:
            _record_publish(conn, run_id, times, error, paths)
            conn.execute("CHECKPOINT")
        finally:
            conn.close()


def _record_publish(conn: Any, run_id: str, times: StageTimes, error: str | None, paths: Paths) -> None:
    """The run's row and stage rows get the publish stage (record_publish; or the write job itself once its
    snapshot is out: pipeline.store.open_writer's after_publish)."""
    conn.execute("UPDATE crawl_runs SET summary_json = json_merge_patch(summary_json, ?) WHERE run_id = ?",
                 [json.dumps({"stages": times.as_dict(), **({"publish_error": error} if error else {})}), run_id])
    rows = [r for r in times.rows(run_id) if r["stage"] == "publish"]
    Writer(conn, paths).insert("run_stages", rows, on_conflict="replace")


def _stage(say: Progress, steps: Any, name: str, total: int) -> None:
    if steps is not None:
        steps.stage(name, total)
    else:
        say(f"{name}: {total}")


def _sync_registry(writer: Writer, sources: list[Any]) -> None:
    """Upsert the sources this run crawled, so one added to the sources file after `planwatch init`
    shows in source_health (a view over the `sources` table) instead of being silently left out."""
    from crawlers.registry import Source, sync_sources

    registry = [s for s in sources if isinstance(s, Source)]
    if registry:
        sync_sources(writer, registry)


def _known_documents(paths: Paths) -> dict[str, str | None]:
    """doc_id -> raw sha of what is already stored (from the snapshot, which mirrors the warehouse)."""
    from pipeline import sql
    from pipeline.snapshot import NoSnapshot, open_snapshot

    try:
        with open_snapshot(paths, fts=False) as conn:
            return dict(conn.execute(sql.query("known_documents")).fetchall())
    except NoSnapshot:
        return {}


def _fetch_row(r: dict[str, Any], run_id: str) -> dict[str, Any]:
    fetch_id = r.get("fetch_id") or hashlib.sha1(
        f"{run_id}|{r.get('url')}|{r.get('fetched_at')}".encode()).hexdigest()[:20]
    return {"fetch_id": fetch_id, "run_id": r.get("run_id") or run_id, "source_id": r.get("source_id"),
            "url": r["url"], "final_url": r.get("final_url"), "kind": r.get("kind"), "status": r.get("status"),
            "fetched_at": _parse_ts(r.get("fetched_at")) or now(), "bytes": r.get("bytes"),
            "elapsed_ms": r.get("elapsed_ms"), "error": r.get("error"), "raw_sha256": r.get("raw_sha256"),
            "etag": r.get("etag"), "last_modified": r.get("last_modified"),
            "response_headers": r.get("response_headers"), "request_headers": r.get("request_headers"),
            "protocol": r.get("protocol")}


def _health_row(r: dict[str, Any], run_id: str) -> dict[str, Any]:
    return {"run_id": run_id, "source_id": r["source_id"], "checked_at": _parse_ts(r.get("checked_at")) or now(),
            "items_found": int(r.get("items_found") or 0), "pages_fetched": int(r.get("pages_fetched") or 0),
            "errors": int(r.get("errors") or 0), "layout_misses": int(r.get("layout_misses") or 0),
            "last_error": r.get("last_error"),
            "skipped_known": int(r.get("skipped_known") or 0), "not_modified": int(r.get("not_modified") or 0),
            **_problem_columns(r.get("problems"))}


def _problem_columns(problems: Any) -> dict[str, Any]:
    """The real-web states the crawl met (crawlers.realweb): the most serious one, its detail, all as JSON."""
    from crawlers.realweb import primary

    found = {str(k): str(v) for k, v in problems.items()} if isinstance(problems, dict) else {}
    code, detail = primary(found)
    return {"problem": code, "problem_detail": detail,
            "problems": json.dumps(found, ensure_ascii=False, sort_keys=True) if found else None}


def mark_path(run_dir: Path) -> Path:
    return run_dir / INGESTED_MARKER
