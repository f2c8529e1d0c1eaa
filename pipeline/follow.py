"""Read a run file while the crawl is still writing it: complete lines as they appear, until the crawl ends.

The crawler writes and flushes whole lines (crawlers/output.py); a line without its newline yet is left for
the next look. When the crawl process has ended, what is left is read once more and the stream ends, so the
caller sees every complete line, exactly as read_jsonl would after the crawl.

`on_total`: told once how many rows the stream gives in all, as soon as that is known: the crawl has ended and
the rest of the file is read (checked every CHECK_EVERY rows while earlier lines are still being handed out, so a
caller far behind the crawl learns it long before its last row). The ingest's writer uses it to take its last
chunks while the workers still extract (pipeline.chunk_writer)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

CHECK_EVERY = 16  # rows handed out between two looks at whether the crawl has ended


class _Lines:
    """The complete lines of a growing file, from where the last read stopped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.pending = b""

    def read(self) -> list[bytes]:
        if not self.path.exists():
            return []
        with open(self.path, "rb") as fh:
            fh.seek(self.offset)
            chunk = fh.read()
        self.offset += len(chunk)
        if not chunk:
            return []
        self.pending += chunk
        *lines, self.pending = self.pending.split(b"\n")  # a torn last line (no newline) waits, or is skipped
        return lines


def _rows(lines: list[bytes]) -> list[dict[str, Any]]:
    rows = []
    for line in lines:
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return rows


def follow_jsonl(path: Path, running: Callable[[], bool], poll: float = 0.05,
                 on_total: Callable[[int], None] | None = None) -> Iterator[dict[str, Any]]:
    source = _Lines(path)
    given = 0
    while True:
        alive = running()  # asked before reading, so nothing written before the end is missed
        lines = source.read()
        if not alive:
            rest = _rows(lines)
            if on_total is not None:
                on_total(given + len(rest))
            yield from rest
            return
        if not lines:
            time.sleep(poll)
            continue
        for i, line in enumerate(lines):
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            given += 1
            yield row
            if on_total is not None and given % CHECK_EVERY == 0 and not running():
                rest = _rows(lines[i + 1:]) + _rows(source.read())  # the crawl has ended: everything is there
                on_total(given + len(rest))
                yield from rest
                return
