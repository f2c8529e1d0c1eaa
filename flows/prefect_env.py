"""Prefect is owned by the project: its home lives under the state folder and telemetry is off.

Call `configure_prefect()` before importing prefect (its settings are read when it is imported)."""

from __future__ import annotations

import os

from planwatch.config import Paths

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_CLI_COLORS": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    # the temporary API server of a flow run without a dedicated server: Prefect waits 20 s for it by default, which
    # a loaded or slow 2-core machine exceeded (a nightly run then failed before any task started)
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def configure_prefect(paths: Paths | None = None) -> None:
    paths = (paths or Paths.from_env()).ensure()
    os.environ.setdefault("PREFECT_HOME", str(paths.prefect_home))
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
