"""Read a run file while the crawl is still writing it: complete lines as they appear, until the crawl ends.

The crawler writes and flushes whole lines (crawlers/output.py); a line without its newline yet is left for
the next look. When the crawl process has ended, what is left is read once more and the stream ends, so the
caller sees every complete line, exactly as read_jsonl would after the crawl."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def follow_jsonl(path: Path, running: Callable[[], bool], poll: float = 0.05) -> Iterator[dict[str, Any]]:
    pending = b""
    offset = 0
    while True:
        alive = running()  # asked before reading, so nothing written before the end is missed
        chunk = b""
        if path.exists():
            with open(path, "rb") as fh:
                fh.seek(offset)
                chunk = fh.read()
            offset += len(chunk)
        if chunk:
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue
        elif not alive:
            return  # a torn last line (no newline) is skipped, as read_jsonl does
        else:
            time.sleep(poll)
