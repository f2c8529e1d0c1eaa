"""Progress of long work (crawl, backfill, reprocess, reclassify), for people and for logs.

Two reporters with one interface:
- LineReporter: plain lines (a pipe, a log file, cron, a Prefect run log). During a crawl, one line per
  source every `every` seconds: fetched, found, errors, current delay, ETA; during a stage (extraction,
  classification), one line every `every` seconds: done/total, rate, ETA. At the end of a crawl, one line per
  source with its totals and its last error.
- RichReporter: live progress bars on a terminal (one bar per source, one per stage), the same end lines.

A reporter is also a plain `Callable[[str], None]` (the pipeline's older progress messages)."""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
DEFAULT_EVERY = 5.0


def duration(seconds: float | None) -> str:
    """'45 giây', '3 phút', '1 giờ 05 phút'; 'chưa rõ' when unknown."""
    if seconds is None:
        return "chưa rõ"
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} giây"
    if seconds < 3600:
        return f"{round(seconds / 60)} phút"
    return f"{seconds // 3600} giờ {seconds % 3600 // 60:02d} phút"


class Rate:
    """Items per second over the last `window` seconds of (time, count) samples."""

    def __init__(self, window: float = 60.0) -> None:
        self.window = window
        self.samples: deque[tuple[float, int]] = deque()

    def add(self, at: float, count: int) -> None:
        self.samples.append((at, count))
        while len(self.samples) > 2 and at - self.samples[0][0] > self.window:
            self.samples.popleft()

    def per_second(self) -> float | None:
        if len(self.samples) < 2:
            return None
        (t0, c0), (t1, c1) = self.samples[0], self.samples[-1]
        return (c1 - c0) / (t1 - t0) if t1 > t0 and c1 > c0 else None


def crawl_eta(source: dict[str, Any], rate: float | None) -> float | None:
    """Seconds left for what this source has queued: by its recent fetch rate, else by its current delay."""
    pending = int(source.get("pending") or 0)
    if pending == 0:
        return 0.0
    if rate:
        return pending / rate
    delay = float(source.get("delay") or 0.0)
    return pending * delay if delay > 0 else None


def source_line(source: dict[str, Any], eta: float | None) -> str:
    delay = float(source.get("delay") or 0.0)
    return (f"{source['source_id']}: đã tải {source.get('fetched', 0)}, tìm thấy {source.get('found', 0)}, "
            f"lỗi {source.get('errors', 0)}, giãn cách {delay:.1f} giây, còn {source.get('pending', 0)} yêu cầu "
            f"(ước tính {duration(eta)})")


def final_line(source: dict[str, Any]) -> str:
    line = (f"{source['source_id']}: {source.get('fetched', 0)} lần tải, {source.get('found', 0)} tin tìm thấy, "
            f"{source.get('pages', 0)} trang bài, {source.get('errors', 0)} lỗi")
    if source.get("last_error"):
        line += f"; lỗi gần nhất: {str(source['last_error'])[:200]}"
    return line


