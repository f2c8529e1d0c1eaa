"""Targets, not totals (issue 18): targets met, shortfalls, capped totals with the surplus apart, BOM in CSV."""

from __future__ import annotations

from pipeline import targets
from pipeline.report import render_csv, render_table

ROWS = [
    {"activity": "1", "format": "article", "planned": 3, "actual": 9, "pending_review": 0,
     "window_start": "2022-04-01", "window_end": "2022-09-30"},
    {"activity": "2a", "format": "report", "planned": 2, "actual": 1, "pending_review": 2,
     "window_start": "2022-04-01", "window_end": "2022-09-30"},
    {"activity": "2b", "format": "article", "planned": 14, "actual": 13, "pending_review": 1,
     "window_start": "2022-04-01", "window_end": "2022-11-30"},
    {"activity": "2b", "format": "report", "planned": 4, "actual": 4, "pending_review": 0,
     "window_start": "2022-04-01", "window_end": "2022-11-30"},
]


def test_targets_and_shortfalls():
    assert targets.targets(ROWS) == {"met": 2, "total": 4}
    assert targets.shortfalls(ROWS) == [
        {"activity": "2a", "format": "report", "planned": 2, "actual": 1, "missing": 1,
         "window_end": "2022-09-30", "pending_review": 2},
        {"activity": "2b", "format": "article", "planned": 14, "actual": 13, "missing": 1,
         "window_end": "2022-11-30", "pending_review": 1},
    ]


def test_totals_cap_each_row_and_keep_the_surplus_apart():
    t = targets.totals(ROWS)
    # 9 articles for line 1 (plan 3) must not hide the missing 2b article: 3 + 13 = 16 of 17, not 22/17
    assert t["article"] == {"planned": 17, "actual": 16, "surplus": 6, "actual_uncapped": 22, "pending_review": 1}
    assert t["report"] == {"planned": 6, "actual": 5, "surplus": 0, "actual_uncapped": 5, "pending_review": 2}


def _report():
    rows = [{**r, "status": "behind", "status_vi": "Chậm tiến độ", "format_vi": None, "expected_by_now": 1}
            for r in ROWS]
    return {"plan": "P", "as_of": "2022-10-01", "rows": rows, "targets": targets.targets(rows),
            "shortfalls": targets.shortfalls(rows), "totals": targets.totals(rows), "pending_review": 3,
            "outside_window": [{"status": "pending", "title": "Tin cũ", "published_date": "2022-03-01",
                                "reason_vi": "đăng trước thời gian của hoạt động 2a (01/04/2022 – 30/09/2022)"}]}


def test_table_leads_with_targets_and_shows_what_is_apart():
    lines = render_table(_report()).splitlines()
    assert lines[1] == "Đạt 2/4 chỉ tiêu."
    assert lines[2] == "  Còn thiếu: hoạt động 2a, phóng sự chuyên đề: 1/2, thiếu 1 (hạn 30/09/2022; chờ duyệt 2)"
    text = "\n".join(lines)
    assert "16/17 bài báo" in text and "Vượt kế hoạch (không bù cho chỉ tiêu khác): 6 bài báo." in text
    assert "- [chờ duyệt] Tin cũ (01/03/2022): đăng trước thời gian của hoạt động 2a" in text


def test_csv_starts_with_a_utf8_bom():
    data = render_csv(_report()).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbfplan,as_of,activity")
    assert data.count(b"\xef\xbb\xbf") == 1
