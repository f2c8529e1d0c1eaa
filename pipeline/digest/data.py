"""What the digest shows, read from the published snapshot. Coverage numbers come from build_report;
the SQL for the rest lives in data/sql/queries/digest_*.sql."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import duckdb

from pipeline import sql
from pipeline.digest.week import IsoWeek
from pipeline.report import build_report

DEFAULT_REVIEW_URL = "http://127.0.0.1:8787/"
_SPACE = re.compile(r"\s+")
_PLANNED_NOTE = re.compile(r"\s*\(dự kiến[^)]*\)\s*$", re.IGNORECASE)


@dataclass
class DigestData:
    plan_id: str
    plan_number: str
    plan_title: str
    week: IsoWeek
    generated_at: dt.datetime
    review_url: str
    report: dict[str, Any]
    activities: dict[str, dict[str, Any]]
    new_items: list[dict[str, Any]] = field(default_factory=list)
    queue: list[dict[str, Any]] = field(default_factory=list)
    source_problems: list[dict[str, Any]] = field(default_factory=list)
    daily_counts: dict[str, list[tuple[dt.date, int]]] = field(default_factory=dict)
    status_labels: dict[str, str] = field(default_factory=dict)
    format_labels: dict[str, str] = field(default_factory=dict)

    @property
    def as_of(self) -> dt.date:
        return self.week.end


def one_line(value: object) -> str:
    """Crawled text on one line: CR, LF, tabs and runs of spaces become one space."""
    return _SPACE.sub(" ", str(value or "")).strip()


def activity_label(form: str, content: str) -> str:
    """A short label for an activity: its 'form' without the '(dự kiến ...)' note."""
    text = one_line(_PLANNED_NOTE.sub("", form or "")) or one_line(content)
    return text


def capped_daily_counts(counts: list[dict[str, Any]],
                        rows: list[dict[str, Any]]) -> dict[str, list[tuple[dt.date, int]]]:
    """Stories per format and day, each activity x format counted only up to its plan (in date order), so
    the cumulative chart ends at the capped total the overview shows; the surplus is reported apart."""
    room = {(r["activity"], r["format"]): int(r["planned"]) for r in rows}
    daily: dict[str, list[tuple[dt.date, int]]] = {}
    for row in sorted(counts, key=lambda r: (r["day"], r["activity"], r["format"])):
        key = (row["activity"], row["format"])
        take = min(int(row["stories"]), room.get(key, 0))
        room[key] = room.get(key, 0) - take
        if take:
            daily.setdefault(row["format"], []).append((row["day"], take))
    return daily


def _rows(conn: duckdb.DuckDBPyConnection, name: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql.query(name), params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def load_digest_data(conn: duckdb.DuckDBPyConnection, plan_id: str, week: IsoWeek, *,
                     review_url: str = DEFAULT_REVIEW_URL, now: dt.datetime | None = None) -> DigestData:
    """Everything the digest shows for one plan and ISO week. Raises KeyError for an unknown plan."""
    plan_rows = _rows(conn, "digest_plan", [plan_id])
    report = build_report(conn, plan_id, week.end)  # raises KeyError naming the known plans
    plan = plan_rows[0]
    activities = {
        r["activity_id"]: {**r, "label": activity_label(r["form"], r["content"])}
        for r in _rows(conn, "digest_activities", [plan_id])
    }
    new_items = _rows(conn, "digest_new_items", [plan_id, week.start, week.end])
    for item in new_items:
        item["title"] = one_line(item["title"]) or "(không có tiêu đề)"
        item["outlets"] = [one_line(o) for o in item["outlets"] or []]
    queue = _rows(conn, "digest_review_queue", [plan_id])
    for item in queue:
        item["title"] = one_line(item["title"]) or "(không có tiêu đề)"
        item["outlet"] = one_line(item["outlet"])
    problems = _rows(conn, "digest_source_health", [])
    for row in problems:
        row["name"] = one_line(row["name"])
        row["last_error"] = one_line(row["last_error"]) if row["last_error"] else None
    daily = capped_daily_counts(_rows(conn, "digest_daily_counts", [plan_id, week.end]), report["rows"])
    labels: dict[str, dict[str, str]] = {"status": {}, "format": {}}
    for row in _rows(conn, "digest_status_labels", []):
        labels[row["kind"]][row["code"]] = row["label_vi"]
    return DigestData(
        plan_id=plan_id,
        plan_number=one_line(plan["number"]),
        plan_title=one_line(plan["title"]),
        week=week,
        generated_at=now or dt.datetime.now(dt.UTC),
        review_url=review_url,
        report=report,
        activities=activities,
        new_items=new_items,
        queue=queue,
        source_problems=problems,
        daily_counts=daily,
        status_labels=labels["status"],
        format_labels=labels["format"],
    )
