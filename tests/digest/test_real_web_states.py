"""The digest names a real-web state of a source (a JavaScript challenge, a block by address, ...) in plain
Vietnamese with the next step, listed before the other source problems, never as 'ok'."""

from __future__ import annotations

import datetime as dt

from pipeline.digest.data import load_digest_data
from pipeline.digest.render import build_context, render_html, render_text
from pipeline.digest.week import IsoWeek
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from tests.digest.conftest import NOW
from tests.support.warehouse import PLAN_ID, source


def test_digest_names_js_challenge_and_block_with_next_step(w37) -> None:
    at = dt.datetime(2022, 9, 18, 2, tzinfo=dt.UTC)
    with open_writer(w37) as writer:
        writer.insert("sources", [source("laodong", "Báo Lao Động"), source("hanoimoi", "Báo Hànộimới")],
                      on_conflict="replace")
        writer.insert("source_health_log", [
            {"run_id": "run-2", "source_id": "laodong", "checked_at": at, "items_found": 0, "pages_fetched": 0,
             "errors": 1, "layout_misses": 0, "last_error": None, "problem": "js_challenge",
             "problem_detail": "https://laodong.vn/giao-duc/: anti-bot marker", "problems": None},
            {"run_id": "run-2", "source_id": "hanoimoi", "checked_at": at, "items_found": 3, "pages_fetched": 3,
             "errors": 0, "layout_misses": 0, "last_error": None, "problem": "sitemap_stale",
             "problem_detail": "2022-06-30", "problems": None},
        ])
    with open_snapshot(w37) as conn:
        data = load_digest_data(conn, PLAN_ID, IsoWeek.parse("2022-W37"), now=NOW)
    ids = [p["source_id"] for p in data.source_problems]
    assert set(ids[:2]) == {"hanoimoi", "laodong"}  # before the failing and silent ones
    text = render_text(build_context(data))
    assert "Báo Lao Động (laodong): Trang trả về thử thách JavaScript (chống bot) thay cho nội dung" in text
    assert "Sitemap dừng ở ngày 30/06/2022" in text
    assert "việc cần làm: Dùng RSS hoặc sitemap" in text and "planwatch add-url" in text
    html = render_html(build_context(data), "cid:chart")
    assert "Việc cần làm:" in html and "thử thách JavaScript" in html
