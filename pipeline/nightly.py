"""The nightly recipe as plain functions (the CLI, the tests and the Prefect flows all call these).

discover_and_fetch: a Scrapy crawl in a subprocess, told which article URLs are already known and the
validators for conditional GETs; it writes a run folder and never touches the warehouse.
ingest: extract, classify and store that run folder in one write job, then publish.
recover_pending_runs: a crawl or ingest killed mid-way left a run folder without the `ingested` marker;
ingesting it again completes it (idempotent), so a rerun has no duplicates and no gaps."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.plans import list_plans, load_plan
from pipeline.runfiles import DONE, FETCHES, PAGES, pending_runs, read_jsonl
from pipeline.snapshot import NoSnapshot, open_snapshot
from planwatch.config import Paths

if TYPE_CHECKING:
    from pipeline.ingest import IngestSummary


def ingest_run(*args: Any, **kwargs: Any) -> IngestSummary:
    """pipeline.ingest.ingest_run, imported at the first call: the ingest's imports (pyarrow, numpy, the writer:
    about 0.1-0.15 s of CPU) come after a crawl's job is handed to its subprocess (crawl_and_ingest), not before."""
    from pipeline import ingest

    _import_ingest()
    return ingest.ingest_run(*args, **kwargs)


def new_run_id(mode: str) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    return f"{stamp}-{mode}-{uuid.uuid4().hex[:6]}"


def load_registry(sources: str | Path | None) -> list[Any]:
    from crawlers.registry import load_sources

    return list(load_sources(sources))


def write_known_state(paths: Paths, run_dir: Path) -> tuple[Path, Path]:
    """What the crawler reads: the known-URL index (canonical URLs already stored, looked up per candidate; rebuilt
    from the snapshot only when missing or stale, pipeline/known_index.py) and ETag/Last-Modified per URL."""
    from pipeline import known_index

    validators_file = run_dir / "validators.json"
    validators: dict[str, dict[str, str | None]] = {}
    try:
        with open_snapshot(paths, fts=False) as conn:
            for url, etag, modified in conn.execute(
                    "SELECT url, arg_max(etag, fetched_at), arg_max(last_modified, fetched_at) FROM fetch_log "
                    "WHERE kind IN ('feed', 'sitemap', 'listing') AND (etag IS NOT NULL OR last_modified IS NOT NULL) "
                    "GROUP BY url").fetchall():
                validators[url] = {"etag": etag, "last_modified": modified}
            known_index.ensure_fresh(paths, conn)
    except NoSnapshot:
        known_index.ensure_fresh(paths)
    validators_file.write_text(json.dumps(validators, ensure_ascii=False), encoding="utf-8")
    return paths.known_index, validators_file


def prepare_crawl(paths: Paths, sources: str | Path | None, since: dt.date | None, until: dt.date | None,
                  mode: str = "nightly", **job_options: Any) -> tuple[Path, dict[str, Any], list[dict[str, Any]]]:
    """A new run folder with the known state written, the crawl job for it, and the queued manual URLs."""
    from crawlers.manual import pending_manual_urls

    paths.ensure()
    run_id = new_run_id(mode)
    run_dir = paths.runs / run_id
    run_dir.mkdir(parents=True)
    known_index_file, validators_file = write_known_state(paths, run_dir)
    manual = pending_manual_urls(paths.home)
    job = {
        "run_id": run_id, "mode": mode, "sources": str(sources) if sources else None,
        "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
        "out_dir": str(run_dir), "raw_dir": str(paths.raw_archive), "known_index_file": str(known_index_file),
        "validators_file": str(validators_file), "manual_urls": manual, **job_options,
    }
    return run_dir, job, manual


def after_crawl(paths: Paths, run_dir: Path, manual: list[dict[str, Any]]) -> None:
    """Queued manual URLs leave the queue once the crawl has tried them."""
    from crawlers.manual import mark_manual_done

    if manual:
        tried = {r.get("url") for r in read_jsonl(run_dir / FETCHES) if r.get("kind") == "manual"}
        mark_manual_done(paths.home, [m["url"] for m in manual if m["url"] in tried])


def discover_and_fetch(paths: Paths, sources: str | Path | None, since: dt.date | None, until: dt.date | None,
                       mode: str = "nightly", timeout: float | None = None, progress: Any = None,
                       **job_options: Any) -> Path:
    """Crawl in a subprocess into a new run folder; queued manual URLs go along and leave the queue
    once the crawl has tried them. job_options: further crawlers.job.CrawlJob fields. progress: a
    pipeline.progress reporter (live per-source lines or bars, then one line per source)."""
    from crawlers.run import run_crawl

    run_dir, job, manual = prepare_crawl(paths, sources, since, until, mode, **job_options)
    run_crawl(job, timeout=timeout, progress=_crawl_callback(progress))
    after_crawl(paths, run_dir, manual)
    return run_dir


