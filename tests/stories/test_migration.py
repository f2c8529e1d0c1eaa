"""An existing warehouse (migrations 001-002, stories from the old chaining rule) gets its stories recomputed by
migration 003 on the next write job, and reviewers' decisions are kept (and reach the recomputed stories)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from pipeline import sql
from pipeline.extract import content_hash
from pipeline.plans import load_plan
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import query, report_rows
from tests.stories.courses import course_docs
from tests.support.warehouse import PLAN_ID, classification, document


def _old_warehouse(home: Paths) -> list[dict[str, object]]:
    docs = course_docs(short=True)
    conn = duckdb.connect(str(home.warehouse))
    conn.execute("CREATE TABLE schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
    for path in sql.migrations():
        if path.stem < "003":
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_migrations VALUES (?, now())", [path.stem])
    rows = []
    for d in docs:
        row = document(str(d["doc_id"]), str(d["day"]), source_id=str(d["source_id"]), title=str(d["title"]),
                       text=str(d["text"]))
        row["content_hash"] = content_hash(str(d["title"]), str(d["text"]))
        row["story_id"] = "s-online-2021-0"  # what the old rule made of them: one chained story
        rows.append(row)
    conn.register("_docs", pa.Table.from_pylist(rows))
    conn.execute("INSERT INTO documents BY NAME SELECT * FROM _docs")
    conn.register("_cls", pa.Table.from_pylist([classification(str(d["doc_id"]), "2b", "accept") for d in docs]))
    conn.execute("INSERT INTO classifications BY NAME SELECT * FROM _cls")
    # a reviewer rejected one copy of the IT course before the change
    conn.execute("INSERT INTO review_decisions VALUES ('old-1', 'it-2022-2', ?, 'reject', NULL, NULL, NULL, NULL, "
                 "'lan', ?, NULL)", [PLAN_ID, dt.datetime(2022, 12, 1, tzinfo=dt.UTC)])
    conn.close()
    return docs


def test_migration_recomputes_stories_and_keeps_decisions(home: Paths) -> None:
    docs = _old_warehouse(home)
    with open_writer(home) as writer:
        writer.load_plan(load_plan(PLAN_ID))
    stories = dict(query(home, "SELECT doc_id, story_id FROM documents"))
    assert stories == {str(d["doc_id"]): str(d["expected"]) for d in docs}
    assert query(home, "SELECT decision_id, scope FROM review_decisions") == [("old-1", "story")]
    # the IT course is rejected as a story (all three copies); the inclusive and accreditation courses count
    assert report_rows(home)[("2b", "article")]["actual"] == 2
    assert query(home, "SELECT count(*) FROM maintenance_tasks") == [(0,)]
    bands = query(home, "SELECT count(DISTINCT doc_id) FROM story_bands")
    assert bands == [(len(docs),)]


def test_fresh_warehouses_have_nothing_to_rebuild(home: Paths) -> None:
    with open_writer(home):
        pass
    assert query(home, "SELECT count(*) FROM maintenance_tasks") == [(0,)]
