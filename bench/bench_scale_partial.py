"""Report and decision figures on a warehouse that bench_scale.py built but did not finish publishing.

    PLANWATCH_LAKE=sqlite .venv/bin/python bench/bench_scale_partial.py HOME

HOME: a `bench_scale.py --home HOME` folder whose build was stopped (the 1M build on a shared machine).
Adds the bench's reviewer decisions through the journal (once), rebuilds the coverage file from the whole
warehouse (pipeline/coverage_file.py), then measures, as bench_scale.py does: `report_ms` (median of 3,
with `report_cpu_ms`) and three `review decide --confirm` runs in-process until the report counts each
(wall ms, CPU ms of this process, load average). Prints one JSON object. The lake is not published here, so
search, publish, the write job and the story lookup are not measured.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PLAN = "661-KH-BGDDT-2022"


def _timed(out: dict[str, Any], name: str, fn: Callable[[], Any]) -> Any:
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    out[f"{name}_s"] = round(time.perf_counter() - started, 2)
    out[f"{name}_cpu_s"] = round(time.process_time() - cpu, 2)
    return result


def main(home: Path) -> dict[str, Any]:
    os.environ["PLANWATCH_HOME"] = str(home)
    import bench_scale as bench
    from typer.testing import CliRunner

    from pipeline import coverage_file
    from pipeline.journal import append_decision
    from pipeline.locking import exclusive_lock
    from pipeline.store import open_writer
    from planwatch.cli import app
    from planwatch.config import Paths

    paths = Paths(home)
    out: dict[str, Any] = {}
    if not paths.review_journal.exists():
        def select() -> list[dict[str, Any]]:
            with open_writer(paths, publish=False) as writer:
                return bench._decisions(writer.conn, 0.2, 661)

        decisions = _timed(out, "select_decisions", select)
        for decision in decisions:
            append_decision(paths.review_journal, decision)
        out["decisions"] = len(decisions)

        def fold() -> None:
            with open_writer(paths, publish=False):
                pass

        _timed(out, "fold_journal", fold)

    def rebuild() -> dict[str, object]:
        with exclusive_lock(paths.writer_lock, timeout=60):
            return coverage_file.publish(paths, None)

    _timed(out, "coverage_rebuild", rebuild)
    out["coverage_mb"] = round(coverage_file.path(paths).stat().st_size / 2**20, 1)
    bench.CPU.clear()
    out["report_ms"] = bench._median_ms(lambda: bench._report(paths, PLAN), field="report_cpu_ms")
    out["report_cpu_ms"] = bench.CPU["report_cpu_ms"]
    conn = coverage_file.open_reader(paths)
    try:
        out["matches_rows"] = conn.execute("SELECT count(*) FROM matches").fetchone()[0]  # type: ignore[index]
        items = [r[0] for r in conn.execute(
            "SELECT id FROM review_items WHERE status = 'pending' AND plan_id = ? "
            "AND published_date BETWEEN window_start AND window_end LIMIT 3", [PLAN]).fetchall()]
    finally:
        conn.close()
    visible = []
    for item in items:
        with exclusive_lock(paths.writer_lock, timeout=900):
            pass  # the previous decision's waiter has published the lake
        before = bench._counted(paths, PLAN)
        started, cpu = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(app, ["review", "decide", item, "--confirm", "--reviewer", "bench",
                                          "--lock-timeout", "60"])
        if result.exit_code != 0:
            raise RuntimeError(result.output)
        while bench._counted(paths, PLAN) == before:
            time.sleep(0.01)
        visible.append({"wall_ms": round((time.perf_counter() - started) * 1000, 1),
                        "cpu_ms": round((time.process_time() - cpu) * 1000, 1),
                        "load": round(os.getloadavg()[0], 1)})
    out["decision_visible"] = visible
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(json.dumps(main(Path(sys.argv[1]))))
