"""A small warehouse for the evidence pack: counted stories whose pages are in the raw archive (one fetched
with its headers kept, one from before headers were kept), a syndicated copy, a reviewer-confirmed report, a
pending item, an item outside its window, a rejected one and a source that never answered."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from crawlers.output import store_raw
from pipeline.journal import append_decision
from pipeline.official_report.build import EvidencePack, build_evidence
from pipeline.plans import load_plan
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.warehouse import PLAN_ID, VN, classification, document, source

AS_OF = dt.date(2022, 12, 31)
PAGE = ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title></head>"
        "<body><h1>{title}</h1><p>Đề án 33: bồi dưỡng giáo viên mầm non.</p></body></html>")
HEADERS = [["Content-Type", "text/html; charset=utf-8"], ["Content-Encoding", "gzip"], ["Server", "nginx"],
           ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]


def at(day: str, hour: int = 9) -> dt.datetime:
    d = dt.date.fromisoformat(day)
    return dt.datetime(d.year, d.month, d.day, hour, 0, tzinfo=VN)


def _terms(*terms: str) -> str:
    return json.dumps({"terms": list(terms)}, ensure_ascii=False)


def seed_evidence(paths: Paths) -> None:
    docs = [
        document("a1", "2022-05-10", title="Triển khai Đề án 33 tại Hà Nội", story_id="s-a"),
        document("a1-copy", "2022-05-11", source_id="vnexpress", title="Hà Nội triển khai Đề án 33",
                 story_id="s-a"),
        document("b1", "2022-06-20", source_id="moet-portal", title="Chính sách mới cho giáo viên mầm non"),
        document("r1", "2022-07-05", source_id="vtv", fmt="report", title="Phóng sự: Cô giáo vùng cao học nâng chuẩn"),
        document("p1", "2022-08-01", source_id="vnexpress", title="Tin chờ duyệt về mục tiêu Đề án 33"),
        document("early", "2022-03-01", title="Tổng kết năm 2021"),
        document("rej", "2022-08-15", title="Tuyển sinh đại học 2022"),
    ]
    fetches = []
    for i, d in enumerate(docs):
        sha = store_raw(paths.raw_archive, PAGE.format(title=d["title"]).encode("utf-8"))
        d["raw_sha256"] = sha
        fetches.append({
            "fetch_id": f"f-{d['doc_id']}", "run_id": "test", "source_id": d["source_id"], "url": d["url"],
            "final_url": d["url"], "kind": "article", "status": 200,
            "fetched_at": dt.datetime(2022, 12, 1, 2, i, tzinfo=dt.UTC), "bytes": 100, "elapsed_ms": 5.0,
            "error": None, "raw_sha256": sha, "etag": '"e1"', "last_modified": None,
            # a1 was fetched after planwatch kept headers; a1-copy before (headers rebuilt in the WARC)
            "response_headers": None if d["doc_id"] == "a1-copy" else json.dumps(HEADERS),
            "request_headers": None if d["doc_id"] == "a1-copy" else json.dumps([["User-Agent", "planwatch/test"]]),
            "protocol": None if d["doc_id"] == "a1-copy" else "HTTP/1.1"})
    classes = [
        {**classification("a1", "2b", "accept", at=at("2022-05-11")), "evidence": _terms("Đề án 33", "triển khai")},
        {**classification("a1-copy", "2b", "accept", at=at("2022-05-12")), "evidence": _terms("Đề án 33")},
        {**classification("b1", "1", "accept", at=at("2022-06-21")), "evidence": _terms("chính sách")},
        classification("r1", "1", "review", fmt="report", at=at("2022-07-06")),
        classification("p1", "2a", "review", at=at("2022-08-02")),
        classification("early", "2b", "accept", at=at("2022-03-02")),
        classification("rej", "2a", "review", at=at("2022-08-16")),
    ]
    sources = [source("giaoducthoidai", "Báo Giáo dục và Thời đại"), source("vnexpress", "VnExpress"),
               source("moet-portal", "Cổng thông tin điện tử Bộ GDĐT", kind="portal"),
               source("vtv", "Đài Truyền hình Việt Nam", kind="tv"), source("baoloi", "Báo Lỗi", scope="provincial")]
    health = [{"run_id": "run-1", "source_id": sid, "checked_at": at("2022-12-01", 2),
               "items_found": 0 if sid == "baoloi" else 3, "pages_fetched": 0 if sid == "baoloi" else 3,
               "errors": 2 if sid == "baoloi" else 0, "layout_misses": 0,
               "last_error": "HTTP 503" if sid == "baoloi" else None}
              for sid in ("giaoducthoidai", "vnexpress", "moet-portal", "vtv", "baoloi")]
    append_decision(paths.review_journal, {
        "decision_id": "dec-r1", "doc_id": "r1", "plan_id": PLAN_ID, "action": "confirm", "activity": "1",
        "format": "report", "reviewer": "lan", "decided_at": at("2022-07-08", 10)})
    append_decision(paths.review_journal, {
        "decision_id": "dec-rej", "doc_id": "rej", "plan_id": PLAN_ID, "action": "reject", "reviewer": "minh",
        "decided_at": at("2022-08-20", 10), "note": "không thuộc kế hoạch"})
    with open_writer(paths) as writer:
        writer.load_plan(load_plan(PLAN_ID))
        writer.insert("sources", sources, on_conflict="replace")
        writer.insert("documents", docs, on_conflict="replace")
        writer.insert("classifications", classes)
        writer.insert("fetch_log", fetches, on_conflict="ignore")
        writer.insert("source_health_log", health)


@pytest.fixture(scope="session")
def evidence_home(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    paths = Paths(tmp_path_factory.mktemp("evidence") / "state").ensure()
    seed_evidence(paths)
    return paths


@pytest.fixture
def evidence_copy(home: Paths, evidence_home: Paths) -> Paths:
    """A private copy of the evidence warehouse (with its raw archive) as this test's PLANWATCH_HOME."""
    shutil.copytree(evidence_home.home, home.home, dirs_exist_ok=True)
    return home


@pytest.fixture(scope="session")
def pack(evidence_home: Paths, tmp_path_factory: pytest.TempPathFactory) -> EvidencePack:
    """The pack with its PDF, built once (LibreOffice takes a few seconds); tests only read it."""
    return build_evidence(evidence_home, PLAN_ID, AS_OF, None, tmp_path_factory.mktemp("pack") / "out")


def copy_pack(pack: EvidencePack, target: Path) -> Path:
    shutil.copytree(pack.out_dir, target)
    return target
