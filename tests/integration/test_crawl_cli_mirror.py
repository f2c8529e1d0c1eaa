"""Issue [2/8]'s acceptance: `planwatch crawl --sources <demo sources> --since 2022-01-01 --until 2022-12-31`
against the served mirror fills documents and fetch_log with every manifest page a crawler can reach."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawlers.mirror import start_mirror
from pipeline.snapshot import open_snapshot
from tests.support.manifest import load_manifest, page_key

pytestmark = pytest.mark.slow


def test_crawl_cli_fills_documents_and_fetch_log(home, tmp_path):
    planwatch = Path(sys.executable).with_name("planwatch")
    env = {**os.environ, "PLANWATCH_HOME": str(home.home)}
    with start_mirror(auto_ports=True) as mirror:
        sources = mirror.write_sources(tmp_path / "sources.toml")
        subprocess.run([str(planwatch), "init", "--sources", str(sources)], env=env, check=True,
                       capture_output=True)
        done = subprocess.run([str(planwatch), "crawl", "--sources", str(sources), "--since", "2022-01-01",
                               "--until", "2022-12-31"], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    pages = load_manifest()["pages"]
    reachable = {(p["outlet"], p["path"].lower()) for p in pages
                 if p["published"].startswith("2022") and p["expected"] != "unreachable"}
    blocked = {(p["outlet"], p["path"].lower()) for p in pages
               if "robots-disallowed" in (p.get("traps") or [p.get("trap")])}
    with open_snapshot(home) as conn:
        stored = {page_key(s, u) for s, u in conn.execute("SELECT source_id, url FROM documents").fetchall()}
        fetched_ok = {page_key(s, u) for s, u in conn.execute(
            "SELECT source_id, url FROM fetch_log WHERE kind = 'article' AND status = 200").fetchall()}
        robots_refusals = conn.execute(
            "SELECT count(*) FROM fetch_log WHERE error LIKE 'robots:%'").fetchone()[0]
        runs = conn.execute("SELECT status FROM crawl_runs").fetchall()
    assert len(reachable) >= 100 and blocked, "the manifest lists reachable and robots-blocked pages"
    assert reachable - stored == set()
    assert reachable <= fetched_ok
    assert not blocked & stored
    assert robots_refusals >= 1
    assert runs == [("ok",)]
