"""The `planwatch` console script. Each subsystem registers its own commands from its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="planwatch",
    help="Đo mức độ thực hiện kế hoạch truyền thông — measures how much of a plan's press coverage appeared.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One module per subsystem; each defines register(app). Order is the order of --help.
_COMMAND_MODULES = ("core", "crawl", "extract", "classify", "review", "digest", "evidence", "flows", "plans")


def _register_all() -> None:
    for name in _COMMAND_MODULES:
        module = importlib.import_module(f"planwatch.cli.{name}")
        module.register(app)


_register_all()


def main() -> None:
    app()
