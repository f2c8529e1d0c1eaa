"""Dates as discovery sees them: feed pubDates, sitemap lastmods, listing items, URL stamps.

Vietnamese outlets write "GMT+7", "ICT", "+0700", "dd/mm/yyyy", "Thứ bảy, 24/8/2025, 09:00 (GMT+7)",
"Thứ Ba, 22:35, 26/08/2025", "Thứ năm, ngày 16 tháng 6 năm 2022". feedparser reads "ICT" as UTC and
gives up on "GMT+7" and dd/mm/yyyy, so feed dates are parsed here from the raw string. A date without a
zone is Vietnam time (+07:00)."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")

_ZONE_WORDS = [
    (re.compile(r"\(?\s*\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*\)?", re.I), None),
    (re.compile(r"\bICT\b|\bIndochina Time\b", re.I), "+0700"),
]
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*"
                  r"(Z|[+-]\d{2}:?\d{2})?\s*$", re.I)
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_VN_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_TIME = re.compile(r"(?<![\d/])(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?![\d/])")
_URL_STAMP = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:\d{2,9})?(?!\d)")
_URL_YM = re.compile(r"/(20\d{2})(0[1-9]|1[0-2])/")


def _zone(text: str) -> tuple[str, dt.tzinfo | None]:
    """Strip a textual zone from `text`; return the rest and the zone found (None: not given)."""
    m = _ZONE_WORDS[0][0].search(text)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        if minutes >= 24 * 60:  # "GMT+99": not a zone (found by tests/fuzz); the date is read without one
            return text[:m.start()] + " " + text[m.end():], None
        return text[:m.start()] + " " + text[m.end():], dt.timezone(sign * dt.timedelta(minutes=minutes))
    m = _ZONE_WORDS[1][0].search(text)
    if m:
        return text[:m.start()] + " " + text[m.end():], VN_TZ
    return text, None


def _build(y: int, mo: int, d: int, hh: int = 0, mi: int = 0, ss: int = 0,
           tz: dt.tzinfo | None = None) -> dt.datetime | None:
    try:
        return dt.datetime(y, mo, d, hh, mi, ss, tzinfo=tz or VN_TZ)
    except ValueError:
        return None


def parse_date(value: str | None) -> dt.datetime | None:
    """Parse one date string as Vietnamese outlets write it; an aware datetime or None."""
    if not value:
        return None
    text = " ".join(str(value).split())
    m = _ISO.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mi, ss = int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0)
        tz: dt.tzinfo | None = None
        z = m.group(7)
        if z:
            if z.upper() == "Z":
                tz = dt.UTC
            else:
                z = z.replace(":", "")
                sign = 1 if z[0] == "+" else -1
                tz = dt.timezone(sign * dt.timedelta(hours=int(z[1:3]), minutes=int(z[3:5])))
        return _build(y, mo, d, hh, mi, ss, tz)
    rest, tz = _zone(text)
    # RFC 822 ("Mon, 20 Jun 2022 08:30:00 +0700"), once a "GMT+7"/"ICT" suffix is replaced by an offset.
    if re.search(r"[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", rest):
        candidate = rest.strip()
        if tz is not None:
            offset = tz.utcoffset(None)
            total = int(offset.total_seconds() // 60) if offset is not None else 0
            sign_char = "+" if total >= 0 else "-"
            candidate += f" {sign_char}{abs(total) // 60:02d}{abs(total) % 60:02d}"
        try:
            parsed = parsedate_to_datetime(candidate)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=VN_TZ)
            return parsed
    m = _DMY.search(rest) or _VN_WORDS.search(rest)
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    tm = _TIME.search(rest[:m.start()] + " " + rest[m.end():])
    hh = mi = ss = 0
    if tm:
        hh, mi, ss = int(tm.group(1)), int(tm.group(2)), int(tm.group(3) or 0)
        if hh > 23 or mi > 59 or ss > 59:
            hh = mi = ss = 0
    return _build(y, mo, d, hh, mi, ss, tz)


def find_date(text: str) -> dt.datetime | None:
    """The first date found anywhere in a block of text (a listing item), or None."""
    text = " ".join(text.split())
    m = re.search(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    if m:
        return parse_date(m.group(0))
    m = _DMY.search(text) or _VN_WORDS.search(text)
    if not m:
        return None
    # Keep a time written right before or after the date ("08:30 16/06/2022", "16/06/2022 | 08:30").
    window = text[max(0, m.start() - 12): m.end() + 14]
    return parse_date(window)


def date_from_url(url: str) -> dt.datetime | None:
    """A publication date stamped in an article URL (-20251201163412554.htm, /202206/slug), or None."""
    m = _URL_STAMP.search(url)
    if m:
        found = _build(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    m = _URL_YM.search(url)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), 1)
    return None


def parse_day(value: str | dt.date | None) -> dt.date | None:
    """A --since/--until value: ISO date (or datetime) string, date, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def local_day(value: dt.datetime) -> dt.date:
    return value.astimezone(VN_TZ).date()
