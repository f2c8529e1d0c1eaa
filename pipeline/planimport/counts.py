"""Planned counts from a form text: "(dự kiến 03 bài báo, 02 phóng sự chuyên đề)" -> {article: 3, report: 2}.

Variants: "dự kiến: 05 tin, bài", "01 phóng sự", "ít nhất 02 video", "10 tin/bài và 01 phóng sự". Numbers
written before a unit word of data/plan-import.toml count; a unit found nowhere in the text gives 0.
"""

from __future__ import annotations

import re

from classifiers.textfold import fast_fold
from pipeline.planimport.catalog import load_catalog

_NUMBER = re.compile(r"(?<![\d/.])(\d{1,4})\s+")


def parse_counts(text: str) -> dict[str, int] | None:
    """Counts per format, or None when the text names no count at all."""
    folded = fast_fold(text)
    units = load_catalog().units
    found: dict[str, int] = {}
    for m in _NUMBER.finditer(folded):
        rest = folded[m.end():]
        for unit, fmt in units:
            if rest.startswith(unit) and (len(rest) == len(unit) or not rest[len(unit)].isalnum()):
                found[fmt] = found.get(fmt, 0) + int(m.group(1))
                break
    if not found:
        return None
    return {"article": found.get("article", 0), "report": found.get("report", 0)}
