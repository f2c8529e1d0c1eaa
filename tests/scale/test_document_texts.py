"""Documents' lead and text live in `document_texts` (migrations 010-011, pipeline/doc_texts.py): a warehouse
from before the split (a copy of one crawled from the demo mirror, with reviewers' decisions) migrates, through
migrations 012-014 too (doc_signatures, classifications, documents, stories and fetch_log lose their keys, the
lookup indexes go), keeping every document whole, classification, story, fetch and decision, each table's columns,
types and NOT NULL, one row per key, and publishes what it published before; the writer keeps one text row per
document through new, ignored and replaced loads."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipeline import doc_texts, row_keys, sql
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.support.demo_home import crawled_demo_home
from tests.support.demo_home import run_planwatch as _run
from tests.support.plan import PRIMARY_PLAN
from tests.support.warehouse import document

SPLIT = ("010_document_texts_prepare", "011_document_texts", "012_doc_signatures_append")



def _whole(conn: duckdb.DuckDBPyConnection, catalog: str) -> str:
    """Every document with its lead and text, whichever schema the catalog has."""
    if doc_texts.is_split(conn, catalog):
        return doc_texts.composed_select(doc_texts.columns(conn, catalog), f"{catalog}.documents",
                                         f"{catalog}.{doc_texts.TABLE}")
    return f"SELECT * FROM {catalog}.documents"


def _shared_columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The columns of `table` the old schema has (later migrations add columns such as doc_key and story_key)."""
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? "
        "ORDER BY column_index", [table]).fetchall()]


def _old_copy(source: Path, target: Path) -> list[str]:
    """The warehouse at `source` as it would be before migrations 010-011: the migrations before them applied to
    a new file, then every table's rows copied in (documents with their lead and text again)."""
    conn = duckdb.connect(str(target))
    conn.execute("CREATE TABLE schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
    for path in sql.migrations():
        if path.stem < SPLIT[0]:  # (the split and every migration after it apply when the copy is opened)
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_migrations VALUES (?, now())", [path.stem])
    conn.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    tables = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' "
                                         "AND table_name NOT IN ('schema_migrations', 'document_texts')").fetchall()]
    old_tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                                             "current_database()").fetchall()}
    for table in tables:
        if table not in old_tables:  # a table a later migration or the writer creates (search_index_*)
            continue
        names = ", ".join(f'"{c}"' for c in _shared_columns(conn, table))
        rows = f"({_whole(conn, 'src')})" if table == "documents" else f"src.{table}"
        conn.execute(f"INSERT INTO main.{table} BY NAME SELECT {names} FROM {rows}")
    catalog = conn.execute("SELECT current_database()").fetchone()[0]
    assert not doc_texts.is_split(conn, catalog)
    assert conn.execute("SELECT count(*) FROM main.documents WHERE text IS NOT NULL").fetchone()[0] > 0
    old_columns = doc_texts.columns(conn, catalog)
    assert old_columns[4:7] == ["title", "lead", "text"]
    conn.close()
    return old_columns


def _rows(conn: duckdb.DuckDBPyConnection, relation: str) -> set[str]:
    return {repr(r) for r in conn.execute(f"SELECT * FROM {relation}").fetchall()}  # (lists inside: not hashable)


@pytest.mark.slow
def test_a_demo_warehouse_from_before_the_split_migrates_without_loss(tmp_path: Path) -> None:
    crawled = tmp_path / "crawled"
    env, queue = crawled_demo_home(crawled, tmp_path)
    _run(env, "review", "decide", queue[0]["id"], "--confirm", "--reviewer", "lan")
    _run(env, "review", "decide", queue[1]["id"], "--reject", "--reviewer", "minh")
    report = json.loads(_run(env, "report", "--format", "json", "--as-of", "2022-12-31", "--plan", PRIMARY_PLAN))
    assert report["rows"]

    old = Paths(tmp_path / "old").ensure()
    old_columns = _old_copy(crawled / "warehouse.duckdb", old.warehouse)
    with open_writer(old):  # the first write job of the new code migrates, then publishes the snapshot
        pass
    conn = duckdb.connect()
    conn.execute(f"ATTACH '{crawled / 'warehouse.duckdb'}' AS before (READ_ONLY)")
    conn.execute(f"ATTACH '{old.warehouse}' AS after (READ_ONLY)")
    conn.execute(f"ATTACH '{old.snapshot}' AS snap (READ_ONLY)")
    applied = {r[0] for r in conn.execute("SELECT version FROM after.schema_migrations").fetchall()}
    assert set(SPLIT) | {"013_classifications_append", "014_documents_stories_append"} <= applied
    assert doc_texts.is_split(conn, "after")
    assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM after.document_texts").fetchone() == \
        conn.execute("SELECT count(*), count(*) FROM after.documents").fetchone()
    whole = _rows(conn, f"({_whole(conn, 'before')})")
    assert whole and _rows(conn, f"({_whole(conn, 'after')})") == whole
    snap_cols = doc_texts.columns(conn, "snap")
    assert [c for c in snap_cols if c != "search_text"] == old_columns  # the order readers know
    assert _rows(conn, "(SELECT * EXCLUDE (search_text) FROM snap.documents)") == whole
    for table in ("classifications", "stories", "review_decisions", "doc_signatures", "fetch_log"):
        # (classifications: without the lookup key migration 015 adds, checked below)
        after, before = ((f"(SELECT * EXCLUDE (doc_key) FROM {db}.{table})" if table == "classifications"
                          else f"{db}.{table}") for db in ("after", "before"))
        assert _rows(conn, after) == _rows(conn, before), table
    assert {"015_classifications_doc_key", "016_documents_story_key"} <= applied
    for table, column, of in (("classifications", "doc_key", "doc_id"), ("documents", "story_key", row_keys.STORY_OF)):
        assert conn.execute(f"SELECT count(*) FILTER (WHERE {column} IS DISTINCT FROM {row_keys.KEY.format(of)}) "
                            f"FROM after.{table}").fetchone() == (0,), table
    indexes = {r[0] for r in conn.execute("SELECT index_name FROM duckdb_indexes() WHERE database_name = 'after'")
               .fetchall()}
    assert not indexes & {"documents_story", "classifications_doc"}  # migration 014
    keyed = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_constraints() WHERE database_name = 'after' "
                                        "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchall()}
    assert not keyed & {"document_texts", "doc_signatures", "classifications", "documents", "stories", "fetch_log"}
    for table, key in (("documents", "doc_id"), ("stories", "story_id"), ("fetch_log", "fetch_id")):  # (014)
        assert conn.execute(f"SELECT count(*) = count(DISTINCT {key}) FROM after.{table}").fetchone() == (True,)
        shape = "SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE database_name = ? AND " \
                "table_name = ? AND column_name NOT IN ('lead', 'text', 'story_key') ORDER BY column_index"  # (016)
        assert conn.execute(shape, ["after", table]).fetchall() == conn.execute(shape, ["before", table]).fetchall()
    assert conn.execute("SELECT count(*) = count(DISTINCT (doc_id, plan_id, classifier_version)) "
                        "FROM after.classifications").fetchone() == (True,)
    assert conn.execute("SELECT count(*) = count(DISTINCT doc_id) FROM after.doc_signatures").fetchone() == (True,)
    conn.close()
    migrated = json.loads(_run({**env, "PLANWATCH_HOME": str(old.home)}, "report", "--format", "json",
                               "--as-of", "2022-12-31", "--plan", PRIMARY_PLAN))
    assert migrated == report


