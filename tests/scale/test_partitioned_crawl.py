"""Beyond one machine: the demo mirror's sources split over two Prefect workers (a process work pool, one
work queue per partition), the lake's catalog in a real PostgreSQL server. The documents, fetches, stories
and the report equal a single-machine `planwatch crawl` of the same mirror."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import duckdb
import pytest

from crawlers.mirror import start_mirror
from flows.partitioned import POOL, partition
from planwatch.config import REPO_ROOT
from tests.scale.pgserver import postgres_server

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
SINCE, UNTIL = "2022-01-01", "2022-12-31"


def test_partition_is_a_split() -> None:
    ids = [f"s{i}" for i in range(7)]
    parts = [partition(ids, p, 3) for p in range(3)]
    assert sorted(sid for part in parts for sid in part) == sorted(ids)
    assert [len(p) for p in parts] == [3, 2, 2]
    with pytest.raises(ValueError):
        partition(ids, 3, 3)


def _run(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    done = subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO_ROOT)
    assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-3000:])
    return done.stdout


def _flow_runs(api: str) -> list[dict[str, Any]]:
    req = urllib.request.Request(f"{api}/flow_runs/filter", data=b"{}", method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return list(json.load(resp))


def _facts(conn: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, Any]:
    def q(sql: str) -> list[tuple[Any, ...]]:
        return conn.execute(sql.replace("{c}", catalog)).fetchall()
    return {
        "documents": sorted(q("SELECT url, title, published_date FROM {c}.documents")),
        "article_fetches": sorted(q("SELECT url, status FROM {c}.fetch_log WHERE kind = 'article'")),
        "stories": q("SELECT count(DISTINCT story_id) FROM {c}.documents"),
        "story_of": sorted(q("SELECT url, story_id FROM {c}.documents")),  # doc ids come from the URL
        "classified": q("SELECT decision, count(*) FROM {c}.classifications GROUP BY ALL ORDER BY ALL"),
    }


def test_two_workers_crawl_what_one_machine_does(prefect_server: dict[str, str], tmp_path: Path) -> None:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PLANWATCH_", "PREFECT_API"))}
    planwatch, prefect = str(BIN / "planwatch"), str(BIN / "prefect")
    with start_mirror(auto_ports=True) as mirror, postgres_server(tmp_path) as dsn:
        sources = str(mirror.write_sources(tmp_path / "sources.toml"))
        one = {**base, "PLANWATCH_HOME": str(tmp_path / "one")}
        _run(one, planwatch, "init", "--sources", sources)
        _run(one, planwatch, "crawl", "--sources", sources, "--since", SINCE, "--until", UNTIL)
        single_report = json.loads(_run(one, planwatch, "report", "--format", "json", "--as-of", UNTIL))

        shared = {**base, **prefect_server, "PLANWATCH_HOME": str(tmp_path / "shared"),
                  "PLANWATCH_LAKE": f"postgres:{dsn}", "PLANWATCH_LAKE_DATA": str(tmp_path / "lake-data")}
        _run(shared, planwatch, "init", "--sources", sources)
        _run(shared, prefect, "work-pool", "create", POOL, "--type", "process")
        _run(shared, sys.executable, "-c", "import datetime as d; from flows.partitioned import register; "
             f"register(2, sources={sources!r}, since=d.date.fromisoformat({SINCE!r}), "
             f"until=d.date.fromisoformat({UNTIL!r}))")
        logs = [(tmp_path / f"worker-{i}.log").open("w") for i in range(2)]
        workers = [subprocess.Popen([prefect, "worker", "start", "--pool", POOL, "--work-queue", f"part-{i}",
                                     "--type", "process", "--limit", "1"], env=shared, cwd=REPO_ROOT,
                                    stdout=logs[i], stderr=subprocess.STDOUT) for i in range(2)]
        try:
            for i in range(2):
                _run(shared, prefect, "deployment", "run", f"crawl-partition/part-{i}-of-2")
            deadline = time.monotonic() + 600
            while True:
                runs = _flow_runs(prefect_server["PREFECT_API_URL"])
                states = sorted((r.get("state_type") or "") for r in runs)
                if len(runs) >= 2 and all(s in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") for s in states):
                    break
                assert time.monotonic() < deadline, states
                time.sleep(2)
        finally:
            for w in workers:
                w.terminate()
            for w in workers:
                try:
                    w.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    w.kill()
            for log in logs:
                log.close()
        tails = [(tmp_path / f"worker-{i}.log").read_text(errors="replace")[-3000:] for i in range(2)]
        assert states == ["COMPLETED", "COMPLETED"], tails
        split_report = json.loads(_run(shared, planwatch, "report", "--format", "json", "--as-of", UNTIL))

        conn = duckdb.connect()
        conn.execute(f"ATTACH '{tmp_path / 'one' / 'warehouse.duckdb'}' AS one (READ_ONLY)")
        from pipeline import lake
        from planwatch.config import Paths

        os.environ.update({k: shared[k] for k in ("PLANWATCH_LAKE", "PLANWATCH_LAKE_DATA")})
        try:
            lake.attach(conn, Paths(tmp_path / "shared"), read_only=True)
        finally:
            for k in ("PLANWATCH_LAKE", "PLANWATCH_LAKE_DATA"):
                os.environ.pop(k, None)
        single, split = _facts(conn, "one"), _facts(conn, "lake")
        conn.close()
    assert len(single["documents"]) >= 100
    # Stories too: they do not depend on how the corpus is split into write jobs (pipeline.stories keeps the
    # canonical assignment, tests/stories/test_order.py).
    single_stories, split_stories = single.pop("stories")[0][0], split.pop("stories")[0][0]
    assert split == single

    def by_plan(report: object) -> dict[str, tuple[object, object]]:  # one report per active plan
        reports = report if isinstance(report, list) else [report]
        return {r["plan"]: (r["rows"], r["pending_review"]) for r in reports}

    assert by_plan(single_report) and by_plan(split_report).keys() == by_plan(single_report).keys()
    assert split_stories == single_stories
    assert by_plan(split_report) == by_plan(single_report)
