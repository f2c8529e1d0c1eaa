"""Media format: "report" (phóng sự chuyên đề, TV/video) or "article".

The document's own format (from extraction) wins; otherwise cues in the text and the source kind decide.
"""

from __future__ import annotations

from typing import Any

from classifiers.lexicon import Lexicon
from classifiers.scoring import Hit, contribution, find_hits
from classifiers.zones import Zone

FORMATS = ("article", "report")


def detect_format(doc: dict[str, Any], zones: list[Zone] | None, lex: Lexicon,
                  index: dict[str, list[Hit]] | None = None) -> dict[str, Any]:
    given = doc.get("format")
    if given in FORMATS:
        return {"value": given, "source": "document"}
    kind = str(doc.get("source_kind") or "")
    value = lex.source_kinds_report.get(kind, 0.0)
    cues: list[dict[str, Any]] = []
    if zones is not None and index is not None:
        c = contribution(find_hits(lex.format_terms, zones, index), lex)
        value += c.total
        cues = c.terms
    fmt = "report" if value >= lex.report_threshold else "article"
    return {"value": fmt, "source": "cues", "report_cues": round(value, 3), "threshold": lex.report_threshold,
            "source_kind": kind or None, "terms": cues}
