"""planwatch.core: Vietnam time and the three spacings of one fold."""

from __future__ import annotations

import datetime as dt

import pytest

from planwatch.core.text import fold, fold_joined, fold_keep_spacing
from planwatch.core.vntime import VN_TZ, local_date, vn_time

UTC = dt.UTC


@pytest.mark.parametrize(("value", "day"), [
    (dt.datetime(2022, 6, 15, 20, 0, tzinfo=UTC), dt.date(2022, 6, 16)),  # 03:00 the next day in Vietnam
    (dt.datetime(2022, 6, 15, 16, 59, tzinfo=UTC), dt.date(2022, 6, 15)),
    (dt.datetime(2022, 6, 15, 23, 30), dt.date(2022, 6, 15)),  # naive: already Vietnam time
    ("2022-06-15T20:00:00Z", dt.date(2022, 6, 16)),
    ("2022-06-15", dt.date(2022, 6, 15)),
    (dt.date(2022, 6, 15), dt.date(2022, 6, 15)),
    ("not a date", None), ("", None), (None, None),
])
def test_local_date(value: object, day: dt.date | None) -> None:
    assert local_date(value) == day


def test_vn_time() -> None:
    assert VN_TZ.utcoffset(None) == dt.timedelta(hours=7)
    assert vn_time(dt.datetime(2022, 9, 14, 3, 0, tzinfo=UTC)) == "14/09/2022 10:00"
    assert vn_time(dt.datetime(2022, 9, 14, 3, 0)) == "14/09/2022 10:00"  # naive: a stored UTC time
    assert vn_time("2022-09-14T03:00:00+00:00", "%d/%m/%Y %H:%M (+07:00)") == "14/09/2022 10:00 (+07:00)"
    assert vn_time(None) == "—"


@pytest.mark.parametrize("text", ["Đề án  33\tĐÀO TẠO\n bồi dưỡng ", "hoà thuý\r\nhòa thúy", "Giáo viên mầm non", ""])
def test_one_fold_three_spacings(text: str) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", text)
    assert fold(nfd) == fold(text)  # how the marks were written does not matter
    assert fold_joined(text) == " ".join(fold(text).split())
    assert fold_keep_spacing(text).split("\n") == fold_keep_spacing(text.replace("\r\n", "\n\n")).split("\n")
    assert fold_keep_spacing(text).replace("\n", " ").split() == fold_joined(text).split()
    assert fold("Đề án  33\tĐÀO TẠO\nx") == "de an 33 dao tao\nx"
