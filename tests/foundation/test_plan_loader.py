"""The plan as data: the seed plan loads exactly; a malformed plan fails with file, field and fix, and
nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.plans as plans
from pipeline.bootstrap import initialize
from pipeline.plans import PlanError, load_plan
from planwatch.cli import app
from planwatch.config import REPO_ROOT, Paths
from tests.support.warehouse import PLAN_ID

SEED_TEXT = REPO_ROOT.parent / "shared" / "seed" / "000_370ed4985633a6ca.txt"  # beside the checkout


def test_seed_plan_loads_with_the_seed_numbers_windows_units_and_channels():
    plan = load_plan(PLAN_ID)
    assert (plan.number, plan.issued_on, plan.signer) == ("661/KH-BGDĐT", dt.date(2022, 6, 15), "Phạm Ngọc Thương")
    assert plan.issuer == "Bộ Giáo dục và Đào tạo"
    got = {a.id: (a.planned["article"], a.planned["report"], a.window_start.isoformat(), a.window_end.isoformat())
           for a in plan.activities}
    assert got == {"1": (3, 2, "2022-04-01", "2022-09-30"), "2a": (3, 2, "2022-04-01", "2022-09-30"),
                   "2b": (14, 4, "2022-04-01", "2022-11-30")}
    assert plan.activity("1").lead_unit == "Cục Nhà giáo và Cán bộ quản lý giáo dục (Cục NGCB)"
    assert [a.timing for a in plan.activities] == ["Quý II, III", "Quý II, III", "Quý II, III, IV (tháng 11/2022)"]
    assert {c.id: c.tier for c in plan.channels} == {"moet-portal": "main", "moet-fanpage": "main", "gdtd": "main",
                                                     "other-press": "other"}
    assert len(plan.meta["requirements"]) == 3  # type: ignore[arg-type]


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the shared seed text is not on this machine")
def test_plan_wording_is_the_seed_text_word_for_word():
    """Every free-text field that is a single span of the seed appears in it verbatim."""
    import re

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s).strip()

    seed = norm(SEED_TEXT.read_text(encoding="utf-8"))
    plan = load_plan(PLAN_ID)
    spans = [plan.issuer, plan.signer, str(plan.meta["purpose"]), str(plan.meta["content"]),
             str(plan.meta["implements"]), str(plan.meta["funding"]), *plan.meta["requirements"]]  # type: ignore[misc]
    for a in plan.activities:
        spans += [a.content, a.timing, a.lead_unit]
        if a.id != "2b":  # the 2b form wraps across two table rows in the seed; checked below
            spans.append(a.form)
    for span in spans:
        assert norm(span) in seed, span
    assert "dự kiến 14 bài báo, 04 phóng sự chuyên đề" in plan.activity("2b").form
    assert plan.channels[0].name in seed and plan.channels[2].name in seed and plan.channels[3].name in seed


# (replace this, with this) in the real plan file -> expected field in the message
BROKEN = {
    "missing count": ("planned = { article = 3, report = 2 }", "planned = { article = 3 }",
                      "activities[0].planned.report"),
    "window end before start": ("window = { start = 2022-04-01, end = 2022-09-30 }",
                                "window = { start = 2022-04-01, end = 2022-03-31 }", "activities[0].window.end"),
    "duplicate id": ('id = "2a"', 'id = "1"', "activities[1].id"),
    "unknown channel": ('channels = ["moet-portal", "moet-fanpage"', 'channels = ["moet-web", "moet-fanpage"',
                        "activities[0].channels"),
    "unknown format": ("planned = { article = 14, report = 4 }", "planned = { article = 14, report = 4, video = 1 }",
                       "activities[2].planned"),
    "count not a number": ("planned = { article = 14, report = 4 }", 'planned = { article = "14", report = 4 }',
                           "activities[2].planned.article"),
    "date as text": ("issued_on = 2022-06-15", 'issued_on = "15/06/2022"', "issued_on"),
    "missing signer": ('signer = "Phạm Ngọc Thương"\n', "", "signer"),
    "channels not a list": ('channels = ["moet-portal", "moet-fanpage"',
                            'channels = "moet-portal"\nx = ["moet-fanpage"', "activities[0].channels"),
    "unknown tier": ('tier = "other"', 'tier = "secondary"', "channels[3].tier"),
    "bad TOML": ("[[activities]]\nid = \"2b\"", "[[activities]\nid = \"2b\"", "(file)"),
}


def _broken_plan(tmp_path: Path, old: str, new: str) -> Path:
    text = plans.plan_path(PLAN_ID).read_text(encoding="utf-8")
    assert old in text, old
    folder = tmp_path / "plans"
    folder.mkdir(exist_ok=True)
    path = folder / f"{PLAN_ID}.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_plan_names_file_field_and_fix(tmp_path, case):
    old, new, field = BROKEN[case]
    path = _broken_plan(tmp_path, old, new)
    with pytest.raises(PlanError) as err:
        load_plan(path)
    message = str(err.value)
    assert str(path) in message
    assert f"field '{field}'" in message
    assert "Fix: " in message and len(err.value.fix) > 5
    assert err.value.field == field


def test_unknown_plan_id_lists_the_known_ones():
    with pytest.raises(PlanError) as err:
        load_plan("662-KH-BGDDT-2022")
    assert "662-KH-BGDDT-2022.toml" in str(err.value)
    assert err.value.field == "id" and PLAN_ID in err.value.fix


def test_plan_id_must_match_the_file_name(tmp_path):
    path = _broken_plan(tmp_path, f'id = "{PLAN_ID}"', 'id = "661-KH-BGDDT"')
    with pytest.raises(PlanError) as err:
        load_plan(path)
    assert err.value.field == "id" and "rename" in err.value.fix


@pytest.mark.parametrize("case", ["missing count", "unknown channel", "bad TOML"])
def test_a_malformed_plan_writes_nothing(tmp_path, monkeypatch, case):
    old, new, _ = BROKEN[case]
    folder = _broken_plan(tmp_path, old, new).parent
    monkeypatch.setattr(plans, "plans_dir", lambda: folder)
    home = tmp_path / "fresh-state"
    with pytest.raises(PlanError):
        initialize(Paths(home))
    assert not home.exists()  # no state folder, no warehouse, no snapshot


def test_init_command_reports_a_malformed_plan_cleanly(tmp_path, monkeypatch):
    old, new, field = BROKEN["window end before start"]
    folder = _broken_plan(tmp_path, old, new).parent
    monkeypatch.setattr(plans, "plans_dir", lambda: folder)
    home = tmp_path / "fresh-state"
    monkeypatch.setenv("PLANWATCH_HOME", str(home))
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 2
    assert f"field '{field}'" in result.output and "Fix:" in result.output
    assert "Traceback" not in result.output
    assert not (home / "warehouse.duckdb").exists()
