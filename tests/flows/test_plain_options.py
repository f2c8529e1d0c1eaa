"""A pipeline command's options coerced without pydantic (planwatch.cli.plain_options): the same values, checks and
messages as typer's own coercion, and pydantic not imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.fresh import REPO_ROOT

# Runs the pipeline commands' app (planwatch.cli.flows) on argv, by typer's own coercion ("typer") or planwatch.cli's
# ("plain"); the command stops at its first line and prints what it was given, and whether pydantic was imported.
_SCRIPT = """
import json, sys
import planwatch.cli as cli
import planwatch.cli.flows as flows

mode, argv = sys.argv[1], sys.argv[2:]

def stop():
    given = {k: repr(v) for k, v in sys._getframe(1).f_locals.items()}
    print(json.dumps({"given": given, "pydantic": "pydantic" in sys.modules}))
    raise SystemExit(0)

flows._warm_workers = stop
app = cli._build(("flows",))
sys.argv = ["planwatch", *argv]
cli.run_plain(app) if mode == "plain" else app()
"""


def _run(tmp_path: Path, mode: str, argv: list[str]) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "parse.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    return subprocess.run([sys.executable, str(script), mode, *argv], capture_output=True, text=True, cwd=REPO_ROOT,
                          env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", "COLUMNS": "100"},
                          timeout=120)


@pytest.mark.parametrize("argv", [
    ["crawl", "--sources", "x/bench.toml", "--no-politeness"],
    ["crawl", "--since", "2024-01-02", "--until=03/01/2024"],
    ["crawl"],
    ["reprocess", "--sources", "data/sources", "--full"],
    ["reprocess", "--sources="],
    ["backfill", "--since", "2024-01-01", "--until", "2024-01-31", "--sources", "a b.toml"],
])
def test_a_pipeline_command_gets_typers_values_without_importing_pydantic(tmp_path: Path, argv: list[str]) -> None:
    typer_own, plain = _run(tmp_path, "typer", argv), _run(tmp_path, "plain", argv)
    assert typer_own.returncode == plain.returncode == 0, (typer_own.stderr, plain.stderr)
    own, got = json.loads(typer_own.stdout), json.loads(plain.stdout)
    assert got["given"] == own["given"]  # the same values, of the same types (repr)
    assert own["pydantic"] is True and got["pydantic"] is False


@pytest.mark.parametrize("argv", [
    ["crawl", "--sources"],
    ["crawl", "--bogus"],
    ["reprocess", "--full=yes"],
    ["backfill", "--since", "2024-01-01"],
    ["reprocess", "extra"],
])
def test_a_pipeline_commands_usage_errors_are_typers(tmp_path: Path, argv: list[str]) -> None:
    typer_own, plain = _run(tmp_path, "typer", argv), _run(tmp_path, "plain", argv)
    assert typer_own.returncode == plain.returncode != 0
    assert (plain.stdout, plain.stderr) == (typer_own.stdout, typer_own.stderr)


def test_the_plain_coercion_is_typers_again_once_the_command_has_run() -> None:
    from typer import core

    from planwatch.cli.plain_options import plain_coercion

    before = core._TyperParameter.get_runtime_param
    with plain_coercion():
        assert core._TyperParameter.get_runtime_param is not before
    assert core._TyperParameter.get_runtime_param is before
