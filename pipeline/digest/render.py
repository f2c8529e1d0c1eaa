"""Turn DigestData into the subject, the plain-text part and the HTML part (Jinja2 templates in
data/templates/digest/). The HTML is for mail clients: tables and inline styles only, no scripts, no
remote images; everything crawled is escaped by Jinja2's autoescape."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import jinja2

from pipeline.digest.data import DigestData, one_line
from pipeline.report import shortfall_lines
from planwatch.config import data_path
from planwatch.core.vntime import VN_TZ

BAR_WIDTH = 10
MAX_NEW_ITEMS = 50
MAX_QUEUE_ITEMS = 5
MAX_SOURCES = 20
STATUS_ORDER = ("ahead", "on_track", "behind", "missed", "done", "not_started")
STATUS_COLORS = {
    "ahead": "#2e7d32", "on_track": "#1565c0", "behind": "#ef6c00",
    "missed": "#c62828", "done": "#1b5e20", "not_started": "#9e9e9e",
}
STATUS_RULES = {
    "not_started": "chưa đến thời gian thực hiện",
    "done": "đã đạt số lượng kế hoạch",
    "missed": "đã hết thời gian mà chưa đạt",
    "behind": "thực tế thấp hơn số kỳ vọng đến nay",
    "on_track": "thực tế xấp xỉ số kỳ vọng đến nay",
    "ahead": "thực tế cao hơn số kỳ vọng đến nay",
}
HEALTH_LABELS = {
    "failing": "Lỗi thu thập",
    "silent": "Im lặng (không có tin mới)",
    "layout_changed": "Giao diện thay đổi",
    "never_crawled": "Chưa thu thập lần nào",
    "warning": "Có lỗi ở lần chạy gần nhất",
}
SHORT_FORMATS = {"article": "bài báo", "report": "phóng sự"}


def vn_date(day: dt.date | str | None) -> str:
    if day is None:
        return "—"
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    if isinstance(day, dt.datetime):
        day = day.astimezone(VN_TZ).date() if day.tzinfo else day.date()
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def vn_number(value: float) -> str:
    """8.4 -> '8,4'; 8.0 -> '8'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def text_bar(actual: int, planned: int, width: int = BAR_WIDTH) -> str:
    filled = 0 if planned <= 0 else round(width * min(actual, planned) / planned)
    if actual > 0 and filled == 0:
        filled = 1
    return "█" * filled + "░" * (width - filled)


def safe_url(url: str | None) -> str:
    """Only http(s) links reach the email; anything else (javascript:, data:) becomes '#'."""
    text = one_line(url)
    return text if urlsplit(text).scheme.lower() in ("http", "https") else "#"


def _percent(actual: int, planned: int) -> int:
    return 0 if planned <= 0 else round(100 * min(actual, planned) / planned)


def subject_for(data: DigestData) -> str:
    """Built from numbers and the plan's number only; CR/LF stripped anyway."""
    totals = data.report["totals"]
    targets = data.report["targets"]
    parts = ", ".join(f"{totals[f]['actual']}/{totals[f]['planned']} {SHORT_FORMATS[f]}"
                      for f in ("article", "report"))
    return one_line(f"[planwatch] Tuần {data.week} · Kế hoạch {data.plan_number}: "
                    f"đạt {targets['met']}/{targets['total']} chỉ tiêu ({parts})")


