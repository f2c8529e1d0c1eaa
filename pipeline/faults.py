"""Test-only fault hook: pause the process at a named point so a test can SIGKILL it there.

`PLANWATCH_FAULT_PAUSE=store` (or `publish`, or both comma-separated) makes the process write
`planwatch-fault-pause: <point>` to stderr and sleep `PLANWATCH_FAULT_PAUSE_SECONDS` (default 60) when it
reaches that point:
- `store`: inside the write job, after every row of the run is inserted, before the checkpoint;
- `publish`: after the snapshot copy is built and indexed, before the atomic rename.
Unset (always, outside tests/faults/test_crash.py) it does nothing. See docs/reliability.md."""

from __future__ import annotations

import os
import sys
import time

POINTS = ("store", "publish")


def pause(point: str) -> None:
    wanted = os.environ.get("PLANWATCH_FAULT_PAUSE", "")
    if not wanted or point not in wanted.split(","):
        return
    sys.stderr.write(f"planwatch-fault-pause: {point}\n")
    sys.stderr.flush()
    time.sleep(float(os.environ.get("PLANWATCH_FAULT_PAUSE_SECONDS", "60")))
