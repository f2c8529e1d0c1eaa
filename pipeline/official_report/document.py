"""The Báo cáo as docx (python-docx), laid out as Nghị định 30/2020/NĐ-CP prescribes for administrative
documents: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 (13 for the heading
block and the table); Quốc hiệu and Tiêu ngữ top right, issuing body top left, number and place-date lines
left for the office to fill. The words come from data/templates/evidence/bao-cao.toml."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from pipeline import targets
from pipeline.official_report.data import FORMAT_VI, EvidenceData, vn_date, vn_time
from pipeline.official_report.wording import Wording
from pipeline.official_report.zipfix import normalize_zip

FONT = "Times New Roman"
TABLE_TITLE = "Kết quả theo hoạt động và hình thức"


def split_unit(unit: str) -> tuple[str, str]:
    """'Cục Nhà giáo và Cán bộ quản lý giáo dục (Cục NGCB)' -> (the full name, 'NGCB'): the name for the heading,
    the short form for 'Lưu: VT, NGCB.' (initials of the name when the plan gives none)."""
    match = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", unit)
    if match:
        name, short = match.group(1), match.group(2)
        return name, short.split()[-1]
    words = [w for w in unit.split() if w.lower() != "và"]
    return unit.strip(), "".join(w[0].upper() for w in words[1:]) if len(words) > 1 else unit.upper()


def context(data: EvidenceData, annex_name: str, warc_name: str) -> dict[str, Any]:
    totals = targets.totals(data.rows)
    lead_unit, lead_short = split_unit(str(data.plan["lead_unit"]))
    copies = data.copies()
    surplus = ", ".join(f"{totals[f]['surplus']} {FORMAT_VI[f].lower()}" for f in ("article", "report")
                        if totals[f]["surplus"])
    return {
        "plan": data.plan, "plan_issued": vn_date(data.plan["issued_on"]), "lead_unit": lead_unit,
        "lead_unit_short": lead_short, "as_of": data.as_of, "as_of_vi": vn_date(data.as_of),
        "period_start": vn_date(data.period_start), "period_end": vn_date(data.period_end),
        "met": data.targets["met"], "total": data.targets["total"],
        "articles_actual": totals["article"]["actual"], "articles_planned": totals["article"]["planned"],
        "reports_actual": totals["report"]["actual"], "reports_planned": totals["report"]["planned"],
        "surplus": surplus,
        "pending_count": sum(r["pending_review"] for r in data.rows),
        "pending_outside": sum(1 for p in data.pending if not p["counts_if_confirmed"]),
        "snapshot_id": data.snapshot_id, "snapshot_time": vn_time(data.snapshot_time),
        "classifier_versions": ", ".join(data.classifier_versions) or "—",
        "counting_rules": "; ".join(data.counting_rules),
        "annex_name": annex_name, "warc_name": warc_name,
        "copies": len(copies), "archived": sum(1 for c in copies if c["archived"]),
    }


def write_report_docx(data: EvidenceData, path: Path, annex_name: str, warc_name: str) -> None:
    ctx = context(data, annex_name, warc_name)
    say = Wording(ctx)
    doc = Document()
    _page(doc)
    _heading_block(doc, say)
    _para(doc, say("ten_loai"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_before=12, space_after=0)
    _para(doc, say("trich_yeu"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=2)
    _rule(doc)
    _para(doc, say("mo_dau"), indent=True)

    _para(doc, say("muc_tom_tat"), bold=True)
    _para(doc, say("tom_tat"), indent=True)
    if ctx["surplus"]:
        _para(doc, say("tom_tat_vuot"), indent=True)
    shortfalls = data.shortfalls
    if shortfalls:
        _para(doc, say("con_thieu_dau"), indent=True)
        for s in shortfalls:
            item = {**s, "format_vi": FORMAT_VI.get(s["format"], s["format"]),
                    "window_end_vi": vn_date(s["window_end"])}
            _para(doc, "- " + say("con_thieu", s=item), indent=True)
    else:
        _para(doc, say("khong_thieu"), indent=True)

    _para(doc, say("muc_bang"), bold=True)
    _table(doc, data, say)
    _para(doc, say("bang_chu_thich"), italic=True, size=12, indent=True)

    _para(doc, say("muc_cho_duyet"), bold=True)
    _para(doc, say("cho_duyet") if ctx["pending_count"] else say("khong_cho_duyet"), indent=True)
    if ctx["pending_outside"]:
        _para(doc, say("cho_duyet_ngoai"), indent=True)

    _para(doc, say("muc_nguon"), bold=True)
    if data.unmonitored:
        for source in data.unmonitored:
            _para(doc, "- " + say("nguon", source=source), indent=True)
    else:
        _para(doc, say("khong_nguon"), indent=True)

    _para(doc, say("muc_ban_luu"), bold=True)
    _para(doc, say("ban_luu"), indent=True)
    missing = [c for c in data.copies() if not c["archived"]]
    if missing:
        _para(doc, say("khong_con_ban_luu"), indent=True)
        for c in missing:
            _para(doc, "- " + say("khong_con_ban_luu_dong", copy=c), indent=True)

    _para(doc, say("muc_co_so"), bold=True)
    _para(doc, say("co_so"), indent=True)
    _para(doc, say("phu_luc"), indent=True)
    _signature(doc, say)

    moment = data.snapshot_time.replace(tzinfo=None)
    props = doc.core_properties
    props.author = "planwatch"
    props.title = f"{say('ten_loai')} {say('trich_yeu')}"
    props.created = moment
    props.modified = moment
    props.last_modified_by = "planwatch"
    props.revision = 1
    doc.save(str(path))
    normalize_zip(path, data.snapshot_time)


def _page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15


def _para(doc: Any, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
          align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, space_before: float | None = None,
          space_after: float | None = None, container: Any = None) -> Any:
    p = (container or doc).add_paragraph()
    p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    if space_before is not None:
        p.paragraph_format.space_before = Pt(space_before)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return p


def _cell_text(cell: Any, lines: list[tuple[str, dict[str, Any]]]) -> None:
    cell.paragraphs[0].text = ""
    first = True
    for text, fmt in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        run = p.add_run(text)
        run.bold = fmt.get("bold", False)
        run.italic = fmt.get("italic", False)
        run.font.size = Pt(fmt.get("size", 13))
        run.underline = fmt.get("underline", False)


def _heading_block(doc: Any, say: Wording) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, (Mm(72), Mm(93)))
    left, right = table.rows[0].cells
    _cell_text(left, [(say("co_quan_chu_quan"), {"size": 12}), (say("co_quan_ban_hanh"), {"bold": True, "size": 12}),
                      ("———", {"bold": True, "size": 10}), (say("so_ky_hieu"), {})])
    _cell_text(right, [(say("quoc_hieu"), {"bold": True, "size": 12}), (say("tieu_ngu"), {"bold": True}),
                       ("—————————", {"bold": True, "size": 10}), (say("dia_danh_ngay"), {"italic": True})])


def _rule(doc: Any) -> None:
    _para(doc, "————", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=10, space_after=6)


def _table(doc: Any, data: EvidenceData, say: Wording) -> None:
    headers = [say(k) for k in ("cot_hoat_dong", "cot_hinh_thuc", "cot_ke_hoach", "cot_thuc_te", "cot_cho_duyet",
                                "cot_thoi_gian", "cot_ket_qua")]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Mm(w) for w in (18, 38, 19, 17, 19, 34, 20)]
    _widths(table, widths)
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        cell.width = width
        _cell_text(cell, [(text, {"bold": True, "size": 12})])
    _repeat_header(table.rows[0])
    for r in data.rows:
        row = table.add_row()
        _keep_together(row)
        cells = row.cells
        values = [r["activity"], FORMAT_VI.get(r["format"], r["format"]), str(r["planned"]), str(r["actual"]),
                  str(r["pending_review"]), f"{vn_date(r['window_start'])}\u00a0–\n{vn_date(r['window_end'])}",
                  say("dat") if r["met"] else say("chua_dat", missing=r["missing"])]
        for cell, text, width in zip(cells, values, widths, strict=True):
            cell.width = width
            _cell_text(cell, [(text, {"size": 12})])


def _widths(table: Any, widths: Any) -> None:
    """Column widths both in the grid (what LibreOffice reads) and on each cell (what Word reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _keep_together(row: Any) -> None:
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _repeat_header(row: Any) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _signature(doc: Any, say: Wording) -> None:
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    _widths(table, (Mm(85), Mm(80)))
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    run = left.paragraphs[0].add_run(say("noi_nhan_tieu_de"))
    run.bold, run.italic = True, True
    run.font.size = Pt(12)
    for line in say.lines("noi_nhan"):
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(line)
        r.font.size = Pt(11)
    _cell_text(right, [(say("chuc_vu_ky"), {"bold": True, "size": 14})])