def _texts(home: Paths) -> list[tuple[object, ...]]:
    with duckdb.connect(str(home.warehouse), read_only=True) as conn:
        return conn.execute("SELECT doc_id, lead, text FROM document_texts ORDER BY doc_id, text").fetchall()


def test_the_writer_keeps_one_text_row_per_document(home: Paths) -> None:
    a, b = document("a", "2022-05-01", text="Văn bản A"), document("b", "2022-05-02", text="Văn bản B")
    with open_writer(home, publish=False) as writer:
        writer.insert("documents", [a, b])
    assert _texts(home) == [("a", "", "Văn bản A"), ("b", "", "Văn bản B")]
    with open_writer(home, publish=False) as writer:  # ignore: a stored document keeps its text
        writer.insert("documents", [{**a, "text": "khác"}, document("c", "2022-05-03", text="Văn bản C")])
    assert _texts(home) == [("a", "", "Văn bản A"), ("b", "", "Văn bản B"), ("c", "", "Văn bản C")]
    with open_writer(home, publish=False) as writer:  # replace (a re-extracted page): the new text only
        writer.insert("documents", [{**b, "lead": "Sapo", "text": "Văn bản B mới"}], on_conflict="replace")
    assert _texts(home) == [("a", "", "Văn bản A"), ("b", "Sapo", "Văn bản B mới"), ("c", "", "Văn bản C")]
    with open_writer(home, publish=False) as writer:  # inside the caller's transaction: rolled back with it
        writer.conn.execute("BEGIN")
        writer.insert("documents", [document("d", "2022-05-04", text="Văn bản D")])
        writer.conn.execute("ROLLBACK")
        assert writer.count("documents") == 3
    assert [r[0] for r in _texts(home)] == ["a", "b", "c"]
    with open_writer(home, publish=False) as writer:  # a job stopped before its texts: its rerun writes them
        writer.conn.execute("DELETE FROM document_texts WHERE doc_id = 'c'")
        writer.insert("documents", [document("c", "2022-05-03", text="Văn bản C")], on_conflict="replace")
    assert _texts(home) == [("a", "", "Văn bản A"), ("b", "Sapo", "Văn bản B mới"), ("c", "", "Văn bản C")]
    sig = {"doc_id": "a", "minhash": [1, 2]}
    with open_writer(home, publish=False) as writer:  # doc_signatures: no key either, one row per document
        writer.insert("doc_signatures", [sig, {"doc_id": "b", "minhash": [3]}])
        writer.insert("doc_signatures", [{**sig, "minhash": [9]}])
        assert writer.conn.execute("SELECT doc_id, minhash FROM doc_signatures ORDER BY 1").fetchall() == \
            [("a", [1, 2]), ("b", [3])]
        writer.insert("doc_signatures", [{**sig, "minhash": [9]}], on_conflict="replace")
        assert writer.conn.execute("SELECT doc_id, minhash FROM doc_signatures ORDER BY 1").fetchall() == \
            [("a", [9]), ("b", [3])]
    with open_writer(home):  # the snapshot's documents carry them again
        pass
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        got = conn.execute("SELECT doc_id, lead, text FROM documents ORDER BY doc_id").fetchall()
    assert got == [("a", "", "Văn bản A"), ("b", "Sapo", "Văn bản B mới"), ("c", "", "Văn bản C")]
