from __future__ import annotations

import datetime as dt

import pytest

from pipeline.digest.week import IsoWeek


def test_parse_and_bounds():
    week = IsoWeek.parse("2022-W37")
    assert (week.start, week.end) == (dt.date(2022, 9, 12), dt.date(2022, 9, 18))
    assert str(week) == "2022-W37"
    assert IsoWeek.parse("2022w7") == IsoWeek(2022, 7)
    assert str(IsoWeek(2022, 7)) == "2022-W07"


@pytest.mark.parametrize("text", ["2022-37", "2022-W54", "2021-W53", "W37", ""])
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        IsoWeek.parse(text)


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2022, 9, 19), "2022-W37"),   # Monday: last week just ended
    (dt.date(2022, 9, 25), "2022-W37"),   # Sunday: the current week is not over yet
    (dt.date(2023, 1, 2), "2022-W52"),    # across the year boundary
])
def test_last_complete_week(today, expected):
    assert str(IsoWeek.last_complete(today)) == expected
