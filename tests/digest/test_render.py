"""The plain-text part (golden file), the HTML part (escaping, structure) and the subject."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pipeline.digest.data import load_digest_data
from pipeline.digest.render import build_context, render_html, render_text, safe_url, subject_for, text_bar
from pipeline.digest.week import IsoWeek
from pipeline.snapshot import open_snapshot
from tests.digest.conftest import NOW
from tests.support.warehouse import PLAN_ID

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PLANWATCH_UPDATE_GOLDEN") == "1"  # regenerate: PLANWATCH_UPDATE_GOLDEN=1 pytest ...


@pytest.fixture
def context(w37_template):
    with open_snapshot(w37_template) as conn:
        data = load_digest_data(conn, PLAN_ID, IsoWeek.parse("2022-W37"), now=NOW)
    return data, build_context(data)


def test_plain_text_matches_golden(context):
    text = render_text(context[1])
    golden = GOLDEN / "661-KH-BGDDT-2022-2022-W37.txt"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), "plain text changed: rerun with PLANWATCH_UPDATE_GOLDEN=1"


def test_plain_text_has_the_numbers_and_statuses(context):
    text = render_text(context[1])
    assert "Bài báo:             ██░░░░░░░░  4/20" in text
    assert "███░░░░░░░   1/3   Chậm tiến độ" in text
    assert "█████░░░░░   1/2   Đúng tiến độ" in text
    assert "2 tin đang chờ duyệt; tin chờ lâu nhất: 16 ngày." in text
    assert "TIN MỚI ĐƯỢC XÁC NHẬN TRONG TUẦN (3)" in text
    assert "http://127.0.0.1:8787/" in text


def test_subject_from_numbers(context):
    data, _ = context
    assert subject_for(data) == ("[planwatch] Tuần 2022-W37 · Kế hoạch 661/KH-BGDĐT: đạt 0/6 chỉ tiêu "
                                 "(4/20 bài báo, 1/8 phóng sự)")
    data.plan_number = "661/KH\r\nBcc: evil@example.com"
    assert "\n" not in subject_for(data) and "\r" not in subject_for(data)


def test_html_escapes_crawled_text_and_has_no_scripts_or_remote_images(context):
    html = render_html(context[1], image_src="cid:chart@planwatch.local")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Báo Lỗi &lt;b&gt;" in html and "HTTP 503 &lt;b&gt;Service&lt;/b&gt;" in html
    assert '<link' not in html and "<style" not in html
    assert re.findall(r'<img[^>]+src="([^"]+)"', html) == ["cid:chart@planwatch.local"]
    assert "Hoạt động 2b" in html and "Chậm tiến độ" in html and "Đúng tiến độ" in html
    # progress bars are nested table cells with widths
    assert 'width="21%"' in html and 'width="79%"' in html  # 3/14 articles of activity 2b


def test_links_are_http_only():
    assert safe_url("javascript:alert(1)") == "#"
    assert safe_url("data:text/html,x") == "#"
    assert safe_url("https://moet.gov.vn/a b\r\n") == "https://moet.gov.vn/a b"


@pytest.mark.parametrize(("actual", "planned", "bar"), [
    (0, 14, "░░░░░░░░░░"), (6, 14, "████░░░░░░"), (1, 14, "█░░░░░░░░░"), (20, 14, "██████████"), (0, 0, "░" * 10)])
def test_text_bar(actual, planned, bar):
    assert text_bar(actual, planned) == bar


def test_overview_leads_with_targets_and_pending_counts_agree(context):
    text = render_text(context[1])
    overview = text.split("TỔNG QUAN\n", 1)[1]
    assert overview.startswith("  Đạt 0/6 chỉ tiêu")
    assert "Còn thiếu: hoạt động 2b, bài báo: 3/14, thiếu 11 (hạn 30/11/2022; chờ duyệt 1)" in overview
    assert "Chờ duyệt (chưa được đếm): 2 tin" in overview
    queue = text.split("CHỜ DUYỆT\n", 1)[1]
    assert queue.startswith("  2 tin đang chờ duyệt")  # the same number as the overview
    assert "Tin chờ duyệt đăng trước kế hoạch (20/03/2022): đăng trước thời gian của hoạt động 2a" in queue
    top = queue.split("Ngoài ra", 1)[0]
    assert "đăng trước kế hoạch" not in top  # listed apart, with its reason


def test_surplus_never_fills_another_targets_gap(context):
    data, _ = context
    rows = data.report["rows"]
    report_row = next(r for r in rows if (r["activity"], r["format"]) == ("2a", "report"))
    report_row["actual"] = 9  # 7 beyond the plan of 2 for 2a reports
    from pipeline import targets

    data.report["totals"] = targets.totals(rows)
    data.report["targets"] = targets.targets(rows)
    text = render_text(build_context(data))
    assert "1/1" not in subject_for(data) and "đạt 1/6 chỉ tiêu" in subject_for(data)
    assert "Phóng sự chuyên đề:  ██░░░░░░░░  2/8 (25%) · vượt kế hoạch 7" in text
