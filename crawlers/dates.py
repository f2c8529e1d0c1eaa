"""Dates as discovery sees them: feed pubDates, sitemap lastmods, listing items, URL stamps.

The date strings themselves are read by `planwatch.core.dates`, the one parser extraction uses too, so a
feed, a sitemap, a listing and the article page give one answer for one string ("GMT+7", "ICT", "+0700",
"dd/mm/yyyy", "Thứ bảy, 24/8/2025, 09:00 (GMT+7)", "Thứ Ba, 22:35, 26/08/2025", a Unix time...). feedparser
reads "ICT" as UTC and gives up on "GMT+7" and dd/mm/yyyy, so feed dates are parsed here from the raw string.
This module only adds the names discovery and the spider use."""

from __future__ import annotations

import datetime as dt

from planwatch.core.dates import find_date as find_date
from planwatch.core.dates import parse_vn_datetime, url_date
from planwatch.core.vntime import local_date

parse_date = parse_vn_datetime  # discovery's name for the one date-string parser


def date_from_url(url: str) -> dt.datetime | None:
    """A publication date stamped in an article URL (-20251201163412554.htm, /2022/06/15/, /202206/slug)."""
    return url_date(url)[0]


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
    """The Vietnamese calendar day of an (aware) publication time."""
    day = local_date(value)
    assert day is not None
    return day
