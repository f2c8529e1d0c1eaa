"""`planwatch plans list`, `plan lexicon` and `plan check`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from classifiers.lexicon import load_lexicon
from pipeline.plan_registry import plan_files
from pipeline.plans import load_plan
from planwatch.cli import app
from planwatch.config import data_path

SYNTHETIC = data_path("plans", "sources", "999-KH-SGDDT-2022.synthetic.txt")


def test_plans_list_json_shows_windows_and_activity() -> None:
    result = CliRunner().invoke(app, ["plans", "list", "--as-of", "2022-10-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [p["plan"] for p in data["plans"]] == plan_files()
    assert all(p["active"] and p["enabled"] for p in data["plans"])
    later = json.loads(CliRunner().invoke(app, ["plans", "list", "--as-of", "2026-01-01", "--format", "json"]).stdout)
    assert not any(p["active"] for p in later["plans"])


def test_lexicon_drafted_from_the_text_loads_for_its_plan(tmp_path: Path) -> None:
    out = tmp_path / "lexicon.toml"
    result = CliRunner().invoke(app, ["plan", "lexicon", str(SYNTHETIC), "--out", str(out)])
    assert result.exit_code == 0, result.output
    plan = load_plan("999-KH-SGDDT-2022")
    lex = load_lexicon(out, plan.activity_ids)
    assert lex.plan == plan.id
    keys = {t.key for t in lex.activities["1"].terms}
    assert any("giao duc pho thong" in k for k in keys)  # activity 1's own words, not activity 2's
    assert any("999" in t.key for t in lex.project.terms)  # the plan's number
    checked = CliRunner().invoke(app, ["plan", "check", plan.id, "--lexicon", str(out)])
    assert checked.exit_code == 0, checked.output


def test_check_reports_a_lexicon_of_another_plan(tmp_path: Path) -> None:
    other = data_path("lexicon", "661-KH-BGDDT-2022.toml")
    result = CliRunner().invoke(app, ["plan", "check", "999-KH-SGDDT-2022", "--lexicon", str(other)])
    assert result.exit_code == 2
    assert "do not match the plan" in result.stderr
    assert CliRunner().invoke(app, ["plan", "check", "999-KH-SGDDT-2022"]).exit_code == 0


def test_report_without_plan_covers_every_active_plan(tmp_path: Path, monkeypatch) -> None:
    import csv
    import io

    monkeypatch.setenv("PLANWATCH_HOME", str(tmp_path / "state"))
    assert CliRunner().invoke(app, ["init"]).exit_code == 0
    both = CliRunner().invoke(app, ["report", "--format", "json", "--as-of", "2022-10-01"])
    assert both.exit_code == 0, both.output
    reports = json.loads(both.stdout)
    assert sorted(r["plan"] for r in reports) == plan_files()
    assert {len(r["rows"]) for r in reports} == {6, 4}  # each plan by its own activities
    text = CliRunner().invoke(app, ["report", "--format", "csv", "--as-of", "2022-10-01"]).stdout
    assert text.startswith("\ufeff") and text.count("\ufeff") == 1  # one BOM, one header for both plans
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert sorted({r["plan"] for r in rows}) == plan_files() and len(rows) == 10
    later = json.loads(CliRunner().invoke(app, ["report", "--format", "json", "--as-of", "2026-01-01"]).stdout)
    assert later["plan"] == "661-KH-BGDDT-2022"  # none active: the primary plan of data/plans.toml
