"""Fixtures for the digest tests: a small warehouse around ISO week 2022-W37 (12-18/09/2022) and a local
SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from pipeline.digest import DigestFiles, build_and_write_digest
from pipeline.journal import append_decision
from pipeline.plans import load_plan
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.net import free_port
from tests.support.warehouse import PLAN_ID, VN, classification, document, source

WEEK = "2022-W37"
NOW = dt.datetime(2022, 9, 19, 7, 0, tzinfo=VN)  # Monday morning after the week
EVIL_TITLE = "Bồi dưỡng giáo viên mầm non <script>alert('x')</script>\r\nBcc: evil@example.com"


def at(day: str, hour: int = 9) -> dt.datetime:
    d = dt.date.fromisoformat(day)
    return dt.datetime(d.year, d.month, d.day, hour, 0, tzinfo=VN)


def seed_week_w37(paths: Paths) -> None:
    """Counted before the week: 2 articles (2b, 1). New in the week: a syndicated 2b article (2 copies,
    one title with <script> and CR/LF), a 2a report, and a late review confirmation of an August article.
    Not new: an article accepted this week but published after it; pending and rejected items; a pending
    2a article published before the activity's window (shown apart, never counted as pending work)."""
    docs = [
        document("old-2b", "2022-05-10", title="Triển khai Đề án 33 tại Hà Nội"),
        document("old-1", "2022-06-20", source_id="moet-portal", title="Chính sách mới cho giáo viên mầm non"),
        document("new-2b", "2022-09-13", title=EVIL_TITLE, story_id="s-new"),
        document("new-2b-copy", "2022-09-14", source_id="vnexpress", title="Bồi dưỡng giáo viên mầm non",
                 story_id="s-new"),
        document("new-2a-report", "2022-09-15", source_id="vtv", fmt="report",
                 title="Phóng sự: Đề án 33 — mục tiêu đến năm 2025"),
        document("late-confirmed", "2022-08-01", source_id="baothanhhoa",
                 title="Thanh Hóa bồi dưỡng cán bộ quản lý mầm non"),
        document("after-week", "2022-09-20", title="Tin đăng sau tuần"),
        document("pending-1", "2022-09-16", source_id="baothanhhoa", title="Tin chờ duyệt về Đề án 33"),
        document("pending-2", "2022-09-02", source_id="vnexpress", title="Tin chờ duyệt thứ hai"),
        document("rejected", "2022-09-14", title="Tuyển sinh đại học 2022"),
        document("pending-early", "2022-03-20", source_id="vnexpress", title="Tin chờ duyệt đăng trước kế hoạch"),
    ]
    classes = [
        classification("old-2b", "2b", "accept", at=at("2022-05-11")),
        classification("old-1", "1", "accept", at=at("2022-06-21")),
        classification("new-2b", "2b", "accept", at=at("2022-09-13", 20)),
        classification("new-2b-copy", "2b", "accept", at=at("2022-09-14", 20)),
        classification("new-2a-report", "2a", "accept", fmt="report", at=at("2022-09-16")),
        classification("late-confirmed", "2b", "review", at=at("2022-08-02")),
        classification("after-week", "2b", "accept", at=at("2022-09-20", 20)),
        classification("pending-1", "2b", "review", at=at("2022-09-16", 20)),
        classification("pending-2", "2a", "review", at=at("2022-09-03")),
        classification("rejected", None, "reject", at=at("2022-09-14")),
        classification("pending-early", "2a", "review", at=at("2022-03-21")),
    ]
    sources = [
        source("giaoducthoidai", "Báo Giáo dục và Thời đại"),
        source("moet-portal", "Cổng thông tin điện tử Bộ GDĐT", kind="portal"),
        source("vnexpress", "VnExpress"),
        source("vtv", "Đài Truyền hình Việt Nam", kind="tv"),
        source("baothanhhoa", "Báo Thanh Hóa", scope="provincial", province_historical="Thanh Hóa",
               province_current="Thanh Hóa"),
        source("baoloi", "Báo Lỗi <b>", scope="provincial"),
        source("baoim", "Báo Im Lặng", scope="provincial"),
        source("chuachay", "Nguồn chưa chạy", scope="provincial"),
    ]
    health = []
    for i, day in enumerate(("2022-09-16", "2022-09-17", "2022-09-18")):
        run = f"run-{i}"
        health += [
            {"run_id": run, "source_id": "giaoducthoidai", "checked_at": at(day, 2), "items_found": 4,
             "pages_fetched": 4, "errors": 0, "layout_misses": 0, "last_error": None},
            {"run_id": run, "source_id": "baoloi", "checked_at": at(day, 2), "items_found": 0,
             "pages_fetched": 0, "errors": 2, "layout_misses": 0, "last_error": "HTTP 503\r\n<b>Service</b>"},
            {"run_id": run, "source_id": "baoim", "checked_at": at(day, 2), "items_found": 0,
             "pages_fetched": 1, "errors": 0, "layout_misses": 0, "last_error": None},
        ]
    for sid in ("moet-portal", "vnexpress", "vtv", "baothanhhoa"):
        health.append({"run_id": "run-2", "source_id": sid, "checked_at": at("2022-09-18", 2), "items_found": 1,
                       "pages_fetched": 1, "errors": 0, "layout_misses": 0, "last_error": None})
    append_decision(paths.review_journal, {
        "decision_id": "dec-late", "doc_id": "late-confirmed", "plan_id": PLAN_ID, "action": "confirm",
        "activity": "2b", "format": "article", "reviewer": "lan", "decided_at": at("2022-09-14", 10)})
    with open_writer(paths) as writer:
        writer.load_plan(load_plan(PLAN_ID))
        writer.insert("sources", sources, on_conflict="replace")
        writer.insert("documents", docs, on_conflict="replace")
        writer.insert("classifications", classes)
        writer.insert("source_health_log", health)


