"""The syndication rule: are two documents copies of one story?

Two documents are copies when, after removing boilerplate paragraphs (pipeline.boilerplate), their texts
are near-duplicates and they appeared close together:

1. same non-empty ``content_hash`` (an exact copy), or
2. both keep at least ``MIN_WORDS`` words after boilerplate is removed, their publication dates are at
   most ``WINDOW_DAYS`` apart (unknown dates do not separate), and the exact Jaccard similarity ``J`` of their
   word 3-shingles (boilerplate removed) is at least ``J_HIGH``; or the title or lead similarity ``TL`` is at
   least ``TL_MIN`` and either ``J`` is at least ``J_LOW`` or the shorter text is at least ``C_MIN``
   contained in the longer one (a brief that keeps the release's first paragraphs).

The thresholds were chosen on the labelled pairs of tests/stories/pairs (docs/stories.md has the sweep).
The rule is applied to one pair at a time; stories never grow through chains (pipeline.stories checks a new
copy against the story's representative).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np

from pipeline.boilerplate import WINDOW_DAYS, countable_hashes, paragraphs
from pipeline.minhash import containment, folded_words, jaccard, shingles_of, word_hashes, words
from planwatch.core.dates import parse_vn_datetime
from planwatch.core.vntime import VN_TZ

MIN_WORDS = 12
J_HIGH = 0.7
J_LOW = 0.25
TL_MIN = 0.5
C_MIN = 0.8
LEAD_WORDS = 40


@dataclass
class Doc:
    """What the rule needs of a document. Paragraphs are computed once and cached."""

    doc_id: str
    title: str | None = None
    text: str | None = None
    published: dt.datetime | None = None
    source_id: str | None = None
    content_hash: str | None = None
    _paragraphs: list[tuple[int, str]] | None = field(default=None, repr=False)
    _tokens: list[list[str]] | None = field(default=None, repr=False)
    _flat: np.ndarray | None = field(default=None, repr=False)  # every paragraph's word hashes, in order
    _lengths: np.ndarray | None = field(default=None, repr=False)  # words per paragraph
    _countable: set[int] | None = field(default=None, repr=False)
    _kept: dict[frozenset[int], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)

    @property
    def paragraphs(self) -> list[tuple[int, str]]:
        if self._paragraphs is None:
            self._paragraphs = paragraphs(self.text)
        return self._paragraphs

    def use_paragraphs(self, paragraphs: list[tuple[int, str]] | None) -> None:
        """Take paragraphs computed elsewhere from the same text (pipeline.workers); None: compute them here."""
        if paragraphs is not None:
            self._paragraphs = paragraphs
            self._countable = None
            self._tokens = self._flat = self._lengths = None
            self._kept = {}

    def use_word_hashes(self, flat: np.ndarray, lengths: np.ndarray) -> bool:
        """Take the paragraphs' word hashes computed elsewhere from the same paragraphs (pipeline.workers: one
        flat array and each paragraph's word count, ``word_hash_rows``); False (and nothing taken) when they do
        not fit the paragraphs."""
        counts = np.asarray(lengths, dtype=np.int64)
        if counts.size != len(self.paragraphs) or int(counts.sum()) != len(flat):
            return False
        self._flat, self._lengths = np.asarray(flat, dtype=np.uint64), counts
        self._kept = {}
        return True

    def word_hash_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """The paragraphs' word hashes as one flat array and each paragraph's word count, computed once (one
        hashing pass for the document; what use_word_hashes takes)."""
        if self._flat is None or self._lengths is None:
            per = self.paragraph_words
            self._flat = word_hashes(list(chain.from_iterable(per)))  # a C-level flattening
            self._lengths = np.fromiter(map(len, per), dtype=np.int64, count=len(per))
        return self._flat, self._lengths

    def countable_hashes(self) -> set[int]:
        """The hashes of the paragraphs counted towards boilerplate (pipeline.boilerplate.countable_hashes), once."""
        if self._countable is None:
            self._countable = countable_hashes(self.paragraphs)
        return self._countable

    @property
    def paragraph_words(self) -> list[list[str]]:
        """The words of each paragraph (folded), computed once (the paragraphs are folded already)."""
        if self._tokens is None:
            self._tokens = [folded_words(folded) for _, folded in self.paragraphs]
        return self._tokens

    def all_words(self) -> list[str]:
        return [w for ws in self.paragraph_words for w in ws]

    @property
    def paragraph_hashes(self) -> list[np.ndarray]:
        """The 64-bit hashes of each paragraph's words."""
        flat, lengths = self.word_hash_rows()
        return np.split(flat, np.cumsum(lengths)[:-1]) if lengths.size else []

    def kept_hashes(self, boilerplate: set[int]) -> np.ndarray:
        """Word hashes of the paragraphs that are not boilerplate, in order."""
        flat, lengths = self.word_hash_rows()
        if not boilerplate:
            return flat
        keep = [h not in boilerplate for h, _ in self.paragraphs]
        if all(keep):
            return flat
        return flat[np.repeat(np.array(keep, dtype=bool), lengths)]

    def kept_shingles(self, boilerplate: set[int]) -> tuple[np.ndarray, np.ndarray]:
        """kept_hashes and their 3-shingles, computed once per set of this document's paragraphs dropped (a
        document verified against several others, or a representative against several copies)."""
        dropped = frozenset(h for h, _ in self.paragraphs if h in boilerplate)
        if dropped not in self._kept:
            kept = self.kept_hashes(boilerplate)
            self._kept[dropped] = (kept, shingles_of(kept))
        return self._kept[dropped]

    def all_hashes(self) -> np.ndarray:
        return self.kept_hashes(set())

    @property
    def published_date(self) -> dt.date | None:
        return None if self.published is None else self.published.date()

    def has_words(self) -> bool:
        return any(folded for _, folded in self.paragraphs)

    def kept_words(self, boilerplate: set[int]) -> list[str]:
        out: list[str] = []
        for (h, _), ws in zip(self.paragraphs, self.paragraph_words, strict=True):
            if h not in boilerplate:
                out.extend(ws)
        return out


