"""Targets, not totals: each activity x format row of a plan is one target, met when actual >= planned.
Totals cap each row at its plan, so a surplus in one row never hides a gap in another; the surplus is
reported on its own. Pure functions over report rows (dicts as pipeline.report builds them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

FORMATS = ("article", "report")
OUTSIDE_REASONS_VI = {
    "before_window": "đăng trước thời gian của hoạt động",
    "after_window": "đăng sau thời gian của hoạt động",
    "no_activity": "chưa gán hoạt động",
    "unknown_activity": "hoạt động không có trong kế hoạch",
}


def is_met(row: Mapping[str, Any]) -> bool:
    return int(row["actual"]) >= int(row["planned"])


def targets(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    rows = list(rows)
    return {"met": sum(1 for r in rows if is_met(r)), "total": len(rows)}


def shortfalls(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The targets not (yet) met, in report order, with how many are missing."""
    return [{"activity": r["activity"], "format": r["format"], "planned": int(r["planned"]),
             "actual": int(r["actual"]), "missing": int(r["planned"]) - int(r["actual"]),
             "window_end": _iso(r["window_end"]), "pending_review": int(r["pending_review"])}
            for r in rows if not is_met(r)]


def totals(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """Per format: planned, actual (each row capped at its plan), surplus (beyond the plans, shown apart),
    actual_uncapped (= actual + surplus) and pending_review."""
    rows = list(rows)
    out = {}
    for fmt in FORMATS:
        mine = [r for r in rows if r["format"] == fmt]
        out[fmt] = {
            "planned": sum(int(r["planned"]) for r in mine),
            "actual": sum(min(int(r["actual"]), int(r["planned"])) for r in mine),
            "surplus": sum(max(0, int(r["actual"]) - int(r["planned"])) for r in mine),
            "actual_uncapped": sum(int(r["actual"]) for r in mine),
            "pending_review": sum(int(r["pending_review"]) for r in mine),
        }
    return out


def outside_reason_vi(item: Mapping[str, Any]) -> str:
    """'đăng sau thời gian của hoạt động 2a (01/04/2022 – 30/09/2022)' and the like."""
    reason = OUTSIDE_REASONS_VI.get(item["reason"], item["reason"])
    if item.get("window_start") and item.get("window_end"):
        return (f"{reason} {item['activity']} ({vn_date(item['window_start'])} – "
                f"{vn_date(item['window_end'])})")
    return reason


def vn_date(value: dt.date | str) -> str:
    d = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _iso(value: dt.date | str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
