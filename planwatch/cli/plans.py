"""`planwatch plan import|lexicon|check` and `planwatch plans list`: adding a plan from its signed text."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import typer

from planwatch.cli.common import fail, print_json

plan_app = typer.Typer(help="Add a plan from its signed text: import, draft its lexicon, check both.",
                       no_args_is_help=True)
plans_app = typer.Typer(help="The plans on file and which are active.", no_args_is_help=True)


@plan_app.command("import")
def plan_import(
    file: Path = typer.Argument(..., help="The plan's text: .txt, .docx or .pdf (with a text layer).", dir_okay=False),
    plan_id: str = typer.Option(None, "--id", help="Plan id (default: from its number and year: 12-KH-SGDDT-2022)."),
    out: Path = typer.Option(..., "--out", help="Where to write the draft plan TOML.", dir_okay=False),
) -> None:
    """Draft a plan TOML from its signed text. Exit 0 with the draft, 2 when activities, counts or windows are
    missing (the draft is still written, with what needs a person listed at its end)."""
    from pipeline.planimport.parse import parse_plan
    from pipeline.planimport.reader import ReadError, read_lines
    from pipeline.planimport.render import needs_lines, render

    try:
        lines = read_lines(file)
    except ReadError as exc:
        fail(str(exc))
    draft = parse_plan(lines, plan_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(draft, file.name), encoding="utf-8")
    typer.echo(f"Bản nháp: {out} ({len(draft.activities)} hoạt động, {len(draft.channels)} kênh)")
    for line in needs_lines(draft):
        typer.echo(line.lstrip("# "))
    if draft.missing:
        raise typer.Exit(2)


@plan_app.command("lexicon")
def plan_lexicon(
    source: str = typer.Argument(..., help="A plan id, a plan TOML, or the plan's text (.txt/.docx/.pdf)."),
    out: Path = typer.Option(..., "--out", help="Where to write the draft lexicon TOML.", dir_okay=False),
) -> None:
    """Draft a lexicon from the plan's own words (underthesea noun phrases), for a person to edit."""
    from pipeline.planimport.lexicon_draft import draft_lexicon

    plan = _plan_data(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(draft_lexicon(plan), encoding="utf-8")
    typer.echo(f"Bản nháp từ điển: {out} — sửa rồi chạy: planwatch plan check {plan.get('id', '')}")


def _plan_data(source: str) -> dict[str, Any]:
    from pipeline.plans import plan_path

    path = Path(source)
    if source.endswith(".toml") or (not path.exists() and plan_path(source).exists()):
        toml_path = path if source.endswith(".toml") else plan_path(source)
        try:
            return tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            fail(f"{toml_path}: {exc}")
    if not path.exists():
        fail(f"'{source}' is neither a plan id in data/plans nor a file")
    from pipeline.planimport.parse import parse_plan
    from pipeline.planimport.reader import ReadError, read_lines
    from pipeline.planimport.render import render

    try:
        return tomllib.loads(render(parse_plan(read_lines(path)), path.name))
    except ReadError as exc:
        fail(str(exc))


@plan_app.command("check")
def plan_check(
    plan: str = typer.Argument(..., help="Plan id (data/plans/<id>.toml) or a plan TOML path."),
    lexicon: Path = typer.Option(None, "--lexicon", help="Check this lexicon file instead of the plan's own."),
) -> None:
    """Validate a plan and its lexicon together (exit 2 with every problem found)."""
    from pipeline.plancheck import check_plan

    problems, notes = check_plan(plan, lexicon)
    for note in notes:
        typer.echo(f"  {note}")
    if problems:
        for p in problems:
            typer.echo(f"LỖI: {p}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{plan}: kế hoạch và từ điển hợp lệ.")


@plans_app.command("list")
def plans_list(
    as_of: str = typer.Option(None, "--as-of", help="Which plans are active on this day (default: today in Vietnam)."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Every plan on file: windows, planned counts, enabled, active."""
    from pipeline.plan_registry import is_active, load_settings, plan_files, plan_span
    from pipeline.plans import PlanError, load_plan
    from pipeline.report import today_vn

    day = dt.date.fromisoformat(as_of) if as_of else today_vn()
    settings = load_settings()
    rows: list[dict[str, Any]] = []
    for pid in plan_files():
        try:
            p = load_plan(pid)
        except PlanError as exc:
            rows.append({"plan": pid, "error": str(exc)})
            continue
        span = plan_span(pid)
        enabled = pid not in settings.disabled
        rows.append({
            "plan": pid, "number": p.number, "issuer": p.issuer, "activities": len(p.activities),
            "planned": {f: sum(a.planned[f] for a in p.activities) for f in ("article", "report")},
            "first_day": span.first_day.isoformat(), "last_window_end": span.last_window_end.isoformat(),
            "enabled": enabled, "active": enabled and is_active(span, day, settings.active_after_days),
        })
    if fmt == "json":
        print_json({"as_of": day.isoformat(), "active_after_days": settings.active_after_days, "plans": rows})
        return
    typer.echo(f"Kế hoạch (ngày {day:%d/%m/%Y}; còn hiệu lực {settings.active_after_days} ngày sau cửa sổ cuối):")
    for r in rows:
        if "error" in r:
            typer.echo(f"  {r['plan']:<24} LỖI: {r['error']}")
            continue
        state = "đang hiệu lực" if r["active"] else ("tắt" if not r["enabled"] else "hết hiệu lực")
        typer.echo(f"  {r['plan']:<24} {r['number']:<16} {r['first_day']}..{r['last_window_end']}  "
                   f"{r['planned']['article']} bài báo, {r['planned']['report']} phóng sự  [{state}]")


def register(app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan")
    app.add_typer(plans_app, name="plans")
