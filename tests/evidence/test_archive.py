"""The WARC archive against the manifest, `evidence verify`, tampering, and reproducible annex/manifest."""

from __future__ import annotations

import gzip
import hashlib
import json

from openpyxl import load_workbook
from warcio.archiveiterator import ArchiveIterator

from pipeline.official_report.build import build_evidence, sha256_file
from pipeline.official_report.verify import verify_pack
from tests.evidence.conftest import AS_OF, PLAN_ID, copy_pack


def _records(path):
    with open(path, "rb") as fh:
        return [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read()) for r in ArchiveIterator(fh)]


def test_every_warc_record_matches_the_manifest(pack):
    manifest = json.loads(pack.manifest.read_text(encoding="utf-8"))
    copies = {c["warc_record_id"]: c for c in manifest["copies"]}
    records = _records(pack.warc)
    assert records[0][0] == "warcinfo"
    responses = [r for r in records if r[0] == "response"]
    requests = [r for r in records if r[0] == "request"]
    assert len(responses) == len(requests) == len(copies) == 4
    for _, warc, http, body in responses:
        copy = copies[warc.get_header("WARC-Record-ID")]
        assert hashlib.sha256(body).hexdigest() == copy["sha256"]
        assert warc.get_header("WARC-Target-URI") == copy["url"]
        fetched = copy["fetched_at"][:19].replace("+00:00", "")
        assert warc.get_header("WARC-Date") == fetched + "Z"
        assert http.get_statuscode() == "200"
        assert http.get_header("Content-Length") == str(len(body))
        if copy["http_headers"] == "original":  # kept at fetch time, every value, encoding header renamed
            assert http.get_header("Server") == "nginx"
            assert [v for k, v in http.headers if k == "Set-Cookie"] == ["a=1", "b=2"]
            assert http.get_header("Content-Encoding") is None
            assert http.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
        else:  # fetched before headers were kept: rebuilt, and the record says so
            assert copy["doc_id"] == "a1-copy"
            assert warc.get_header("WARC-Planwatch-Headers") == "reconstructed"
            assert http.get_header("Content-Type") == "text/html"
    concurrent = {r[1].get_header("WARC-Concurrent-To") for r in requests}
    assert concurrent == set(copies)
    assert {r[2].get_header("User-Agent") for r in requests} == {"planwatch/test", None}


def test_verify_passes_on_a_fresh_pack(pack):
    problems, stats = verify_pack(pack.out_dir)
    assert problems == []
    assert stats == {"records": 4, "copies": 4, "stories": 3}


def test_one_tampered_byte_in_the_archive_fails_verify(pack, tmp_path):
    folder = copy_pack(pack, tmp_path / "pack")
    warc = folder / pack.warc.name
    data = bytearray(warc.read_bytes())
    data[len(data) // 2] ^= 0x01
    warc.write_bytes(bytes(data))
    problems, _ = verify_pack(folder)
    assert problems and any(pack.warc.name in p for p in problems)


def test_a_changed_body_is_caught_even_when_the_file_hash_is_updated(pack, tmp_path):
    folder = copy_pack(pack, tmp_path / "pack")
    warc = folder / pack.warc.name
    plain = gzip.decompress(warc.read_bytes())  # every record, uncompressed (warcio reads both)
    assert b"Tri\xe1\xbb\x83n khai" in plain
    warc.write_bytes(plain.replace(b"Tri\xe1\xbb\x83n khai", b"Tri\xe1\xbb\x83n khaj", 1))
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][warc.name]["sha256"] = sha256_file(warc)  # a forger updating the file hash too
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    problems, _ = verify_pack(folder)
    assert any("body SHA-256 differs from the manifest" in p for p in problems), problems


def test_a_changed_number_in_the_manifest_fails_verify(pack, tmp_path):
    folder = copy_pack(pack, tmp_path / "pack")
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["rows"][0]["actual"] += 1
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    problems, _ = verify_pack(folder)
    assert any("stories listed" in p for p in problems) and any(".docx: row 1" in p for p in problems)


