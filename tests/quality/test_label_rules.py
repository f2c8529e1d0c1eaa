"""Rulings of docs/labelling.md that can be checked on the label files themselves (no model, no ../shared)."""

from __future__ import annotations

import json
import re

from classifiers.corpus import LABELS_FILE, REAL_DIR

SEARCH_PAGE = re.compile(r"/tim-kiem|/tim-tu-van|[?&]q=", re.IGNORECASE)


def _labelled_pages() -> list[dict[str, object]]:
    rows = []
    for path in sorted(REAL_DIR.glob("*.jsonl")):
        if path.name == LABELS_FILE.name:
            continue
        with path.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def test_search_result_pages_are_never_labelled_relevant() -> None:
    """'Listing pages' ruling: a search-results page is fragments of several items, so `not-news`."""
    pages = [r for r in _labelled_pages() if SEARCH_PAGE.search(str(r.get("url") or ""))]
    assert pages, "the corpus holds search-results pages; the pattern no longer finds them"
    relevant = [r["id"] for r in pages if r["relevant"]]
    assert relevant == [], f"search-results pages labelled relevant: {relevant}"
