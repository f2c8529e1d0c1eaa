"""One page of a run -> its document row, and documents -> their classification rows: the workers' part of
the ingest (pipeline.workers), kept apart from pipeline.ingest so that the worker pool's fork server imports
the extractor and the classifiers without the warehouse's modules (duckdb, pyarrow: about 0.15 s of CPU per run).
pipeline.ingest re-exports its public names."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from crawlers.rawpack import as_location
from pipeline.plans import Plan
from pipeline.rows import DocumentRow, PageRow
from pipeline.runfiles import read_raw
from planwatch.core.vntime import local_date

if TYPE_CHECKING:
    from classifiers.contract import Classification

log = logging.getLogger("planwatch.ingest")


def now() -> dt.datetime:
    """pipeline.store.now (the warehouse's clock: UTC), without importing the store."""
    return dt.datetime.now(dt.UTC)


def doc_id_for(canonical_url: str) -> str:
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]


def extract_page_row(raw_dir: Path, page: PageRow, sources: dict[str, dict[str, Any]], run_id: str,
                     known_language: Callable[[str, str, str], str | None] | None = None,
                     ) -> tuple[DocumentRow | None, dict[str, str] | None]:
    """One page of a run into a document row, or the error that stopped it (one bad page must not stop
    the run). Runs in the worker processes (pipeline.workers). known_language: pipeline.extract.extract_page's."""
    from pipeline.extract import extract_page

    canonical = page.get("canonical_url") or page["url"]
    # The id comes from the crawler's canonical URL (stable across runs), never from the page's own
    # <link rel=canonical>, which can change when an outlet edits the page; reprocess passes it as is.
    doc_id = page.get("doc_id") or doc_id_for(canonical)
    sha = page.get("raw_sha256")
    fetched_at = _parse_ts(page.get("fetched_at")) or now()
    try:
        body = read_raw(raw_dir, sha, as_location(page.get("raw_pack"))) if sha else b""
        source = sources.get(page.get("source_id") or "", {})
        extracted = extract_page(body, page.get("final_url") or page["url"], source=source,
                                 hint=_hint(page), fetched_at=fetched_at, known_language=known_language)
    except Exception as exc:  # one bad page must not stop the run
        log.warning("extraction failed for %s: %s", page["url"], exc)
        return None, {"url": page["url"], "error": f"{type(exc).__name__}: {exc}"}
    published_at = extracted.get("published_at")
    return {
        "doc_id": doc_id, "url": page["url"], "canonical_url": extracted.get("canonical_url") or canonical,
        "source_id": page.get("source_id"), "title": extracted.get("title"), "lead": extracted.get("lead"),
        "text": extracted.get("text"), "author": extracted.get("author"), "tags": extracted.get("tags") or [],
        "language": extracted.get("language"), "published_at": published_at,
        "published_date": local_date(published_at), "date_source": extracted.get("date_source"),
        "date_confidence": extracted.get("date_confidence"), "format": extracted.get("format") or "article",
        "format_evidence": _as_text(extracted.get("format_evidence")),
        "content_hash": extracted.get("content_hash"), "story_id": None, "raw_sha256": sha,
        "extraction_quality": extracted.get("extraction_quality"),
        "extraction_flags": list(extracted.get("extraction_flags") or []),
        "extractor_version": extracted.get("extractor_version"), "first_seen_at": fetched_at,
        "extracted_at": now(), "run_id": run_id,
    }, None


def classify_documents(docs: Sequence[DocumentRow], plans: Sequence[Plan], sources: dict[str, dict[str, Any]],
                       run_id: str, tick: Callable[[int], None] | None = None) -> list[ClassificationRow]:
    """One classification row per (document, plan); the classifier rejects non-Vietnamese pages itself.
    tick(1) as each input is taken by the classifier (progress)."""
    from classifiers import classifier_input, classify_many
    from pipeline.progress import counted

    rows: list[ClassificationRow] = []
    for plan in plans:
        inputs = [classifier_input(d, source_kind=sources.get(d.get("source_id") or "", {}).get("kind"))
                  for d in docs]
        at = now()
        for result in classify_many(counted(inputs, tick), plan):
            rows.append(classification_row(result, plan.id, run_id, at))
    return rows


class ClassificationRow(TypedDict):
    """A `classifications` table row (data/sql/migrations), as the ingest and reclassify load it."""

    doc_id: str
    plan_id: str
    classifier_version: str
    classified_at: dt.datetime
    relevant: bool
    activity: str | None
    format: str | None
    score: float
    decision: str
    activity_scores: str  # JSON
    reasons: list[str]
    evidence: str  # JSON
    run_id: str


def classification_row(result: Classification, plan_id: str, run_id: str, at: dt.datetime) -> ClassificationRow:
    """The classifier's answer as a table row (the language rule is the classifier's own: classifiers.routing)."""
    return {
        "doc_id": str(result["id"]), "plan_id": plan_id, "classifier_version": result["classifier_version"],
        "classified_at": at, "relevant": bool(result["relevant"]), "activity": result.get("activity"),
        "format": result.get("format"), "score": float(result["score"]), "decision": result["decision"],
        "activity_scores": json.dumps(result.get("activity_scores") or {}, ensure_ascii=False),
        "reasons": list(result.get("reasons") or []),
        "evidence": json.dumps(result.get("evidence") or {}, ensure_ascii=False, default=str),
        "run_id": run_id,
    }


def _parse_ts(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value:
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return None


def _hint(page: PageRow) -> dict[str, Any]:
    """What discovery knew about a page, plus the HTTP charset for decoding."""
    hint = dict(page.get("hint") or {})
    for key in ("encoding", "content_type"):
        if page.get(key) and key not in hint:
            hint[key] = page.get(key)
    return hint


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
