"""Report statuses through `planwatch report --as-of` (in-process CLI; the real script is tested in test_cli).

Activity 1, articles: planned 3, window 2022-04-01..2022-09-30 (183 days).
expected_by_now = 3 x share of the window elapsed (the as_of day included)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from tests.support.warehouse import PLAN_ID, classification, document, seed


def status(as_of: str) -> dict:
    result = CliRunner().invoke(app, ["report", "--plan", PLAN_ID, "--format", "json", "--as-of", as_of])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == as_of
    return next(r for r in data["rows"] if (r["activity"], r["format"]) == ("1", "article"))


def _seed(home, days: list[str]) -> None:
    seed(home, documents=[document(f"d{i}", day) for i, day in enumerate(days)],
         classifications=[classification(f"d{i}", "1", "accept") for i in range(len(days))])


@pytest.mark.parametrize(("days", "as_of", "expected"), [
    ([], "2022-03-31", "not_started"),                            # before the window opens
    (["2022-04-01"], "2022-03-31", "not_started"),                # an item dated later is not seen yet
    ([], "2022-04-01", "on_track"),                               # expected 0.02: 0 is fine on day one
    (["2022-04-01", "2022-04-01"], "2022-04-01", "ahead"),         # 2 > ceil(0.02) = 1
    ([], "2022-07-01", "behind"),                                 # expected 1.51: 0 < floor = 1
    (["2022-05-01"], "2022-07-01", "on_track"),                   # floor 1 <= 1 <= ceil 2
    (["2022-05-01", "2022-05-02", "2022-05-03"], "2022-07-01", "done"),  # planned reached before the end
    (["2022-05-01", "2022-06-01"], "2022-09-30", "behind"),       # last day, 2 of 3
    (["2022-05-01", "2022-06-01"], "2022-10-01", "missed"),       # window over, 2 of 3
    (["2022-05-01", "2022-06-01", "2022-09-30"], "2022-10-01", "done"),
])
def test_status(home, days, as_of, expected):
    _seed(home, days)
    assert status(as_of)["status"] == expected


def test_expected_by_now_and_share_elapsed(home):
    _seed(home, [])
    row = status("2022-07-01")
    assert row["share_elapsed"] == pytest.approx(92 / 183)
    assert row["expected_by_now"] == pytest.approx(1.51)
    assert row["status_vi"] == "Chậm tiến độ"


def test_bad_as_of_fails_cleanly(home):
    _seed(home, [])
    # dd/mm/yyyy is a date now (as everywhere else); an impossible day is refused with its quotes
    assert CliRunner().invoke(app, ["report", "--as-of", "30/09/2022"]).exit_code == 0
    result = CliRunner().invoke(app, ["report", "--as-of", "31/09/2022"])
    assert result.exit_code == 2 and "--as-of: '31/09/2022' is not a date" in result.output