def crawl_and_ingest(paths: Paths, sources: str | Path | None, since: dt.date | None, until: dt.date | None,
                     mode: str = "nightly", progress: Any = None, timeout: float | None = None,
                     **job_options: Any) -> IngestSummary:
    """Crawl and ingest at once: pages go to the extraction/classification workers while Scrapy is still
    fetching (the run folder is read as it is written); the write job starts when the crawl has ended, or, with
    politeness off (a local mirror, the bench), as soon as a first chunk of documents is ready."""
    from crawlers.run import start_crawl
    from pipeline.follow import follow_jsonl

    run_dir, job, manual = prepare_crawl(paths, sources, since, until, mode, **job_options)
    handle = start_crawl(job, timeout=timeout, progress=_crawl_callback(progress))
    _import_ingest()  # while the crawl fetches its first pages

    total: list[int] = []  # the page file's rows, once the crawl has ended (pipeline.follow)

    def pages() -> Any:
        try:
            yield from follow_jsonl(run_dir / PAGES, handle.running, on_total=total.append)
        finally:
            # waits for (or, past its time limit, ends) the crawl; merges validators (the ingest reads the run
            # files itself: the result's counts are not needed)
            handle.finish(counts=False)
        after_crawl(paths, run_dir, manual)

    plans = [load_plan(p) for p in list_plans()]
    return ingest_run(paths, run_dir, plans=plans, sources=load_registry(sources), kind=mode, since=since,
                      until=until, progress=progress, pages=pages(),
                      write_early=job.get("politeness", "default") != "default",
                      pages_total=lambda: total[0] if total else None,
                      logs_final=lambda: bool(total) and handle.proc.poll() is not None)


def _import_ingest() -> None:
    """The ingest's modules, imported now (the crawl is fetching), and frozen with the command's other imports
    when its collector was tuned (pipeline.gc_tuning.refreeze)."""
    from pipeline import gc_tuning, ingest  # noqa: F401

    gc_tuning.refreeze()


def _crawl_callback(progress: Any) -> Any:
    """The crawl's progress snapshots to a reporter: live ones to .crawl, the final one to .crawl_finished."""
    live, finished = getattr(progress, "crawl", None), getattr(progress, "crawl_finished", None)
    if live is None or finished is None:
        return None

    def report(snapshot: dict[str, Any]) -> None:
        (finished if snapshot.get("final") else live)(snapshot)

    return report


def ingest(paths: Paths, run_dir: str | Path, sources: str | Path | None, mode: str = "nightly",
           since: dt.date | None = None, until: dt.date | None = None, progress: Any = None,
           force: bool = False) -> IngestSummary:
    plans = [load_plan(p) for p in list_plans()]
    return ingest_run(paths, Path(run_dir), plans=plans, sources=load_registry(sources), kind=mode,
                      since=since, until=until, progress=progress, force=force)


def recover_pending_runs(paths: Paths, sources: str | Path | None) -> list[IngestSummary]:
    # A reprocess run re-extracts pages whose bytes did not change: recovering one needs force as well,
    # or every page is skipped as unchanged and the run is marked done without re-extracting anything.
    return [ingest(paths, run_dir, sources, "recovered", force=_is_reprocess(run_dir))
            for run_dir in pending_runs(paths.runs)]


def _is_reprocess(run_dir: Path) -> bool:
    return "-reprocess-" in run_dir.name


def latest_source_health(paths: Paths) -> list[dict[str, Any]]:
    try:
        with open_snapshot(paths, fts=False) as conn:
            cur = conn.execute("SELECT source_id, health, items_found, pages_fetched, errors, last_error "
                               "FROM source_health ORDER BY source_id")
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    except NoSnapshot:
        return []


def run_once(paths: Paths, sources: str | Path | None, since: dt.date | None, until: dt.date | None,
             mode: str = "nightly", progress: Any = None, **job_options: Any) -> IngestSummary:
    """The whole recipe without Prefect (used by `planwatch crawl` and `backfill`)."""
    recover_pending_runs(paths, sources)
    return crawl_and_ingest(paths, sources, since, until, mode, progress, **job_options)


