"""Reclassify stored documents after a lexicon, threshold or model change (adds a classifier version)."""

from __future__ import annotations

from typing import Any

from prefect import flow, task


@task(name="reclassify-documents")
def reclassify_task(plan: str) -> dict[str, Any]:
    from flows.nightly import run_log_progress
    from pipeline.reclassify import reclassify_documents

    return dict(reclassify_documents(plan, progress=run_log_progress()))


@flow(name="reclassify")
def reclassify(plan: str | None = None) -> dict[str, Any]:
    """Reclassify for `plan`, or for every enabled plan (data/plans.toml), each with its own lexicon."""
    from pipeline.plans import list_plans

    results = [reclassify_task(p) for p in ([plan] if plan else list_plans())]
    return {**(results[0] if results else {}), "plans": results}
