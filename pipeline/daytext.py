"""Days typed by people: YYYY-MM-DD (ISO) or dd/mm/yyyy (as Vietnamese offices and Excel write them).

One parser for every command and page that takes a date (report --as-of, crawl --since/--until, digest
--week, review filters and decisions), so they all accept the same spellings and say the same thing when
a value is not a date."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
HINT = "write YYYY-MM-DD or dd/mm/yyyy, e.g. 2022-09-30 or 30/09/2022"


def parse_day(text: str) -> dt.date:
    """A day from 'YYYY-MM-DD' or 'dd/mm/yyyy' (also dd.mm.yyyy); ValueError quoting the value otherwise.
    An ISO timestamp ('2022-09-30T08:00') is read as its day."""
    value = text.strip()
    iso = _ISO.match(value[:10]) if len(value) > 10 and value[10] in "T " else _ISO.match(value)
    vn = _VN.match(value)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if vn:
            return dt.date(int(vn.group(3)), int(vn.group(2)), int(vn.group(1)))
    except ValueError:
        pass
    raise ValueError(f"'{text}' is not a date: {HINT}")
