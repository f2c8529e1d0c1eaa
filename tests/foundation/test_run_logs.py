"""The run's fetch log and health, read in a thread once the page stream has ended (pipeline.ingest._RunLogs):
read only then (a crawl still running has not written them whole), and the rows read after the stream."""

from __future__ import annotations

import json

from pipeline import ingest
from pipeline.runfiles import FETCHES, HEALTH


def _write(path, rows) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_the_logs_are_read_once_the_stream_ends(tmp_path):
    fetch = {"url": "http://127.0.0.1/a-post1.html", "kind": "article", "status": 200, "source_id": "bench",
             "fetched_at": "2026-12-07T01:00:00+00:00", "fetch_id": "f1"}
    logs = ingest._RunLogs(tmp_path, "run-1")
    seen = []

    def pages():
        for n in range(3):
            _write(tmp_path / FETCHES, [fetch] * (n + 1))  # the crawl still writing its fetch log
            seen.append(logs._thread)
            yield {"url": f"u{n}"}
        _write(tmp_path / HEALTH, [{"source_id": "bench", "items_found": 3}])

    assert [p["url"] for p in logs.after(pages())] == ["u0", "u1", "u2"]
    assert seen == [None, None, None]  # nothing read while pages were still coming
    raw, fetches, health = logs.rows()
    assert len(raw) == 3 and [f["fetch_id"] for f in fetches] == ["f1"] * 3
    assert [(h["source_id"], h["items_found"]) for h in health] == [("bench", 3)]
    assert fetches == [ingest._fetch_row(r, "run-1") for r in raw]


def test_the_logs_are_read_in_the_callers_thread_when_the_stream_never_ended(tmp_path, monkeypatch):
    _write(tmp_path / FETCHES, [{"url": "http://x/", "fetch_id": "f2"}])
    logs = ingest._RunLogs(tmp_path, "run-2")
    assert [f["fetch_id"] for f in logs.rows()[1]] == ["f2"]  # (the stream was never read to its end)
    failing = ingest._RunLogs(tmp_path, "run-3")
    monkeypatch.setattr(failing, "_read", lambda: (_ for _ in ()).throw(OSError("busy")))
    list(failing.after(iter([])))  # the thread fails (quietly): rows() reads again, here
    monkeypatch.undo()
    assert [f["run_id"] for f in failing.rows()[1]] == ["run-3"]
