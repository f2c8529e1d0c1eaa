"""The plan the tests and quality gates measure: the office's primary plan, as data/plans.toml names it
(read from the file itself, so a PLANWATCH_PLANS_CONFIG a test sets cannot move it)."""

from __future__ import annotations

import tomllib

from planwatch.config import REPO_ROOT

with open(REPO_ROOT / "data" / "plans.toml", "rb") as _fh:
    PRIMARY_PLAN: str = tomllib.load(_fh)["primary"]
