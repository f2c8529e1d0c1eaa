"""'Today' for the report and the coverage view is the date in Vietnam, whatever the machine's time zone."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import pytest

from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from tests.support.warehouse import PLAN_ID, seed

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _zone_on_another_day() -> str:
    """A time zone whose date right now is not the date in Vietnam."""
    vn_now = dt.datetime.now(VN)
    zone = "Etc/GMT+12" if vn_now.hour < 19 else "Etc/GMT-14"  # UTC-12 is a day behind, UTC+14 a day ahead
    assert dt.datetime.now(ZoneInfo(zone)).date() != vn_now.date()
    return zone


@pytest.fixture
def far_zone(monkeypatch: pytest.MonkeyPatch):
    zone = _zone_on_another_day()
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield zone
    monkeypatch.undo()
    time.tzset()


def test_report_default_as_of_is_the_date_in_vietnam(home, far_zone):
    seed(home)
    with open_snapshot(home) as conn:
        report = build_report(conn, PLAN_ID)
    assert report["as_of"] == dt.datetime.now(VN).date().isoformat()


def test_coverage_view_as_of_is_the_date_in_vietnam_and_equals_the_report(home, far_zone):
    seed(home)
    with open_snapshot(home) as conn:
        conn.execute(f"SET TimeZone = '{far_zone}'")  # a DuckDB session in the machine's (other) time zone
        view = {r[0] for r in conn.execute("SELECT as_of FROM coverage").fetchall()}
        report = build_report(conn, PLAN_ID)
    assert view == {dt.datetime.now(VN).date()}
    assert {r.isoformat() for r in view} == {report["as_of"]}


def test_coverage_items_list_exactly_the_stories_coverage_counts_today(home):
    # A plan whose window is still open: a page dated after today (a misread date, or a reviewer's typo)
    # is not counted by `coverage` yet, so `coverage_items` (the stories behind that number) must not list it.
    import dataclasses

    from pipeline.plans import load_plan
    from pipeline.store import open_writer
    from tests.support.warehouse import classification, document

    today = dt.datetime.now(VN).date()
    plan = load_plan(PLAN_ID)
    open_window = [dataclasses.replace(a, window_start=today - dt.timedelta(days=30),
                                       window_end=today + dt.timedelta(days=30)) if a.id == "1" else a
                   for a in plan.activities]
    with open_writer(home) as writer:
        writer.load_plan(dataclasses.replace(plan, activities=tuple(open_window)))
        writer.insert("documents", [document("past", today - dt.timedelta(days=1)),
                                    document("future", today + dt.timedelta(days=5))])
        writer.insert("classifications", [classification("past", "1", "accept"),
                                          classification("future", "1", "accept")])
    with open_snapshot(home) as conn:
        actual = conn.execute("SELECT actual FROM coverage WHERE activity = '1' AND format = 'article'").fetchone()
        items = conn.execute("SELECT story_id FROM coverage_items WHERE activity = '1' AND format = 'article'"
                             ).fetchall()
    assert actual == (1,)
    assert items == [("s-past",)]
