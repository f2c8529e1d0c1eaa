"""Timing phrases of a plan's table -> a window (start, end) and a confidence.

"Quý II, III" -> Q2 start .. Q3 end of the plan's year; "Quý II, III, IV (tháng 11/2022)" -> Q2 start ..
30/11/2022; "tháng 6-9/2023" -> 01/06/2023 .. 30/09/2023; "năm 2023" -> the whole year; "Quý III/2022";
"tháng 11/2022"; "từ tháng 5 đến tháng 12/2022"; "dd/mm/yyyy - dd/mm/yyyy"; "thường xuyên" -> the rest of
the plan's year (low confidence).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from classifiers.textfold import fast_fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTERS = re.compile(r"\bquy\s+((?:i{1,3}|iv)(?:\s*(?:,|-|va)\s*(?:i{1,3}|iv))*)\b"
                       r"(?:\s*/\s*(\d{4})|\s+nam\s+(\d{4}))?")
_MONTH_RANGE = re.compile(r"\b(?:tu\s+)?thang\s+(\d{1,2})(?:\s*/\s*(\d{4}))?\s*(?:-|–|den(?:\s+thang)?)\s*"
                          r"(?:thang\s+)?(\d{1,2})\s*(?:/\s*(\d{4})|\s+nam\s+(\d{4}))?")
_MONTH_LIST = re.compile(r"\bthang\s+(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*(?:/\s*(\d{4})|\s+nam\s+(\d{4}))?")
_DATES = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YEAR = re.compile(r"\bnam\s+(\d{4})\b")
_ALWAYS = re.compile(r"\b(thuong xuyen|ca nam|trong nam|hang thang|hang quy)\b")


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    confidence: float
    note: str = ""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_bounds(year: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _valid_month(m: int) -> bool:
    return 1 <= m <= 12


def parse_window(phrase: str, plan_year: int, issued_on: dt.date | None = None) -> Window | None:
    """The window a timing phrase names, or None when it names none."""
    text = fast_fold(phrase)
    dates = _DATES.findall(text)
    if len(dates) >= 2:
        try:
            days = sorted(dt.date(int(y), int(m), int(d)) for d, m, y in dates)
        except ValueError:
            return None
        return Window(days[0], days[-1], 0.95)
    # the part in brackets refines the end ("Quý II, III, IV (tháng 11/2022)")
    main, _, bracket = text.partition("(")
    quarters = _QUARTERS.search(main)
    if quarters:
        qs = [ROMAN[q] for q in re.findall(r"iv|i{1,3}", quarters.group(1))]
        year = int(quarters.group(2) or quarters.group(3) or _year_in(text) or plan_year)
        start, end = _quarter_bounds(year, min(qs))[0], _quarter_bounds(year, max(qs))[1]
        refined = _months(bracket, year) if bracket else None
        if refined:
            end = min(end, refined[1]) if refined[1] >= start else end
            return Window(start, end, 0.95, "kết thúc theo tháng trong ngoặc")
        return Window(start, end, 0.95 if (quarters.group(2) or quarters.group(3) or not _year_in(text)) else 0.9)
    months = _months(text, plan_year)
    if months:
        return Window(months[0], months[1], 0.9 if _year_in(text) else 0.75,
                      "" if _year_in(text) else "năm lấy theo năm ban hành")
    year_match = _YEAR.search(text)
    if year_match:
        y = int(year_match.group(1))
        return Window(dt.date(y, 1, 1), dt.date(y, 12, 31), 0.85)
    if _ALWAYS.search(text):
        start = issued_on or dt.date(plan_year, 1, 1)
        return Window(start, dt.date(plan_year, 12, 31), 0.5, "“thường xuyên”: từ ngày ban hành đến hết năm")
    return None


def _year_in(text: str) -> str | None:
    found = re.search(r"(?:/|nam\s+)(\d{4})\b", text)
    return found.group(1) if found else None


def _months(text: str, plan_year: int) -> tuple[dt.date, dt.date] | None:
    rng = _MONTH_RANGE.search(text)
    if rng:
        m1, y1, m2 = int(rng.group(1)), rng.group(2), int(rng.group(3))
        y2 = int(rng.group(4) or rng.group(5) or y1 or plan_year)
        start_year = int(y1) if y1 else (y2 if m1 <= m2 else y2 - 1)
        if _valid_month(m1) and _valid_month(m2):
            return dt.date(start_year, m1, 1), _month_end(y2, m2)
    lst = _MONTH_LIST.search(text)
    if lst:
        ms = [int(m) for m in re.findall(r"\d{1,2}", lst.group(1))]
        y = int(lst.group(2) or lst.group(3) or plan_year)
        if all(_valid_month(m) for m in ms):
            return dt.date(y, min(ms), 1), _month_end(y, max(ms))
    return None
