"""The classifier's contract: what goes in (`ClassifierInput`), what comes out (`Classification`).

Every caller (the nightly ingest, `planwatch reclassify`, `planwatch classify` and `explain`) builds its input
with `classifier_input`, so the same document gets the same fields, hence the same answer, on every path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Required, TypedDict, cast

# Fields a caller may give besides id, title and text; a missing or None one is left out.
OPTIONAL_FIELDS = ("lead", "url", "published_at", "source_id", "source_kind", "format", "date_confidence",
                   "extraction_quality", "language")


class ClassifierInput(TypedDict, total=False):
    """One document as the classifier reads it. `language` is the extractor's guess ("vi", "en", ...):
    a page in another language is rejected (classifiers.routing.language_rule)."""

    id: Required[str | int]
    title: Required[str]
    text: Required[str]
    lead: str
    url: str
    published_at: str | dt.datetime | dt.date
    source_id: str
    source_kind: str
    format: str
    date_confidence: float
    extraction_quality: float
    language: str


class Classification(TypedDict, total=False):
    """The classifier's answer (the DESIGN classify JSON plus activity_scores, reasons, evidence, version);
    `probability` and `features` only when a learned model decided."""

    id: Required[str | int]
    relevant: Required[bool]
    activity: Required[str | None]
    format: Required[str]
    score: Required[float]
    decision: Required[str]  # accept | review | reject
    activity_scores: Required[dict[str, float]]
    reasons: Required[list[str]]
    evidence: Required[dict[str, Any]]
    classifier_version: Required[str]
    probability: float
    features: list[dict[str, Any]]


def classifier_input(doc: Mapping[str, Any], *, source_kind: str | None = None) -> ClassifierInput:
    """The classifier's input from a stored or extracted document, a snapshot row or an input line.
    The id is `id`, else `doc_id`; title and text are "" when missing; `source_kind` fills the field when the
    document has none (the ingest looks it up in the source registry)."""
    doc_id = doc.get("id")
    if doc_id is None:
        doc_id = doc["doc_id"]
    out: dict[str, Any] = {"id": doc_id, "title": str(doc.get("title") or ""), "text": str(doc.get("text") or "")}
    out.update((key, doc[key]) for key in OPTIONAL_FIELDS if doc.get(key) is not None)
    if source_kind is not None:
        out.setdefault("source_kind", source_kind)
    return cast(ClassifierInput, out)
