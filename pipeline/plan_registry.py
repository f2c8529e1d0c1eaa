"""Which plans run by default: data/plans.toml (or PLANWATCH_PLANS_CONFIG). No plan id lives in code.

`enabled_plan_ids()`: the plans loaded, classified and stored. `default_plan_ids(as_of, known)`: the plans a
command without --plan works on: the active ones on `as_of`, else the primary plan, else every enabled one.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from planwatch.config import data_path


@dataclass(frozen=True)
class PlanSettings:
    active_after_days: int
    disabled: tuple[str, ...]
    primary: str | None
    path: Path


def settings_path() -> Path:
    override = os.environ.get("PLANWATCH_PLANS_CONFIG")
    return Path(override) if override else data_path("plans.toml")


def load_settings() -> PlanSettings:
    path = settings_path()
    raw = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    days = raw.get("active_after_days", 60)
    disabled = raw.get("disabled", [])
    if not isinstance(days, int) or days < 0:
        raise ValueError(f"{path}: active_after_days must be a whole number >= 0, got {days!r}")
    if not isinstance(disabled, list) or not all(isinstance(d, str) for d in disabled):
        raise ValueError(f"{path}: disabled must be a list of plan ids, got {disabled!r}")
    primary = raw.get("primary")
    return PlanSettings(active_after_days=days, disabled=tuple(disabled),
                        primary=primary if isinstance(primary, str) and primary else None, path=path)


def plan_files() -> list[str]:
    """Every plan file in data/plans, enabled or not."""
    return sorted(p.stem for p in data_path("plans").glob("*.toml"))


def enabled_plan_ids() -> list[str]:
    disabled = set(load_settings().disabled)
    return [p for p in plan_files() if p not in disabled]


@dataclass(frozen=True)
class PlanSpan:
    plan_id: str
    first_day: dt.date   # issued, or the first window's start if earlier
    last_window_end: dt.date


def plan_span(plan_id: str) -> PlanSpan:
    from pipeline.plans import load_plan

    plan = load_plan(plan_id)
    first = min([plan.issued_on, *(a.window_start for a in plan.activities)])
    return PlanSpan(plan_id, first, max(a.window_end for a in plan.activities))


def is_active(span: PlanSpan, as_of: dt.date, after_days: int) -> bool:
    return span.first_day <= as_of <= span.last_window_end + dt.timedelta(days=after_days)


def active_plan_ids(as_of: dt.date, candidates: list[str] | None = None) -> list[str]:
    settings = load_settings()
    ids = enabled_plan_ids() if candidates is None else candidates
    return [p for p in ids if is_active(plan_span(p), as_of, settings.active_after_days)]


def default_plan_ids(as_of: dt.date, known: list[str] | None = None) -> list[str]:
    """The plans a command works on without --plan: the active ones on `as_of`; when none is active, the
    `primary` plan if it applies, else every enabled plan. `known`: the plans the snapshot holds (others skipped)."""
    enabled = enabled_plan_ids()
    candidates = [p for p in enabled if known is None or p in known]
    active = active_plan_ids(as_of, candidates)
    if active:
        return active
    primary = load_settings().primary
    return [primary] if primary in candidates else candidates


def single_default_plan(as_of: dt.date) -> str:
    """For commands that work on one plan at a time: the only default plan, else ValueError naming them."""
    ids = default_plan_ids(as_of)
    if len(ids) == 1:
        return ids[0]
    primary = load_settings().primary
    if primary in ids:
        return str(primary)
    if not ids:
        raise ValueError("no plan is enabled: add one to data/plans (docs/plans.md)")
    raise ValueError(f"several plans apply ({', '.join(ids)}): choose one with --plan")
