"""The weekly coverage digest: build from the snapshot, write to disk, then send (with retries)."""

from __future__ import annotations

from typing import Any

from prefect import flow, task

from planwatch.config import Paths


@task(name="build-digest")
def build(plan: str, week: str | None) -> dict[str, Any]:
    from pipeline.digest import build_and_write_digest

    files = build_and_write_digest(Paths.from_env(), plan, week, None)
    return {"eml": str(files.eml), "week": files.week}


@task(name="send-digest", retries=3, retry_delay_seconds=[60, 300, 900])
def send(eml: str) -> None:
    from pipeline.digest import send_digest_file, smtp_settings_from_env

    settings = smtp_settings_from_env()
    if settings is not None:
        send_digest_file(eml, settings)


@flow(name="weekly-digest")
def weekly_digest(plan: str = "661-KH-BGDDT-2022", week: str | None = None, send_mail: bool = True) -> dict[str, Any]:
    result = build(plan, week)
    if send_mail:
        send(result["eml"])
    return result
