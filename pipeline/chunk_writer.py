"""The one writer, in a thread of the ingesting process, storing finished documents in chunks while the worker
processes keep extracting (issue 16: the writer's story assignment and loads overlap the workers instead of
running after them).

The ingest hands every finished batch to `add` (cheap: a list append); the thread opens the write job when the
first chunk's documents are there and, each time it is free, stores everything that has arrived since its last chunk
(so chunks grow when the writer is the slower side, and the workers never wait for it). When the stream ends,
`finish` hands it the last step (fetch log, health, the run's row), which runs in the same write job, then the
job publishes as before. With early=False (a polite crawl, where fetching is the bottleneck and the writer lock
should not be held while it goes on) the write job starts only then, with the whole run as one chunk. An error
in the thread is raised in the ingest at the next `add` or at `finish`.

Story assignment does not depend on how a run's documents are split into write jobs or batches
(docs/stories.md section 2), so a run stored in chunks gets the same stories as one stored at once; a page
recorded twice in a run is stored twice, the later extraction replacing the earlier."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.stages import StageTimes
from pipeline.store import Writer, open_writer
from planwatch.config import Paths

if TYPE_CHECKING:
    from pipeline.workers import BatchResult

# documents: below this a chunk waits for more (the story lookup costs about 0.1 s CPU more per chunk than one
# load of the same documents; docs/performance.md)
MIN_CHUNK = 500
# Near the end of a run whose size is known (`total`), a smaller chunk is taken as soon as the pages waiting cover
# every page still to come: the writer stores them while the workers finish the last batches, instead of after
# them (the run's serial tail). Only when storing them is worth a chunk's fixed cost: at least MIN_CHUNK //
# END_SHARE documents, and at least END_SECONDS of the writer thread's CPU at its pace so far (a fresh crawl's
# writer spends about 1 ms a document; CPU, not wall time, so that a loaded machine does not make it take more of
# them). pipeline.ingest tells only a crawl's writer the run's size (a reprocess's chunk is mostly fixed cost).
END_SHARE = 4
END_SECONDS = 0.1

# (writer, batch results of one chunk) -> None: stores the chunk's documents and classifications
StoreChunk = Callable[[Writer, list["BatchResult"]], None]


class ChunkWriter:
    def __init__(self, paths: Paths, times: StageTimes, start: Callable[[Writer], None], store: StoreChunk,
                 min_chunk: int | None = None, early: bool = True,
                 total: Callable[[], int | None] | None = None,
                 settle: Callable[[Writer], None] | None = None,
                 between: Callable[[Writer], None] | None = None) -> None:
        self._paths = paths
        self._times = times
        self._start = start  # first thing in the write job (the run's row, the source registry)
        self._store = store
        self._min_chunk = MIN_CHUNK if min_chunk is None else min_chunk
        self._early = early  # False: the write job starts when the stream ends (one chunk, the lock taken last)
        self._pending: list[BatchResult] = []
        self._pending_docs = 0
        self._pending_pages = 0
        self._added_pages = 0
        # pages the run will hand over in all, once known (None: not yet); called in the writer's thread
        self._total = total
        self._stored_docs = 0  # documents stored so far, and the CPU seconds their chunks took: the writer's pace
        self._store_seconds = 0.0
        # run once, after the first chunk taken early (the run's last pages are in): the job's checkpoint, while
        # the workers finish, so that the closing one writes only the last chunk
        self._settle = settle
        # run after each chunk stored, before the settle step: the job's other rows once ready (a crawl's fetch log)
        self._between = between
        self._ended = False
        self._last: Callable[[Writer], None] | None = None
        self._error: BaseException | None = None
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self.writer: Writer | None = None
        self.chunks = 0

    def add(self, result: BatchResult) -> None:
        """A finished batch (in run order). Starts the write job once there are documents to store."""
        self._raise()
        with self._cond:
            self._pending.append(result)
            self._pending_docs += len(result.docs)
            self._pending_pages += result.pages
            self._added_pages += result.pages
            self._cond.notify()
        if self._thread is None and self._early and self._pending_docs >= self._min_chunk:
            self._begin()

    def finish(self, last: Callable[[Writer], None]) -> Writer:
        """The stream ended: store what is left, run `last` in the same write job, publish. Returns the writer
        (its publish_seconds)."""
        with self._cond:
            self._ended = True
            self._last = last
            self._cond.notify()
        if self._thread is None:
            self._begin()
        assert self._thread is not None
        self._thread.join()
        self._raise()
        assert self.writer is not None
        return self.writer

    def abandon(self) -> None:
        """The ingest failed: let the thread end without its last step (what it stored stays: ingest is
        idempotent, the run is completed by ingesting it again)."""
        with self._cond:
            self._ended = True
            self._last = None
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()

    def _begin(self) -> None:
        self._thread = threading.Thread(target=self._run, name="planwatch-writer", daemon=True)
        self._thread.start()

    def _raise(self) -> None:
        if self._error is not None:  # as raised in the thread: callers tell a full disk by its type
            raise self._error

    def _take(self) -> tuple[list[BatchResult], bool, bool]:
        """The next chunk (all that arrived), whether the stream has ended with nothing left, and whether the
        chunk was taken early (the run's last pages)."""
        with self._cond:
            early = False
            while not self._ended and self._pending_docs < self._min_chunk:
                early = self._last_pages_in()
                if early:
                    break
                self._cond.wait()
            chunk, self._pending, self._pending_docs, self._pending_pages = self._pending, [], 0, 0
            return chunk, self._ended and not chunk, early

    def _last_pages_in(self) -> bool:
        """The run's size is known and the pages waiting are at least as many as those still to come (and make a
        chunk worth its fixed cost): storing them now overlaps the workers' last batches. Caller holds the lock."""
        if self._total is None or self._pending_docs < max(1, self._min_chunk // END_SHARE):
            return False
        if not self._stored_docs or self._pending_docs * self._store_seconds / self._stored_docs < END_SECONDS:
            return False
        total = self._total()
        return total is not None and self._pending_pages >= total - self._added_pages

    def _run(self) -> None:
        from pipeline.story_store import one_thread  # (here: the story store's imports stay off the run's start)

        try:
            opened = time.perf_counter()
            with open_writer(self._paths) as writer:
                self.writer = writer
                self._start(writer)
                self._times.add("store", time.perf_counter() - opened)
                with one_thread(writer.conn):  # (restored for the last step, the checkpoint and the publish)
                    self._chunks(writer)
                last = self._last
                if last is None:
                    raise _Abandoned
                last(writer)
        except _Abandoned:
            pass
        except BaseException as exc:  # handed to the ingesting thread
            self._error = exc

    def _chunks(self, writer: Writer) -> None:
        """Store each chunk as it is taken, until the stream has ended with nothing left."""
        while True:
            chunk, done, early = self._take()
            if chunk:
                started, cpu = time.perf_counter(), time.thread_time()
                dedupe_before = self._times.seconds("dedupe")
                self._store(writer, chunk)
                self.chunks += 1
                spent = time.perf_counter() - started
                with self._cond:  # (read by _last_pages_in under the lock)
                    self._stored_docs += sum(len(r.docs) for r in chunk)
                    self._store_seconds += time.thread_time() - cpu
                self._times.add("store", spent - (self._times.seconds("dedupe") - dedupe_before))
                if self._between is not None:
                    started = time.perf_counter()
                    self._between(writer)
                    self._times.add("store", time.perf_counter() - started)
                if early and self._settle is not None:
                    settle, self._settle = self._settle, None
                    started = time.perf_counter()
                    settle(writer)
                    self._times.add("store", time.perf_counter() - started)
            if done:
                break


class _Abandoned(Exception):
    """Leaves the write job without publishing (the ingest failed)."""
