"""A separate analyst process for test_publish: reads the snapshot read-only for DURATION seconds.

usage: python snapshot_reader.py SNAPSHOT READY_FILE DURATION loop|hold
  loop: open, count, close, again (a script polling the snapshot)
  hold: one connection held open the whole time (a notebook session)
Prints a JSON object: observations [[documents, classifications], ...] and errors [...]; exit 1 on errors."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

COUNT = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM classifications)"


def main() -> int:
    snapshot, ready, duration, mode = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    seen: list[list[int]] = []
    errors: list[str] = []
    held = duckdb.connect(snapshot, read_only=True) if mode == "hold" else None
    ready.write_text("ready")
    end = time.monotonic() + duration
    while time.monotonic() < end:
        try:
            if held is not None:
                row = held.execute(COUNT).fetchone()
            else:
                with duckdb.connect(snapshot, read_only=True) as conn:
                    row = conn.execute(COUNT).fetchone()
            assert row is not None
            seen.append([int(row[0]), int(row[1])])
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.01)
    if held is not None:
        held.close()
    print(json.dumps({"observations": seen, "errors": errors}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
