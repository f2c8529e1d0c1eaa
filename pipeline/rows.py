"""The shapes of the rows documents travel in between modules: a page the crawl recorded (`PageRow`, one line
of a run's pages.jsonl) and the document extracted from it (`DocumentRow`, one `documents` table row).

The crawler writes page rows (crawlers.spider, and pipeline.nightly for a reprocess); the ingest turns each
into a document row (pipeline.ingest.extract_page_row, in the workers of pipeline.workers); the story code
reads it (pipeline.syndication.as_doc) and the writer loads it (pipeline.ingest.store_documents). The
classifier reads it through its own contract (classifiers.contract.classifier_input).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Required, TypedDict


class PageRow(TypedDict, total=False):
    """One line of a run's pages.jsonl: a fetched article page, its raw bytes in the archive by raw_sha256.
    `doc_id` only when a reprocess gives the stored document's id; `hint` is what discovery knew (a feed's
    date, its origin)."""

    url: Required[str]
    canonical_url: str
    final_url: str | None
    source_id: str | None
    fetched_at: str | dt.datetime | None
    raw_sha256: str | None
    content_type: str | None
    encoding: str | None
    discovered_via: str | None
    hint: dict[str, Any]
    status: int
    run_id: str
    doc_id: str
    raw_pack: list[Any]  # [pack name, offset, length] of the body in the raw archive's packs (crawlers.rawpack)
    stored: dict[str, Any]  # a reprocess: the stored document's digests, run and calls (pipeline.reuse)


class DocumentRow(TypedDict):
    """One extracted document: a `documents` table row (data/sql/migrations/001_core.sql), every column
    present (None where the page did not give it)."""

    doc_id: str  # sha1 of the crawler's canonical URL (pipeline.ingest.doc_id_for)
    url: str
    canonical_url: str
    source_id: str | None
    title: str | None
    lead: str | None
    text: str | None
    author: str | None
    tags: list[str]
    language: str | None
    published_at: dt.datetime | None
    published_date: dt.date | None  # local date in Vietnam
    date_source: str | None  # meta | jsonld | visible | url | feed | first_seen
    date_confidence: float | None
    format: str  # article | report
    format_evidence: str | None
    content_hash: str | None
    story_id: str | None  # set by the writer (pipeline.story_store)
    raw_sha256: str | None
    extraction_quality: float | None
    extraction_flags: list[str]
    extractor_version: str | None
    first_seen_at: dt.datetime
    extracted_at: dt.datetime
    run_id: str


def content_hash_of(title: str, text: str) -> str:
    """A document row's `content_hash`: the SHA-256 of its title and text, both already through
    pipeline.normalize's normalize_text (pipeline.extract makes every row's so)."""
    return hashlib.sha256((title + "\n" + text).encode("utf-8")).hexdigest()
