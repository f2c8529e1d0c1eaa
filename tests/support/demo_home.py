"""A planwatch home crawled from the demo mirror over 2022, through the CLI as a user runs it: the starting point of
the migration tests (tests/scale)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from crawlers.mirror import start_mirror

PLANWATCH = Path(sys.executable).with_name("planwatch")


def run_planwatch(env: dict[str, str], *args: str) -> str:
    """`planwatch ARGS` with `env`; its stdout (the test fails with its stderr's end when it exits non-zero)."""
    done = subprocess.run([str(PLANWATCH), *args], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def crawled_demo_home(home: Path, tmp_path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """(environment of `home`, its review queue) after `init` and a crawl of the demo mirror over 2022, with the
    single-file warehouse (PLANWATCH_LAKE=off)."""
    env = {**os.environ, "PLANWATCH_HOME": str(home), "PLANWATCH_LAKE": "off"}
    with start_mirror(auto_ports=True) as mirror:
        sources = mirror.write_sources(tmp_path / "sources.toml")
        run_planwatch(env, "init", "--sources", str(sources))
        run_planwatch(env, "crawl", "--sources", str(sources), "--since", "2022-01-01", "--until", "2022-12-31")
    return env, json.loads(run_planwatch(env, "review", "list", "--format", "json"))