def reprocess(paths: Paths, sources: str | Path | None, progress: Any = None, full: bool = False) -> IngestSummary:
    """Re-extract and reclassify every stored document from the raw archive, without fetching. Every page is
    extracted again; what derives from a document alone is computed again only where its inputs changed
    (pipeline.reuse), unless `full` (`planwatch reprocess --full`): everything computed again."""
    from pipeline import sql

    run_id = new_run_id("reprocess")
    run_dir = paths.runs / run_id
    run_dir.mkdir(parents=True)
    with open_snapshot(paths, fts=False) as conn:
        rows = conn.execute(sql.query("reprocess_documents")).fetchall()
        stored = None if full else _stored_state(conn)
        known = dict(conn.execute(sql.query("known_documents")).fetchall())  # (ingest_run's)
    from pipeline.workers import start_pool

    # the pool's workers fork (from the fork server the command started) and get the run's first pages while the
    # run file is written and the ingest's modules are imported
    plans = [load_plan(p) for p in list_plans()]
    registry = load_registry(sources)
    pool = start_pool(paths.raw_archive, run_id, plans, registry, len(rows), reuse=not full)
    try:
        pages = _page_rows(paths, rows, stored)
        first = list(itertools.islice(pages, pool.prime_pages if pool is not None else 0))
        if pool is not None:
            pool.prime(first)
        _write_pages(run_dir, itertools.chain(first, pages))
    except BaseException:
        if pool is not None:
            pool.close()
        raise
    return ingest_run(paths, run_dir, plans=plans, sources=registry, kind="reprocess", progress=progress,
                      force=True, pool=pool, known=known, reuse=not full)


def _page_rows(paths: Paths, rows: list[Any],
               stored: tuple[dict[str, list[list[str]]], dict[str, tuple[str, str | None]]] | None,
               ) -> Iterator[dict[str, Any]]:
    """The reprocess's page rows, one per stored document (with its stored digests unless `stored` is None:
    `--full`), as its run file holds them (JSON's types: the same rows when read back)."""
    from crawlers.rawpack import locate

    for r in rows:
        (doc_id, url, canonical, source_id, sha, first_seen, published_at, date_source, confidence,
         final_url) = r[:10]
        # A date that only discovery knew (feed, sitemap, listing) is not in the page: carry it over,
        # with its origin (stored as date_source 'feed' with the origin's confidence).
        hint = ({"published": published_at.isoformat(), "origin": _discovery_origin(confidence)}
                if date_source == "feed" and published_at else {})
        row = {"doc_id": doc_id, "url": url, "canonical_url": canonical, "final_url": final_url,
               "source_id": source_id, "raw_sha256": sha, "fetched_at": first_seen.isoformat(),
               "discovered_via": "reprocess", "hint": hint}
        where = locate(paths.raw_archive, sha)  # in a crawl's pack: the workers read it there at once
        if where is not None:
            row["raw_pack"] = list(where)
        if stored is not None:
            row["stored"] = _stored_digests(r, *stored)
        yield row


def _write_pages(run_dir: Path, pages: Iterable[dict[str, Any]]) -> None:
    """The reprocess's run file: its page rows, then its `done` marker."""
    with open(run_dir / PAGES, "w", encoding="utf-8") as fh:
        for row in pages:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    (run_dir / DONE).write_text("", encoding="utf-8")


def _stored_state(conn: Any) -> tuple[dict[str, list[list[str]]], dict[str, tuple[str, str | None]]]:
    """Every document's stored calls (plan, classifier version, decision), and each run's kind and derivation."""
    from pipeline import sql

    calls: dict[str, list[list[str]]] = {}
    for doc_id, plan_id, version, decision in conn.execute(sql.query("reprocess_calls")).fetchall():
        calls.setdefault(doc_id, []).append([plan_id, version, decision])
    runs = {r[0]: (r[1], r[2]) for r in conn.execute(sql.query("reprocess_runs")).fetchall()}
    return calls, runs


def _stored_digests(r: tuple[Any, ...], calls: dict[str, list[list[str]]],
                    runs: dict[str, tuple[str, str | None]]) -> dict[str, Any]:
    """What a page row carries of its stored document for the worker (pipeline.reuse, pipeline.workers.reusable):
    the digests of its stored row, the run that wrote it, that run's derivation and the stored calls. A document
    dated by first sight and last written by a crawl has no classifier digest: that crawl's worker may have read
    another time than the stored one (a re-fetch: the writer keeps the first-seen time, pipeline.ingest)."""
    from pipeline.reuse import classifier_digest, language_key, story_digest

    (doc_id, url, _canonical, source_id, _sha, _first, _published, date_source, confidence, _final,
     title, content_hash, lead_md5, published_us, fmt, quality, language, run_id) = r
    kind, derivation = runs.get(run_id, (None, None))
    classifier = None
    if date_source != "first_seen" or kind == "reprocess":
        classifier = classifier_digest(title, content_hash, lead_md5, url, published_us, source_id, fmt,
                                       confidence, quality, language)
    return {"classifier": classifier, "story": story_digest(title, content_hash, published_us, source_id),
            "language": language, "language_key": language_key(title, lead_md5, content_hash),
            "run": run_id, "derivation": derivation, "calls": calls.get(doc_id, [])}


def _discovery_origin(confidence: float | None) -> str:
    """The discovery origin (feed, sitemap, listing) behind a stored 'feed' date, from its confidence."""
    from pipeline.dates import CONFIDENCE

    for origin in ("feed", "sitemap", "listing"):
        if confidence is not None and abs(CONFIDENCE[origin] - confidence) < 1e-9:
            return origin
    return "feed"
