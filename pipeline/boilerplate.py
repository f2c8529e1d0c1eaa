"""Boilerplate learned from the corpus: paragraphs that recur across documents of different stories.

A document's paragraphs are its lines, folded (lower-case, no diacritics, one space),
each hashed to 64 bits (``para_hash``). Table ``paragraph_docs`` holds one row per (paragraph, document)
with the document's outlet and publication date. Whether a paragraph is boilerplate is decided from those
rows, never from a typed list (query ``story_boilerplate.sql``; ``is_boilerplate`` is the same rule for
in-memory corpora):

- **one outlet's template**: it is in at least ``OUTLET_DOCS`` documents of one outlet, published in at
  least ``OUTLET_PERIODS`` different ``WINDOW_DAYS`` periods (a header, a footer, a weekly column's fixed
  intro), or
- **a standard paragraph across outlets**: its documents fall in at least ``SPREAD_PERIODS`` different
  ``WINDOW_DAYS`` periods ("Lớp học được tổ chức trong khuôn khổ triển khai Đề án ..." under one course
  after another).

A syndicated release and its copies sit inside one window (copies are only verified within
``WINDOW_DAYS`` of the story's representative), so its paragraphs never reach either rule on their own;
a late reprint adds one period, not three.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planwatch.core.text import clean_lines, fold_keep_spacing

WINDOW_DAYS = 14
OUTLET_DOCS = 3
OUTLET_PERIODS = 3
SPREAD_PERIODS = 4
MIN_PARAGRAPH_WORDS = 3  # shorter lines ("Ảnh: ...", "(GD&TĐ) -") are ignored for boilerplate statistics
_EPOCH = dt.date(2000, 1, 1)


def paragraph_hash(folded_line: str) -> int:
    return int.from_bytes(hashlib.blake2b(folded_line.encode("utf-8"), digest_size=8).digest(), "little")


def paragraphs(text: str | None) -> list[tuple[int, str]]:
    """(para_hash, folded line) for every non-empty line of the text, in order (each line folded as
    planwatch.core.text.fold_joined: marks removed, lower-case, one space between words; the whole text in
    one pass, and its lines split into words only when some line's spacing needs it)."""
    return [(paragraph_hash(folded), folded) for folded in clean_lines(fold_keep_spacing(text))]


def countable_hashes(lines: Iterable[tuple[int, str]]) -> set[int]:
    """The hashes of the (hash, folded line) paragraphs long enough to be counted (MIN_PARAGRAPH_WORDS words), once
    each. One set comprehension, not a call per paragraph: that call was most of the cost on a crawl's batches."""
    least = MIN_PARAGRAPH_WORDS
    return {h for h, folded in lines if len(folded.split(maxsplit=least - 1)) >= least}


def period(day: dt.date | None) -> int | None:
    """The WINDOW_DAYS-long period a date falls in (what the SQL computes as days since 2000-01-01 // 14)."""
    return None if day is None else (day - _EPOCH).days // WINDOW_DAYS


@dataclass(frozen=True)
class Occurrence:
    doc_id: str
    source_id: str | None
    published: dt.date | None


def is_boilerplate(occurrences: Iterable[Occurrence]) -> bool:
    """The rule of the module docstring over one paragraph's occurrences."""
    docs_by_outlet: dict[str | None, set[str]] = defaultdict(set)
    periods_by_outlet: dict[str | None, set[int]] = defaultdict(set)
    periods: set[int] = set()
    for occ in occurrences:
        docs_by_outlet[occ.source_id].add(occ.doc_id)
        p = period(occ.published)
        if p is not None:
            periods_by_outlet[occ.source_id].add(p)
            periods.add(p)
    if len(periods) >= SPREAD_PERIODS:
        return True
    return any(len(docs) >= OUTLET_DOCS and len(periods_by_outlet[outlet]) >= OUTLET_PERIODS
               for outlet, docs in docs_by_outlet.items())


def rule_on_counts(per_outlet: Iterable[tuple[int, int, Iterable[int | None]]]) -> bool:
    """The same rule on counts per outlet: (documents, periods) of one paragraph in each outlet."""
    periods: set[int] = set()
    outlet_hit = False
    for docs, _, outlet_periods in per_outlet:
        found = {p for p in outlet_periods if p is not None}
        periods |= found
        outlet_hit = outlet_hit or (docs >= OUTLET_DOCS and len(found) >= OUTLET_PERIODS)
    return outlet_hit or len(periods) >= SPREAD_PERIODS


def learn(index: Mapping[int, Iterable[Occurrence]]) -> set[int]:
    """The boilerplate paragraph hashes of an in-memory corpus {para_hash: occurrences}."""
    return {h for h, occ in index.items() if is_boilerplate(occ)}
