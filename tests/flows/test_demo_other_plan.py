"""No code path assumes plan 661: the whole demo with 661 removed from the defaults (data/plans.toml replaced
through PLANWATCH_PLANS_CONFIG) loads, classifies, reports and digests the other plan only."""

from __future__ import annotations

import pytest

from flows.demo import run_demo
from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from tests.support.manifest import expected_counted_for, load_manifest

pytestmark = pytest.mark.slow
PLAN_661 = "661-KH-BGDDT-2022"


def test_demo_runs_with_plan_661_disabled(tmp_path, monkeypatch, prefect_harness, mirror):
    from planwatch.config import Paths

    manifest = load_manifest()
    (other,) = manifest["plans"]
    config = tmp_path / "plans.toml"
    config.write_text(f'active_after_days = 60\ndisabled = ["{PLAN_661}"]\n', encoding="utf-8")
    monkeypatch.setenv("PLANWATCH_PLANS_CONFIG", str(config))
    lines: list[str] = []
    result = run_demo(Paths(tmp_path / "state"), mirror=mirror, say=lines.append)

    assert result["plans"] == [other] and len(result["digests"]) == 1 and other in result["digest"]
    with open_snapshot(Paths(tmp_path / "state")) as conn:
        plans = [r[0] for r in conn.execute("SELECT plan_id FROM plans").fetchall()]
        classified = [r[0] for r in conn.execute("SELECT DISTINCT plan_id FROM classifications").fetchall()]
        rows = build_report(conn, other)["rows"]
    assert plans == [other] and classified == [other]
    truth = expected_counted_for(manifest, other)
    got = {(r["activity"], r["format"]): r["actual"] for r in rows}
    assert truth and got == {key: truth.get(key, 0) for key in got}
    text = "\n".join(lines)
    assert f"({other})" in text and "661/KH-BGDĐT" not in text
