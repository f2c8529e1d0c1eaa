"""Fixtures of the scale tests: the real local Prefect server of tests/flows (partitioned crawl) and a demo-like
warehouse migrated to the lake (coverage file and delta tests)."""

import pytest

from pipeline import lake
from planwatch.config import Paths
from tests.flows.conftest import prefect_server  # noqa: F401  (a fixture, used by name)
from tests.foundation.helpers import analyst_warehouse


@pytest.fixture
def migrated(home: Paths, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """An analyst warehouse with PLANWATCH_LAKE=sqlite, migrated to the lake with no problem reported."""
    analyst_warehouse(home)
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    assert lake.migrate_warehouse(home)["problems"] == {}
    return home
