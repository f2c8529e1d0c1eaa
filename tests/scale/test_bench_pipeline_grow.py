"""bench/bench_pipeline.py's step 5 grows a warehouse by copying its rows under new ids: the copies must satisfy
the schema of today (keys derived from the ids, migrations 015 and 016), or the bench's warehouse-size test
cannot run at all (it failed on the doc_key CHECK from the eleventh session until the sixteenth)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import duckdb

from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse

REPO = Path(__file__).resolve().parents[2]


def _bench_pipeline() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_pipeline", REPO / "bench" / "bench_pipeline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_pipeline", module)  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_grown_copies_keep_the_schema_keys_and_reach_the_snapshot(home: Paths) -> None:
    analyst_warehouse(home)
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        rows_before = conn.execute("SELECT count(*) FROM classifications").fetchone()[0]  # type: ignore[index]
    finally:
        conn.close()
    target = before * 3 + 1

    grown = _bench_pipeline().grow_warehouse(home.home, target)

    assert grown >= target
    conn = duckdb.connect(str(home.warehouse), read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (grown,)
        assert conn.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone() == (grown,)
        copies = conn.execute("SELECT count(*) FROM classifications WHERE doc_id LIKE '%-copy%'").fetchone()
        assert copies is not None and copies[0] > 0 and rows_before > 0
        # every copied key is the one the schema derives from the copy's own id
        wrong = conn.execute(
            "SELECT count(*) FROM classifications "
            "WHERE doc_key <> CAST(md5_number_lower(doc_id) & 4294967295 AS UINTEGER)").fetchone()
        assert wrong == (0,)
        wrong_story = conn.execute(
            "SELECT count(*) FROM documents WHERE story_key IS NOT NULL AND story_key <> "
            "CAST(md5_number_lower(COALESCE(story_id, doc_id)) & 4294967295 AS UINTEGER)").fetchone()
        assert wrong_story == (0,)
    finally:
        conn.close()
    snapshot = duckdb.connect(str(home.snapshot), read_only=True)
    try:
        assert snapshot.execute("SELECT count(*) FROM documents").fetchone() == (grown,)
    finally:
        snapshot.close()
