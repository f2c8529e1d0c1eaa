"""ISO weeks: parse 'YYYY-Www', the last complete week, and a week's Monday..Sunday."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planwatch.core.vntime import today_vn

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        m = _WEEK.match(text.strip())
        if not m:
            from pipeline.daytext import parse_day

            try:  # a day (YYYY-MM-DD or dd/mm/yyyy) stands for the ISO week holding it
                return cls.containing(parse_day(text))
            except ValueError:
                pass
            raise ValueError(f"a week looks like 2022-W37 (or give a day in it: 2022-09-14 or 14/09/2022), "
                             f"got '{text}'")
        year, week = int(m.group(1)), int(m.group(2))
        try:
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"{year} has no ISO week {week}") from None
        return cls(year, week)

    @classmethod
    def containing(cls, day: dt.date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def last_complete(cls, today: dt.date | None = None) -> IsoWeek:
        """The week before the one containing today (Vietnam time): the newest week that has ended."""
        today = today or today_vn()
        return cls.containing(today - dt.timedelta(days=7))

    @property
    def start(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def end(self) -> dt.date:
        """The Sunday: the digest's as_of date."""
        return dt.date.fromisocalendar(self.year, self.week, 7)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"
