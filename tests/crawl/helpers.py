"""Shared helpers: sources files pointing at a local server, jobs, reading the run folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crawlers.job import CrawlJob
from crawlers.run import CrawlResult, run_crawl


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def write_sources(path: Path, entries: list[dict[str, Any]]) -> Path:
    lines: list[str] = []
    for e in entries:
        entry = {"name": e.get("id", "x"), "kind": "newspaper", "scope": "central", "allow_private": True, **e}
        listings = entry.pop("listings", [])
        politeness = entry.pop("politeness", {"delay": 0.0, "concurrency": 4})
        lines.append("[[source]]")
        lines += [f"{k} = {toml_value(v)}" for k, v in entry.items()]
        for li in listings:
            lines.append("[[source.listings]]")
            lines += [f"{k} = {toml_value(v)}" for k, v in li.items()]
        lines.append("[source.politeness]")
        lines += [f"{k} = {toml_value(v)}" for k, v in politeness.items()]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def make_job(tmp: Path, sources: Path, run_id: str = "r1", **kw: Any) -> CrawlJob:
    fields: dict[str, Any] = {"politeness": "off", "download_timeout": 5.0, "retry_times": 1, "time_limit": 60.0}
    fields.update(kw)
    return CrawlJob(run_id=run_id, out_dir=str(tmp / "runs" / run_id), raw_dir=str(tmp / "raw"),
                    sources=str(sources), **fields)


def crawl(tmp: Path, sources: Path, run_id: str = "r1", **kw: Any) -> CrawlResult:
    return run_crawl(make_job(tmp, sources, run_id, **kw))


def lines(result: CrawlResult, name: str) -> list[dict[str, Any]]:
    path = Path(result.out_dir) / name
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def fetches(result: CrawlResult) -> list[dict[str, Any]]:
    return lines(result, "fetches.jsonl")


def pages(result: CrawlResult) -> list[dict[str, Any]]:
    return lines(result, "pages.jsonl")


def health(result: CrawlResult, source_id: str) -> dict[str, Any]:
    return next(h for h in result.health if h["source_id"] == source_id)
