"""Shared fixtures. Every test gets its own PLANWATCH_HOME; nothing touches data/state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from planwatch.config import Paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """A fresh state folder, exported as PLANWATCH_HOME for code and subprocesses."""
    state = tmp_path / "state"
    monkeypatch.setenv("PLANWATCH_HOME", str(state))
    return Paths(state).ensure()


def pytest_sessionstart(session: pytest.Session) -> None:
    """In CI the shared folder (real pages, seed, corpus) must sit beside the checkout: the gates that read
    it would otherwise skip silently."""
    from planwatch.config import REPO_ROOT

    shared = REPO_ROOT.parent / "shared"
    needed = [  # what the skipping tests read: each one missing would hide a gate
        shared / "real-pages" / "vnexpress-2025-10-22.html",   # tests/extraction (golden + quality gate)
        shared / "real-pages" / "vnexpress-2025-10-22.gold.json",
        shared / "real-pages" / "vnexpress-kinh-doanh.html",
        shared / "seed" / "000_370ed4985633a6ca.txt",          # tests/foundation/test_plan_loader.py
        shared / "corpora" / "vietnews-sample.jsonl",          # tests/quality/test_real_corpus_fp.py
        # tests/crawl/test_real_listings.py and the real-article goldens of tests/extraction
        shared / "real-pages" / "vn-outlets-2026" / "tuoitre_article.html",
        shared / "real-pages" / "vn-outlets-2026" / "vnexpress_list.html",
        shared / "corpora" / "vietnews-mamnon-dev.jsonl",      # tests/stories/test_pair_gate.py
    ]
    missing = [str(p) for p in needed if not p.is_file()]
    if os.environ.get("CI") and missing:
        raise pytest.UsageError(f"CI: the shared files beside the checkout are missing: {missing}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On xdist workers (`make test`), the files holding a test marked slow go first, in their own order: a long
    file started last (tests/quality/test_training.py, which trains the model twice) would otherwise leave the other
    worker idle at the end. Each worker sorts the same collection the same way, as xdist requires; a file's tests
    keep their order. A single-process run keeps the collection order."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)
