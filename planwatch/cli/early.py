"""What a pipeline command starts before typer, the command modules and the pipeline are imported.

`planwatch crawl`, `backfill` and `reprocess` use the worker pool, whose fork server imports the extraction
and classification modules (pipeline.workers.PRELOAD, about 0.3 s of CPU) before it can fork the first worker;
a crawl also hands its job to a Scrapy subprocess that imports Scrapy first (crawlers.run.prestart). Started
here, first thing in `main`, they run while this process imports typer, the command modules and the pipeline
and reads the snapshot, instead of after the first part of that: the workers get their first batch sooner (the
serial start, docs/performance.md). The commands start them again where they run (planwatch.cli.flows:
started once, so a no-op after this), which keeps `app` used in-process (tests) working the same.

These commands never call BLAS (numpy serves the story signatures with integer element-wise operations, sorts
and searches; training is its own command), so they run with one OpenBLAS thread (pipeline.worker_env, set here
before anything imports numpy, for this process and the ones it starts): numpy's import then starts no thread
that spins on the other core, about 0.1 s of CPU taken from the fork server at the same moment.

Only the command's name is looked at: `--help` anywhere, or any other command, starts nothing. A command that
then fails on its options leaves the fork server and the crawl subprocess idle; both end with this process."""

from __future__ import annotations

POOL_COMMANDS = ("crawl", "backfill", "reprocess")
CRAWL_COMMANDS = ("crawl", "backfill")
PIPELINE_MODULE = "flows"  # planwatch.cli.flows registers the POOL_COMMANDS


def is_pipeline_command(args: list[str]) -> bool:
    """`args` (the command line without the program) runs crawl, backfill or reprocess, not their help."""
    return bool(args) and args[0] in POOL_COMMANDS and "--help" not in args


def start_helpers(args: list[str]) -> list[str]:
    """Start the helpers of the command `args` names (the command line without the program); returns what was
    started ("pool", "crawl")."""
    if not is_pipeline_command(args):
        return []
    from pipeline.worker_env import one_blas_thread
    from pipeline.workers import warm_up

    one_blas_thread()
    started = ["pool"] if warm_up() else []
    if args[0] in CRAWL_COMMANDS:
        from crawlers.run import prestart
        from planwatch.config import Paths

        prestart(Paths.from_env().runs)
        started.append("crawl")
    return started
