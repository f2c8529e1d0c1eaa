"""The weekly coverage digest: build from the snapshot and write to disk first, then send.

Sending retries quick transient failures itself (PLANWATCH_SMTP_ATTEMPTS, exponential backoff); the
task-level retries below cover longer outages (minutes). The files on disk are never lost either way:
`planwatch digest --resend FILE.eml` sends a saved digest later."""

from __future__ import annotations

from typing import Any

from prefect import flow, task

from planwatch.config import Paths


@task(name="plans-for-digest")
def plans_for(week: str | None) -> list[str]:
    from pipeline.digest import digest_plan_ids

    return digest_plan_ids(Paths.from_env(), week)


@task(name="build-digest")
def build(plan: str, week: str | None, attach_annex: bool = False) -> dict[str, Any]:
    from pipeline.digest import build_and_write_digest

    files = build_and_write_digest(Paths.from_env(), plan, week, None, attach_annex=attach_annex)
    return {"plan": files.plan_id, "eml": str(files.eml), "week": str(files.week), "subject": files.subject}


@task(name="send-digest", retries=2, retry_delay_seconds=[300, 1800])
def send(eml: str) -> bool:
    from pipeline.digest import SmtpSettings, send_digest_file

    settings = SmtpSettings.from_env()
    if settings is None:
        return False  # not configured: the digest stays on disk
    send_digest_file(eml, settings)
    return True


@flow(name="weekly-digest")
def weekly_digest(plan: str | None = None, week: str | None = None, send_mail: bool = True,
                  attach_annex: bool = False) -> dict[str, Any]:
    """One digest per plan: `plan`, or every plan active in the week (data/plans.toml). The result is the
    first digest's fields (as before) plus `digests`, one entry per plan."""
    digests = []
    for plan_id in [plan] if plan else plans_for(week):
        result = build(plan_id, week, attach_annex)
        result["sent"] = send(result["eml"]) if send_mail else False
        digests.append(result)
    return {**(digests[0] if digests else {}), "digests": digests}
