"""The real `planwatch` console script, in subprocesses, with PLANWATCH_HOME in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse
from tests.support.warehouse import PLAN_ID

PLANWATCH = str(Path(sys.executable).with_name("planwatch"))
SEED_ROWS = [  # (activity, format, planned, window_start, window_end) from section III of the seed
    ("1", "article", 3, "2022-04-01", "2022-09-30"), ("1", "report", 2, "2022-04-01", "2022-09-30"),
    ("2a", "article", 3, "2022-04-01", "2022-09-30"), ("2a", "report", 2, "2022-04-01", "2022-09-30"),
    ("2b", "article", 14, "2022-04-01", "2022-11-30"), ("2b", "report", 4, "2022-04-01", "2022-11-30"),
]


def run(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANWATCH_HOME": str(home)}
    proc = subprocess.run([PLANWATCH, *args], env=env, capture_output=True, text=True, timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("cli") / "state"
    run(home, "init")
    return home


def test_init_then_report_json_shows_the_six_seed_rows(fresh):
    assert (fresh / "warehouse.duckdb").exists() and (fresh / "snapshot" / "planwatch.duckdb").exists()
    data = json.loads(run(fresh, "report", "--plan", PLAN_ID, "--format", "json").stdout)
    assert data["plan"] == PLAN_ID and len(data["as_of"]) == 10
    got = [(r["activity"], r["format"], r["planned"], r["window_start"], r["window_end"]) for r in data["rows"]]
    assert got == SEED_ROWS
    for row in data["rows"]:
        assert (row["actual"], row["pending_review"]) == (0, 0)
        assert set(row) >= {"activity", "format", "planned", "actual", "pending_review", "window_start",
                            "window_end", "status"}
        assert row["status"] in {"not_started", "on_track", "ahead", "behind", "done", "missed"}


def test_init_twice_is_harmless(fresh):
    run(fresh, "init")
    data = json.loads(run(fresh, "report", "--format", "json").stdout)
    assert len(data["rows"]) == 6


def test_report_csv(fresh):
    # both 2022 plans are active on 30/06/2022: --plan narrows the report to plan 661 (tests/plans covers both)
    out = run(fresh, "report", "--plan", "661-KH-BGDDT-2022", "--format", "csv", "--as-of", "2022-06-30").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["activity"], r["format"], int(r["planned"])) for r in rows] == [s[:3] for s in SEED_ROWS]
    assert {r["as_of"] for r in rows} == {"2022-06-30"} and {r["actual"] for r in rows} == {"0"}
    # 91 days into the window: expected 1.49 articles / 0.99 reports for lines 1 and 2a, 5.2 / 1.49 for 2b
    assert [r["status"] for r in rows] == ["behind", "on_track", "behind", "on_track", "behind", "behind"]
    assert rows[0]["status_vi"] == "Chậm tiến độ" and rows[1]["status_vi"] == "Đúng tiến độ"


def test_report_table_has_vietnamese_labels(fresh):
    out = run(fresh, "report", "--as-of", "2022-03-01").stdout
    for label in ("Hoạt động", "Hình thức", "Kế hoạch", "Thực tế", "Chờ duyệt", "Trạng thái", "Bài báo",
                  "Phóng sự chuyên đề", "Chưa bắt đầu", "01/04/2022 – 30/11/2022", "Quy tắc đếm"):
        assert label in out, label
    assert "Tổng: 0/20 bài báo, 0/8 phóng sự chuyên đề" in out


def test_report_unknown_plan_fails_cleanly(fresh):
    proc = run(fresh, "report", "--plan", "no-such-plan", check=False)
    assert proc.returncode == 2 and "no-such-plan" in proc.stderr and "Traceback" not in proc.stderr


def test_report_before_init_says_what_to_do(tmp_path):
    proc = run(tmp_path / "empty", "report", check=False)
    assert proc.returncode == 2 and "planwatch init" in proc.stderr


def test_help_everywhere(fresh):
    for cmd in ([], ["init"], ["report"], ["sql"], ["export"]):
        assert "Usage" in run(fresh, *cmd, "--help").stdout


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("cli-seeded") / "state"
    analyst_warehouse(Paths(home).ensure())
    return home


def test_sql_reads_the_snapshot(seeded):
    out = run(seeded, "sql", "SELECT count(*) AS n FROM documents", "--format", "json").stdout
    assert json.loads(out) == [{"n": 10}]
    out = run(seeded, "sql", "SELECT activity, format, actual FROM coverage WHERE actual > 0 ORDER BY 1, 2",
              "--format", "csv").stdout
    assert out.splitlines() == ["activity,format,actual", "1,article,1", "2b,article,2", "2b,report,1"]
    assert "Chính sách" in run(seeded, "sql", "SELECT title FROM documents WHERE doc_id = 'd01'").stdout


@pytest.mark.parametrize("statement", [
    "INSERT INTO review_decisions (decision_id, doc_id, plan_id, action, reviewer, decided_at) "
    "VALUES ('x', 'd01', 'p', 'reject', 'me', now())",
    "DELETE FROM documents",
    "CREATE TABLE scratch (a INTEGER)",
    "DROP VIEW coverage",
    "UPDATE documents SET title = 'x'",
])
def test_sql_refuses_writes_cleanly(seeded, statement):
    proc = run(seeded, "sql", statement, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("planwatch: query failed") and "read-only" in proc.stderr
    assert "Traceback" not in proc.stderr
    with duckdb.connect(str(seeded / "snapshot" / "planwatch.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (10,)
        assert conn.execute("SELECT count(*) FROM review_decisions").fetchone() == (2,)


def test_sql_syntax_error_fails_cleanly(seeded):
    proc = run(seeded, "sql", "SELEC 1", check=False)
    assert proc.returncode == 2 and "query failed" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_export_writes_readable_files(seeded, tmp_path, fmt):
    out_dir = tmp_path / fmt
    written = [Path(p) for p in run(seeded, "export", "--format", fmt, "--out", str(out_dir)).stdout.split()]
    assert written and all(p.exists() and p.stat().st_size > 0 for p in written)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(written[0], read_only=True)
        assert set(book.sheetnames) == {"coverage", "coverage_items", "matches", "documents", "review_queue",
                                        "source_health", "fetch_log", "activities", "stories", "sources",
                                        "Giải thích cột"}
        rows = list(book["documents"].values)
        assert len(rows) == 11 and "search_text" not in rows[0]
        assert any("Chính sách đào tạo" in str(cell) for row in rows for cell in row)
        assert len(list(book["coverage"].values)) == 7
        return
    names = {p.stem for p in written}
    assert names == {"coverage", "coverage_items", "matches", "documents", "review_queue", "source_health",
                     "fetch_log"}
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    with duckdb.connect() as conn:
        docs = out_dir / f"documents.{fmt}"
        assert conn.execute(f"SELECT count(*) FROM {reader}(?)", [str(docs)]).fetchone() == (10,)
        cols = [r[0] for r in conn.execute(f"DESCRIBE SELECT * FROM {reader}(?)", [str(docs)]).fetchall()]
        assert "search_text" not in cols and "title" in cols
        cov = out_dir / f"coverage.{fmt}"
        assert conn.execute(f"SELECT count(*) FROM {reader}(?)", [str(cov)]).fetchone() == (6,)
        titles = conn.execute(f"SELECT title FROM {reader}(?) WHERE doc_id = 'd01'", [str(docs)]).fetchall()
        assert titles == [("Chính sách đào tạo, bồi dưỡng giáo viên mầm non",)]


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    env = {**os.environ, "PLANWATCH_HOME": str(tmp_path / "state")}
    via_module = subprocess.run([sys.executable, "-m", "planwatch", "plans", "--help"], env=env,
                                capture_output=True, text=True, timeout=120)
    via_script = subprocess.run([PLANWATCH, "plans", "--help"], env=env, capture_output=True, text=True, timeout=120)
    assert via_module.returncode == 0, via_module.stderr[-2000:]
    assert via_script.returncode == 0 and "The plans on file and which are active." in via_script.stdout
    assert "python -m planwatch plans" in via_module.stdout
    assert "The plans on file and which are active." in via_module.stdout
