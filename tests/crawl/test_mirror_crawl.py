"""The crawler against the offline demo mirror (data/demo): every outlet yields pages; a second nightly
run with the first run's URLs as known fetches no article again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers import mirror
from crawlers.job import CrawlJob
from crawlers.run import run_crawl


@pytest.mark.slow
def test_crawl_demo_mirror_then_nothing_refetched(tmp_path: Path) -> None:
    with mirror.running_mirror(auto_ports=True) as m:
        src = m.write_sources(tmp_path / "sources.toml")
        first = run_crawl(CrawlJob(run_id="m1", out_dir=str(tmp_path / "m1"), raw_dir=str(tmp_path / "raw"),
                                   sources=str(src), since="2022-01-01", until="2022-12-31", mode="backfill",
                                   politeness="off", validators_file=str(tmp_path / "validators.json")))
        assert first.ok, first.log_tail
        assert all(h["pages_fetched"] > 0 for h in first.health), first.health
        assert all(h["layout_misses"] == 0 for h in first.health), first.health
        known = tmp_path / "known.txt"
        known.write_text("".join(json.loads(x)["canonical_url"] + "\n"
                                 for x in (first.out_dir / "pages.jsonl").read_text().splitlines()))
        second = run_crawl(CrawlJob(run_id="m2", out_dir=str(tmp_path / "m2"), raw_dir=str(tmp_path / "raw"),
                                    sources=str(src), since="2022-01-01", until="2022-12-31", mode="nightly",
                                    politeness="off", known_urls_file=str(known),
                                    validators_file=str(tmp_path / "validators.json")))
        assert second.ok and second.pages == 0
        statuses = [json.loads(x)["status"] for x in (second.out_dir / "fetches.jsonl").read_text().splitlines()]
        assert 304 in statuses
