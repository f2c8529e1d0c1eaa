"""docs/analysts.md stays true: every ```sql block runs on a seeded snapshot and returns rows, every
```python block runs, and every column the view tables document exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.snapshot import open_snapshot
from planwatch.config import REPO_ROOT
from tests.foundation.helpers import analyst_warehouse

DOC = REPO_ROOT / "docs" / "analysts.md"
TEXT = DOC.read_text(encoding="utf-8")
SQL_BLOCKS = re.findall(r"```sql\n(.*?)```", TEXT, flags=re.S)
PY_BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, flags=re.S)
VIEWS = ("documents", "matches", "coverage", "coverage_items", "review_queue", "source_health", "fetch_log")


@pytest.fixture(scope="module")
def snapshot_home(tmp_path_factory):
    from planwatch.config import Paths

    home = Paths(tmp_path_factory.mktemp("analysts") / "state").ensure()
    analyst_warehouse(home)
    return home


def test_the_guide_has_enough_worked_queries():
    assert len(SQL_BLOCKS) >= 8 and len(PY_BLOCKS) >= 2


@pytest.mark.parametrize("sql", SQL_BLOCKS, ids=[f"sql{i + 1}" for i in range(len(SQL_BLOCKS))])
def test_sql_block_runs_and_returns_rows(snapshot_home, sql):
    with open_snapshot(snapshot_home) as conn:
        rows = conn.execute(sql).fetchall()
    assert rows, f"no rows from:\n{sql}"


@pytest.mark.parametrize("code", PY_BLOCKS, ids=[f"python{i + 1}" for i in range(len(PY_BLOCKS))])
def test_python_block_runs(snapshot_home, monkeypatch, code):
    monkeypatch.setenv("PLANWATCH_HOME", str(snapshot_home.home))
    exec(compile(code, str(DOC), "exec"), {})


def _documented_columns(view: str) -> set[str]:
    """Column names in the `### \\`view\\`` section: first cells of its table, or its backticked list."""
    section = re.search(rf"^### `{view}`.*?$(.*?)(?=^### |^## )", TEXT, flags=re.S | re.M)
    assert section, f"no section for {view}"
    body = section.group(1)
    rows = re.findall(r"^\| (.+?) \|", body, flags=re.M)
    if rows:
        cells = [c for r in rows if r not in ("column", "---") for c in re.findall(r"`([a-z_0-9]+)`", r)]
    else:
        cells = re.findall(r"`([a-z_0-9]+)`", body.split("(Defined")[0])
    return set(cells)


@pytest.mark.parametrize("view", VIEWS)
def test_documented_columns_exist_and_all_are_documented(snapshot_home, view):
    with open_snapshot(snapshot_home) as conn:
        actual = {r[0] for r in conn.execute(f'DESCRIBE "{view}"').fetchall()}
    documented = _documented_columns(view)
    assert documented - actual == set(), f"{view}: documented but missing"
    assert actual - documented == set(), f"{view}: present but undocumented"


def test_the_documented_paths_are_the_real_ones():
    from planwatch.config import Paths

    paths = Paths(Path("/x"))
    assert str(paths.snapshot).endswith("snapshot/planwatch.duckdb") and "snapshot/planwatch.duckdb" in TEXT
    assert ".venv/bin/duckdb -readonly" in TEXT
