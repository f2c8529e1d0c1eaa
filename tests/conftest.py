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

    if os.environ.get("CI") and not (REPO_ROOT.parent / "shared" / "real-pages").is_dir():
        raise pytest.UsageError(f"CI: {REPO_ROOT.parent / 'shared'} is missing (real pages, seed, corpus)")
