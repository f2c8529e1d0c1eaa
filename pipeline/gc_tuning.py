"""The cyclic garbage collector of a one-shot pipeline command (`planwatch crawl`, `backfill`, `reprocess`).

Measured on the bench's 3,306-page reprocess (docs/performance.md, issue 16): the collector took about a tenth of
the planwatch process's CPU (0.29 of 2.7 s; 293 young, 27 middle and 2 full collections). The process imports
duckdb, pyarrow, numpy, Prefect and the pipeline (objects that are never garbage) and then makes many short-lived
containers per page (the writer's rows, the batches' results), so collections run often and each older one walks
every imported object again. `tune()` freezes what exists once the imports are done and collects the youngest
generation every 10,000 net allocations instead of 700: cycles are still freed, a little later, and memory stays
bounded. Only for a process that ends with its command (not a long-lived Prefect worker or a test process, where
frozen objects would never be collected). PLANWATCH_GC=default keeps Python's own settings (an A/B opt-out).
The crawl subprocess does the same for itself (crawlers.run._tune_gc)."""

from __future__ import annotations

import gc
import os

THRESHOLDS = (10_000, 10, 10)


def tune() -> bool:
    """Freeze the objects that exist now and raise the youngest generation's threshold; False (nothing changed)
    when PLANWATCH_GC=default."""
    if os.environ.get("PLANWATCH_GC", "").strip() == "default":
        return False
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    _TUNED.append(True)
    return True


_TUNED: list[bool] = []  # tune() ran in this process


def refreeze() -> bool:
    """After tune(), freeze what later imports made (a crawl imports the ingest's modules once its job is handed
    to the crawl subprocess: pipeline.nightly), without a collection; a no-op (False) in a process tune() left
    alone (a test, a Prefect worker)."""
    if not _TUNED:
        return False
    gc.freeze()
    return True
