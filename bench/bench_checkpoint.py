"""Why a 500-document write job grows with the warehouse (issue 20): DuckDB's checkpoint after a small append.

A table of N rows with ~3.2 KB strings (the size of an article's text) is written and checkpointed; 500 rows are
appended in a new connection and the CHECKPOINT that follows is timed, with and without a PRIMARY KEY on the
table. DuckDB appends to a persisted table in a new row group only when the table has no index; an indexed table
(the warehouse's `documents` has a primary key) gets its last row group rewritten, strings included, at every
checkpoint: up to 122,880 rows, so the cost follows how full that row group is.

    .venv/bin/python bench/bench_checkpoint.py [--rows 10000,100000] [--append 500] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import duckdb


def checkpoint_after_append(folder: Path, rows: int, append: int, primary_key: bool) -> dict[str, float | int | bool]:
    path = folder / f"ckpt_{rows}_{int(primary_key)}.duckdb"
    key = "PRIMARY KEY" if primary_key else ""
    with duckdb.connect(str(path)) as conn:
        conn.execute(f"CREATE TABLE d (id BIGINT {key}, txt VARCHAR)")
        conn.execute("INSERT INTO d SELECT i, repeat(md5(i::VARCHAR), 100) FROM range(?) r(i)", [rows])
        conn.execute("CHECKPOINT")
    with duckdb.connect(str(path)) as conn:
        conn.execute("INSERT INTO d SELECT i, repeat(md5(i::VARCHAR), 100) FROM range(?, ?) r(i)",
                     [rows, rows + append])
        cpu, wall = time.process_time(), time.perf_counter()
        conn.execute("CHECKPOINT")
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    for leftover in (path, path.with_name(path.name + ".wal")):
        if leftover.exists():
            os.remove(leftover)
    return {"rows": rows, "append": append, "primary_key": primary_key,
            "checkpoint_cpu_s": round(cpu, 3), "checkpoint_wall_s": round(wall, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="10000,100000", help="comma-separated table sizes")
    ap.add_argument("--append", type=int, default=500)
    ap.add_argument("--dir", default=None, help="where the temporary databases go (default: a temp folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        for primary_key in (True, False):
            for rows in (int(r) for r in args.rows.split(",")):
                print(json.dumps(checkpoint_after_append(Path(tmp), rows, args.append, primary_key)), flush=True)


if __name__ == "__main__":
    main()
