"""A reviewer's date correction survives a reopen and the confirm that follows it."""

from __future__ import annotations

import datetime as dt

from pipeline.snapshot import open_snapshot


def _tagging(home) -> tuple[dt.date, str] | None:
    with open_snapshot(home) as conn:
        row = conn.execute("SELECT published_date, status FROM matches WHERE doc_id = 'q-edge'").fetchone()
    return (row[0], row[1]) if row else None


def test_reopen_keeps_the_corrected_date_and_a_later_confirm_too(queue_home, cli):
    # Lan corrects the date (the page said 28/11, the article ran on 20/11) and confirms. Minh reopens it
    # to look again, then confirms it without restating the date: the correction must still hold.
    r = cli("review", "decide", "q-edge", "--confirm", "--date", "2022-11-20", "--reviewer", "Lan")
    assert r.exit_code == 0, r.output
    assert _tagging(queue_home) == (dt.date(2022, 11, 20), "confirmed")
    r = cli("review", "decide", "q-edge", "--reopen", "--reviewer", "Minh")
    assert r.exit_code == 0, r.output
    assert _tagging(queue_home) == (dt.date(2022, 11, 20), "pending")
    r = cli("review", "decide", "q-edge", "--confirm", "--reviewer", "Minh")
    assert r.exit_code == 0, r.output
    assert _tagging(queue_home) == (dt.date(2022, 11, 20), "confirmed")
