"""The nightly recipe's plain functions (what the flows' tasks call), on the demo mirror."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline import nightly
from pipeline.report import build_report
from pipeline.runfiles import INGESTED_MARKER
from pipeline.snapshot import open_snapshot
from tests.support.warehouse import PLAN_ID

pytestmark = pytest.mark.slow
SINCE, UNTIL = dt.date(2022, 1, 1), dt.date(2022, 12, 31)


def _state(home):
    with open_snapshot(home) as conn:
        docs, urls = conn.execute("SELECT count(*), count(DISTINCT canonical_url) FROM documents").fetchone()
        actual = {(r["activity"], r["format"]): r["actual"] for r in build_report(conn, PLAN_ID)["rows"]}
    return docs, urls, actual


def test_ingest_killed_before_store_is_completed_by_the_next_run(home, mirror, tmp_path):
    from pipeline.bootstrap import initialize

    sources = mirror.write_sources(tmp_path / "sources.toml")
    initialize(home, str(sources))
    # A run whose ingest never happened (the process died after the crawl): its folder stays pending.
    orphan = nightly.discover_and_fetch(home, sources, SINCE, UNTIL, politeness="off")
    assert not (orphan / INGESTED_MARKER).exists()
    summary = nightly.run_once(home, sources, SINCE, UNTIL, politeness="off")
    assert (orphan / INGESTED_MARKER).exists()
    docs, urls, actual = _state(home)
    assert docs == urls > 150
    assert summary.documents_new == 0  # the orphan's pages were stored by recovery, none fetched again
    with open_snapshot(home) as conn:
        runs = conn.execute("SELECT kind, status FROM crawl_runs ORDER BY started_at").fetchall()
    assert [r[0] for r in runs] == ["recovered", "nightly"]

    # Reprocessing from the raw archive changes nothing that was right, and duplicates nothing.
    again = nightly.reprocess(home, sources)
    assert again.pages == docs and again.documents_new == 0 and not again.extract_errors
    assert _state(home) == (docs, urls, actual)
