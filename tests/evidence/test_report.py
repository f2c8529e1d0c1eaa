"""The docx report: every number equals `planwatch report --format json`; the layout of Nghị định 30/2020
(Quốc hiệu, Tiêu ngữ, font, A4 margins); the PDF twin keeps Vietnamese tone marks and embeds its fonts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.shared import Pt
from typer.testing import CliRunner

from planwatch.cli import app
from tests.evidence.conftest import AS_OF

FORMAT_VI = {"article": "Bài báo", "report": "Phóng sự chuyên đề"}


def _report_json(monkeypatch, home) -> dict:
    monkeypatch.setenv("PLANWATCH_HOME", str(home.home))
    result = CliRunner().invoke(app, ["report", "--format", "json", "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _docx_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def test_docx_numbers_equal_the_report(pack, evidence_home, monkeypatch):
    report = _report_json(monkeypatch, evidence_home)
    doc = Document(str(pack.docx))
    [table] = [t for t in doc.tables if len(t.columns) == 7]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == len(report["rows"])
    for line, expected in zip(rows, report["rows"], strict=True):
        assert line[0] == expected["activity"] and line[1] == FORMAT_VI[expected["format"]]
        assert [int(line[2]), int(line[3]), int(line[4])] == [expected["planned"], expected["actual"],
                                                             expected["pending_review"]]
        assert line[6] == ("Đạt" if expected["actual"] >= expected["planned"]
                           else f"Thiếu {expected['planned'] - expected['actual']}")
    text = _docx_text(doc)
    targets = report["targets"]
    assert f"Đạt {targets['met']}/{targets['total']} chỉ tiêu" in text
    for s in report["shortfalls"]:
        assert (f"Hoạt động {s['activity']}, {FORMAT_VI[s['format']].lower()}: đạt {s['actual']}/{s['planned']}, "
                f"còn thiếu {s['missing']}") in text
    totals = report["totals"]
    assert (f"{totals['article']['actual']}/{totals['article']['planned']} bài báo, "
            f"{totals['report']['actual']}/{totals['report']['planned']} phóng sự chuyên đề") in text
    assert f"Có {report['pending_review']} tin đang chờ người duyệt xác nhận" in text


def test_docx_layout_follows_decree_30(pack):
    doc = Document(str(pack.docx))
    section = doc.sections[0]
    def mm(length):  # stored in twentieths of a point: compare to 0.1 mm
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14)
    heading = [c.text for c in doc.tables[0].rows[0].cells]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading[1] and "Độc lập - Tự do - Hạnh phúc" in heading[1]
    assert "BỘ GIÁO DỤC VÀ ĐÀO TẠO" in heading[0] and "CỤC NHÀ GIÁO VÀ CÁN BỘ QUẢN LÝ GIÁO DỤC" in heading[0]
    assert re.search(r"Số:\s+/BC-NGCB", heading[0])  # the number is left for the office to fill
    assert re.search(r"Hà Nội, ngày\s+tháng\s+năm 2022", heading[1])
    text = _docx_text(doc)
    assert "BÁO CÁO" in text and "Kết quả thực hiện Kế hoạch số 661/KH-BGDĐT ngày 15/06/2022" in text


def test_docx_states_its_sources(pack):
    text = _docx_text(Document(str(pack.docx)))
    manifest = json.loads(pack.manifest.read_text(encoding="utf-8"))
    assert f"bản dữ liệu {manifest['snapshot']['id']}" in text
    assert "phiên bản bộ phân loại: test-1" in text
    assert "Báo Lỗi (baoloi): 1 lần thu thập không thành công, lỗi gần nhất: HTTP 503." in text
    assert "đã lưu 4/4 bản đăng" in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_keeps_vietnamese_and_embeds_fonts(pack, tmp_path):
    assert pack.pdf is not None
    text = subprocess.run(["pdftotext", "-layout", str(pack.pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                   "Kết quả thực hiện Kế hoạch số 661/KH-BGDĐT", "Đạt 0/6 chỉ tiêu", "TIN ĐANG CHỜ DUYỆT",
                   "NGUỒN TIN KHÔNG THEO DÕI ĐƯỢC TRONG KỲ", "Phóng sự chuyên đề"):
        assert needle in text, needle
    fonts = subprocess.run(["pdffonts", str(pack.pdf)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), fonts  # every font embedded
    assert all("LiberationSerif" in line for line in lines), fonts  # Times New Roman's metric twin, no fallback

    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pack.pdf),
                    str(tmp_path / "page")], check=True)
    png = (tmp_path / "page.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    image = Image.open(tmp_path / "page.png").convert("L")
    assert 640 <= image.width <= 680  # A4 at 80 dpi: 661 px wide
    assert len(set(image.getdata())) > 20  # text, not a blank page
