"""Make a zip-based office file (xlsx, docx) byte-reproducible: the same entries, in the same order, with one
fixed timestamp (the snapshot's), instead of the time of writing."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def normalize_zip(path: Path, moment: dt.datetime) -> None:
    """Also sets the document's created/modified properties (docProps/core.xml), which writers fill with
    the time of saving, to `moment`."""
    stamp = moment.astimezone(dt.UTC)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    entries = [(name, _CORE_DATES.sub(lambda m: m.group(1) + iso + m.group(2), data)
                if name == "docProps/core.xml" else data) for name, data in entries]
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)
    tmp.replace(path)
