"""PLANWATCH_LAKE=postgres:<dsn>: the lake's catalog in a real PostgreSQL server (started here on 127.0.0.1),
data in a shared folder. A warehouse migrates into it, a decision is one more snapshot, and a reader in
another process (another machine, for all it knows) sees what the writer published."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import lake
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse, decide, report_rows, write_job
from tests.scale.pgserver import postgres_server

pytestmark = pytest.mark.slow


def test_postgres_catalog_serves_another_process(home: Paths, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    analyst_warehouse(home)
    expected = report_rows(home)
    with postgres_server(tmp_path) as dsn:
        shared = tmp_path / "shared-lake-data"
        monkeypatch.setenv(lake.LAKE_ENV, f"postgres:{dsn}")
        monkeypatch.setenv(lake.LAKE_DATA_ENV, str(shared))
        result = lake.migrate_warehouse(home)
        assert result["problems"] == {}
        assert report_rows(home) == expected
        decide(home, "d06", "confirm", activity="2a", fmt="article")
        write_job(home)
        assert lake.verify(home) == {}
        # another process, with its own (empty) state folder: only the catalog and the data folder are shared
        other = tmp_path / "analyst"
        env = {**os.environ, "PLANWATCH_HOME": str(other)}
        done = subprocess.run([str(Path(sys.executable).with_name("planwatch")), "sql",
                               "SELECT activity, format, actual FROM coverage WHERE activity = '2a' "
                               "AND format = 'article'", "--format", "json"],
                              env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == [{"activity": "2a", "format": "article",
                                            "actual": expected[("2a", "article")]["actual"] + 1}]
