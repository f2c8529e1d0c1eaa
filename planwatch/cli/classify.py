"""CLI commands of the classify subsystem (registered by planwatch.cli)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this subsystem's commands to the main app."""
