"""`planwatch init`: the warehouse, every plan in data/plans, the source registry, a first snapshot."""

from __future__ import annotations

from typing import Any

from pipeline.plans import list_plans, load_plan
from pipeline.store import open_writer
from planwatch.config import Paths


def initialize(paths: Paths, sources_path: str | None = None) -> dict[str, Any]:
    plans = [load_plan(pid) for pid in list_plans()]  # validate every plan before writing anything
    sources = _load_sources(sources_path)
    with open_writer(paths) as writer:
        for plan in plans:
            writer.load_plan(plan)
        if sources is not None:
            from crawlers.registry import sync_sources

            sync_sources(writer, sources)
    return {"warehouse": str(paths.warehouse), "snapshot": str(paths.snapshot),
            "plans": [p.id for p in plans], "sources": len(sources or [])}


def _load_sources(sources_path: str | None) -> list[Any] | None:
    try:
        from crawlers.registry import load_sources
    except ImportError:  # the registry arrives with the crawling subsystem
        return None
    return list(load_sources(sources_path))
