"""Publication dates written as text: one parser for every place a date string is read.

Feeds (pubDate, dc:date), sitemaps (lastmod, news:publication_date), listing and search pages (a date next to
a link), article pages (meta tags, JSON-LD, the visible date block) and article URLs all go through here, so
discovery and extraction give one answer for one string (tests/foundation/test_date_shapes.py checks every
shape in ../shared/sites.md through each entry point).

- `parse_vn_datetime(text)`: one date string of any shape Vietnamese outlets and their feeds use.
- `find_date(text)`: the first date in a block of text (a listing item), with the time written beside it.
- `url_date(url)`: a date stamped in an article URL and how precise it is ("day" or "month").

A time without an offset is Vietnam time (UTC+07:00); "ICT" is UTC+07:00 too (feedparser reads it as UTC).
Years outside 1995-2100 are not publication dates ("© 1900", "0001-01-01" placeholders): None.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from planwatch.core.vntime import VN_TZ

MIN_YEAR, MAX_YEAR = 1995, 2100

_MONTHS_EN = {
    m: i + 1
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}

# An offset written next to the date: "GMT+7", "(GMT+07:00)", "UTC+7", "+0700", "+07:00", "Z", "ICT", "GMT".
_OFFSET = re.compile(
    r"(?:\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b)"
    r"|(?:(?<=\d)\s*([+-])(\d{2}):?(\d{2})\b)"
    r"|(?:(?<=\d)Z\b)"
    r"|\b(ICT)\b"
    r"|\b(GMT|UTC)\b",
    re.I,
)
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2}|GMT[+-]\d{1,2}(?::?\d{2})?)?\s*$",
    re.I,
)
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.-])")
_VN_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})", re.I)
_RFC = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.I)
_TIME = re.compile(r"(?<![\d:/])(\d{1,2})\s*(?::|h)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?![\d/])", re.I)
_EPOCH = re.compile(r"^\s*(\d{10})\s*$")


def _offset(s: str) -> timezone | None:
    for m in _OFFSET.finditer(s):
        if m.group(1):
            sign = -1 if m.group(1) == "-" else 1
            hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        elif m.group(4):
            sign = -1 if m.group(4) == "-" else 1
            hours, minutes = int(m.group(5)), int(m.group(6))
        elif m.group(7):
            return VN_TZ  # "ICT" is Indochina Time, UTC+7 (feedparser wrongly reads it as UTC)
        elif m.group(8):
            return UTC
        else:
            return UTC  # "Z"
        if hours > 14 or minutes > 59:
            continue
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    return None


def _offset_token(token: str | None) -> timezone | None:
    """"Z", "+0700", "+07:00", "GMT+7" -> a timezone (None when absent)."""
    if not token:
        return None
    token = token.strip().upper()
    if token == "Z":
        return UTC
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", token)
    if not m:
        return None
    sign = -1 if m.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))


def _build(
    year: int, month: int, day: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: timezone | None = None
) -> datetime | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day, hh, mm, ss, tzinfo=tz or VN_TZ)
    except ValueError:
        return None


_MERIDIEM = re.compile(r"\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?\s*(AM|PM|SA|CH)\b", re.I)


def _meridiem(s: str, t: tuple[int, int, int]) -> tuple[int, int, int]:
    """A 12-hour clock ("07-03-2026 - 02:15 PM", "SA"/"CH" in Vietnamese) to 24 hours."""
    m = _MERIDIEM.search(s)
    if not m:
        return t
    hh, mm, ss = t
    pm = m.group(1).upper() in ("PM", "CH")
    if pm and hh < 12:
        hh += 12
    elif not pm and hh == 12:
        hh = 0
    return hh, mm, ss


def _nearest_time(s: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The time-of-day written closest to the date at s[start:end] ("22:35, 26/08/2025", "16/06/2022 08:30")."""
    best: tuple[int, tuple[int, int, int]] | None = None
    for m in _TIME.finditer(s):
        if start <= m.start() < end:
            continue
        hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if hh > 23 or mm > 59 or ss > 59:
            continue
        dist = m.start() - end if m.start() >= end else start - m.end()
        if dist > 25:
            continue
        if best is None or dist < best[0]:
            best = (dist, (hh, mm, ss))
    return best[1] if best else None


