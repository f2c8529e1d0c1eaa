"""The one-shot pipeline commands tune the cyclic garbage collector of their process (pipeline.gc_tuning)."""

from __future__ import annotations

import inspect

from planwatch.cli import flows
from tests.support.fresh import assert_in_fresh_interpreter


def test_tune_freezes_and_raises_the_threshold_with_an_opt_out() -> None:
    code = (
        "import gc, os\n"
        "from pipeline.gc_tuning import THRESHOLDS, tune\n"
        "default = gc.get_threshold()\n"
        "os.environ['PLANWATCH_GC'] = 'default'\n"
        "assert tune() is False\n"
        "assert gc.get_threshold() == default and gc.get_freeze_count() == 0\n"
        "del os.environ['PLANWATCH_GC']\n"
        "assert tune() is True\n"
        "assert gc.get_threshold() == THRESHOLDS != default and gc.get_freeze_count() > 0\n"
        "assert gc.isenabled()\n"
        "class Cycle: pass\n"
        "a = Cycle(); a.me = a; del a\n"
        "assert gc.collect() > 0  # cycles made after the freeze are still collected\n"
    )
    assert_in_fresh_interpreter(code)


def test_crawl_backfill_and_reprocess_tune_after_importing_the_pipeline() -> None:
    for command in (flows.crawl, flows.backfill, flows.reprocess):
        source = inspect.getsource(command)
        assert "_tune_gc()" in source, command.__name__
        assert source.index("from pipeline.nightly import") < source.index("_tune_gc()"), command.__name__
