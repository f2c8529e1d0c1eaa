"""The serial start of `planwatch crawl`, `backfill` and `reprocess` (docs/performance.md, start13): the worker
pool's fork server and the crawl subprocess start before typer and the pipeline load (planwatch.cli.early), the
console script run again in every worker imports nothing heavy, and the pool's processes run one BLAS thread
(pipeline.worker_env)."""

from __future__ import annotations

import os
import sys

import pytest

import crawlers.run
import pipeline.workers
from planwatch.cli import early
from tests.support.fresh import assert_in_fresh_interpreter

# What pip writes as the `planwatch` console script; multiprocessing runs it again in every worker of the pool
# (as __mp_main__, spawn._fixup_main_from_path), so its top-level import is paid by each worker before its first
# batch.
CONSOLE_SCRIPT = """import sys
from planwatch.cli import main
if __name__ == '__main__':
    sys.argv[0] = sys.argv[0].removesuffix('.exe')
    sys.exit(main())
"""


def test_the_console_script_run_again_in_a_worker_imports_neither_typer_nor_the_commands(tmp_path) -> None:
    script = tmp_path / "planwatch"
    script.write_text(CONSOLE_SCRIPT, encoding="utf-8")
    assert_in_fresh_interpreter(
        "import runpy, sys\n"
        f"runpy.run_path({str(script)!r}, run_name='__mp_main__')\n"
        "loaded = sorted(m for m in sys.modules if m == 'typer' or m.startswith(('typer.', 'click', 'pipeline', "
        "'planwatch.cli.')))\n"
        "assert not loaded, loaded\n"
        "from planwatch.cli import app\n"  # still there for whoever uses it: built on first use
        "assert type(app).__name__ == 'Typer' and 'typer' in sys.modules\n"
        "import planwatch.cli\n"
        "assert planwatch.cli.get_app() is app\n"
    )


def test_main_starts_the_pool_and_the_crawl_before_typer_numpy_and_the_app(tmp_path) -> None:
    """`planwatch crawl` starts the fork server, then the crawl subprocess, with one BLAS thread set, before
    typer and numpy are imported and before the app runs the command."""
    assert_in_fresh_interpreter(
        "import os, sys\n"
        f"os.environ['PLANWATCH_HOME'] = {str(tmp_path / 'state')!r}\n"
        "os.environ.pop('OPENBLAS_NUM_THREADS', None)\n"
        "import crawlers.run, pipeline.workers\n"
        "seen = []\n"
        "def note(what):\n"
        "    seen.append((what, 'typer' in sys.modules, 'numpy' in sys.modules,\n"
        "                 os.environ.get('OPENBLAS_NUM_THREADS')))\n"
        "pipeline.workers.warm_up = lambda hint=None: note('pool') or True\n"
        "crawlers.run.prestart = lambda runs: note('crawl')\n"
        "import planwatch.cli as cli\n"
        "cli._build = lambda modules=cli._COMMAND_MODULES: (lambda: note('app:' + ','.join(modules)))\n"
        "sys.argv = ['planwatch', 'crawl', '--no-politeness']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit as exc:\n"  # the real app ends with one; the stand-in above does not
        "    print('exited', exc.code)\n"
        "assert seen == [('pool', False, False, '1'), ('crawl', False, False, '1'), ('app:flows', False, False, '1')], "
        "seen\n"
    )


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)  # restored (unset) afterwards
    monkeypatch.setattr(pipeline.workers, "warm_up", lambda hint=None: calls.append("pool") or True)
    monkeypatch.setattr(crawlers.run, "prestart", lambda runs: calls.append(f"crawl:{runs.name}"))
    return calls


@pytest.mark.parametrize(("args", "expected"), [
    (["crawl", "--no-politeness"], ["pool", "crawl:runs"]),
    (["backfill", "--since", "2022-01-01", "--until", "2022-01-31"], ["pool", "crawl:runs"]),
    (["reprocess"], ["pool"]),
    (["crawl", "--help"], []),
    (["reprocess", "--sources", "x.toml", "--help"], []),
    (["report"], []),
    (["status"], []),
    ([], []),
])
def test_only_the_pipeline_commands_start_helpers(started: list[str], args: list[str], expected: list[str]) -> None:
    assert early.start_helpers(args) == [c.split(":")[0] for c in expected]
    assert started == expected
    assert (os.environ.get("OPENBLAS_NUM_THREADS") == "1") == bool(expected)


def test_a_run_without_the_pool_reports_no_pool(started: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.workers, "warm_up", lambda hint=None: False)  # PLANWATCH_WORKERS=1
    assert early.start_helpers(["crawl"]) == ["crawl"]


