"""Build small warehouses for tests: documents, classifications and sources inserted through the writer."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from pipeline.plans import load_plan
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.plan import PRIMARY_PLAN

PLAN_ID = PRIMARY_PLAN
VN = dt.timezone(dt.timedelta(hours=7))


def source(source_id: str, name: str | None = None, kind: str = "newspaper", scope: str = "central",
           province_historical: str | None = None, province_current: str | None = None) -> dict[str, Any]:
    return {"source_id": source_id, "name": name or source_id, "kind": kind, "scope": scope,
            "province_historical": province_historical, "province_current": province_current,
            "homepage": f"http://127.0.0.1/{source_id}/", "config_json": "{}",
            "updated_at": dt.datetime.now(dt.UTC)}


def document(doc_id: str, published: str | dt.date | None, *, source_id: str = "giaoducthoidai",
             title: str | None = None, fmt: str = "article", story_id: str | None = None,
             text: str = "Nội dung bài viết.", url: str | None = None, date_source: str = "meta",
             date_confidence: float = 0.95) -> dict[str, Any]:
    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    at = dt.datetime(day.year, day.month, day.day, 8, 30, tzinfo=VN) if day else None
    url = url or f"http://127.0.0.1/{source_id}/{doc_id}.html"
    now = dt.datetime.now(dt.UTC)
    return {"doc_id": doc_id, "url": url, "canonical_url": url, "source_id": source_id,
            "title": title or f"Bài {doc_id}", "lead": "", "text": text, "author": None, "tags": [],
            "language": "vi", "published_at": at, "published_date": day, "date_source": date_source,
            "date_confidence": date_confidence, "format": fmt, "format_evidence": None,
            "content_hash": hashlib.sha256(text.encode()).hexdigest(), "story_id": story_id or f"s-{doc_id}",
            "raw_sha256": None, "extraction_quality": 1.0, "extraction_flags": [], "extractor_version": "test",
            "first_seen_at": now, "extracted_at": now, "run_id": "test"}


def classification(doc_id: str, activity: str | None, decision: str, *, score: float | None = None,
                   fmt: str = "article", version: str = "test-1", at: dt.datetime | None = None,
                   reasons: Iterable[str] = ()) -> dict[str, Any]:
    score = score if score is not None else {"accept": 0.9, "review": 0.5, "reject": 0.05}[decision]
    return {"doc_id": doc_id, "plan_id": PLAN_ID, "classifier_version": version,
            "classified_at": at or dt.datetime.now(dt.UTC), "relevant": decision != "reject",
            "activity": activity, "format": fmt, "score": score, "decision": decision,
            "activity_scores": json.dumps({activity: score} if activity else {}), "reasons": list(reasons),
            "evidence": json.dumps({"terms": []}), "run_id": "test"}


def seed(paths: Paths, *, documents: Iterable[dict[str, Any]] = (), classifications: Iterable[dict[str, Any]] = (),
         sources: Iterable[dict[str, Any]] = ()) -> None:
    """Load the plan and the given rows through the one writer, then publish."""
    with open_writer(paths) as writer:
        writer.load_plan(load_plan(PLAN_ID))
        writer.insert("sources", list(sources), on_conflict="replace")
        writer.insert("documents", list(documents), on_conflict="replace")
        writer.insert("classifications", list(classifications))
