"""Helpers for the foundation tests: review decisions through the journal, write jobs, report rows,
and a small but varied warehouse (`analyst_warehouse`) that the analyst-docs queries run against."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from pipeline.journal import append_decision
from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.warehouse import PLAN_ID, classification, document, seed, source

_ids = itertools.count(1)
UTC = dt.UTC


def decide(paths: Paths, doc_id: str, action: str, *, activity: str | None = None, fmt: str | None = None,
           published_date: str | None = None, undoes: str | None = None, reviewer: str = "lan",
           at: dt.datetime | None = None, note: str | None = None) -> str:
    """Record a review decision in the journal (as the review CLI does). Returns its decision_id."""
    decision_id = f"dec-{next(_ids):04d}"
    append_decision(paths.review_journal, {
        "decision_id": decision_id, "doc_id": doc_id, "plan_id": PLAN_ID, "action": action,
        "activity": activity, "format": fmt,
        "published_date": dt.date.fromisoformat(published_date) if published_date else None,
        "note": note, "reviewer": reviewer, "decided_at": at or dt.datetime.now(UTC), "undoes": undoes,
    })
    return decision_id


def write_job(paths: Paths) -> None:
    """An empty write job: folds the review journal into the warehouse and publishes a snapshot."""
    with open_writer(paths):
        pass


def report_rows(paths: Paths, as_of: str = "2022-12-31") -> dict[tuple[str, str], dict[str, Any]]:
    with open_snapshot(paths) as conn:
        report = build_report(conn, PLAN_ID, dt.date.fromisoformat(as_of))
    return {(r["activity"], r["format"]): r for r in report["rows"]}


def query(paths: Paths, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with open_snapshot(paths) as conn:
        return conn.execute(sql, params or []).fetchall()


def ago(hours: float) -> dt.datetime:
    return dt.datetime.now(UTC) - dt.timedelta(hours=hours)


def analyst_warehouse(paths: Paths) -> None:
    """Sources across provinces (incl. one merged in 2025), syndicated stories, articles and reports,
    pending, rejected and reviewer-decided items, fetch errors and a source gone silent."""
    sources = [
        source("moet-portal", "Cổng TTĐT Bộ GDĐT", kind="portal"),
        source("giaoducthoidai", "Báo Giáo dục và Thời đại"),
        source("vtv", "Đài Truyền hình Việt Nam", kind="tv"),
        source("so-gddt-bac-lieu", "Sở GDĐT Bạc Liêu", kind="department", scope="provincial",
               province_historical="Bạc Liêu", province_current="Cà Mau"),
        source("baocamau", "Báo Cà Mau", scope="provincial", province_historical="Cà Mau",
               province_current="Cà Mau"),
        source("baohagiang", "Báo Hà Giang", scope="provincial", province_historical="Hà Giang",
               province_current="Tuyên Quang"),
    ]
    docs = [
        document("d01", "2022-04-20", source_id="moet-portal", story_id="s-chinh-sach",
                 title="Chính sách đào tạo, bồi dưỡng giáo viên mầm non",
                 text="Bộ GDĐT triển khai các chủ trương về đào tạo giáo viên mầm non theo Đề án 33."),
        document("d02", "2022-04-21", source_id="giaoducthoidai", story_id="s-chinh-sach",
                 title="Chính sách đào tạo, bồi dưỡng giáo viên mầm non",
                 text="Bài đăng lại: chủ trương đào tạo giáo viên mầm non, Đề án 33."),
        document("d03", "2022-04-22", source_id="so-gddt-bac-lieu", story_id="s-chinh-sach",
                 title="Chính sách đào tạo giáo viên mầm non",
                 text="Sở GDĐT Bạc Liêu đăng lại tin về Đề án 33."),
        document("d04", "2022-06-02", source_id="vtv", fmt="report", story_id="s-phong-su",
                 title="Phóng sự: cô giáo mầm non vùng cao", text="Phóng sự chuyên đề về bồi dưỡng giáo viên."),
        document("d05", "2022-07-15", source_id="baocamau", title="Cà Mau bồi dưỡng cán bộ quản lý mầm non",
                 text="Triển khai Đề án 33 tại Cà Mau.", date_source="visible", date_confidence=0.5),
        document("d06", "2022-08-30", source_id="giaoducthoidai", title="Mục tiêu của Đề án 33 giai đoạn 2021-2025",
                 text="Định hướng, nhiệm vụ và giải pháp của Đề án 33."),
        document("d07", "2022-10-05", source_id="giaoducthoidai", title="Sơ kết thực hiện Đề án 33",
                 text="Kết quả đào tạo, bồi dưỡng nhà giáo mầm non."),
        document("d08", "2022-11-28", source_id="so-gddt-bac-lieu", title="Bạc Liêu tập huấn giáo viên mầm non",
                 text="Tập huấn theo Đề án 33."),
        document("d09", "2022-12-10", source_id="giaoducthoidai", title="Tổng kết năm học",
                 text="Tổng kết, ngoài thời gian kế hoạch."),
        document("d10", "2022-05-05", source_id="baohagiang", title="Hà Giang: lớp học mầm non",
                 text="Bản tin địa phương."),
    ]
    classes = [
        classification("d01", "1", "accept", score=0.93),
        classification("d02", "1", "accept", score=0.91),
        classification("d03", "1", "accept", score=0.88),
        classification("d04", "2b", "accept", fmt="report", score=0.86),
        classification("d05", "2b", "review", score=0.55, reasons=["borderline"]),
        classification("d06", "2a", "review", score=0.48, reasons=["close_activities"]),
        classification("d07", "2b", "accept", score=0.90),
        classification("d08", "2b", "review", score=0.52, reasons=["window_edge"]),
        classification("d09", "2b", "review", score=0.45, reasons=["window_edge"]),
        classification("d10", None, "reject", score=0.05),
    ]
    seed(paths, documents=docs, classifications=classes, sources=sources)
    decide(paths, "d05", "confirm", reviewer="lan", note="Đúng hoạt động 2b")
    decide(paths, "d10", "reject", reviewer="minh")
    checked = [dt.datetime(2022, 12, day, 1, 0, tzinfo=UTC) for day in (1, 2, 3, 4)]
    health = []
    for i, at in enumerate(checked):
        for sid in ("moet-portal", "giaoducthoidai", "vtv", "so-gddt-bac-lieu", "baocamau", "baohagiang"):
            silent = sid == "baohagiang" and i > 0
            failing = sid == "vtv" and i == 3
            health.append({"run_id": f"run-{i}", "source_id": sid, "checked_at": at,
                           "items_found": 0 if silent or failing else 3,
                           "pages_fetched": 0 if failing else 3, "errors": 2 if failing else 0,
                           "layout_misses": 0, "last_error": "HTTP 503" if failing else None})
    fetches = []
    for i, (sid, status, err) in enumerate([
        ("moet-portal", 200, None), ("giaoducthoidai", 200, None), ("vtv", 503, "HTTP 503"),
        ("vtv", None, "timeout after 30 s"), ("baohagiang", 404, "HTTP 404"), ("baocamau", 200, None),
    ]):
        fetches.append({"fetch_id": f"f{i}", "run_id": "run-3", "source_id": sid,
                        "url": f"http://127.0.0.1/{sid}/page{i}.html", "final_url": None, "kind": "article",
                        "status": status, "fetched_at": checked[3] + dt.timedelta(minutes=i),
                        "bytes": 0 if err else 20480, "elapsed_ms": 120.0, "error": err, "raw_sha256": None,
                        "etag": None, "last_modified": None})
    with open_writer(paths) as writer:
        for i, at in enumerate(checked):
            writer.start_run(f"run-{i}", "nightly")
            writer.conn.execute("UPDATE crawl_runs SET started_at = ? WHERE run_id = ?", [at, f"run-{i}"])
            writer.finish_run(f"run-{i}", "ok", {"sources": 6})
        writer.insert("source_health_log", health)
        writer.insert("fetch_log", fetches)
