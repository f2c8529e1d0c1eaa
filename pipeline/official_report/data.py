"""Everything the official report shows, read once from the published snapshot: the plan, the numbers per
activity x format for a period, the counted stories with their copies and what proves them, what is pending,
what was excluded and why, and the sources that could not be monitored."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipeline import sql, targets
from pipeline.labels import FORMAT_LABELS
from pipeline.report import build_report
from pipeline.review.evidence import evidence_terms
from planwatch.core.vntime import vn_time as core_vn_time

FORMAT_VI = FORMAT_LABELS
EXCLUDED_VI = {
    "out_of_window": "ngoài thời gian của hoạt động",
    "wrong_format": "hoạt động không có chỉ tiêu cho hình thức này",
    "rejected": "người duyệt đã loại",
    "no_date": "không xác định được ngày đăng",
    "outside_period": "ngoài kỳ báo cáo",
}


class EvidenceError(ValueError):
    """Bad input (unknown plan, empty period): the message is one line for the user."""


@dataclass
class EvidenceData:
    plan: dict[str, Any]
    activities: dict[str, dict[str, Any]]
    as_of: dt.date
    period_start: dt.date
    period_end: dt.date
    snapshot_id: str
    snapshot_time: dt.datetime
    classifier_versions: list[str]
    rows: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    pending: list[dict[str, Any]]
    excluded: list[dict[str, Any]]
    unmonitored: list[dict[str, Any]]
    report: dict[str, Any]
    counting_rules: list[str] = field(default_factory=list)

    @property
    def plan_id(self) -> str:
        return str(self.plan["plan_id"])

    @property
    def targets(self) -> dict[str, int]:
        return targets.targets(self.rows)

    @property
    def shortfalls(self) -> list[dict[str, Any]]:
        return targets.shortfalls(self.rows)

    def copies(self) -> list[dict[str, Any]]:
        return [c for s in self.stories for c in s["copies"]]


def _rows(conn: duckdb.DuckDBPyConnection, name: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql.query(name), params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def snapshot_id(path: Path, conn: duckdb.DuckDBPyConnection | None = None) -> str:
    """The first 16 hex digits of the snapshot file's SHA-256: names exactly the data the files were built from.
    With the lake (PLANWATCH_LAKE) there is no snapshot file: the SHA-256 of the number and time of the DuckLake
    snapshot `conn` reads (a DuckLake snapshot never changes once written)."""
    from pipeline import lake

    if conn is not None and lake.enabled():
        row = conn.execute(f"SELECT snapshot_id, snapshot_time FROM ducklake_snapshots('{lake.ALIAS}') "
                           "ORDER BY snapshot_id DESC LIMIT 1").fetchone()
        return hashlib.sha256(f"ducklake:{row}".encode()).hexdigest()[:16]
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """'2022-04-01..2022-09-30' (dd/mm/yyyy also accepted on either side)."""
    start, sep, end = text.partition("..")
    if not sep:
        raise EvidenceError(f"--period expects START..END, e.g. 2022-04-01..2022-09-30, got '{text}'")
    return parse_day(start.strip(), "--period"), parse_day(end.strip(), "--period")


def parse_day(text: str, option: str) -> dt.date:
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EvidenceError(f"{option} expects a date like 2022-09-30 or 30/09/2022, got '{text}'") from None


def load_evidence(conn: duckdb.DuckDBPyConnection, snapshot_path: Path, plan_id: str, as_of: dt.date,
                  period: tuple[dt.date, dt.date] | None, raw_dir: Path) -> EvidenceData:
    plan_rows = _rows(conn, "evidence_plan", [plan_id])
    if not plan_rows:
        known = [r[0] for r in conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
        raise EvidenceError(f"plan '{plan_id}' is not in the snapshot (known: {', '.join(known) or 'none'})")
    plan = {k: plan_rows[0][k] for k in ("plan_id", "number", "title", "issued_on", "issuer", "lead_unit")}
    activities = {r["activity_id"]: r for r in plan_rows}
    plan_start = min(r["window_start"] for r in plan_rows)
    plan_end = max(r["window_end"] for r in plan_rows)
    start, end = period or (plan_start, as_of)
    end = min(end, as_of)
    if start > end or end < plan_start or start > plan_end:
        raise EvidenceError(
            f"the period {start.isoformat()}..{end.isoformat()} (as of {as_of.isoformat()}) is empty for plan "
            f"'{plan_id}', whose activities run {plan_start.isoformat()}..{plan_end.isoformat()}")
    report = build_report(conn, plan_id, as_of)
    snap = _rows(conn, "evidence_snapshot", [plan_id])[0]
    snap_time = snap["snapshot_time"] or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

    def in_period(day: dt.date | None) -> bool:
        return day is None or start <= day <= end

    all_copies = _rows(conn, "evidence_copies", [as_of, plan_id])
    counted_story_ids = {c["story_id"] for c in all_copies}  # counted as of as_of, in the period or not
    copies = [c for c in all_copies if in_period(c["published_date"])]
    stories = _stories(copies, raw_dir)
    # Without --period, the lists of what did not count reach back before the plan (what was published too
    # early is exactly what an auditor asks about); with --period they keep to it.
    def listed(day: dt.date | None) -> bool:
        return in_period(day) if period else day is None or day <= end

    not_counted = [r for r in _rows(conn, "evidence_not_counted", [as_of, plan_id]) if listed(r["published_date"])]
    pending = [dict(r, counts_if_confirmed=bool(r["in_window"] or r["published_date"] is None)
                    and r["story_id"] not in counted_story_ids and r["planned"] is not None)
               for r in not_counted if r["status"] == "pending"]
    for item in pending:
        item["note"] = "" if item["counts_if_confirmed"] else _pending_note(item, counted_story_ids)
    excluded = [dict(r, reason=_excluded_reason(r)) for r in not_counted if r["status"] != "pending"]
    for item in excluded:
        item["reason_vi"] = EXCLUDED_VI[item["reason"]]
    rows = _count_rows(report["rows"], stories, pending)
    return EvidenceData(
        plan=plan, activities=activities, as_of=as_of, period_start=start, period_end=end,
        snapshot_id=snapshot_id(snapshot_path, conn), snapshot_time=snap_time.astimezone(dt.UTC),
        classifier_versions=list(snap["classifier_versions"] or []), rows=rows, stories=stories,
        pending=pending, excluded=excluded,
        unmonitored=_rows(conn, "evidence_unmonitored", [start]), report=report,
        counting_rules=list(report["counting_rules"]))


def _pending_note(item: dict[str, Any], counted: set[str]) -> str:
    if item["story_id"] in counted:
        return "bản đăng lại của tin đã được đếm"
    if item["planned"] is None:
        return EXCLUDED_VI["wrong_format"]
    return EXCLUDED_VI["out_of_window"]


def _excluded_reason(item: dict[str, Any]) -> str:
    if item["status"] == "rejected":
        return "rejected"
    if item["published_date"] is None:
        return "no_date"
    if item["planned"] is None:
        return "wrong_format"
    return "out_of_window"


def _stories(copies: list[dict[str, Any]], raw_dir: Path) -> list[dict[str, Any]]:
    from crawlers.rawpack import raw_exists

    by_story: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for c in copies:
        c["evidence_terms"] = evidence_terms(c.pop("evidence", None))
        sha = c["raw_sha256"]
        c["archived"] = bool(sha) and c["fetched_at"] is not None and raw_exists(raw_dir, sha)
        by_story.setdefault((c["activity"], c["format"], c["story_id"]), []).append(c)
    stories = []
    for (activity, fmt, story_id), group in sorted(by_story.items()):
        group.sort(key=lambda c: (c["published_date"], c["published_at"] or dt.datetime.min.replace(tzinfo=dt.UTC),
                                  c["doc_id"]))
        first = group[0]
        decider = next((c for c in group if str(c["decided_by"]).startswith("reviewer:")), first)
        stories.append({
            "activity": activity, "format": fmt, "story_id": story_id, "title": first["title"],
            "first_outlet": first["outlet"], "published_date": first["published_date"], "copies": group,
            "confirmed_by": decider["decided_by"], "confirmed_at": decider["decided_at"] or decider["classified_at"],
            "evidence_terms": sorted({t for c in group for t in c["evidence_terms"]}),
        })
    return stories


def _count_rows(report_rows: list[dict[str, Any]], stories: list[dict[str, Any]],
                pending: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in report_rows:
        key = (r["activity"], r["format"])
        actual = sum(1 for s in stories if (s["activity"], s["format"]) == key)
        waiting = len({p["story_id"] for p in pending
                       if p["counts_if_confirmed"] and (p["activity"], p["format"]) == key})
        rows.append({"activity": r["activity"], "format": r["format"], "format_vi": FORMAT_VI.get(r["format"]),
                     "planned": int(r["planned"]), "actual": actual, "pending_review": waiting,
                     "window_start": r["window_start"], "window_end": r["window_end"],
                     "met": actual >= int(r["planned"]), "missing": max(0, int(r["planned"]) - actual)})
    return rows


def vn_date(day: dt.date | str | None) -> str:
    if day is None:
        return "—"
    return targets.vn_date(day)


def vn_time(moment: dt.datetime | None) -> str:
    """'14/09/2022 10:00 (+07:00)': local time, labelled."""
    return core_vn_time(moment, "%d/%m/%Y %H:%M (+07:00)")


def confirmed_by_vi(decided_by: str | None) -> str:
    text = str(decided_by or "")
    if text.startswith("reviewer:"):
        return f"người duyệt {text.split(':', 1)[1]}"
    if text.startswith("classifier:"):
        return f"tự động (bộ phân loại {text.split(':', 1)[1]})"
    return text or "—"
