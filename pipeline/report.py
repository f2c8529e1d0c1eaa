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

# `planwatch report --format json` lists the first OUTSIDE_HEAD items outside the window unless --outside-all;
# the coverage file keeps that many pre-computed per plan (pipeline.coverage_file)
OUTSIDE_HEAD = 1000
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
    return _fetch(conn, name, [as_of, plan_id])


def _fetch(conn: duckdb.DuckDBPyConnection, name: str, params: list[Any], limit: int | None = None,
           ) -> list[dict[str, Any]]:
    cur = conn.execute(sql.query(name), params)
    cols = [d[0] for d in cur.description]
    found = cur.fetchall() if limit is None else cur.fetchmany(limit)
    return [dict(zip(cols, r, strict=True)) for r in found]


def _final(conn: duckdb.DuckDBPyConnection, plan_id: str, as_of: dt.date) -> int | None:
    """With the coverage file's pre-aggregated report (pipeline.coverage_file) holding this plan and as_of on
    or after its latest dated row: the number of items outside the window; else None (query the rows)."""
    has = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' AND table_name = 'report_final_meta'").fetchone()
    if not has or not has[0]:
        return None
    row = conn.execute(sql.query("report_final_applies"), [as_of, plan_id]).fetchone()
    return int(row[0]) if row else None


def build_report(conn: duckdb.DuckDBPyConnection, plan_id: str, as_of: dt.date | None = None, *,
                 outside_limit: int | None = None) -> dict[str, Any]:
    """The report of one plan as of a date (default today in Vietnam). `outside_window` lists the items
    outside their activity's window, all of them or the first `outside_limit`; `outside_window_total` counts
    them all. On the coverage file, for an as_of after the plan's latest dated item (today, as a rule), the
    counts come pre-aggregated (docs/decisions.md, entry 9)."""
    as_of = as_of or today_vn()
    outside_total = _final(conn, plan_id, as_of)
    final = outside_total is not None
    rows = _rows(conn, "coverage_report_final" if final else "coverage_report", as_of, plan_id)
    if not rows:
        known = [r[0] for r in conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
        raise KeyError(f"plan '{plan_id}' is not in the warehouse (known: {', '.join(known) or 'none'})")
    for row in rows:
        row["window_start"] = row["window_start"].isoformat()
        row["window_end"] = row["window_end"].isoformat()
    outside, outside_total = _outside(conn, plan_id, as_of, outside_limit, outside_total)
    return {
        "plan": plan_id,
        "as_of": as_of.isoformat(),
        "targets": targets.targets(rows),
        "shortfalls": targets.shortfalls(rows),
        "rows": rows,
        "by_quarter": _fetch(conn, "coverage_by_quarter_final", [plan_id]) if final
        else _rows(conn, "coverage_by_quarter", as_of, plan_id),
        "by_channel": _fetch(conn, "coverage_by_channel_final", [plan_id]) if final
        else _rows(conn, "coverage_by_channel", as_of, plan_id),
        "counting_rules": list(COUNTING_RULES),
        "totals": targets.totals(rows),
        "pending_review": sum(r["pending_review"] for r in rows),
        "outside_window": outside,
        "outside_window_total": outside_total,
    }


def _outside(conn: duckdb.DuckDBPyConnection, plan_id: str, as_of: dt.date, limit: int | None,
             final_total: int | None) -> tuple[list[dict[str, Any]], int]:
    """(the items outside the window, all or the first `limit`; how many there are)."""
    items: list[dict[str, Any]] = []
    if limit == 0:
        total = final_total if final_total is not None else _outside_count(conn, plan_id, as_of)
    elif final_total is not None and limit is not None and limit <= OUTSIDE_HEAD:
        items, total = _fetch(conn, "report_outside_head", [plan_id, limit]), final_total
    else:
        items = _fetch(conn, "report_outside_window", [as_of, plan_id], limit)
        total = len(items) if limit is None else _outside_count(conn, plan_id, as_of)
    for item in items:
        for key in ("published_date", "window_start", "window_end"):
            item[key] = item[key].isoformat() if item[key] is not None else None
        item["reason_vi"] = targets.outside_reason_vi(item)
    return items, total


def _outside_count(conn: duckdb.DuckDBPyConnection, plan_id: str, as_of: dt.date) -> int:
    row = conn.execute(sql.query("report_outside_count"), [as_of, plan_id]).fetchone()
    return int(row[0]) if row else 0


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
    outside_total = report.get("outside_window_total", len(report["outside_window"]))
    if outside_total:
        lines.append(f"Ngoài thời gian của hoạt động (không đếm, không tính chờ duyệt): {outside_total} tin")
        shown = report["outside_window"][:MAX_OUTSIDE_LINES]
        lines += [f"  - [{_STATUS_VI[o['status']]}] "
                  f"{_one_line(o['title'])} ({_vn_date(o['published_date'])}): {o['reason_vi']}" for o in shown]
        if outside_total > len(shown):
            lines.append(f"  … và {outside_total - len(shown)} tin khác "
                         "(xem: planwatch report --format json --outside-all, mục outside_window).")
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
