"""Extraction quality measured over golden fixtures and the demo mirror: body token F1 against gold, date
accuracy (local calendar day), format, title and language accuracy. ``python -m tests.extraction.gate``
prints the figures; tests/extraction/test_quality_gate.py compares them with floors.toml."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from pipeline.extract import extract_page
from pipeline.normalize import normalize_text
from tests.extraction.goldens import (
    Case,
    demo_cases,
    fixture_cases,
    real_outlet_cases,
    same_day,
    token_f1,
    vnexpress_case,
)


def measure(cases: Iterable[Case]) -> dict[str, Any]:
    f1s: list[float] = []
    hits: dict[str, list[bool]] = {"date": [], "format": [], "title": [], "language": [], "date_source": []}
    failures: list[str] = []
    n = 0
    for case in cases:
        n += 1
        doc = extract_page(case.html, case.url, source=case.source, hint=case.hint, fetched_at=case.fetched_at)
        exp = case.expected
        if case.gold_paragraphs is not None:
            f1s.append(token_f1(doc["text"], "\n".join(case.gold_paragraphs)))
        if "published_at" in exp:
            ok = same_day(doc["published_at"], exp["published_at"])
            hits["date"].append(ok)
            if not ok:
                got = f"{doc['published_at']} ({doc['date_source']})"
                failures.append(f"{case.name}: date {got} != {exp['published_at']}")
        if "date_source" in exp:
            hits["date_source"].append(doc["date_source"] == exp["date_source"])
        if "format" in exp:
            ok = doc["format"] == exp["format"]
            hits["format"].append(ok)
            if not ok:
                failures.append(f"{case.name}: format {doc['format']} ({doc['format_evidence']})")
        if "title" in exp:
            ok = doc["title"] == normalize_text(exp["title"])
            hits["title"].append(ok)
            if not ok:
                failures.append(f"{case.name}: title {doc['title']!r}")
        want_lang = exp.get("language", "vi")
        hits["language"].append(doc["language"] == want_lang)
    result: dict[str, Any] = {"pages": n}
    if f1s:
        result["body_f1_mean"] = round(statistics.fmean(f1s), 4)
        result["body_f1_min"] = round(min(f1s), 4)
    for key, values in hits.items():
        if values:
            result[f"{key}_accuracy"] = round(sum(values) / len(values), 4)
    result["failures"] = failures
    return result


def all_suites() -> dict[str, list[Case]]:
    suites = {"fixtures": fixture_cases()}
    suites["fixtures_generic"] = [replace(c, source={**c.source, "layout": "generic"}) for c in fixture_cases()]
    real = vnexpress_case()
    if real is not None:
        suites["vnexpress_real"] = [real]
    outlets = real_outlet_cases()
    if outlets:
        suites["real_outlets"] = outlets
    demo = demo_cases()
    if demo:
        suites["demo"] = demo
        # the same pages with layouts off: guards the generic path (trafilatura body, near-title date search)
        suites["demo_generic"] = [replace(c, source={**c.source, "layout": "generic"}) for c in demo_cases()]
    return suites


if __name__ == "__main__":
    print(json.dumps({name: measure(cases) for name, cases in all_suites().items()}, ensure_ascii=False, indent=1))
