"""`planwatch digest`: the weekly coverage digest email (built from the published snapshot)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from planwatch.cli.common import fail

if TYPE_CHECKING:
    from pipeline.digest.send import SmtpSettings


def digest(
    week: str = typer.Option(None, "--week", help="ISO week, e.g. 2022-W37, or a day in it (2022-09-14 or "
                             "14/09/2022); default: the last complete week."),
    plan: str = typer.Option(None, "--plan", help="Plan id (default: every plan active in the week, one digest each)."),
    out: Path = typer.Option(None, "--out", help="Folder for the .eml/.html/.txt/.png (default: <state>/digests)."),
    send: bool = typer.Option(False, "--send", help="Send the digest by SMTP after writing it (PLANWATCH_SMTP_*)."),
    resend: Path = typer.Option(None, "--resend", help="Send a saved digest .eml instead of building one.",
                                dir_okay=False),
    attach_annex: bool = typer.Option(False, "--attach-annex", help="Attach the annex of counted stories "
                                      "(<plan>-<week>-phu-luc.xlsx, as in 'planwatch evidence') to the email."),
) -> None:
    """Build the weekly coverage digest email (Vietnamese), write it to disk, and optionally send it."""
    from pipeline.digest import DigestSendError, build_and_write_digest, digest_plan_ids
    from pipeline.digest.send import HOW_TO_CONFIGURE, send_digest_file
    from pipeline.snapshot import NoSnapshot

    if resend is not None:
        if not resend.is_file():
            fail(f"--resend: no such file {resend}")
        settings = _settings()
        if settings is None:
            fail(_not_configured() + HOW_TO_CONFIGURE)
        try:
            send_digest_file(resend, settings)
        except DigestSendError as exc:
            fail(str(exc), code=1)
        typer.echo(f"Sent {resend} to {', '.join(settings.recipients)} via {settings.describe()}")
        return

    try:
        plan_ids = [plan] if plan else digest_plan_ids(week=week)
        built = [build_and_write_digest(plan_id=pid, week=week, out_dir=out, attach_annex=attach_annex)
                 for pid in plan_ids]
    except NoSnapshot as exc:
        fail(str(exc))
    except KeyError as exc:
        fail(str(exc).strip("'\""))
    except ValueError as exc:
        fail(f"--week: {exc}")
    if not built:
        fail("no plan in the snapshot: run 'planwatch init' (plans are data/plans/*.toml)")
    for files in built:
        typer.echo(f"Digest {files.week} ({files.plan_id}): {files.subject}")
        for path in files.all():
            typer.echo(f"  {path}")
    if not send:
        typer.echo("Not sent (add --send to email it).")
        return
    settings = _settings()
    if settings is None:  # --send was asked for: not sending is a failure (cron and Prefect must see it)
        resend = " ".join(f"'planwatch digest --resend {files.eml}'" for files in built)
        fail(f"Not sent: {_not_configured()}The digest files are written above; once set, send them with "
             f"{resend}. " + HOW_TO_CONFIGURE)
    for files in built:
        try:
            send_digest_file(files.eml, settings)
        except DigestSendError as exc:
            fail(str(exc), code=1)
        typer.echo(f"Sent to {', '.join(settings.recipients)} via {settings.describe()} ({files.plan_id})")


def _not_configured() -> str:
    from pipeline.digest.send import missing_settings

    missing = missing_settings()
    return f"SMTP is not configured (missing {', '.join(missing)}). " if missing else "SMTP is not configured. "


def _settings() -> SmtpSettings | None:
    from pipeline.digest.send import SmtpConfigError, SmtpSettings

    try:
        return SmtpSettings.from_env()
    except SmtpConfigError as exc:
        fail(f"SMTP settings: {exc}")


def register(app: typer.Typer) -> None:
    """Add this subsystem's commands to the main app."""
    app.command()(digest)