@pytest.fixture(scope="session")
def w37_template(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """Seeded once per session; tests get a copy (seeding costs about a second on a busy machine)."""
    paths = Paths(tmp_path_factory.mktemp("w37") / "state").ensure()
    seed_week_w37(paths)
    return paths


@pytest.fixture
def w37(home: Paths, w37_template: Paths) -> Paths:
    """A private copy of the week-37 warehouse as this test's PLANWATCH_HOME."""
    shutil.copytree(w37_template.home, home.home, dirs_exist_ok=True)
    return home


@pytest.fixture(scope="session")
def w37_digest(w37_template: Paths, tmp_path_factory: pytest.TempPathFactory) -> DigestFiles:
    """The week-37 digest, built once; tests only read these files."""
    return build_and_write_digest(w37_template, PLAN_ID, WEEK, tmp_path_factory.mktemp("digest"), now=NOW)


# -- a local SMTP server ------------------------------------------------------------------------


@dataclass
class Inbox:
    """Records what the server accepted. fail_data: reply codes for the next DATA commands."""

    envelopes: list[dict[str, Any]] = field(default_factory=list)
    fail_data: list[str] = field(default_factory=list)
    reject_rcpt: set[str] = field(default_factory=set)
    data_calls: int = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject_rcpt:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_calls += 1
        if self.fail_data:
            return self.fail_data.pop(0)
        self.envelopes.append({"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                               "data": envelope.original_content or envelope.content})
        return "250 OK"


@dataclass
class SmtpServer:
    host: str
    port: int
    inbox: Inbox

    def env(self, **extra: str) -> dict[str, str]:
        return {"PLANWATCH_SMTP_HOST": self.host, "PLANWATCH_SMTP_PORT": str(self.port),
                "PLANWATCH_SMTP_TLS": "none", "PLANWATCH_DIGEST_FROM": "planwatch@example.org",
                "PLANWATCH_DIGEST_TO": "lan@example.org, minh@example.org",
                "PLANWATCH_SMTP_ATTEMPTS": "3", "PLANWATCH_SMTP_BACKOFF": "0.01",
                "PLANWATCH_SMTP_TIMEOUT": "5", **extra}


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", controller.port, inbox)
    finally:
        controller.stop()
