"""CLI commands of the crawl subsystem (registered by planwatch.cli): sources list/check, add-url,
crawl-only (a crawl into a folder, without the warehouse: for debugging an outlet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from planwatch.cli.common import day_option, fail, print_json
from planwatch.config import Paths

sources_app = typer.Typer(help="The source registry (data/sources): list outlets, check they answer.",
                          no_args_is_help=True)

SOURCES_HELP = "A sources TOML file or a folder of them (default: data/sources)."


def _load(path: str | None) -> list[Any]:
    from crawlers.registry import RegistryError, load_sources

    try:
        return load_sources(path)
    except RegistryError as exc:
        fail(str(exc))


@sources_app.command("list")
def sources_list(
    sources: str = typer.Option(None, "--sources", help=SOURCES_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Table of sources: id, kind, scope, provinces (2022 -> now), feeds/sitemaps/listings/search."""
    rows = _load(sources)
    if as_json:
        print_json([s.as_dict() for s in rows])
        return
    header = (f"{'id':<22} {'kind':<10} {'scope':<10} {'province (2022 -> now)':<34} feeds sitemaps listings search "
              "verified  evidence")
    typer.echo(header)
    typer.echo("-" * len(header))
    for s in rows:
        prov = ""
        if s.province_historical or s.province_current:
            prov = s.province_historical if s.province_historical == s.province_current \
                else f"{s.province_historical} -> {s.province_current}"
        latest = max((e.date for e in s.evidence), default="")
        seen = f"{len(s.evidence)} ({', '.join(sorted({e.kind for e in s.evidence}))}; {latest})" if s.evidence \
            else "none: URLs and selectors are guesses, run `sources check --report`"
        typer.echo(f"{s.id:<22} {s.kind:<10} {s.scope:<10} {prov:<34} {len(s.feeds):>5} {len(s.sitemaps):>8} "
                   f"{len(s.listings):>8} {'yes' if s.search else '-':>6} {s.verified:<9} {seen}")
    counts = {v: sum(1 for s in rows if s.verified == v) for v in ("live", "evidence", "guess")}
    typer.echo(f"{len(rows)} sources: {counts['live']} checked live, {counts['evidence']} from evidence, "
               f"{counts['guess']} still on guesses")


def _check_report(rows: list[Any], user_agent: str, timeout: float, fmt: str) -> None:
    from crawlers import check
    from crawlers.check_report import render_table, report_source

    if fmt not in ("table", "json"):
        fail(f"unknown --format {fmt!r}: use table or json")

    def fetch(url: str, src: Any) -> tuple[int, bytes, str]:
        return check._get(url, src, user_agent, timeout)  # the same guarded fetcher as `sources check`

    reports = [report_source(s, fetch) for s in rows]
    if fmt == "json":
        print_json([r.as_dict() for r in reports])
    else:
        typer.echo(render_table(reports))


