"""Nothing is lost moving to the lake: a copy of a warehouse crawled from the demo mirror (with reviewers'
decisions, one of them only in the journal) migrates with every document, classification, story and
decision, and reads the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.support.demo_home import crawled_demo_home
from tests.support.demo_home import run_planwatch as _run
from tests.support.plan import PRIMARY_PLAN

pytestmark = pytest.mark.slow
PLAN = PRIMARY_PLAN
KEYS = {"documents": "doc_id", "classifications": "doc_id || plan_id || classifier_version",
        "stories": "story_id", "review_decisions": "decision_id", "doc_signatures": "doc_id",
        "fetch_log": "fetch_id"}



def test_demo_warehouse_migrates_without_loss(tmp_path: Path) -> None:
    old = tmp_path / "old"
    env, queue = crawled_demo_home(old, tmp_path)
    assert len(queue) >= 2
    _run(env, "review", "decide", queue[0]["id"], "--confirm", "--reviewer", "lan")
    _run(env, "review", "decide", queue[1]["id"], "--reject", "--reviewer", "minh", "--no-sync")  # journal only

    new = tmp_path / "new"  # a copy: the old state is never touched
    new.mkdir()
    shutil.copy2(old / "warehouse.duckdb", new / "warehouse.duckdb")
    shutil.copytree(old / "review", new / "review")
    lake_env = {**env, "PLANWATCH_HOME": str(new), "PLANWATCH_LAKE": "sqlite"}
    done = subprocess.run([sys.executable, "-m", "pipeline.lake", "migrate"], env=lake_env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["problems"] == {}

    conn = duckdb.connect()
    conn.execute(f"ATTACH '{old / 'warehouse.duckdb'}' AS old (READ_ONLY)")
    from pipeline import lake
    from planwatch.config import Paths

    os.environ[lake.LAKE_ENV] = "sqlite"
    try:
        lake.attach(conn, Paths(new), read_only=True)
    finally:
        del os.environ[lake.LAKE_ENV]
    for table, key in KEYS.items():
        before = {r[0] for r in conn.execute(f"SELECT {key} FROM old.{table}").fetchall()}
        after = {r[0] for r in conn.execute(f"SELECT {key} FROM lake.{table}").fetchall()}
        assert before and before <= after, table
    journal = [json.loads(x) for x in (old / "review" / "decisions.jsonl").read_text(encoding="utf-8").splitlines()]
    in_lake = {r[0] for r in conn.execute("SELECT decision_id FROM lake.review_decisions").fetchall()}
    assert {d["decision_id"] for d in journal} <= in_lake  # the journal-only decision too
    conn.close()

    # the old design, once it has published the journal-only decision too, reports exactly what the lake does
    _run(env, "review", "sync")
    report = json.loads(_run(env, "report", "--format", "json", "--as-of", "2022-12-31", "--plan", PLAN))
    migrated = json.loads(_run(lake_env, "report", "--format", "json", "--as-of", "2022-12-31", "--plan", PLAN))
    assert migrated == report and report["rows"]
