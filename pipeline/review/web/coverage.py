"""The read-only coverage page's content: targets met, each activity × format with planned, actual, pending
and time elapsed, the stories behind each number with their copies, a cumulative chart per format, and the
sources' health. Everything comes from the published snapshot (as the report and the digest)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import duckdb

from pipeline import sql
from pipeline.digest.render import HEALTH_LABELS
from pipeline.labels import FORMAT_LABELS
from pipeline.report import build_report
from pipeline.review.labels import activity_label
from pipeline.review.overlay import queue_id
from pipeline.review.web.svgchart import Window, cumulative_svg

FORMATS = FORMAT_LABELS
HEALTH_VI = {**HEALTH_LABELS, "ok": "Bình thường"}


def _dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def who_confirmed(decided_by: str | None) -> str:
    if decided_by and decided_by.startswith("reviewer:"):
        return f"{decided_by[9:]} (người duyệt)"
    return "tự động (bộ phân loại)"


def coverage_context(conn: duckdb.DuckDBPyConnection, plan_id: str, as_of: dt.date,
                     activities: list[dict[str, Any]], has_archive: Any) -> dict[str, Any]:
    """has_archive(raw_sha256) -> bool: whether the archived bytes of a copy are on disk."""
    report = build_report(conn, plan_id, as_of)  # KeyError naming the known plans
    labels = {a["activity_id"]: activity_label(a.get("form"), a.get("content"))
              for a in activities if a["plan_id"] == plan_id}
    copies = _dicts(conn.execute(sql.query("coverage_page_copies"), [as_of, plan_id]))
    stories: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for c in copies:
        story = stories[(c["activity"], c["format"])].setdefault(
            c["story_id"], {"story_id": c["story_id"], "title": c["title"], "first": c["published_date"],
                            "copies": []})
        story["copies"].append({**c, "who": who_confirmed(c["decided_by"]),
                                "archive": f"/item/{queue_id(c['doc_id'], plan_id)}/archive"
                                if c.get("raw_sha256") and has_archive(c["raw_sha256"]) else None})
    rows = []
    for r in report["rows"]:
        found = sorted(stories.get((r["activity"], r["format"]), {}).values(),
                       key=lambda s: (s["first"] or dt.date.min, s["story_id"]))
        rows.append({**r, "label": labels.get(r["activity"], ""), "format_vi": FORMATS.get(r["format"], r["format"]),
                     "met": r["actual"] >= r["planned"], "elapsed": round(100 * float(r["share_elapsed"] or 0)),
                     "percent": min(100, round(100 * r["actual"] / r["planned"])) if r["planned"] else 100,
                     "stories": found, "key": f"{r['activity']}-{r['format']}"})
    charts = []
    for fmt, label in FORMATS.items():
        mine = [r for r in rows if r["format"] == fmt]
        windows = [Window(dt.date.fromisoformat(r["window_start"]), dt.date.fromisoformat(r["window_end"]),
                          r["planned"]) for r in mine if r["planned"]]
        published = [s["first"] for r in mine for s in r["stories"] if s["first"]]
        charts.append({"format": fmt, "label": label, "actual": sum(r["actual"] for r in mine),
                       "planned": sum(r["planned"] for r in mine),
                       "svg": cumulative_svg(fmt, label, windows, published, as_of)})
    sources = _dicts(conn.execute(sql.query("coverage_page_sources")))
    for s in sources:
        s["health_vi"] = HEALTH_VI.get(s["health"], s["health"])
    return {"plan": plan_id, "as_of": as_of, "rows": rows, "charts": charts, "sources": sources,
            "met": sum(1 for r in rows if r["met"]), "targets": len(rows),
            "pending": sum(r["pending_review"] for r in rows),
            "plans": sorted({a["plan_id"] for a in activities})}
