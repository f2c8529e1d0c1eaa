"""Publishing while another real process reads the snapshot: the reader never errors and always sees
one whole snapshot (old or new); the writer is never blocked by it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.store import open_writer
from tests.support.warehouse import classification, document, seed

READER = Path(__file__).with_name("snapshot_reader.py")
BATCH = 150
JOBS = 5


def _write_job(home, job: int) -> None:
    docs = [document(f"j{job}-{i}", "2022-06-01", text=f"Bài {job}-{i} về đào tạo giáo viên mầm non")
            for i in range(BATCH)]
    with open_writer(home, lock_timeout=5) as writer:  # the reader never holds this lock or the warehouse
        writer.insert("documents", docs)
        writer.insert("classifications", [classification(d["doc_id"], "2b", "accept") for d in docs])


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["loop", "hold"])
def test_publish_while_another_process_reads(home, tmp_path, mode):
    seed(home, documents=[document("first", "2022-05-01")], classifications=[classification("first", "2b", "accept")])
    ready = tmp_path / "ready"
    reader = subprocess.Popen([sys.executable, str(READER), str(home.snapshot), str(ready), "4", mode],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert reader.poll() is None, reader.communicate()
            assert time.monotonic() < deadline, "reader did not start"
            time.sleep(0.02)
        for job in range(JOBS):
            _write_job(home, job)
            time.sleep(0.2)
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert reader.returncode == 0, err
    result = json.loads(out)
    assert result["errors"] == []
    seen = result["observations"]
    assert len(seen) > 20
    published = {1 + BATCH * k for k in range(JOBS + 1)}
    for docs, classes in seen:
        assert docs == classes, "a torn snapshot: documents and classifications from different publishes"
        assert docs in published
    counts = [docs for docs, _ in seen]
    assert counts == sorted(counts)  # never goes back to an older snapshot
    if mode == "hold":
        assert set(counts) == {1}  # an open session keeps reading the snapshot it opened
    else:
        assert len(set(counts)) >= 2  # a new open sees the new snapshot
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1 + BATCH * JOBS,)
    assert not list(home.snapshot.parent.glob(".*.tmp*"))  # no leftovers from the copies


def test_one_writer_at_a_time(home):
    from pipeline.locking import LockTimeout

    with open_writer(home, publish=False), pytest.raises(LockTimeout), open_writer(home, lock_timeout=0.3):
        pass
    with open_writer(home, lock_timeout=0.3):  # released on exit
        pass


def test_a_failed_write_job_publishes_nothing(home):
    seed(home, documents=[document("kept", "2022-05-01")], classifications=[classification("kept", "2b", "accept")])
    before = home.snapshot.stat().st_mtime_ns
    with pytest.raises(RuntimeError), open_writer(home) as writer:
        writer.insert("documents", [document("lost", "2022-05-02")])
        raise RuntimeError("extraction blew up")
    assert home.snapshot.stat().st_mtime_ns == before
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_a_killed_publish_leaves_no_litter(home):
    seed(home)
    stale = home.snapshot.with_name(f".{home.snapshot.name}.99999.tmp")
    stale.write_bytes(b"half a copy")
    stale.with_name(stale.name + ".wal").write_bytes(b"")
    seed(home)
    assert sorted(p.name for p in home.snapshot.parent.iterdir()) == ["planwatch.duckdb"]
