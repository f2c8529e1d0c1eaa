"""source_health: failing, silent, layout changes and last success, from per-run health rows."""

from __future__ import annotations

import datetime as dt

from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from tests.support.warehouse import source


def _log(run: int, source_id: str, *, found: int, fetched: int, errors: int, layout: int = 0, known: int = 0,
         not_modified: int = 0) -> dict:
    return {"run_id": f"r{run}", "source_id": source_id,
            "checked_at": dt.datetime(2022, 6, 1, tzinfo=dt.UTC) + dt.timedelta(days=run),
            "items_found": found, "pages_fetched": fetched, "errors": errors, "layout_misses": layout,
            "last_error": "HTTP 503" if errors else None, "skipped_known": known, "not_modified": not_modified}


def test_health_states(home):
    rows = [
        # a quiet night: listings answered (items already stored), one passing 503 -> not failing, but
        # never "ok" while the latest run has an error: warning
        _log(1, "quiet", found=5, fetched=3, errors=0), _log(2, "quiet", found=4, fetched=0, errors=1, known=4),
        # feeds answered 304 and one listing failed -> warning
        _log(1, "unchanged", found=0, fetched=0, errors=1, not_modified=2),
        # a run whose last error was not counted (robots.txt disallowed a path) -> warning; no error -> ok
        {**_log(1, "robots", found=3, fetched=3, errors=0), "last_error": "robots: disallowed"},
        _log(1, "clean", found=3, fetched=3, errors=0),
        # new items found but every article fetch failed -> failing
        _log(1, "articles-down", found=4, fetched=0, errors=4, known=1),
        # nothing discovered and errors -> failing
        _log(1, "down", found=6, fetched=6, errors=0), _log(2, "down", found=0, fetched=0, errors=3),
        # three runs in a row with nothing at all -> silent
        *[_log(i, "mute", found=0, fetched=0, errors=0) for i in (1, 2, 3)],
        # pages fetched but the layout selector missed
        _log(2, "redesigned", found=3, fetched=3, errors=0, layout=3),
    ]
    with open_writer(home) as writer:
        ids = ("quiet", "unchanged", "articles-down", "down", "mute", "redesigned", "new", "robots", "clean")
        writer.insert("sources", [source(s) for s in ids])
        writer.insert("source_health_log", rows)
    with open_snapshot(home) as conn:
        health = {r[0]: r[1:] for r in conn.execute(
            "SELECT source_id, health, silent_runs, last_success_at FROM source_health").fetchall()}
    assert health["quiet"][0] == "warning"
    assert health["quiet"][2] == dt.datetime(2022, 6, 3, tzinfo=dt.UTC)  # the quiet night still answered
    assert health["unchanged"][0] == "warning"
    assert health["robots"][0] == "warning"
    assert health["clean"][0] == "ok"
    assert health["articles-down"][0] == "failing"
    assert health["down"][0] == "failing"
    assert health["down"][2] == dt.datetime(2022, 6, 2, tzinfo=dt.UTC)
    assert health["mute"][:2] == ("silent", 3) and health["mute"][2] is None
    assert health["redesigned"][0] == "layout_changed"
    assert health["new"][0] == "never_crawled"
