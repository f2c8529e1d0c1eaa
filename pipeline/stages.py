"""Seconds and items per pipeline stage, so a slow night says where the time went.

Stages, in order: discover, fetch (the crawl subprocess), extract, classify (in the worker processes, summed
over workers: with two workers they can exceed the wall time), dedupe (story assignment), store (the write
job), publish (the read-only snapshot). A stage that did not run is absent. The run summary carries them
(`stages`), the CLI prints them, the `run_stages` table keeps them (one row per run and stage) and the nightly
flow shows them as a Prefect artifact."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

STAGES = ("discover", "fetch", "extract", "classify", "dedupe", "store", "publish")


class StageTimes:
    def __init__(self) -> None:
        self._seconds: dict[str, float] = {}
        self._items: dict[str, int] = {}

    def add(self, stage: str, seconds: float, items: int = 0) -> None:
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        self._seconds[stage] = self._seconds.get(stage, 0.0) + max(seconds, 0.0)
        self._items[stage] = self._items.get(stage, 0) + items

    @contextmanager
    def stage(self, stage: str, items: int = 0) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started, items)

    def seconds(self, stage: str) -> float:
        return self._seconds.get(stage, 0.0)

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {s: {"seconds": round(self._seconds[s], 3), "items": self._items.get(s, 0)}
                for s in STAGES if s in self._seconds}

    def rows(self, run_id: str) -> list[dict[str, Any]]:
        """Rows of the `run_stages` table."""
        return [{"run_id": run_id, "stage": s, "position": STAGES.index(s), "seconds": v["seconds"],
                 "items": v["items"]} for s, v in self.as_dict().items()]


def format_stages(stages: dict[str, dict[str, Any]]) -> str:
    """One line for people: "discover 0.4 s (3) · fetch 12.0 s (812) · …"."""
    return " · ".join(f"{name} {v['seconds']:.1f} s ({v['items']})" for name, v in stages.items())


def crawl_stages(fetches: list[dict[str, Any]], crawl_seconds: float, times: StageTimes) -> None:
    """discover and fetch from a crawl's fetch log: discover = feeds, sitemaps, listings, search, robots.txt
    until the first article page answered; fetch = the rest of the crawl's wall time (Scrapy interleaves both
    after that point). Items: discovery requests, article pages fetched."""
    discovery = [f for f in fetches if f.get("kind") not in ("article", "manual")]
    articles = [f for f in fetches if f.get("kind") in ("article", "manual")]
    stamps = [t for t in (_parse_iso(f.get("fetched_at")) for f in fetches) if t is not None]
    first_article = min((t for t in (_parse_iso(f.get("fetched_at")) for f in articles) if t is not None),
                        default=None)
    discover_s = crawl_seconds
    if first_article is not None and stamps:
        discover_s = min(crawl_seconds, max((first_article - min(stamps)).total_seconds(), 0.0))
    times.add("discover", discover_s, len(discovery))
    times.add("fetch", crawl_seconds - discover_s, len(articles))


def _parse_iso(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def crawl_seconds(done_marker: Path) -> float | None:
    """The crawl's own duration, from its `done` marker (started_at, finished_at); None without one (a
    reprocess, a killed crawl)."""
    try:
        summary = json.loads(done_marker.read_text(encoding="utf-8") or "{}")
    except (OSError, json.JSONDecodeError):
        return None
    started, finished = _parse_iso(summary.get("started_at")), _parse_iso(summary.get("finished_at"))
    if started is None or finished is None:
        return None
    return max((finished - started).total_seconds(), 0.0)
