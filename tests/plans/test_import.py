"""`planwatch plan import`: the signed text of plan 661 (../shared/seed, read in place) gives back
data/plans/661-KH-BGDDT-2022.toml field for field; timing and count variants; the exit codes."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.planimport.counts import parse_counts
from pipeline.planimport.parse import parse_plan, plan_id_for
from pipeline.planimport.reader import read_lines
from pipeline.planimport.render import render
from pipeline.planimport.timing import parse_window
from planwatch.cli import app
from planwatch.config import REPO_ROOT, data_path

SEED = REPO_ROOT.parent / "shared" / "seed" / "000_370ed4985633a6ca.txt"
PLAN_661 = data_path("plans", "661-KH-BGDDT-2022.toml")
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present")


def _load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@needs_seed
def test_import_reproduces_plan_661_field_for_field(tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    result = CliRunner().invoke(app, ["plan", "import", str(SEED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    draft, expected = _load(out), _load(PLAN_661)
    assert sorted(draft) == sorted(expected)
    for key in expected:
        assert draft[key] == expected[key], key
    assert "không có mục nào" in result.output


@needs_seed
def test_every_field_cites_its_line_and_confidence() -> None:
    draft = parse_plan(read_lines(SEED))
    assert draft.fields["number"].line == 3 and draft.fields["signer"].line is not None
    assert all(0.0 <= f.confidence <= 1.0 for f in draft.fields.values())
    act = {a["id"].value: a for a in draft.activities}
    # the continuation row "phóng sự chuyên đề)" belongs to 2b, the merged coordination cell to 2a and 2b
    assert act["2b"]["planned"].value == {"article": 14, "report": 4}
    assert act["2b"]["coordinating_units"].note and act["2b"]["coordinating_units"].confidence < 0.95
    text = render(draft, "seed")
    assert "# dòng 3 · tin cậy 0.95" in text


@needs_seed
def test_docx_of_the_same_plan_gives_the_same_draft(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    rows: list[list[str]] = []
    for line in read_lines(SEED):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            _table(document, rows)
            rows = []
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    draft = tomllib.loads(render(parse_plan(read_lines(path)), "plan.docx"))
    assert draft == _load(PLAN_661)


def _table(document, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell


def test_missing_table_exits_2_and_still_writes_the_draft(tmp_path: Path) -> None:
    text = tmp_path / "plan.txt"
    text.write_text("Số: 12/KH-SGDĐT\n\nThái Nguyên, ngày 02 tháng 3 năm 2022\n\nKẾ HOẠCH\n\n"
                    "Truyền thông về giáo dục\n", encoding="utf-8")
    out = tmp_path / "draft.toml"
    result = CliRunner().invoke(app, ["plan", "import", str(text), "--out", str(out)])
    assert result.exit_code == 2
    assert out.exists() and "THIẾU (bắt buộc): activities" in out.read_text(encoding="utf-8")
    assert _load(out)["id"] == "12-KH-SGDDT-2022"


@pytest.mark.parametrize(("phrase", "start", "end"), [
    ("Quý II, III", "2022-04-01", "2022-09-30"),
    ("Quý II, III, IV (tháng 11/2022)", "2022-04-01", "2022-11-30"),
    ("tháng 6-9/2023", "2023-06-01", "2023-09-30"),
    ("Tháng 6 - 9/2023", "2023-06-01", "2023-09-30"),
    ("năm 2023", "2023-01-01", "2023-12-31"),
    ("Quý III/2022", "2022-07-01", "2022-09-30"),
    ("Quý IV năm 2022", "2022-10-01", "2022-12-31"),
    ("Từ tháng 5 đến tháng 12/2022", "2022-05-01", "2022-12-31"),
    ("tháng 10, 11/2022", "2022-10-01", "2022-11-30"),
    ("01/06/2022 - 15/09/2022", "2022-06-01", "2022-09-15"),
])
def test_timing_phrases(phrase: str, start: str, end: str) -> None:
    window = parse_window(phrase, 2022)
    assert window is not None
    assert (window.start, window.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_unreadable_timing_is_none_and_ongoing_is_uncertain() -> None:
    assert parse_window("theo tiến độ", 2022) is None
    ongoing = parse_window("Thường xuyên", 2022, dt.date(2022, 3, 2))
    assert ongoing is not None and ongoing.start == dt.date(2022, 3, 2) and ongoing.confidence < 0.8


@pytest.mark.parametrize(("text", "counts"), [
    ("(dự kiến 03 bài báo, 02 phóng sự chuyên đề)", {"article": 3, "report": 2}),
    ("dự kiến: 05 tin, bài; 01 phóng sự", {"article": 5, "report": 1}),
    ("10 tin/bài và 02 video clip", {"article": 10, "report": 2}),
    ("ít nhất 04 bài viết", {"article": 4, "report": 0}),
    ("Quyết định 33/QĐ-TTg năm 2018", None),
])
def test_count_phrases(text: str, counts: dict[str, int] | None) -> None:
    assert parse_counts(text) == counts


def test_plan_id_from_number() -> None:
    assert plan_id_for("661/KH-BGDĐT", 2022) == "661-KH-BGDDT-2022"
    assert plan_id_for("1600/KH-SGDĐT", 2023) == "1600-KH-SGDDT-2023"


PDF = REPO_ROOT / "tests" / "plans" / "fixtures" / "999-KH-SGDDT-2022.synthetic.pdf"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (scripts/install-system-deps.sh)")
def test_pdf_of_the_second_plan_gives_its_plan_file(tmp_path: Path) -> None:
    """The synthetic plan's text laid out as a PDF (LibreOffice, a real table with wrapped cells): the draft
    equals data/plans/999-KH-SGDDT-2022.toml but for the two keys a person added (synthetic, source_text)."""
    out = tmp_path / "draft.toml"
    result = CliRunner().invoke(app, ["plan", "import", str(PDF), "--out", str(out)])
    assert result.exit_code == 0, result.output
    expected = {k: v for k, v in _load(data_path("plans", "999-KH-SGDDT-2022.toml")).items()
                if k not in ("synthetic", "source_text")}
    assert _load(out) == expected
