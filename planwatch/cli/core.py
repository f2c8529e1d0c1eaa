"""Core commands: init, report, sql, export."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import typer

from planwatch.cli.common import day_option, fail, message, print_json
from planwatch.config import Paths


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


def init(
    sources: Path = typer.Option(None, "--sources", help="A sources TOML file or folder (default data/sources)."),
) -> None:
    """Create the state folder and the warehouse, load plans and sources, publish a snapshot."""
    from crawlers.registry import RegistryError
    from pipeline.bootstrap import initialize
    from pipeline.plans import PlanError

    try:
        summary = initialize(Paths.from_env(), str(sources) if sources else None)
    except (PlanError, RegistryError) as exc:  # names the file, the field and the fix; nothing was written
        fail(str(exc))
    typer.echo(f"Warehouse: {summary['warehouse']}")
    typer.echo(f"Snapshot:  {summary['snapshot']}")
    typer.echo(f"Plans: {', '.join(summary['plans'])}; sources: {summary['sources']}")


def report(
    plan: str = typer.Option(None, "--plan", help="Plan id (a file in data/plans; default: every active plan)."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", help="table, json, csv or xlsx."),
    as_of: str = typer.Option(None, "--as-of", help="Report as of this date (YYYY-MM-DD or dd/mm/yyyy); "
                              "default today in Vietnam."),
    out: Path = typer.Option(None, "--out", help="xlsx only: the file to write (default: "
                             "<state>/exports/report-<plan>-<as_of>.xlsx; one plan only).", dir_okay=False),
    outside_all: bool = typer.Option(False, "--outside-all", help="json: list every item outside its "
                                     "activity's window (default: the first 1000; outside_window_total counts "
                                     "them all)."),
) -> None:
    """Planned vs actual coverage for a plan, from the published snapshot. Without --plan: every active plan
    (data/plans.toml), each counted by its own rules; JSON is then a list when there are several."""
    from pipeline.plan_registry import default_plan_ids
    from pipeline.report import MAX_OUTSIDE_LINES, OUTSIDE_HEAD, build_report, render_csv, render_table, today_vn
    from pipeline.snapshot import NoSnapshot, open_coverage, open_snapshot

    day = day_option(as_of, "--as-of")
    try:
        with (open_snapshot() if fmt is ReportFormat.xlsx else open_coverage()) as conn:
            known = [r[0] for r in conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
            plan_ids = [plan] if plan else default_plan_ids(day or today_vn(), known)
            if not plan_ids:
                fail("no plan in the snapshot: run 'planwatch init' (plans are data/plans/*.toml)")
            limit = {ReportFormat.json: None if outside_all else OUTSIDE_HEAD,
                     ReportFormat.table: MAX_OUTSIDE_LINES}.get(fmt, 0)
            results = [build_report(conn, pid, day, outside_limit=limit) for pid in plan_ids]
            if fmt is ReportFormat.xlsx:
                from pipeline.report_xlsx import write_report_xlsx

                if out is not None and len(results) > 1:
                    fail(f"--out names one file but {len(results)} plans are active: add --plan "
                         f"({', '.join(plan_ids)})")
                for result in results:
                    target = out or Paths.from_env().exports / f"report-{result['plan']}-{result['as_of']}.xlsx"
                    with _writable(target, "--out"):
                        typer.echo(str(write_report_xlsx(conn, result, target)))
                return
    except (NoSnapshot, KeyError) as exc:
        fail(message(exc))
    if fmt is ReportFormat.json:
        print_json(results[0] if len(results) == 1 else results)
    elif fmt is ReportFormat.csv:
        csvs = [render_csv(r) for r in results]  # one header: the `plan` column tells the plans apart
        sys.stdout.write(csvs[0] + "".join(c.split("\n", 1)[1] for c in csvs[1:]))
    else:
        typer.echo("\n\n".join(render_table(r) for r in results))


def sql(
    query: str = typer.Argument(..., help="A read-only SQL query over the published snapshot."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", help="table, json or csv."),
) -> None:
    """Run one read-only query on the published snapshot (never blocks the nightly crawl). No files, no
    network, no settings: SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE or UNPIVOT only."""
    import duckdb

    from pipeline.snapshot import NoSnapshot, open_snapshot
    from pipeline.sqlguard import SqlRefused, check_query, lock_down

    try:
        with open_snapshot() as conn:
            lock_down(conn)
            rel = conn.sql(check_query(conn, query))
            if rel is None:
                fail("the statement returned no rows (the snapshot is read-only: use a SELECT)")
            if fmt is ReportFormat.table:
                rel.show(max_width=200, max_rows=200)
                return
            cols = rel.columns
            rows = [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
    except NoSnapshot as exc:
        fail(str(exc))
    except SqlRefused as exc:
        fail(f"query failed: {exc}")
    except duckdb.Error as exc:
        fail("query failed: " + " ".join(str(exc).split()))
    if fmt is ReportFormat.json:
        print_json(rows)
    else:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def export(
    fmt: ExportFormat = typer.Option(ExportFormat.parquet, "--format", help="parquet, csv or xlsx."),
    out: Path = typer.Option(None, "--out", help="Folder to write to (default: <state>/exports)."),
) -> None:
    """Export the analyst views (coverage, matches, documents, ...) for Excel or notebooks."""
    from pipeline.export import export_views
    from pipeline.snapshot import NoSnapshot, open_snapshot

    out_dir = out or Paths.from_env().exports
    try:
        with open_snapshot() as conn, _writable(out_dir, "--out"):
            written = export_views(conn, out_dir, fmt.value)
    except NoSnapshot as exc:
        fail(str(exc))
    for path in written:
        typer.echo(str(path))


@contextmanager
def _writable(target: Path, option: str) -> Iterator[None]:
    """A folder or file that cannot be written ends in one line naming it and the fix, not a traceback."""
    import duckdb

    try:
        yield
    except (OSError, duckdb.IOException) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        fail(f"{option} {target}: cannot write there ({reason}); give a folder you can write to, "
             f"e.g. {option} ./exports", code=1)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(report)
    app.command()(sql)
    app.command()(export)