def build_context(data: DigestData) -> dict[str, Any]:
    """Everything the digest templates show, as plain values (dates and numbers already in Vietnamese form)."""
    report = data.report
    new_items = _new_items(data)
    queue = _queue_context(data)
    sources, never = _source_lines(data)
    return {
        "subject": subject_for(data),
        "plan_id": data.plan_id,
        "plan_number": data.plan_number,
        "plan_title": data.plan_title,
        "week": str(data.week),
        "week_start": vn_date(data.week.start),
        "week_end": vn_date(data.week.end),
        "as_of": vn_date(data.as_of),
        "generated_at": data.generated_at.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M"),
        "targets_met": report["targets"]["met"],
        "targets_total": report["targets"]["total"],
        "shortfalls": shortfall_lines(report),
        "totals": _total_rows(report, data.format_labels),
        "pending_total": report["pending_review"],
        "queue_outside": queue["outside"],
        "queue_later": queue["later"],
        "activities": _activity_sections(data),
        "new_items": new_items[:MAX_NEW_ITEMS],
        "new_items_total": len(new_items),
        "new_items_more": max(0, len(new_items) - MAX_NEW_ITEMS),
        "queue_count": report["pending_review"],
        "queue_oldest_days": queue["oldest_days"],
        "queue_top": queue["top"],
        "review_url": safe_url(data.review_url),
        "sources": sources[:MAX_SOURCES],
        "sources_more": max(0, len(sources) - MAX_SOURCES),
        "never_crawled": len(never),
        "legend": [{"label": data.status_labels.get(s, s), "rule": STATUS_RULES[s],
                    "color": STATUS_COLORS[s]} for s in STATUS_ORDER],
        "counting_rules": report.get("counting_rules", []),
    }


def _activity_sections(data: DigestData) -> list[dict[str, Any]]:
    """One section per activity: its window, timing and one line per format (bar, counts, status), the
    plain-text lines aligned across all activities."""
    report = data.report
    fmt_labels = data.format_labels
    activities = []
    for activity_id in sorted({r["activity"] for r in report["rows"]}):
        rows = [r for r in report["rows"] if r["activity"] == activity_id]
        info = data.activities.get(activity_id, {})
        first = rows[0]
        lines = []
        for r in rows:
            planned, actual = int(r["planned"]), int(r["actual"])
            percent = _percent(actual, planned)
            lines.append({
                "format": r["format"],
                "format_vi": r.get("format_vi") or fmt_labels.get(r["format"], r["format"]),
                "planned": planned, "actual": actual, "pending": int(r["pending_review"]),
                "percent": percent, "bar": text_bar(actual, planned),
                "status": r["status"], "status_vi": r.get("status_vi") or r["status"],
                "color": STATUS_COLORS.get(r["status"], "#616161"),
                "expected": vn_number(float(r["expected_by_now"] or 0)),
                "outlets": int(r.get("outlets") or 0),
            })
        activities.append({
            "id": activity_id,
            "label": info.get("label", ""),
            "window": f"{vn_date(first['window_start'])} – {vn_date(first['window_end'])}",
            "timing": one_line(first.get("timing") or info.get("timing") or ""),
            "elapsed": round(100 * float(first.get("share_elapsed") or 0)),
            "lines": lines,
        })
    label_width = max((len(line["format_vi"]) for a in activities for line in a["lines"]), default=10)
    for a in activities:
        for line in a["lines"]:
            line["text"] = (f"{line['format_vi'].ljust(label_width)}  {line['bar']}  "
                            f"{line['actual']:>2}/{line['planned']:<2}  {line['status_vi']}"
                            f" (kỳ vọng đến nay: {line['expected']})"
                            + (f"; chờ duyệt: {line['pending']}" if line["pending"] else ""))
    return activities


def _new_items(data: DigestData) -> list[dict[str, Any]]:
    """What counted for the first time this week (published, or confirmed late)."""
    fmt_labels = data.format_labels
    return [{
        "activity": item["activity"],
        "format_vi": fmt_labels.get(item["format"], item["format"]),
        "title": item["title"],
        "url": safe_url(item["url"]),
        "outlets": ", ".join(item["outlets"]),
        "date": vn_date(item["published_date"]),
        "late": item["new_by"] == "confirmed",
        "confirmed_on": vn_date(item["confirmed_on"]),
        "reviewed": bool(item["reviewed"]),
        "copies": int(item["copies"]),
    } for item in data.new_items]