def test_the_pool_workers_run_with_one_blas_thread() -> None:
    """The workers see OPENBLAS_NUM_THREADS=1 (set in the fork server by its first preload module), though the
    parent did not set it."""
    assert_in_fresh_interpreter(
        "import os, multiprocessing\n"
        "os.environ.pop('OPENBLAS_NUM_THREADS', None)\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from pipeline.workers import PRELOAD\n"
        "mp = multiprocessing.get_context('forkserver')\n"
        "mp.set_forkserver_preload(PRELOAD)\n"
        "with ProcessPoolExecutor(max_workers=1, mp_context=mp) as pool:\n"
        "    seen = pool.submit(os.getenv, 'OPENBLAS_NUM_THREADS').result()\n"
        "assert seen == '1', seen\n"
        "assert 'OPENBLAS_NUM_THREADS' not in os.environ\n",
        timeout=180,
    )


@pytest.mark.skipif(not os.path.isdir("/proc/self/task") or (os.cpu_count() or 1) < 2,
                    reason="thread count from /proc; OpenBLAS starts one thread per core")
def test_the_fork_server_preload_starts_no_thread() -> None:
    """What the fork server runs before its first fork (the PRELOAD imports, numpy among them) leaves it with
    one thread: no OpenBLAS thread spinning on the other core while the parent prepares the run. (Once it
    forks, OpenBLAS stops its threads anyway: this is checked before any fork.)"""
    assert_in_fresh_interpreter(
        "import importlib, os, sys\n"
        "os.environ.pop('OPENBLAS_NUM_THREADS', None)\n"
        "from pipeline.workers import PRELOAD\n"
        "for name in PRELOAD:\n"
        "    importlib.import_module(name)\n"
        "assert 'numpy' in sys.modules\n"
        "threads = len(os.listdir('/proc/self/task'))\n"
        "assert threads == 1, threads\n"
    )


def test_a_blas_thread_count_set_by_the_user_is_kept() -> None:
    assert_in_fresh_interpreter(
        "import os\n"
        "os.environ['OPENBLAS_NUM_THREADS'] = '3'\n"
        "import pipeline.worker_env\n"
        "assert os.environ['OPENBLAS_NUM_THREADS'] == '3'\n"
    )


def test_the_pipeline_modules_a_command_imports_first_stay_light() -> None:
    """What planwatch.cli.early imports before it starts the fork server: no concurrent.futures pool, plans or
    rows (pipeline.workers imports them when it runs a pool), no numpy."""
    assert_in_fresh_interpreter(
        "import sys\n"
        "import pipeline.workers, pipeline.worker_env\n"
        "heavy = sorted(m for m in sys.modules if m in ('concurrent.futures.process', 'pipeline.plans', "
        "'pipeline.rows', 'numpy', 'typer'))\n"
        "assert not heavy, heavy\n"
    )
    assert sys.modules["pipeline.workers"].PRELOAD[0] == "pipeline.worker_env"


@pytest.mark.parametrize("args", [
    ["reprocess", "--bogus"],
    ["backfill"],
    ["backfill", "--since", "2022-01-01"],
    ["crawl", "extra"],
    ["crawl", "--since", "not-a-day", "--sources", "/nonexistent/sources.toml"],
    ["reprocess", "--sources", "/nonexistent/sources.toml"],
])
def test_a_pipeline_command_runs_the_same_in_its_own_module_s_app(args: list[str], tmp_path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`main` runs crawl, backfill and reprocess in an app of planwatch.cli.flows' commands only: the same
    command, the same messages and exit codes as in the whole app."""
    from typer.testing import CliRunner

    import planwatch.cli as cli

    monkeypatch.setenv("PLANWATCH_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(pipeline.workers, "warm_up", lambda hint=None: False)
    monkeypatch.setattr(crawlers.run, "prestart", lambda runs: None)
    assert early.is_pipeline_command(args)
    whole, light = cli.get_app(), cli._build((early.PIPELINE_MODULE,))
    runner = CliRunner()
    a, b = runner.invoke(whole, args), runner.invoke(light, args)
    assert (b.exit_code, b.output) == (a.exit_code, a.output)
    assert a.exit_code != 0


def test_the_pipeline_module_registers_every_pool_command() -> None:
    import planwatch.cli as cli

    light = cli._build((early.PIPELINE_MODULE,))
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in light.registered_commands}
    assert set(early.POOL_COMMANDS) <= names
    whole = {c.callback for c in cli.get_app().registered_commands}
    assert {c.callback for c in light.registered_commands} <= whole  # the same command functions
    for args in (["crawl", "--help"], ["reprocess", "x", "--help"], ["report"], []):
        assert not early.is_pipeline_command(args)


def test_main_runs_a_pipeline_command_in_the_light_app_and_others_in_the_whole_app(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import planwatch.cli as cli

    built: list[tuple[str, ...]] = []
    monkeypatch.setattr(early, "start_helpers", lambda args: [])
    monkeypatch.setattr(cli, "_build", lambda modules=cli._COMMAND_MODULES: built.append(modules) or (lambda: None))
    monkeypatch.setattr(cli, "_APP", [])
    for argv in (["planwatch", "reprocess"], ["planwatch", "crawl", "--help"], ["planwatch", "status"]):
        monkeypatch.setattr(sys, "argv", argv)
        cli.main()
    assert built == [("flows",), cli._COMMAND_MODULES]  # the whole app is built once, then reused
