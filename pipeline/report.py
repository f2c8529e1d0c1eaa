"""Planned vs actual for one plan, read from the published snapshot, rendered as a table, JSON or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import duckdb

from pipeline import sql, targets
from pipeline.cellguard import as_text
from planwatch.core.vntime import today_vn

CONTRACT_FIELDS = ("activity", "format", "planned", "actual", "pending_review", "window_start", "window_end",
                   "status")
COUNTING_RULES = (
    "Chỉ đếm tin đã xác nhận (tự động hoặc bởi người duyệt)",
    "ngày đăng nằm trong thời gian của hoạt động",
    "đúng hình thức (bài báo / phóng sự)",
    "một tin đăng lại trên nhiều báo chỉ tính một lần",
    "tin chờ duyệt được hiển thị, không được đếm",
)


def _rows(conn: duckdb.DuckDBPyConnection, name: str, as_of: dt.date, plan_id: str) -> list[dict[str, Any]]:
    cur = conn.execute(sql.query(name), [as_of, plan_id])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def build_report(conn: duckdb.DuckDBPyConnection, plan_id: str, as_of: dt.date | None = None) -> dict[str, Any]:
    as_of = as_of or today_vn()
    rows = _rows(conn, "coverage_report", as_of, plan_id)
    if not rows:
        known = [r[0] for r in conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
        raise KeyError(f"plan '{plan_id}' is not in the warehouse (known: {', '.join(known) or 'none'})")
    for row in rows:
        row["window_start"] = row["window_start"].isoformat()
        row["window_end"] = row["window_end"].isoformat()
    outside = _rows(conn, "report_outside_window", as_of, plan_id)
    for item in outside:
        for key in ("published_date", "window_start", "window_end"):
            item[key] = item[key].isoformat() if item[key] is not None else None
        item["reason_vi"] = targets.outside_reason_vi(item)
    return {
        "plan": plan_id,
        "as_of": as_of.isoformat(),
        "targets": targets.targets(rows),
        "shortfalls": targets.shortfalls(rows),
        "rows": rows,
        "by_quarter": _rows(conn, "coverage_by_quarter", as_of, plan_id),
        "by_channel": _rows(conn, "coverage_by_channel", as_of, plan_id),
        "counting_rules": list(COUNTING_RULES),
        "totals": targets.totals(rows),
        "pending_review": sum(r["pending_review"] for r in rows),
        "outside_window": outside,
    }


CSV_BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with a BOM


def render_csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    fields = [*CONTRACT_FIELDS, "status_vi", "expected_by_now"]
    writer = csv.DictWriter(out, fieldnames=["plan", "as_of", *fields], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in report["rows"]:
        writer.writerow({k: as_text(v) for k, v in {"plan": report["plan"], "as_of": report["as_of"], **row}.items()})
    return out.getvalue()


def render_table(report: dict[str, Any]) -> str:
    header = ["Hoạt động", "Hình thức", "Kế hoạch", "Thực tế", "Chờ duyệt", "Thời gian", "Trạng thái"]
    body = [[r["activity"], r["format_vi"] or r["format"], str(r["planned"]), str(r["actual"]),
             str(r["pending_review"]), f"{_vn_date(r['window_start'])} – {_vn_date(r['window_end'])}",
             r["status_vi"] or r["status"]] for r in report["rows"]]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    numeric = {2, 3, 4}

    def fmt(line: list[str]) -> str:
        cells = [c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(line)]
        return "  ".join(cells).rstrip()

    totals = report["totals"]
    lines = [
        f"Kế hoạch {report['plan']} — tình hình thực hiện đến ngày {_vn_date(report['as_of'])}",
        headline(report),
        *[f"  Còn thiếu: {line}" for line in shortfall_lines(report)],
        "",
        fmt(header),
        "  ".join("─" * w for w in widths),
        *[fmt(line) for line in body],
        "",
        f"Tổng: {totals['article']['actual']}/{totals['article']['planned']} bài báo, "
        f"{totals['report']['actual']}/{totals['report']['planned']} phóng sự chuyên đề "
        f"(mỗi chỉ tiêu tính tối đa bằng kế hoạch); chờ duyệt: {report['pending_review']}.",
    ]
    surplus = surplus_line(report)
    if surplus:
        lines.append(surplus)
    if report["outside_window"]:
        lines.append(f"Ngoài thời gian của hoạt động (không đếm, không tính chờ duyệt): "
                     f"{len(report['outside_window'])} tin")
        shown = report["outside_window"][:MAX_OUTSIDE_LINES]
        lines += [f"  - [{_STATUS_VI[o['status']]}] "
                  f"{_one_line(o['title'])} ({_vn_date(o['published_date'])}): {o['reason_vi']}" for o in shown]
        if len(report["outside_window"]) > len(shown):
            lines.append(f"  … và {len(report['outside_window']) - len(shown)} tin khác "
                         "(xem: planwatch report --format json, mục outside_window).")
    lines.append("Quy tắc đếm: " + "; ".join(COUNTING_RULES) + ".")
    return "\n".join(lines)


_STATUS_VI = {"confirmed": "đã xác nhận", "pending": "chờ duyệt"}
MAX_OUTSIDE_LINES = 10
FORMAT_VI = {"article": "bài báo", "report": "phóng sự chuyên đề"}


def headline(report: dict[str, Any]) -> str:
    t = report["targets"]
    return f"Đạt {t['met']}/{t['total']} chỉ tiêu."


def shortfall_lines(report: dict[str, Any]) -> list[str]:
    """'hoạt động 2b, bài báo: 13/14, thiếu 1 (hạn 30/11/2022; chờ duyệt 1)' for each target not met."""
    out = []
    for s in report["shortfalls"]:
        pending = f"; chờ duyệt {s['pending_review']}" if s["pending_review"] else ""
        label = FORMAT_VI.get(s["format"], s["format"])
        out.append(f"hoạt động {s['activity']}, {label}: {s['actual']}/{s['planned']}, "
                   f"thiếu {s['missing']} (hạn {_vn_date(s['window_end'])}{pending})")
    return out


def surplus_line(report: dict[str, Any]) -> str | None:
    totals = report["totals"]
    parts = [f"{totals[f]['surplus']} {FORMAT_VI[f]}" for f in ("article", "report") if totals[f]["surplus"]]
    return ("Vượt kế hoạch (không bù cho chỉ tiêu khác): " + ", ".join(parts) + ".") if parts else None


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())


def _vn_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"