def _queue_context(data: DigestData) -> dict[str, Any]:
    """The review queue as the digest shows it: pending items outside every window (with why), the top items
    published by the digest's date, how many were published later, and the oldest wait in days."""
    report, fmt_labels = data.report, data.format_labels
    outside = {o["doc_id"]: o for o in report.get("outside_window", []) if o["status"] == "pending"}
    waiting = [q for q in data.queue if q["doc_id"] not in outside]
    queue_in = [q for q in waiting if q["published_date"] is None or q["published_date"] <= data.as_of]
    queue_later = len(waiting) - len(queue_in)  # (was `q not in queue_in`: quadratic, 14 s at 46k items)
    queue_outside = [{
        "title": one_line(o["title"]) or "(không có tiêu đề)", "url": safe_url(o["url"]),
        "date": vn_date(o["published_date"]), "activity": o["activity"] or "?",
        "format_vi": fmt_labels.get(o["format"], o["format"] or ""), "reason": o["reason_vi"],
    } for o in outside.values()]
    today = data.generated_at.astimezone(VN_TZ).date()
    oldest = min((q["classified_at"] for q in queue_in if q["classified_at"] is not None), default=None)
    oldest_days = max(0, (today - oldest.astimezone(VN_TZ).date()).days) if oldest else None
    queue_top = [{
        "title": q["title"], "url": safe_url(q["url"]), "outlet": q["outlet"],
        "date": vn_date(q["published_date"]), "activity": q["suggested_activity"] or "?",
        "format_vi": fmt_labels.get(q["format"], q["format"] or ""), "copies": int(q.get("copies") or 1),
    } for q in queue_in[:MAX_QUEUE_ITEMS]]
    return {"outside": queue_outside, "later": queue_later, "oldest_days": oldest_days, "top": queue_top}


def _source_lines(data: DigestData) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(sources with a problem, as lines; sources never crawled)."""
    problems = [p for p in data.source_problems if p["health"] != "never_crawled"]
    never = [p for p in data.source_problems if p["health"] == "never_crawled"]
    sources = [{
        "name": p["name"], "source_id": p["source_id"],
        "health": p["health"],
        "health_vi": p.get("problem_vi") or HEALTH_LABELS.get(p["health"], p["health"]),
        "next_step": p.get("next_step_vi"),
        "last_run": vn_date(p["last_run_at"]), "last_success": vn_date(p["last_success_at"]),
        "silent_runs": int(p["silent_runs"] or 0), "errors": int(p["errors"] or 0),
        "last_error": p["last_error"],
    } for p in problems]
    return sources, never


def _total_rows(report: dict[str, Any], fmt_labels: dict[str, str]) -> list[dict[str, Any]]:
    """Planned vs actual per format over the whole plan, with aligned labels."""
    totals = report["totals"]
    total_rows = [{"format_vi": fmt_labels.get(f, f), "actual": totals[f]["actual"], "planned": totals[f]["planned"],
                   "pending": totals[f]["pending_review"], "bar": text_bar(totals[f]["actual"], totals[f]["planned"]),
                   "surplus": totals[f]["surplus"],
                   "percent": _percent(totals[f]["actual"], totals[f]["planned"])} for f in ("article", "report")]
    total_width = max(len(t["format_vi"]) for t in total_rows) + 1
    for t in total_rows:
        t["label"] = (t["format_vi"] + ":").ljust(total_width)
    return total_rows


@cache
def _env(kind: str) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(data_path("templates", "digest")))
    if kind == "html":
        return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    return jinja2.Environment(loader=loader, autoescape=False, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_text(context: dict[str, Any]) -> str:
    return _env("text").get_template("digest.txt.j2").render(context)


def render_html(context: dict[str, Any], image_src: str | None) -> str:
    """image_src: 'cid:...' inside the email, a relative file name for the copy on disk, None for none."""
    return _env("html").get_template("digest.html.j2").render({**context, "image_src": image_src})
