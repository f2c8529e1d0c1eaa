"""Files people open (CSV with a BOM, a workbook Excel shows right) and inputs people type (dd/mm/yyyy dates,
files in the wrong encoding, folders that cannot be written): each ends in a usable file or one clear line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse
from tests.foundation.test_cli import PLANWATCH, run

BOM = b"\xef\xbb\xbf"
LINE = {"id": "x1", "title": "Bồi dưỡng giáo viên mầm non", "text": "Sở GDĐT tổ chức lớp bồi dưỡng giáo viên."}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("files") / "state"
    analyst_warehouse(Paths(home).ensure())
    return home


def test_every_csv_export_starts_with_a_bom(seeded, tmp_path):
    written = [Path(p) for p in run(seeded, "export", "--format", "csv", "--out", str(tmp_path)).stdout.split()]
    assert len(written) == 7
    for path in written:
        raw = path.read_bytes()
        assert raw.startswith(BOM) and not raw[3:].startswith(BOM), path.name
        assert raw[3:].decode("utf-8").splitlines()[0].split(",")[0] in {"plan_id", "doc_id", "queue_rank",
                                                                          "source_id", "fetch_id"}
    docs = (tmp_path / "documents.csv").read_bytes().decode("utf-8-sig")
    assert "Chính sách đào tạo, bồi dưỡng giáo viên mầm non" in docs


def _header_map(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def test_xlsx_reads_as_excel_users_expect(seeded, tmp_path):
    from openpyxl import load_workbook

    path = Path(run(seeded, "export", "--format", "xlsx", "--out", str(tmp_path)).stdout.strip())
    book = load_workbook(path)
    for name in ("coverage", "activities", "stories", "sources", "documents", "Giải thích cột"):
        assert name in book.sheetnames
    docs = book["documents"]
    headers = _header_map(docs)
    assert "Tiêu đề" in headers and "title" not in headers
    published = next(h for h in headers if h.startswith("Thời điểm đăng"))
    assert "+07:00" in published
    assert docs.freeze_panes == "A2"
    assert docs.auto_filter.ref == f"A1:{docs.cell(row=1, column=docs.max_column).column_letter}{docs.max_row}"
    assert docs.column_dimensions[docs.cell(row=1, column=headers["Tiêu đề"]).column_letter].width >= 30
    # d01 was published 20/04/2022 08:30 in Vietnam: the cell shows that wall clock, not 01:30 UTC
    row = next(r for r in docs.iter_rows(min_row=2) if r[headers["Mã trang"] - 1].value == "d01")
    assert row[headers[published] - 1].value == dt.datetime(2022, 4, 20, 8, 30)
    assert row[headers[published] - 1].number_format == "dd/mm/yyyy hh:mm"
    # the machine names are kept in the dictionary sheet
    pairs = {(r[0], r[2], r[3]) for r in book["Giải thích cột"].iter_rows(min_row=2, values_only=True)}
    assert ("documents", "Tiêu đề", "title") in pairs and ("documents", published, "published_at") in pairs
    acts = book["activities"]
    rows = list(acts.iter_rows(min_row=2, values_only=True))
    h = _header_map(acts)
    assert {r[h["Hoạt động"] - 1] for r in rows} == {"1", "2a", "2b"}
    assert sum(r[h["Bài báo (kế hoạch)"] - 1] for r in rows) == 20
    assert sum(r[h["Phóng sự (kế hoạch)"] - 1] for r in rows) == 8
    stories = book["stories"]
    h = _header_map(stories)
    story = {r[h["Mã tin"] - 1]: r for r in stories.iter_rows(min_row=2, values_only=True)}
    assert story["s-chinh-sach"][h["Số bản đăng"] - 1] == 3 and story["s-chinh-sach"][h["Được đếm"] - 1] is True
    sources = book["sources"]
    h = _header_map(sources)
    health = {r[h["Mã nguồn"] - 1]: r[h["Tình trạng"] - 1] for r in sources.iter_rows(min_row=2, values_only=True)}
    assert health["vtv"] == "failing" and health["baohagiang"] == "silent"


def test_report_xlsx(seeded, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "bao-cao.xlsx"
    out = run(seeded, "report", "--format", "xlsx", "--as-of", "31/12/2022", "--out", str(target)).stdout
    assert out.strip() == str(target)
    book = load_workbook(target)
    assert book.sheetnames == ["report", "activities", "stories", "sources", "Giải thích cột"]
    sheet = book["report"]
    h = _header_map(sheet)
    assert {"Hoạt động", "Hình thức", "Kế hoạch", "Thực tế", "Chờ duyệt", "Trạng thái"} <= set(h)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 6 and sum(r[h["Kế hoạch"] - 1] for r in rows) == 28
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:J7"


def test_dates_in_both_spellings_and_quoted_errors(seeded):
    iso = json.loads(run(seeded, "report", "--format", "json", "--as-of", "2022-12-31").stdout)
    vn = json.loads(run(seeded, "report", "--format", "json", "--as-of", "31/12/2022").stdout)
    assert iso == vn and iso["as_of"] == "2022-12-31"
    for args in (("report", "--as-of", "2022-02-31"), ("crawl", "--since", "31/02/2022"),
                 ("backfill", "--since", "2022-01-01", "--until", "32/12/2022"),
                 ("review", "list", "--since", "2022-13-01")):
        proc = run(seeded, *args, check=False)
        assert proc.returncode == 2, args
        bad = args[-1]
        said = "không hợp lệ" if args[0] == "review" else "is not a date"  # the review commands speak Vietnamese
        assert f"'{bad}' {said}" in proc.stderr and "dd/mm/yyyy" in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("target", ["/proc/nope", "/proc/nope/deeper"])
def test_export_to_an_unwritable_folder_is_one_line(seeded, target):
    proc = run(seeded, "export", "--format", "csv", "--out", target, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and f"--out {target}: cannot write there" in proc.stderr


def _classify(home: Path, data: bytes, *, stdin: bool, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {"PLANWATCH_HOME": str(home), "PATH": "/usr/bin:/bin"}
    if stdin:
        return subprocess.run([PLANWATCH, "classify", "--jsonl", "-"], input=data, env=env, capture_output=True,
                              timeout=120)
    path = tmp_path / "input.jsonl"
    path.write_bytes(data)
    return subprocess.run([PLANWATCH, "classify", "--jsonl", str(path)], env=env, capture_output=True, timeout=120)


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
@pytest.mark.parametrize(("encoding", "named"), [("latin-1", "LATIN1"), ("utf-16", "UTF-16"),
                                                 ("utf-16-le", "UTF-16")])
def test_classify_input_in_another_encoding_says_how_to_convert(seeded, tmp_path, stdin, encoding, named):
    text = json.dumps({"id": "x1", "title": "Café à Hà Nội" if encoding == "latin-1" else LINE["title"],
                       "text": "Élève"}, ensure_ascii=False)
    if encoding == "latin-1":
        text = text.replace("Hà Nội", "Ha Noi")
    proc = _classify(seeded, (text + "\n").encode(encoding), stdin=stdin, tmp_path=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b"" and "Traceback" not in err, err
    assert "must be UTF-8" in err and f"iconv -f {named}" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_classify_accepts_utf8_with_a_bom(seeded, tmp_path, stdin):
    data = BOM + (json.dumps(LINE, ensure_ascii=False) + "\n").encode()
    proc = _classify(seeded, data, stdin=stdin, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["id"] == "x1"
