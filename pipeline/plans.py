"""Communication plans as data: load and validate data/plans/*.toml.

A plan that fails validation raises PlanError naming the file, the field and the fix; nothing is
written anywhere before a plan has loaded cleanly.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.config import data_path
from planwatch.core.errors import DataFileError

FORMATS = ("article", "report")
ACTIVITY_FIELDS = ("id", "content", "form", "planned", "window", "lead_unit")


class PlanError(DataFileError):
    """A plan file is malformed. The message names the file, the field and the fix."""


@dataclass(frozen=True)
class Channel:
    id: str
    tier: str  # main | other
    name: str
    source_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Activity:
    id: str
    line: str
    content: str
    form: str
    planned: dict[str, int]
    timing: str
    window_start: dt.date
    window_end: dt.date
    lead_unit: str
    coordinating_units: str
    channels: tuple[str, ...]

    def in_window(self, day: dt.date) -> bool:
        return self.window_start <= day <= self.window_end


@dataclass(frozen=True)
class Plan:
    id: str
    number: str
    title: str
    issued_on: dt.date
    issuer: str
    signer: str
    lexicon: str
    activities: tuple[Activity, ...]
    channels: tuple[Channel, ...]
    path: Path
    meta: dict[str, object] = field(default_factory=dict)

    def activity(self, activity_id: str) -> Activity:
        for a in self.activities:
            if a.id == activity_id:
                return a
        raise KeyError(activity_id)

    @property
    def activity_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.activities)


def plans_dir() -> Path:
    return data_path("plans")


def plan_path(plan_id: str) -> Path:
    return plans_dir() / f"{plan_id}.toml"


def list_plans() -> list[str]:
    """The plans in use: every data/plans/<id>.toml not disabled in data/plans.toml (pipeline.plan_registry)."""
    from pipeline.plan_registry import enabled_plan_ids

    return enabled_plan_ids()


def load_plan(plan: str | Path) -> Plan:
    """Load a plan by id (data/plans/<id>.toml) or by path."""
    path = Path(plan) if str(plan).endswith(".toml") else plan_path(str(plan))
    if not path.exists():
        known = ", ".join(list_plans()) or "none"
        raise PlanError(path, "id", f"no plan file for '{plan}'", f"use one of: {known}")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(path, "(file)", f"not valid TOML ({exc})", "correct the TOML syntax") from exc
    return _parse(path, raw)


def _require(path: Path, raw: dict, key: str, where: str, kind: type | tuple[type, ...]) -> object:
    if key not in raw:
        raise PlanError(path, f"{where}{key}", "missing", f"add '{key}' to {where or 'the top level'}")
    value = raw[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise PlanError(path, f"{where}{key}", f"expected a non-empty {names}, got {value!r}",
                        f"set '{key}' to a {names}")
    return value


def _parse(path: Path, raw: dict) -> Plan:
    plan_id = str(_require(path, raw, "id", "", str))
    if plan_id != path.stem:
        raise PlanError(path, "id", f"'{plan_id}' does not match the file name '{path.stem}'",
                        f"rename the file to {plan_id}.toml or set id = \"{path.stem}\"")
    issued_on = _require(path, raw, "issued_on", "", dt.date)
    channels = _parse_channels(path, raw)
    channel_ids = {c.id for c in channels}
    activities: list[Activity] = []
    seen: set[str] = set()
    raw_activities = _require(path, raw, "activities", "", list)
    if not raw_activities:
        raise PlanError(path, "activities", "no activity lines", "add at least one [[activities]] table")
    for i, a in enumerate(raw_activities):  # type: ignore[arg-type, var-annotated]
        where = f"activities[{i}]."
        for key in ACTIVITY_FIELDS:
            _require(path, a, key, where, (str, dict))
        aid = str(a["id"])
        if aid in seen:
            raise PlanError(path, f"{where}id", f"duplicate activity id '{aid}'", "give each activity its own id")
        seen.add(aid)
        planned = a["planned"]
        if not isinstance(planned, dict):
            raise PlanError(path, f"{where}planned", "expected a table", "write planned = { article = N, report = N }")
        for fmt in FORMATS:
            n = planned.get(fmt)
            if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                raise PlanError(path, f"{where}planned.{fmt}", f"missing or not a whole number >= 0 ({n!r})",
                                f"set planned.{fmt} to the plan's count (0 if none)")
        unknown_fmt = set(planned) - set(FORMATS)
        if unknown_fmt:
            raise PlanError(path, f"{where}planned", f"unknown format(s) {sorted(unknown_fmt)}",
                            f"use only {', '.join(FORMATS)}")
        window = a["window"]
        if not isinstance(window, dict):
            raise PlanError(path, f"{where}window", "expected a table", "write window = { start = DATE, end = DATE }")
        for key in ("start", "end"):
            if not isinstance(window.get(key), dt.date):
                raise PlanError(path, f"{where}window.{key}", f"missing or not a date ({window.get(key)!r})",
                                f"write window.{key} as a TOML date, e.g. 2022-04-01")
        if window["end"] < window["start"]:
            raise PlanError(path, f"{where}window.end", f"{window['end']} is before start {window['start']}",
                            "make window.end the same as or later than window.start")
        if not isinstance(a.get("channels", []), list):
            raise PlanError(path, f"{where}channels", f"expected a list, got {a['channels']!r}",
                            'write channels = ["moet-portal", ...] with ids from the plan\'s [[channels]]')
        act_channels = tuple(a.get("channels", sorted(channel_ids)))
        for ch in act_channels:
            if ch not in channel_ids:
                raise PlanError(path, f"{where}channels", f"unknown channel '{ch}'",
                                f"use one of the plan's [[channels]] ids: {', '.join(sorted(channel_ids))}")
        activities.append(Activity(
            id=aid, line=str(a.get("line", aid)), content=a["content"], form=a["form"],
            planned={fmt: int(planned[fmt]) for fmt in FORMATS}, timing=str(a.get("timing", "")),
            window_start=window["start"], window_end=window["end"], lead_unit=a["lead_unit"],
            coordinating_units=str(a.get("coordinating_units", "")), channels=act_channels,
        ))
    known_keys = {"id", "number", "title", "issued_on", "issuer", "signer", "lexicon", "activities", "channels"}
    return Plan(
        id=plan_id, number=str(_require(path, raw, "number", "", str)),
        title=str(_require(path, raw, "title", "", str)), issued_on=issued_on,  # type: ignore[arg-type]
        issuer=str(_require(path, raw, "issuer", "", str)), signer=str(_require(path, raw, "signer", "", str)),
        lexicon=str(raw.get("lexicon", plan_id)), activities=tuple(activities), channels=channels, path=path,
        meta={k: v for k, v in raw.items() if k not in known_keys},
    )


def _parse_channels(path: Path, raw: dict) -> tuple[Channel, ...]:
    items = _require(path, raw, "channels", "", list)
    out: list[Channel] = []
    for i, c in enumerate(items):  # type: ignore[arg-type, var-annotated]
        where = f"channels[{i}]."
        for key in ("id", "tier", "name"):
            _require(path, c, key, where, str)
        if c["tier"] not in ("main", "other"):
            raise PlanError(path, f"{where}tier", f"unknown tier '{c['tier']}'", "use 'main' or 'other'")
        if any(o.id == c["id"] for o in out):
            raise PlanError(path, f"{where}id", f"duplicate channel id '{c['id']}'", "give each channel its own id")
        out.append(Channel(id=c["id"], tier=c["tier"], name=c["name"],
                           source_ids=tuple(c.get("source_ids", ())), kinds=tuple(c.get("kinds", ()))))
    return tuple(out)
