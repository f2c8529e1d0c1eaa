"""Reclassify stored documents after a lexicon, threshold or model change (adds a classifier version)."""

from __future__ import annotations

from typing import Any

from prefect import flow, task


@task(name="reclassify-documents")
def reclassify_task(plan: str) -> dict[str, Any]:
    from classifiers.reclassify import reclassify_documents
    from flows.nightly import run_log_progress

    return dict(reclassify_documents(plan, progress=run_log_progress()))


@flow(name="reclassify")
def reclassify(plan: str = "661-KH-BGDDT-2022") -> dict[str, Any]:
    return reclassify_task(plan)
