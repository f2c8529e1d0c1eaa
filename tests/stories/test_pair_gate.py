"""The pair gate: the syndication rule's precision and recall on the labelled pairs stay above the floors."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tests.stories.pairs import build
from tests.stories.pairs.evaluate import evaluate, report

FLOORS = tomllib.loads((Path(__file__).parent / "floors.toml").read_text(encoding="utf-8"))["pairs"]
needs_corpus = pytest.mark.skipif(not build.available() and not os.environ.get("CI"),
                                  reason="../shared/corpora not available")


@needs_corpus
def test_pair_precision_and_recall_stay_above_the_floors() -> None:
    labelled = list(build.pairs())
    kinds = {p.kind for p in labelled}
    # the set covers what the issue asks for, on both sides
    assert {"syndicated", "press_release_reprints", "tv_text_version", "update", "corpus_duplicate",
            "syndicated_real_page"} <= {p.kind for p in labelled if p.copy}
    assert {"same_event_next_year", "courses_standard_paragraph", "weekly_column_template", "corpus_same_event",
            "same_event_other_story"} <= {p.kind for p in labelled if not p.copy}
    assert sum(p.copy for p in labelled) >= 200 and sum(not p.copy for p in labelled) >= 150, kinds
    result = evaluate(labelled)
    print(report(result))
    assert result.precision >= FLOORS["precision"], report(result)
    assert result.recall >= FLOORS["recall"], report(result)


@needs_corpus
def test_the_traps_are_traps() -> None:
    # without the date window the same event a year later passes for a copy: the gate would notice the rule
    # losing it (the pairs are not all easy)
    import pipeline.syndication as rule

    labelled = [p for p in build.pairs() if p.kind == "same_event_next_year"]
    saved = rule.WINDOW_DAYS
    rule.WINDOW_DAYS = 10**6
    try:
        assert evaluate(labelled).fp == len(labelled)
    finally:
        rule.WINDOW_DAYS = saved


def test_the_real_pairs_as_found_resolve_to_real_texts() -> None:
    # tests.stories.pairs.evaluate --real-found reports them (not gated: docs/stories.md says why)
    found = list(build.real_found_pairs())
    assert len(found) == len(build.REAL_FOUND) and {p.copy for p in found} == {True, False}
    for pair in found:
        assert pair.a.doc_id != pair.b.doc_id
        assert min(len((pair.a.text or "").split()), len((pair.b.text or "").split())) >= 50, pair.why