@dataclass(frozen=True)
class Verdict:
    copy: bool
    jaccard: float
    title_lead: float
    days_apart: int | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"copy": self.copy, "jaccard": round(self.jaccard, 4), "title_lead": round(self.title_lead, 4),
                "days_apart": self.days_apart, "reason": self.reason}


def _set_jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def title_lead_similarity(a_title: str | None, b_title: str | None, a_words: np.ndarray, b_words: np.ndarray) -> float:
    """max(Jaccard of the titles' word sets, Jaccard of the leads' 3-shingles); leads as word hashes."""
    title = _set_jaccard(set(words(a_title)), set(words(b_title)))
    lead = jaccard(shingles_of(a_words[:LEAD_WORDS]), shingles_of(b_words[:LEAD_WORDS]))
    return max(title, lead)


def days_apart(a: Doc, b: Doc) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days)


def verify(a: Doc, b: Doc, boilerplate: set[int]) -> Verdict:
    """The rule of the module docstring for one pair."""
    gap = days_apart(a, b)
    if gap is not None and gap > WINDOW_DAYS:
        return Verdict(False, 0.0, 0.0, gap, "dates_apart")
    if a.content_hash and a.content_hash == b.content_hash and a.has_words():
        return Verdict(True, 1.0, 1.0, gap, "same_content")
    (a_words, a_set), (b_words, b_set) = a.kept_shingles(boilerplate), b.kept_shingles(boilerplate)
    if len(a_words) < MIN_WORDS or len(b_words) < MIN_WORDS:
        return Verdict(False, 0.0, 0.0, gap, "too_little_text")
    sim = jaccard(a_set, b_set)
    if sim >= J_HIGH:
        return Verdict(True, sim, 1.0, gap, "near_duplicate")
    if sim < J_LOW and containment(a_set, b_set) < C_MIN:
        return Verdict(False, sim, 0.0, gap, "different_text")
    tl = title_lead_similarity(a.title, b.title, a_words, b_words)
    return Verdict(tl >= TL_MIN, sim, tl, gap, "title_or_lead" if tl >= TL_MIN else "different_title_and_lead")


def score(verdict: Verdict) -> float:
    """Order among verified matches: the most similar text first."""
    return verdict.jaccard if verdict.copy else -1.0


def published_of(published: Any) -> dt.datetime | None:
    """A stored or given publication time as an aware datetime (naive and date-only values are Vietnam time)."""
    if isinstance(published, str):
        published = parse_vn_datetime(published)
    if isinstance(published, dt.datetime) and published.tzinfo is None:
        published = published.replace(tzinfo=VN_TZ)
    if isinstance(published, dt.date) and not isinstance(published, dt.datetime):
        published = dt.datetime(published.year, published.month, published.day, tzinfo=VN_TZ)
    return published if isinstance(published, dt.datetime) else None


def as_doc(row: Mapping[str, Any]) -> Doc:
    """The story code's view of a document: a DocumentRow (pipeline.rows) or a stored `documents` row."""
    return Doc(doc_id=str(row["doc_id"]), title=row.get("title"), text=row.get("text"),
               published=published_of(row.get("published_at")),
               source_id=row.get("source_id"), content_hash=row.get("content_hash"))
