"""Plans are data: no plan id is written in the product's code (defaults come from data/plans.toml)."""

from __future__ import annotations

import re

from pipeline.plan_registry import default_plan_ids, enabled_plan_ids, plan_files
from planwatch.config import REPO_ROOT

CODE_DIRS = ("planwatch", "pipeline", "flows", "classifiers", "crawlers")


def test_no_plan_id_literal_in_code() -> None:
    ids = plan_files()
    assert len(ids) >= 2
    pattern = re.compile("|".join(re.escape(i) for i in ids))
    offenders = [f"{path.relative_to(REPO_ROOT)}:{n}"
                 for d in CODE_DIRS for path in (REPO_ROOT / d).rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_defaults_follow_the_config(tmp_path, monkeypatch) -> None:
    import datetime as dt

    assert set(enabled_plan_ids()) == set(plan_files())
    both = default_plan_ids(dt.date(2022, 10, 1))
    assert len(both) == 2  # both 2022 plans are active in October 2022
    config = tmp_path / "plans.toml"
    config.write_text(f'active_after_days = 0\ndisabled = ["{both[0]}"]\n', encoding="utf-8")
    monkeypatch.setenv("PLANWATCH_PLANS_CONFIG", str(config))
    assert enabled_plan_ids() == [both[1]]
    assert default_plan_ids(dt.date(2030, 1, 1)) == [both[1]]  # none active: every enabled plan
