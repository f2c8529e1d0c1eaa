"""`planwatch evidence` from the command line: bad input gets one line, a missing archived copy is listed and
fails unless --allow-missing, and a failure never leaves a half-written folder."""

from __future__ import annotations

import json

import pytest
from docx import Document
from typer.testing import CliRunner

from crawlers.output import raw_path
from planwatch.cli import app

ARGS = ["evidence", "--as-of", "2022-12-31", "--no-pdf"]


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_unknown_plan_is_one_line(evidence_copy, tmp_path):
    result = invoke(*ARGS, "--plan", "nope", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "plan 'nope' is not in the snapshot (known: 661-KH-BGDDT-2022)" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("period", "message"), [
    ("2021-01-01..2021-03-31", "is empty for plan"),
    ("2022-09-30..2022-04-01", "is empty for plan"),
    ("2022-04-01", "--period expects START..END"),
    ("2022-04-01..2022-02-31", "--period expects a date"),
])
def test_bad_period_is_one_line(evidence_copy, tmp_path, period, message):
    result = invoke("evidence", "--no-pdf", "--period", period, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert message in result.output and result.output.strip().count("\n") == 0
    assert [p.name for p in tmp_path.iterdir()] == ["state"]  # no folder, no temp folder left (state: the home)


def test_period_limits_the_count_and_names_the_files(evidence_copy, tmp_path):
    result = invoke("evidence", "--no-pdf", "--period", "01/04/2022..31/05/2022", "--out", str(tmp_path / "q2"))
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "q2" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["as_of"] == "2022-05-31" and manifest["period"] == {"start": "2022-04-01", "end": "2022-05-31"}
    counted = {(r["activity"], r["format"]): r["actual"] for r in manifest["rows"] if r["actual"]}
    assert counted == {("2b", "article"): 1}
    assert sorted(p.name for p in (tmp_path / "q2").iterdir()) == [
        "661-KH-BGDDT-2022-2022-05-31-luu-tru.warc.gz", "661-KH-BGDDT-2022-2022-05-31-phu-luc.xlsx",
        "661-KH-BGDDT-2022-2022-05-31.docx", "manifest.json"]


def test_missing_archived_copy_is_listed_and_fails_unless_allowed(evidence_copy, tmp_path):
    import duckdb

    conn = duckdb.connect(str(evidence_copy.snapshot), read_only=True)
    sha = conn.execute("SELECT raw_sha256 FROM documents WHERE doc_id = 'b1'").fetchone()[0]
    conn.close()
    raw_path(evidence_copy.raw_archive, sha).unlink()

    result = invoke(*ARGS, "--out", str(tmp_path / "strict"))
    assert result.exit_code == 1
    assert "1 counted copies have no archived copy (không còn bản lưu)" in result.output
    assert "http://127.0.0.1/moet-portal/b1.html" in result.output
    doc = Document(str(tmp_path / "strict" / "661-KH-BGDDT-2022-2022-12-31.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Chính sách mới cho giáo viên mầm non (http://127.0.0.1/moet-portal/b1.html) — không còn bản lưu." in text
    assert "đã lưu 3/4 bản đăng" in text
    manifest = json.loads((tmp_path / "strict" / "manifest.json").read_text(encoding="utf-8"))
    assert [m["doc_id"] for m in manifest["missing"]] == ["b1"]

    allowed = invoke(*ARGS, "--allow-missing", "--out", str(tmp_path / "allowed"))
    assert allowed.exit_code == 0, allowed.output
    verified = invoke("evidence", "verify", str(tmp_path / "allowed"))
    assert verified.exit_code == 0, verified.output
    assert "OK: 3 archived responses match the manifest (3 copies, 3 stories)" in verified.output


def test_a_failure_leaves_no_half_written_folder(evidence_copy, tmp_path, monkeypatch):
    from pipeline.official_report import build

    def broken(*_args, **_kwargs):
        raise build.EvidenceError("simulated failure while writing the report")

    monkeypatch.setattr(build, "write_report_docx", broken)
    result = invoke(*ARGS, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "simulated failure" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["state"]


def test_existing_non_empty_folder_is_refused(evidence_copy, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("x")
    result = invoke(*ARGS, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "exists and is not empty" in result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keep.txt"]


def test_verify_cli(pack, tmp_path):
    ok = invoke("evidence", "verify", str(pack.out_dir))
    assert ok.exit_code == 0 and "OK: 4 archived responses match the manifest" in ok.output
    missing = invoke("evidence", "verify", str(tmp_path))
    assert missing.exit_code == 2 and "manifest.json is missing" in missing.output


def test_digest_attaches_the_annex(evidence_copy, tmp_path):
    from email import policy
    from email.parser import BytesParser

    from openpyxl import load_workbook

    result = invoke("digest", "--week", "2022-W52", "--attach-annex", "--out", str(tmp_path / "digest"))
    assert result.exit_code == 0, result.output
    annex = tmp_path / "digest" / "661-KH-BGDDT-2022-2022-W52-phu-luc.xlsx"
    assert str(annex) in result.output
    rows = list(load_workbook(annex)["Tin được đếm"].iter_rows(min_row=2, values_only=True))
    assert {r[12] for r in rows} == {"s-a", "s-b1", "s-r1"}
    with open(tmp_path / "digest" / "661-KH-BGDDT-2022-2022-W52.eml", "rb") as fh:
        msg = BytesParser(policy=policy.SMTP).parse(fh)
    [part] = list(msg.iter_attachments())
    assert part.get_filename() == annex.name
    assert part.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert part.get_content() == annex.read_bytes()
    assert msg.get_body(("plain",)) is not None and msg.get_body(("html",)) is not None
