"""What a reprocess may keep of a stored document instead of computing it again (docs/decisions.md entry 26).

A reprocess re-extracts every page (that is its point: an extractor fix). What is derived from the extracted
document alone is computed again only where its inputs changed:
- the classification rows: kept when the document's classifier inputs (`classifier_digest`: every field
  classifiers.contract.classifier_input gives, the text through its content hash) are those of the stored row,
  the run that last wrote the document recorded the same `derivation` (each plan's classifier version and plan
  file, the classifiers' code and lexicons, the source kinds), and a stored call of each plan's current version
  exists. The stored row is then what the classifier would say again: the full path keeps a stored row whose
  call is unchanged (pipeline.ingest.store_documents), so leaving it alone is the same write.
- the story rows (signatures, keys, paragraphs): not computed in the worker when `story_digest` (what the story
  assignment reads: title, text through its content hash, publication time, outlet) equals the stored row's; the
  writer decides "unchanged" itself against the warehouse (pipeline.ingest.same_content) and computes any it
  still needs (pipeline.stories.Prepared.assemble), so this part never changes a result.
Both digests are computed by the same functions from the stored row (pipeline.nightly.reprocess, from the
snapshot) and from the new extraction (the worker). This module runs in the workers: no duckdb, no pyarrow."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwatch.core.vntime import VN_TZ

if TYPE_CHECKING:
    from pipeline.plans import Plan

SCHEME = "reuse-1"  # bump when what the digests cover changes: every stored derivation then differs
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# code the classification rows come from besides the classifiers package (imported by it, or building its rows)
_CODE = ("pipeline/page_rows.py", "pipeline/normalize.py", "pipeline/plans.py", "planwatch/core/text.py",
         "planwatch/core/vntime.py", "pipeline/language.py")  # (language.py: the stored language, known_language)


def epoch_us(value: dt.datetime | None) -> int | None:
    """A time as microseconds since the epoch (DuckDB's epoch_us of a TIMESTAMPTZ), None as None; a naive time is
    Vietnam time, as the story code reads it (pipeline.syndication.published_of)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return (value - _EPOCH) // dt.timedelta(microseconds=1)


def lead_md5(lead: str | None) -> str | None:
    """The lead as DuckDB's md5() gives it (hex of the UTF-8 bytes), None as None."""
    return None if lead is None else hashlib.md5(lead.encode("utf-8")).hexdigest()


def _digest(parts: Sequence[Any]) -> str:
    return hashlib.sha256(repr(tuple(parts)).encode("utf-8")).hexdigest()[:32]


def story_digest(title: str | None, content_hash: str | None, published_us: int | None,
                 source_id: str | None) -> str | None:
    """What the story assignment reads of a document (pipeline.stories._content); None without a content hash
    (the text is then not known from it)."""
    if not content_hash:
        return None
    return _digest((SCHEME, title, content_hash, published_us, source_id))


def classifier_digest(title: str | None, content_hash: str | None, lead_hash: str | None, url: str | None,
                      published_us: int | None, source_id: str | None, fmt: str | None,
                      date_confidence: float | None, quality: float | None, language: str | None) -> str | None:
    """Every field the classifier reads of a document (classifiers.contract.classifier_input: the text through
    the content hash of title and text, the lead through its MD5); the source's kind is in the derivation."""
    if not content_hash:
        return None
    return _digest((SCHEME, title, content_hash, lead_hash, url, published_us, source_id, fmt,
                    None if date_confidence is None else float(date_confidence),
                    None if quality is None else float(quality), language))


def language_key(title: str | None, lead_hash: str | None, content_hash: str | None) -> str | None:
    """What the language test reads (title, lead and text: the text through the content hash of title and text)."""
    if not content_hash:
        return None
    return _digest((SCHEME, title, lead_hash, content_hash))


def known_language(language: str | None, key: str | None) -> Callable[[str, str, str], str | None] | None:
    """For pipeline.extract.extract_page: the stored `language` when the page's title, lead and text are the
    stored ones (`key`: language_key of the stored row). The caller checks that the run that stored it had the
    same derivation, which covers pipeline/language.py."""
    if not language or not key:
        return None

    def known(title: str, lead: str, text: str) -> str | None:
        from pipeline.rows import content_hash_of  # (extract_page's strings are normalized already)

        return language if language_key(title, lead_md5(lead), content_hash_of(title, text)) == key else None

    return known


def digests_of(doc: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(classifier digest, story digest) of an extracted document row (pipeline.rows.DocumentRow)."""
    published = epoch_us(doc.get("published_at"))
    return (classifier_digest(doc.get("title"), doc.get("content_hash"), lead_md5(doc.get("lead")), doc.get("url"),
                              published, doc.get("source_id"), doc.get("format"), doc.get("date_confidence"),
                              doc.get("extraction_quality"), doc.get("language")),
            story_digest(doc.get("title"), doc.get("content_hash"), published, doc.get("source_id")))


def derivation(plans: Sequence[Plan], sources: Mapping[str, Mapping[str, Any]]) -> str:
    """What the classification rows depend on besides the document: each plan's classifier version, plan file
    and lexicon file, the classifiers' code (and the project modules it imports), the source kinds (the
    classifier reads a document's `source_kind`). Recorded with each run (its summary's `derivation`)."""
    import classifiers
    from classifiers import classifier_for
    from classifiers.lexicon import lexicon_path

    h = hashlib.sha256(SCHEME.encode())
    root = Path(classifiers.__file__).resolve().parent.parent
    for path in sorted(Path(classifiers.__file__).resolve().parent.glob("*.py")) + [root / c for c in _CODE]:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for plan in sorted(plans, key=lambda p: p.id):
        h.update(repr((plan.id, classifier_for(plan).version)).encode())
        for path in (Path(plan.path), lexicon_path(plan.lexicon)):
            h.update(path.read_bytes() if path.exists() else b"-")
    kinds = sorted((str(k), str(v.get("kind"))) for k, v in sources.items())
    h.update(repr(kinds).encode())
    return h.hexdigest()[:32]


def reusable_calls(calls: Sequence[Sequence[Any]] | None, versions: Mapping[str, str]) -> list[str] | None:
    """The stored decisions of each plan's current version (plan order), or None when a plan has none stored.
    calls: the stored (plan_id, classifier_version, decision) of the document; versions: plan_id -> version."""
    if not calls:
        return None
    stored = {(str(c[0]), str(c[1])): str(c[2]) for c in calls}
    out = []
    for plan_id, version in versions.items():
        decision = stored.get((plan_id, version))
        if decision is None:
            return None
        out.append(decision)
    return out
