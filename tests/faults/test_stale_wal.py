"""A stale WAL beside the snapshot: an analyst opened the published snapshot read-write, changed it, and was
SIGKILLed before DuckDB checkpointed. The next publish must not let readers replay that WAL onto the new
snapshot, and the published file is read-only on disk."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb

from pipeline.bootstrap import initialize
from pipeline.publish import SNAPSHOT_MODE
from pipeline.snapshot import open_snapshot
from pipeline.store import open_writer
from planwatch.config import Paths

ANALYST = textwrap.dedent("""
    import sys, time, duckdb
    conn = duckdb.connect(sys.argv[1])                 # read-write, as an analyst might
    conn.execute("SET checkpoint_threshold = '10GB'")  # keep the change in the WAL
    conn.execute("DELETE FROM planned_counts")
    conn.execute("DELETE FROM activities")
    conn.execute("DELETE FROM plans")
    print("ready", flush=True)
    time.sleep(600)
""")


def _counts(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    plans = conn.execute("SELECT count(*) FROM plans").fetchone()
    acts = conn.execute("SELECT count(*) FROM activities").fetchone()
    assert plans is not None and acts is not None
    return plans[0], acts[0]


def test_a_killed_read_write_session_never_leaks_into_later_snapshots(home: Paths) -> None:
    initialize(home)
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        expected = _counts(conn)
    assert expected[0] >= 1 and expected[1] >= 1
    assert stat.S_IMODE(home.snapshot.stat().st_mode) == SNAPSHOT_MODE

    # The analyst's process (as root, or after a chmod, the 0444 mode does not stop it) is killed mid-session.
    wal = _killed_session_wal(home, ANALYST)

    for _ in range(2):  # and across later publishes
        with open_writer(home):
            pass
        assert not wal.exists()
        assert stat.S_IMODE(home.snapshot.stat().st_mode) == SNAPSHOT_MODE
        with open_snapshot(home) as conn:
            assert _counts(conn) == expected
        with duckdb.connect(str(home.snapshot), read_only=True) as conn:  # the plain analyst's way in
            assert _counts(conn) == expected


TAMPER = textwrap.dedent("""
    import sys, time, duckdb
    conn = duckdb.connect(sys.argv[1])                 # read-write, as an analyst might
    conn.execute("SET checkpoint_threshold = '10GB'")  # keep the change in the WAL
    conn.execute("DELETE FROM search_postings")
    conn.execute("UPDATE search_docs SET len = 1")
    print("ready", flush=True)
    time.sleep(600)
""")


def test_a_killed_session_that_changed_the_index_is_not_carried_over(home: Paths) -> None:
    """The next publish copies the postings of unchanged documents from the snapshot it replaces
    (pipeline.publish.build_search_index): what a stale WAL says about them must not come along."""
    from tests.support.warehouse import document, seed

    initialize(home)
    seed(home, documents=[document("mn", "2022-05-01", title="Đào tạo giáo viên mầm non", text="Đề án 33."),
                          document("th", "2022-05-02", title="Giáo viên tiểu học", text="Bồi dưỡng.")])
    whole = ("SELECT doc_id, term, count(*)::INTEGER FROM (SELECT doc_id, unnest(fts_main_documents.tokenize("
             "concat_ws(' ', title, lead, text))) AS term FROM documents) GROUP BY ALL ORDER BY ALL")
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        expected = conn.execute(whole).fetchall(), conn.execute("FROM search_docs ORDER BY ALL").fetchall()
    assert expected[0]
    _killed_session_wal(home, TAMPER)
    with open_writer(home):
        pass
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        got = (conn.execute("SELECT doc_id, term, tf FROM search_postings ORDER BY ALL").fetchall(),
               conn.execute("FROM search_docs ORDER BY ALL").fetchall())
    assert got == expected


def _killed_session_wal(home: Paths, script: str) -> Path:
    """Run `script` read-write on the snapshot (made writable, as root or after a chmod), kill it once it says
    "ready", and return the WAL it left behind (checked to be there: the scenario is real)."""
    os.chmod(home.snapshot, 0o644)
    proc = subprocess.Popen([sys.executable, "-c", script, str(home.snapshot)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    wal = home.snapshot.with_name(home.snapshot.name + ".wal")
    assert wal.exists() and wal.stat().st_size > 0
    return wal
