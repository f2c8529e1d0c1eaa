"""CLI commands of the extract subsystem (registered by planwatch.cli)."""

from __future__ import annotations

from pathlib import Path

import typer

from planwatch.cli.common import day_option, fail, print_json


def extract(
    html: Path = typer.Option(..., "--html", help="A stored page (raw bytes as fetched; .gz is read too)."),
    url: str = typer.Option("", "--url", help="The page's URL (dates in URLs, layout by host, canonical URL)."),
    layout: str = typer.Option(
        None, "--layout", help="Force a layout id (data/sources/layouts/<id>.toml); 'generic' turns layouts off."
    ),
    kind: str = typer.Option(None, "--kind", help="Source kind (tv, radio, newspaper, portal...): format cues."),
    charset: str = typer.Option(None, "--charset", help="The HTTP charset, if known (e.g. windows-1258)."),
    fetched_at: str = typer.Option(
        None, "--fetched-at", help="The day the page was fetched (YYYY-MM-DD or dd/mm/yyyy): picks the layout "
        "version live that day (valid_from/valid_until) and is the first-seen date of an undated page."
    ),
) -> None:
    """Extract one stored page and print the document as JSON (how to check why an outlet's page came out wrong)."""
    import gzip
    from datetime import datetime, time

    from pipeline.dates import VN_TZ
    from pipeline.extract import GENERIC, extract_page, to_json
    from pipeline.layouts import get_layout

    if not html.is_file():
        fail(f"no such file: {html}")
    if layout and layout != GENERIC:
        try:
            get_layout(layout)
        except KeyError as exc:
            fail(str(exc).strip("'\""))
    data = html.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    source: dict[str, str] = {}
    if layout:
        source["layout"] = layout
    if kind:
        source["kind"] = kind
    hint = {"encoding": charset} if charset else None
    day = day_option(fetched_at, "--fetched-at")
    when = datetime.combine(day, time(), VN_TZ) if day else None
    doc = extract_page(data, url or html.resolve().as_uri(), source=source, hint=hint, fetched_at=when)
    print_json(to_json(doc))


def register(app: typer.Typer) -> None:
    """Add this subsystem's commands to the main app."""
    app.command("extract")(extract)