def parse_vn_datetime(s: str | None) -> datetime | None:
    """Parse one date string of any shape Vietnamese outlets and their feeds use; aware result or None.

    ISO 8601 ("2026-09-07T12:48:05+0700"), RFC 822 ("Wed, 15 Jun 2022 08:30:00 GMT+7", "+0700", "ICT"),
    day-first numeric dates with the time before or after ("Thứ bảy, 24/8/2025, 09:00 (GMT+7)",
    "Thứ Ba, 22:35, 26/08/2025", "15/06/2022 | 08:30", "30/06/2026, 19:00:20"), the long form
    "Thứ năm, ngày 16 tháng 6 năm 2022", and a 10-digit Unix time. No offset means +07:00.
    """
    if not s:
        return None
    s = " ".join(str(s).split())
    if not s:
        return None
    m = _EPOCH.match(s)
    if m:
        return datetime.fromtimestamp(int(m.group(1)), VN_TZ)
    m = _ISO.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mi, ss = int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0)
        return _build(y, mo, d, hh, mi, ss, _offset_token(m.group(7)))
    tz = _offset(s)
    m = _VN_LONG.search(s)
    if m:
        t = _nearest_time(s, m.start(), m.end()) or (0, 0, 0)
        return _build(int(m.group(3)), int(m.group(2)), int(m.group(1)), *t, tz=tz)
    m = _DMY.search(s)
    if m:
        t = _nearest_time(s, m.start(), m.end()) or (0, 0, 0)
        return _build(int(m.group(4)), int(m.group(3)), int(m.group(1)), *_meridiem(s, t), tz=tz)
    m = _RFC.search(s)
    if m and m.group(2).lower()[:3] in _MONTHS_EN:
        hh, mi, ss = int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0)
        return _build(int(m.group(3)), _MONTHS_EN[m.group(2).lower()[:3]], int(m.group(1)), hh, mi, ss, tz)
    # ISO embedded in a longer string ("Cập nhật: 2022-06-15 08:30")
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?", s)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)),
                      int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0), tz)
    return None


def find_date(text: str) -> datetime | None:
    """The first date found anywhere in a block of text (a listing item), or None.

    Only the date and the ~12 characters around it are parsed, so a time written right before or after it
    counts ("08:30 16/06/2022", "16/06/2022 | 08:30") and other numbers in the block do not."""
    text = " ".join(text.split())
    m = re.search(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    if m:
        return parse_vn_datetime(m.group(0))
    m = _DMY.search(text) or _VN_LONG.search(text)
    if not m:  # an English feed-style date ("Wed, 15 Jun 2022 08:30:00 GMT+7")
        m = next((r for r in _RFC.finditer(text) if r.group(2).lower()[:3] in _MONTHS_EN), None)
    if not m:
        return None
    return parse_vn_datetime(text[max(0, m.start() - 12): m.end() + 14])


# --- article URLs ----------------------------------------------------------------------------------------
_URL_STAMP = re.compile(r"-(20\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{0,4}\.(?:htm|html|chn|ldo|vov|tpo)\b")
_URL_YMD = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
_URL_YM = re.compile(r"/(20\d{2})(\d{2})(?:\d{2})?/")
# an id that starts with the day it was filed ("-20220615...", 8 or 10-17 digits)
_URL_DAY_ID = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:\d{2,9})?(?!\d)")


def url_date(url: str | None) -> tuple[datetime | None, str | None]:
    """A date written in an article URL and its precision: ("day" or "month"), or (None, None).

    In order: a full timestamp before the extension ("-20251201163412554.htm": the time too), a
    /yyyy/mm/dd/ path, an 8-17 digit id starting with yyyymmdd ("-20220615-slug", "/2022061512/"),
    then a /yyyymm/ folder (the first of the month)."""
    if not url:
        return None, None
    m = _URL_STAMP.search(url)
    if m:
        y, mo, d, hh, mi, ss = (int(g) for g in m.groups())
        found = _build(y, mo, d, hh, mi, ss)
        if found:
            return found, "day"
    m = _URL_YMD.search(url)
    if m:
        found = _build(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found, "day"
    m = _URL_DAY_ID.search(url)
    if m:
        found = _build(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found, "day"
    m = _URL_YM.search(url)
    if m:
        found = _build(int(m.group(1)), int(m.group(2)), 1)
        if found:
            return found, "month"
    return None, None
