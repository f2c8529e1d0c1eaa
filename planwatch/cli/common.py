"""Small helpers shared by the CLI modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"planwatch: {message}", err=True)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def day_option(value: str | None, option: str) -> Any:
    """A date option (YYYY-MM-DD or dd/mm/yyyy) -> datetime.date; None stays None; one clear line otherwise."""
    from pipeline.daytext import parse_day

    if value is None or not value.strip():
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        fail(f"{option}: {exc}")


def message(exc: BaseException) -> str:
    """An exception's own text, without the quotes str(KeyError) adds (and keeping the ones it carries)."""
    if exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


@contextmanager
def live_progress() -> Iterator[Any]:
    """Live progress on stderr: bars on a terminal, a plain line per source every few seconds otherwise
    (PLANWATCH_PROGRESS_EVERY seconds, default 5); per-source lines when the crawl ends."""
    import os

    from pipeline.progress import DEFAULT_EVERY, reporter_for

    try:
        every = float(os.environ.get("PLANWATCH_PROGRESS_EVERY") or DEFAULT_EVERY)
    except ValueError:
        every = DEFAULT_EVERY
    reporter = reporter_for(sys.stderr, every=every)
    try:
        yield reporter
    finally:
        getattr(reporter, "stop", lambda: None)()
