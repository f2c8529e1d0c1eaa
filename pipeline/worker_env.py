"""One OpenBLAS thread for the pipeline's processes. Imported first by the worker pool's fork server
(pipeline.workers.PRELOAD), before numpy, and called by `planwatch crawl`, `backfill` and `reprocess` before
anything imports numpy (planwatch.cli.early). Nothing they run calls BLAS (numpy serves the story signatures
with integer element-wise operations, sorts and searches; the classifier does not use numpy; training is its
own command), and with its default of one thread per core numpy's import starts a thread that spins for a while
after it: about 0.04 s of CPU in the fork server and 0.1 s in the parent, on the other core, at the start of a
run when the parent and the fork server each need one. A value set by the user is kept."""

from __future__ import annotations

import os

VARIABLE = "OPENBLAS_NUM_THREADS"


def one_blas_thread() -> None:
    """OPENBLAS_NUM_THREADS=1 for this process (read when numpy loads) and the processes it starts."""
    os.environ.setdefault(VARIABLE, "1")


one_blas_thread()
