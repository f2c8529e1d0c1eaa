"""What the digest reads: coverage via build_report, the 'newly confirmed' rule, the queue, sources."""

from __future__ import annotations

from pipeline.digest.data import load_digest_data
from pipeline.digest.week import IsoWeek
from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from tests.digest.conftest import NOW
from tests.support.warehouse import PLAN_ID


def load(paths, week="2022-W37"):
    with open_snapshot(paths) as conn:
        return load_digest_data(conn, PLAN_ID, IsoWeek.parse(week), now=NOW)


def test_numbers_are_build_reports_as_of_sunday(w37_template):
    data = load(w37_template)
    with open_snapshot(w37_template) as conn:
        assert data.report == build_report(conn, PLAN_ID, IsoWeek.parse("2022-W37").end)
    assert data.report["as_of"] == "2022-09-18"
    assert data.report["totals"]["article"]["actual"] == 4  # old-2b, old-1, s-new (2 copies), late-confirmed
    assert data.report["totals"]["report"]["actual"] == 1
    assert data.plan_number == "661/KH-BGDĐT"


def test_newly_confirmed_rule(w37_template):
    items = {i["story_id"]: i for i in load(w37_template).new_items}
    # published in the week (one story, two outlets), a report published in the week, and a late review
    # confirmation of an August article; not the article published after the week, not older ones.
    assert set(items) == {"s-new", "s-new-2a-report", "s-late-confirmed"}
    assert items["s-new"]["copies"] == 2
    assert items["s-new"]["outlets"] == ["Báo Giáo dục và Thời đại", "VnExpress"]
    assert "\n" not in items["s-new"]["title"] and "\r" not in items["s-new"]["title"]
    assert items["s-late-confirmed"]["new_by"] == "confirmed"
    assert items["s-late-confirmed"]["reviewed"] is True
    assert items["s-new-2a-report"]["new_by"] == "published"


def test_newly_confirmed_in_the_next_and_previous_weeks(w37_template):
    # W38 (19-25/09): after-week (published 20/09) is new; nothing from W37 repeats.
    assert {i["story_id"] for i in load(w37_template, "2022-W38").new_items} == {"s-after-week"}
    # The August article (published 01/08, in W31; confirmed 14/09): a regenerated past week shows it
    # in the week it was published, and not in the weeks between.
    assert {i["story_id"] for i in load(w37_template, "2022-W31").new_items} == {"s-late-confirmed"}
    assert load(w37_template, "2022-W32").new_items == []


def test_queue_and_source_problems(w37_template):
    data = load(w37_template)
    assert [q["title"] for q in data.queue] == ["Tin chờ duyệt thứ hai", "Tin chờ duyệt về Đề án 33",
                                                "Tin chờ duyệt đăng trước kế hoạch"]
    health = {p["source_id"]: p["health"] for p in data.source_problems}
    assert health == {"baoloi": "failing", "baoim": "silent", "chuachay": "never_crawled"}
    assert {fmt: sum(n for _, n in days) for fmt, days in data.daily_counts.items()} == {"article": 4, "report": 1}


def test_out_of_window_pending_item_is_apart_with_its_reason(w37_template):
    report = load(w37_template).report
    assert report["pending_review"] == 2  # in-window pending only: pending-1 (2b), pending-2 (2a)
    [outside] = report["outside_window"]
    assert (outside["doc_id"], outside["status"], outside["reason"]) == ("pending-early", "pending", "before_window")
    assert outside["reason_vi"] == "đăng trước thời gian của hoạt động 2a (01/04/2022 – 30/09/2022)"
