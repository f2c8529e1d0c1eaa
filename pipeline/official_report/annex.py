"""The annex (phụ lục) as xlsx: one row per counted story with every copy and what proves it, plus sheets
for pending items and excluded items with the reason. Rows are sorted and every timestamp comes from the
snapshot, so the same snapshot and arguments give the same bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pipeline.cellguard import guard_xlsx_row
from pipeline.official_report.data import (
    FORMAT_VI,
    EvidenceData,
    confirmed_by_vi,
    vn_date,
    vn_time,
)
from pipeline.official_report.zipfix import normalize_zip

MISSING_COPY = "không còn bản lưu"
COUNTED_HEADERS = [
    ("STT", 6), ("Hoạt động", 10), ("Hình thức", 18), ("Tiêu đề", 60), ("Báo đăng đầu tiên", 28),
    ("Ngày đăng", 12), ("Số bản đăng", 10), ("Các báo đăng và đường dẫn", 80),
    ("Xác nhận bởi", 30), ("Thời điểm xác nhận (giờ Việt Nam)", 26), ("Từ khóa làm bằng chứng", 40),
    ("Bản lưu (WARC-Record-ID)", 50), ("Mã tin (story_id)", 24),
]
PENDING_HEADERS = [
    ("STT", 6), ("Hoạt động (gợi ý)", 12), ("Hình thức", 18), ("Tiêu đề", 60), ("Báo", 28), ("Ngày đăng", 12),
    ("Đường dẫn", 60), ("Điểm phân loại", 12), ("Được đếm nếu xác nhận", 14), ("Ghi chú", 40),
]
EXCLUDED_HEADERS = [
    ("STT", 6), ("Hoạt động", 10), ("Hình thức", 18), ("Tiêu đề", 60), ("Báo", 28), ("Ngày đăng", 12),
    ("Đường dẫn", 60), ("Lý do không được đếm", 40), ("Quyết định bởi", 30), ("Ghi chú của người duyệt", 40),
]


def write_annex(data: EvidenceData, path: Path, record_ids: dict[str, str]) -> None:
    """record_ids: doc_id -> WARC-Record-ID of the copy's response record (absent: no archived copy)."""
    wb = Workbook()
    counted = wb.active
    assert counted is not None
    counted.title = "Tin được đếm"
    _sheet(counted, COUNTED_HEADERS, [_story_row(i, s, record_ids) for i, s in enumerate(data.stories, 1)])
    _sheet(wb.create_sheet("Tin chờ duyệt"), PENDING_HEADERS, [
        [i, p["activity"] or "", FORMAT_VI.get(p["format"], p["format"] or ""), p["title"] or "", p["outlet"] or "",
         vn_date(p["published_date"]), p["url"], round(float(p["score"] or 0), 3),
         "có" if p["counts_if_confirmed"] else "không", p["note"]]
        for i, p in enumerate(data.pending, 1)])
    _sheet(wb.create_sheet("Tin không được đếm"), EXCLUDED_HEADERS, [
        [i, e["activity"] or "", FORMAT_VI.get(e["format"], e["format"] or ""), e["title"] or "", e["outlet"] or "",
         vn_date(e["published_date"]), e["url"], e["reason_vi"], confirmed_by_vi(e["decided_by"]),
         e["review_note"] or ""]
        for i, e in enumerate(data.excluded, 1)])
    info = wb.create_sheet("Thông tin")
    _sheet(info, [("Mục", 30), ("Giá trị", 90)], [
        ["Kế hoạch", f"{data.plan['number']} ({data.plan_id})"],
        ["Số liệu tính đến ngày", vn_date(data.as_of)],
        ["Kỳ báo cáo", f"{vn_date(data.period_start)} – {vn_date(data.period_end)}"],
        ["Bản dữ liệu (snapshot)", data.snapshot_id],
        ["Thời điểm của bản dữ liệu", vn_time(data.snapshot_time)],
        ["Phiên bản bộ phân loại", ", ".join(data.classifier_versions) or "—"],
        ["Quy tắc đếm", "; ".join(data.counting_rules)],
    ])
    moment = data.snapshot_time.replace(tzinfo=None)
    wb.properties.created = moment
    wb.properties.modified = moment
    wb.properties.creator = "planwatch"
    wb.save(path)
    normalize_zip(path, data.snapshot_time)


def _story_row(i: int, story: dict[str, Any], record_ids: dict[str, str]) -> list[Any]:
    links = "\n".join(f"{c['outlet']}: {c['url']}" for c in story["copies"])
    archived = "\n".join(record_ids.get(c["doc_id"], MISSING_COPY) for c in story["copies"])
    return [i, story["activity"], FORMAT_VI.get(story["format"], story["format"]), story["title"] or "",
            story["first_outlet"] or "", vn_date(story["published_date"]), len(story["copies"]), links,
            confirmed_by_vi(story["confirmed_by"]), vn_time(story["confirmed_at"]),
            ", ".join(story["evidence_terms"]), archived, story["story_id"]]


def _sheet(ws: Any, headers: list[tuple[str, int]], rows: list[list[Any]]) -> None:
    ws.append([h for h, _ in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(row)
        guard_xlsx_row(ws, ws.max_row)  # crawled titles never become live formulas
    for idx, (_, width) in enumerate(headers, 1):
        ws.column_dimensions[get_column_letter(idx)].width = width
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