class LineReporter:
    """Plain lines through `write` (default: stderr), at most one batch every `every` seconds."""

    def __init__(self, write: Callable[[str], None] | None = None, every: float = DEFAULT_EVERY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self.every, self.clock = every, clock
        self.rates: dict[str, Rate] = {}
        self._last = float("-inf")
        self._stage: tuple[str, int] | None = None
        self._done = 0
        self._stage_rate = Rate()

    def __call__(self, message: str) -> None:
        self.write(f"  · {message}")

    # -- crawl ---------------------------------------------------------------------------------------
    def _etas(self, snapshot: dict[str, Any]) -> dict[str, float | None]:
        now = self.clock()
        out = {}
        for s in snapshot.get("sources", []):
            rate = self.rates.setdefault(s["source_id"], Rate())
            rate.add(now, int(s.get("fetched") or 0))
            out[s["source_id"]] = crawl_eta(s, rate.per_second())
        return out

    def crawl(self, snapshot: dict[str, Any]) -> None:
        etas = self._etas(snapshot)
        now = self.clock()
        if now - self._last < self.every:
            return
        self._last = now
        elapsed = duration(snapshot.get("elapsed_s"))
        self.write(f"thu thập ({elapsed}): {snapshot.get('fetched', 0)} lần tải, {snapshot.get('found', 0)} tin "
                   f"tìm thấy, {snapshot.get('errors', 0)} lỗi")
        for s in snapshot.get("sources", []):
            self.write("  " + source_line(s, etas.get(s["source_id"])))

    def crawl_finished(self, snapshot: dict[str, Any]) -> None:
        self.write(f"thu thập xong sau {duration(snapshot.get('elapsed_s'))}, theo từng nguồn:")
        for s in snapshot.get("sources", []):
            self.write("  " + final_line(s))

    # -- stages (extraction, classification) -------------------------------------------------------------
    def stage(self, name: str, total: int) -> None:
        self._stage, self._done, self._stage_rate = (name, total), 0, Rate()
        self._last = float("-inf")
        self.write(f"  · {name}: {total}")

    def advance(self, n: int = 1) -> None:
        if self._stage is None:
            return
        self._done += n
        name, total = self._stage
        now = self.clock()
        self._stage_rate.add(now, self._done)
        if self._done < total and now - self._last < self.every:
            return
        self._last = now
        rate = self._stage_rate.per_second()
        eta = (total - self._done) / rate if rate else None
        speed = f", {rate:.1f}/giây" if rate else ""
        self.write(f"    {name}: {self._done}/{total}{speed}, còn {duration(eta)}")


class RichReporter(LineReporter):
    """Live bars on a terminal (rich), then the same end lines as LineReporter."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = console or Console(stderr=True)
        super().__init__(write=lambda line: self.console.print(line, highlight=False, markup=False), every=0.0)
        self.bars = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("{task.fields[detail]}"), TimeRemainingColumn(), console=self.console,
                             transient=True)
        self.tasks: dict[str, Any] = {}
        self._started = False

    def _start(self) -> None:
        if not self._started:
            self.bars.start()
            self._started = True

    def stop(self) -> None:
        if self._started:
            self.bars.stop()
            self._started = False

    def crawl(self, snapshot: dict[str, Any]) -> None:
        self._start()
        for s in snapshot.get("sources", []):
            sid = s["source_id"]
            fetched, pending = int(s.get("fetched") or 0), int(s.get("pending") or 0)
            detail = (f"tìm thấy {s.get('found', 0)}, lỗi {s.get('errors', 0)}, "
                      f"giãn cách {float(s.get('delay') or 0):.1f} s")
            if sid not in self.tasks:
                self.tasks[sid] = self.bars.add_task(sid, total=fetched + pending, detail=detail)
            self.bars.update(self.tasks[sid], completed=fetched, total=fetched + pending, detail=detail)

    def crawl_finished(self, snapshot: dict[str, Any]) -> None:
        self.stop()
        self.tasks.clear()
        super().crawl_finished(snapshot)

    def stage(self, name: str, total: int) -> None:
        self._start()
        self.tasks[f"stage:{name}"] = self.bars.add_task(name, total=total, detail="")
        self._stage = (name, total)

    def advance(self, n: int = 1) -> None:
        if self._stage is not None:
            task = self.tasks.get(f"stage:{self._stage[0]}")
            if task is not None:
                self.bars.advance(task, n)


def reporter_for(stream: Any = None, write: Callable[[str], None] | None = None,
                 every: float = DEFAULT_EVERY) -> LineReporter:
    """Bars on a terminal, lines otherwise (a pipe, a file, cron)."""
    stream = stream or sys.stderr
    if write is None and getattr(stream, "isatty", lambda: False)():
        return RichReporter()
    return LineReporter(write=write, every=every)


def counted(items: Iterable[T], tick: Callable[[int], None] | None) -> Iterator[T]:
    """Items as they are consumed, calling tick(1) for each (no-op without a tick)."""
    for item in items:
        yield item
        if tick is not None:
            tick(1)
