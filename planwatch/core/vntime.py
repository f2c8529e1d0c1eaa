"""Vietnam time: the one UTC+07:00 zone every module uses, and the two conversions built on it.

Asia/Ho_Chi_Minh has had no daylight saving time since 1975, so a fixed offset is exact and needs no tz
database. A naive datetime means different things at different boundaries (see each function)."""

from __future__ import annotations

import datetime as dt
from typing import Any

VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


def today_vn() -> dt.date:
    """Today's date in Vietnam."""
    return dt.datetime.now(VN_TZ).date()


def local_date(value: Any) -> dt.date | None:
    """The Vietnamese calendar day of a publication time: a datetime (naive = already Vietnam time), a date,
    or an ISO string ("2022-06-15T20:00:00Z" -> 2022-06-16); None for None, "" or an unreadable string."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                return None
    if isinstance(value, dt.datetime):
        return value.astimezone(VN_TZ).date() if value.tzinfo else value.date()
    if isinstance(value, dt.date):
        return value
    return None


def vn_time(moment: Any, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """A moment as Vietnamese readers read it: Vietnam local time formatted with `fmt`; "—" when absent.

    Accepts a datetime or an ISO string; a naive value is a stored UTC time (decision and fetch times are
    written in UTC)."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)  # ValueError for a string that is not a time
    if not isinstance(moment, dt.datetime):
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VN_TZ).strftime(fmt)
