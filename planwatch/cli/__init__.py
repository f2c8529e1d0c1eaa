"""The `planwatch` console script. Each subsystem registers its own commands from its own module.

Importing this package loads neither typer nor the command modules: `app` is built when first used. The
console script imports `planwatch.cli` at its top, and multiprocessing runs that script again in every worker
of the pipeline's pool (as `__mp_main__`), where only this light import happens. `main` starts a pipeline
command's helper processes (planwatch.cli.early) before typer and the command modules load."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# One module per subsystem; each defines register(app). Order is the order of --help.
_COMMAND_MODULES = ("core", "crawl", "extract", "classify", "review", "digest", "evidence", "flows", "plans")
_APP: list[typer.Typer] = []  # the app, once built


def _build(modules: tuple[str, ...] = _COMMAND_MODULES) -> typer.Typer:
    import typer

    app = typer.Typer(
        name="planwatch",
        help="Đo mức độ thực hiện kế hoạch truyền thông — measures how much of a plan's press coverage appeared.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for name in modules:
        module = importlib.import_module(f"planwatch.cli.{name}")
        module.register(app)
    return app


def get_app() -> typer.Typer:
    """The typer app with every command registered (built once)."""
    if not _APP:
        _APP.append(_build())
    return _APP[0]


def __getattr__(name: str) -> Any:
    """`from planwatch.cli import app` builds the app on first use."""
    if name == "app":
        return get_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The console script. A pipeline command (planwatch.cli.early) starts its helper processes first, then runs
    in an app of its own module's commands only: typer then neither imports the other command modules nor reads
    their signatures, 0.025-0.03 s of CPU off the run's start (the same command, options and messages; `--help`
    gets the whole app)."""
    from planwatch.cli.early import PIPELINE_MODULE, is_pipeline_command, start_helpers

    args = sys.argv[1:]
    start_helpers(args)
    if not is_pipeline_command(args):
        get_app()()
        return
    app = _build((PIPELINE_MODULE,))
    try:
        app()
    except SystemExit as exc:
        exit_now(exc.code)
        raise  # (a thread of its own is still running: the usual exit, which waits for it)


def exit_now(code: Any) -> None:
    """End a pipeline command as the interpreter would, less its teardown: the atexit handlers run (logging's
    flush, multiprocessing's finalizers) and the standard streams are flushed, then the process ends with the
    same status, without freeing every object of duckdb, pyarrow, numpy and the pipeline one by one (0.03-0.05 s
    of CPU, 0.1-0.25 s of wall on a loaded machine, on the run's serial tail: docs/performance.md, fourteenth
    session). Returns (the usual exit follows) while a non-daemon thread other than this one is alive: the usual
    exit waits for it, this would not."""
    import atexit
    import contextlib
    import os
    import threading

    if any(t is not threading.current_thread() and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as the interpreter does with a message: print it, status 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(status)
