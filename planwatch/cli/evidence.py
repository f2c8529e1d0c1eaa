"""`planwatch evidence`: the official report with its annex and archive, and `evidence verify DIR`."""

from __future__ import annotations

from pathlib import Path

import typer

from planwatch.cli.common import fail
from planwatch.config import Paths

app = typer.Typer(help="The official report (Báo cáo) with its annex and archived evidence.",
                  invoke_without_command=True, no_args_is_help=False)


@app.callback()
def evidence(
    ctx: typer.Context,
    plan: str = typer.Option(None, "--plan", help="Plan id (a file in data/plans; default: the only active "
                             "plan, else the primary one of data/plans.toml)."),
    as_of: str = typer.Option(None, "--as-of", help="Count up to this date (YYYY-MM-DD or dd/mm/yyyy); "
                              "default: the period's end, else today in Vietnam."),
    period: str = typer.Option(None, "--period", help="START..END, the reporting period (default: the plan's "
                               "first window day to as_of)."),
    out: Path = typer.Option(None, "--out", help="Folder to create (must not exist or be empty)."),
    allow_missing: bool = typer.Option(False, "--allow-missing",
                                       help="Exit 0 even when a counted copy has no archived copy."),
    no_pdf: bool = typer.Option(False, "--no-pdf", help="Skip the PDF (no LibreOffice on this machine)."),
) -> None:
    """Write <plan>-<as_of>.docx, .pdf, -phu-luc.xlsx, -luu-tru.warc.gz and manifest.json into --out."""
    if ctx.invoked_subcommand is not None:
        return
    from pipeline.official_report.build import build_evidence
    from pipeline.official_report.data import EvidenceError, parse_day, parse_period
    from pipeline.official_report.pdf import PdfError
    from pipeline.plan_registry import single_default_plan
    from pipeline.report import today_vn
    from pipeline.snapshot import NoSnapshot

    if out is None:
        fail("--out DIR is required (the folder to write the report, annex and archive into)")
    try:
        span = parse_period(period) if period else None
        day = parse_day(as_of, "--as-of") if as_of else (span[1] if span else today_vn())
        pack = build_evidence(Paths.from_env(), plan or single_default_plan(day), day, span, out, pdf=not no_pdf)
    except (EvidenceError, NoSnapshot, PdfError, ValueError) as exc:
        fail(str(exc))
    for path in (pack.docx, pack.pdf, pack.xlsx, pack.warc, pack.manifest):
        if path is not None:
            typer.echo(str(path))
    if pack.missing:
        typer.echo(f"planwatch: {len(pack.missing)} counted copies have no archived copy (không còn bản lưu):",
                   err=True)
        for item in pack.missing:
            typer.echo(f"  {item['url']}", err=True)
        if not allow_missing:
            raise typer.Exit(1)


@app.command()
def verify(folder: Path = typer.Argument(..., help="A folder written by 'planwatch evidence'.")) -> None:
    """Re-hash the archive, check it against manifest.json, and check the report's numbers against it."""
    from pipeline.official_report.verify import verify_pack

    if not folder.is_dir():
        fail(f"{folder} is not a folder written by 'planwatch evidence'")
    problems, stats = verify_pack(folder)
    if problems:
        for p in problems:
            typer.echo(f"FAIL {p}", err=True)
        fail(f"{len(problems)} problem(s) in {folder}")
    typer.echo(f"OK: {stats['records']} archived responses match the manifest ({stats['copies']} copies, "
               f"{stats['stories']} stories); the report's numbers match.")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="evidence")