@sources_app.command("check")
def sources_check(
    source_id: str = typer.Argument(None, help="One source id (default: every source)."),
    sources: str = typer.Option(None, "--sources", help=SOURCES_HELP),
    timeout: float = typer.Option(15.0, "--timeout", help="Seconds per request."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    report: bool = typer.Option(False, "--report", help="Try every entry point and one example article per "
                                "source: what answered, what was found, what to fix (a table, or --format json)."),
    fmt: str = typer.Option("table", "--format", help="With --report: table or json."),
) -> None:
    """Fetch robots.txt and one feed, sitemap or listing page per source; report what works. Always exits 0
    when the registry loads: the report is the result."""
    from crawlers.check import check_source
    from crawlers.job import CrawlJob

    rows = _load(sources)
    if source_id:
        rows = [s for s in rows if s.id == source_id]
        if not rows:
            fail(f"unknown source id {source_id!r} (see `planwatch sources list`)")
    ua = CrawlJob(run_id="check", out_dir=".", raw_dir=".").user_agent()
    if report:
        _check_report(rows, ua, timeout, "json" if as_json else fmt)
        return
    results = [check_source(s, user_agent=ua, timeout=timeout) for s in rows]
    if as_json:
        print_json([r.as_dict() for r in results])
        return
    for r in results:
        typer.echo(f"{'OK  ' if r.ok else 'FAIL'} {r.source_id}")
        for p in r.probes:
            typer.echo(f"     {'ok ' if p.ok else 'bad'} {p.what:<9} {p.url}\n         {p.detail}")
    good = sum(1 for r in results if r.ok)
    typer.echo(f"{good}/{len(results)} sources answered as configured")


def add_url(
    urls: list[str] = typer.Argument(None, help="Article URLs to fetch in the next crawl."),
    csv_file: Path = typer.Option(None, "--csv", help="A CSV file of URLs (a `url` column, or the first one)."),
    source: str = typer.Option(None, "--source", help="Attribute the URLs to this source id."),
    sources: str = typer.Option(None, "--sources", help=SOURCES_HELP),
) -> None:
    """Queue URLs (a fanpage post, an article discovery missed) for the next crawl. Private, loopback and
    non-http(s) URLs are refused unless the source has allow_private = true."""
    from crawlers.manual import add_manual_urls, queue_path, urls_from_csv

    todo = list(urls or [])
    if csv_file is not None:
        if not csv_file.exists():
            fail(f"{csv_file}: no such file")
        todo += urls_from_csv(csv_file)
    if not todo:
        fail("give URLs or --csv FILE")
    paths = Paths.from_env()
    added, problems = add_manual_urls(paths.home, todo, _load(sources), source)
    for p in problems:
        typer.echo(f"skipped: {p}", err=True)
    typer.echo(f"queued {len(added)} URL(s) in {queue_path(paths.home)}")
    if not added and problems:
        raise typer.Exit(1)


def crawl_only(
    sources: str = typer.Option(None, "--sources", help=SOURCES_HELP),
    since: str = typer.Option(None, "--since", help="Skip items dated before this day (YYYY-MM-DD or dd/mm/yyyy)."),
    until: str = typer.Option(None, "--until", help="Skip items dated after this day (YYYY-MM-DD or dd/mm/yyyy)."),
    out: Path = typer.Option(..., "--out", help="Run folder to write (fetches.jsonl, pages.jsonl, ...)."),
    source_id: list[str] = typer.Option(None, "--source", help="Only these source ids (repeatable)."),
    backfill: bool = typer.Option(False, "--backfill", help="Backfill mode: also run site-search queries."),
    no_politeness: bool = typer.Option(False, "--no-politeness", help="No delays (local mirrors only)."),
    time_limit: float = typer.Option(3600.0, "--time-limit", help="Kill the crawl after this many seconds."),
) -> None:
    """Crawl into a folder without touching the warehouse (debugging an outlet). Raw pages go to OUT/raw."""
    from crawlers.job import CrawlJob
    from crawlers.run import run_crawl

    start, end = day_option(since, "--since"), day_option(until, "--until")
    _load(sources)  # validate before starting a subprocess
    out = out.resolve()
    job = CrawlJob(run_id=out.name, out_dir=str(out), raw_dir=str(out / "raw"),
                   sources=str(Path(sources).resolve()) if sources else None, source_ids=list(source_id or []),
                   since=start.isoformat() if start else None, until=end.isoformat() if end else None,
                   mode="backfill" if backfill else "nightly",
                   politeness="off" if no_politeness else "default", time_limit=time_limit)
    result = run_crawl(job)
    _raw_files(out)
    print_json({k: v for k, v in result.as_dict().items() if k != "summary"})
    if not result.done:
        raise typer.Exit(1)


def _raw_files(out: Path) -> None:
    """The fetched article pages as files of their own, OUT/raw/<sha[:2]>/<sha>.gz, for a person debugging an
    outlet (a crawl keeps them in its pack: crawlers.rawpack)."""
    from crawlers.output import PAGES, read_jsonl
    from crawlers.rawpack import raw_file

    for row in read_jsonl(out / PAGES):
        if row.get("raw_sha256"):
            raw_file(out / "raw", row["raw_sha256"])


def register(app: typer.Typer) -> None:
    """Add this subsystem's commands to the main app."""
    app.add_typer(sources_app, name="sources")
    app.command("add-url")(add_url)
    app.command("crawl-only")(crawl_only)