def test_same_snapshot_same_annex_and_manifest_bytes(evidence_home, tmp_path):
    first = build_evidence(evidence_home, PLAN_ID, AS_OF, None, tmp_path / "one", pdf=False)
    second = build_evidence(evidence_home, PLAN_ID, AS_OF, None, tmp_path / "two", pdf=False)
    assert first.xlsx.read_bytes() == second.xlsx.read_bytes()
    assert first.manifest.read_bytes() == second.manifest.read_bytes()
    assert first.warc.read_bytes() == second.warc.read_bytes()


def test_annex_sheets(pack):
    wb = load_workbook(pack.xlsx)
    assert wb.sheetnames == ["Tin được đếm", "Tin chờ duyệt", "Tin không được đếm", "Thông tin"]
    counted = list(wb["Tin được đếm"].iter_rows(values_only=True))
    assert counted[0][:6] == ("STT", "Hoạt động", "Hình thức", "Tiêu đề", "Báo đăng đầu tiên", "Ngày đăng")
    by_story = {row[12]: row for row in counted[1:]}
    assert set(by_story) == {"s-a", "s-b1", "s-r1"}
    story = by_story["s-a"]  # two outlets, the earliest first; classifier evidence terms
    assert story[4] == "Báo Giáo dục và Thời đại" and story[5] == "10/05/2022" and story[6] == 2
    assert story[7].splitlines() == ["Báo Giáo dục và Thời đại: http://127.0.0.1/giaoducthoidai/a1.html",
                                     "VnExpress: http://127.0.0.1/vnexpress/a1-copy.html"]
    assert story[10] == "triển khai, Đề án 33"  # every copy's terms, sorted (code points)
    assert story[8] == "tự động (bộ phân loại test-1)"
    report = by_story["s-r1"]
    assert report[8] == "người duyệt lan" and report[9] == "08/07/2022 10:00 (+07:00)"
    manifest = json.loads(pack.manifest.read_text(encoding="utf-8"))
    ids = {c["warc_record_id"] for c in manifest["copies"]}
    assert all(rid in ids for row in counted[1:] for rid in row[11].splitlines())
    pending = list(wb["Tin chờ duyệt"].iter_rows(values_only=True))[1:]
    assert [(p[1], p[3], p[8]) for p in pending] == [("2a", "Tin chờ duyệt về mục tiêu Đề án 33", "có")]
    excluded = {e[3]: e[7] for e in list(wb["Tin không được đếm"].iter_rows(values_only=True))[1:]}
    assert excluded == {"Tổng kết năm 2021": "ngoài thời gian của hoạt động",
                        "Tuyển sinh đại học 2022": "người duyệt đã loại"}
    sheet = wb["Tin được đếm"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:M4"


def test_evidence_reads_the_lake(evidence_copy, tmp_path, monkeypatch):
    """With PLANWATCH_LAKE there is no snapshot file to hash: the pack names the DuckLake snapshot it read, counts
    the same copies, and verifies; a new lake snapshot gets a new name."""
    from pipeline import lake
    from pipeline.store import open_writer

    def snapshot(pack):
        return json.loads(pack.manifest.read_text(encoding="utf-8"))["snapshot"]["id"]

    on_file = build_evidence(evidence_copy, PLAN_ID, AS_OF, None, tmp_path / "file", pdf=False)
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    assert lake.migrate_warehouse(evidence_copy)["problems"] == {}
    first = build_evidence(evidence_copy, PLAN_ID, AS_OF, None, tmp_path / "lake", pdf=False)
    assert len(snapshot(first)) == 16 and snapshot(first) != snapshot(on_file)
    problems, stats = verify_pack(first.out_dir)
    assert problems == [] and stats == verify_pack(on_file.out_dir)[1] and stats["copies"] > 0
    again = build_evidence(evidence_copy, PLAN_ID, AS_OF, None, tmp_path / "again", pdf=False)
    assert snapshot(again) == snapshot(first)  # the same lake snapshot, the same name
    with open_writer(evidence_copy) as writer:
        writer.start_run("evidence-lake-test", "manual")
    later = build_evidence(evidence_copy, PLAN_ID, AS_OF, None, tmp_path / "next", pdf=False)
    assert snapshot(later) != snapshot(first)
