"""Reviewing while the nightly run writes: no decision is lost and neither side waits more than a moment.

Two real processes: one holds the writer (open_writer) and inserts in a loop; meanwhile `planwatch review
decide` runs several times as separate processes."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from tests.review.conftest import qid
from tests.support.journal import wait_for_stored_decisions
from tests.support.warehouse import PLAN_ID

HOLDER = textwrap.dedent("""
    import datetime as dt, json, os, sys, time, uuid
    from pathlib import Path
    from pipeline.store import open_writer
    from planwatch.config import Paths

    state, flag = Path(sys.argv[1]), Path(sys.argv[2])
    n = 0
    progress = flag.parent / "inserted"
    progress.write_text("0")
    with open_writer(Paths(state)) as writer:
        (flag.parent / "holding").write_text("1")
        deadline = time.monotonic() + 30
        while not flag.exists() and time.monotonic() < deadline:
            writer.insert("fetch_log", [{"fetch_id": uuid.uuid4().hex, "run_id": "nightly", "url": f"http://x/{n}",
                                          "fetched_at": dt.datetime.now(dt.UTC), "status": 200}])
            n += 1
            (flag.parent / "inserted.tmp").write_text(str(n))
            os.replace(flag.parent / "inserted.tmp", progress)  # the test never reads a half-written count
            time.sleep(0.05)
    print(json.dumps({"inserts": n}))
""")


def planwatch_cmd() -> list[str]:
    script = Path(sys.executable).parent / "planwatch"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from planwatch.cli import main; main()"]


@pytest.mark.slow
def test_decisions_while_the_writer_is_busy(queue_home, tmp_path):
    flag = tmp_path / "release"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(queue_home.home), str(flag)],
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "holding").exists():
            assert holder.poll() is None and time.monotonic() < deadline, "the writer process did not start"
            time.sleep(0.05)
        decisions = [(qid("q-edge"), "--confirm"), (qid("q-xss"), "--reject"), (qid("q-far"), "--confirm"),
                     ("acc", "--reopen")]
        inserted = [int((tmp_path / "inserted").read_text())]
        for item, action in decisions:
            done = subprocess.run([*planwatch_cmd(), "review", "decide", item, action, "--reviewer", "Lan",
                                   "--lock-timeout", "0.3"], capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr + done.stdout
            # "đang bận" (busy): decide gave up on the lock (0.3 s) instead of waiting for the writer, and
            # saved anyway ("đã được lưu")
            assert "đang bận" in done.stdout and "đã được lưu" in done.stdout
            inserted.append(int((tmp_path / "inserted").read_text()))
        assert holder.poll() is None  # the writer was never interrupted
    finally:
        flag.write_text("1")
        out, _ = holder.communicate(timeout=60)
    stats = json.loads(out.strip().splitlines()[-1])
    assert all(b > a for a, b in itertools.pairwise(inserted)), inserted  # the writer kept writing
    assert stats["inserts"] >= inserted[-1]

    # The background waiter folds the journal in once the writer is done.
    assert wait_for_stored_decisions(queue_home, 4, seconds=40) == 4
    with open_snapshot(queue_home) as conn:
        rows = {(r["activity"], r["format"]): r for r in build_report(conn, PLAN_ID, dt.date(2023, 1, 31))["rows"]}
        nightly = conn.execute("SELECT count(*) FROM fetch_log WHERE run_id = 'nightly'").fetchone()[0]
    assert nightly == stats["inserts"]  # the nightly writes are all there too
    assert rows[("2b", "article")]["actual"] == 1       # q-edge confirmed
    assert rows[("2a", "report")]["actual"] == 1        # q-far confirmed
    assert rows[("1", "article")]["pending_review"] == 0  # q-xss rejected
    assert rows[("2a", "article")]["actual"] == 0 and rows[("2a", "article")]["pending_review"] == 1  # acc reopened
