"""PLANWATCH_LAKE=sqlite: the published state as DuckLake snapshots (pipeline/lake.py) reads the same as the
copy-and-rename snapshot, takes a decision in one small snapshot, keeps `planwatch sql` locked down, and a
migration from the single-file warehouse keeps every row."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from pipeline import lake
from pipeline.report import build_report
from pipeline.snapshot import open_snapshot
from planwatch.cli import app
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse, decide, query, report_rows, write_job
from tests.support.warehouse import PLAN_ID

SEARCH = ("SELECT doc_id, score FROM (SELECT doc_id, fts_main_documents.match_bm25(doc_id, {q}) AS score "
          "FROM documents) WHERE score IS NOT NULL ORDER BY score DESC, doc_id")
READS = ("SELECT * FROM coverage_items ORDER BY ALL", "SELECT * FROM matches ORDER BY doc_id, plan_id",
         "SELECT id, doc_id, queue_rank FROM review_queue ORDER BY queue_rank",
         "SELECT * FROM source_health ORDER BY source_id",
         "SELECT * FROM coverage_as_of(DATE '2022-09-30') ORDER BY ALL")


def _both(home: Paths, monkeypatch: pytest.MonkeyPatch, sql: str) -> tuple[list, list]:
    monkeypatch.delenv(lake.LAKE_ENV, raising=False)
    snap = query(home, sql)
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    return snap, query(home, sql)


@pytest.fixture
def migrated(home: Paths, monkeypatch: pytest.MonkeyPatch) -> Paths:
    analyst_warehouse(home)  # built and published by today's design
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    result = lake.migrate_warehouse(home)
    assert result["problems"] == {}
    assert "documents" in result["tables"] and "review_decisions" in result["tables"]
    return home


def test_lake_reads_as_the_snapshot(migrated: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lake.LAKE_ENV)
    expected = report_rows(migrated)
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    assert report_rows(migrated) == expected
    for sql in READS:
        snap, in_lake = _both(migrated, monkeypatch, sql)
        assert in_lake == snap and snap, sql
    for q in ("'dao tao mam non'", "'de an 33'", "'mầm non'", "'Đề án 33', conjunctive := 1", "'phong su'"):
        snap, in_lake = _both(migrated, monkeypatch, SEARCH.format(q=q))
        assert [d for d, _ in in_lake] == [d for d, _ in snap] and snap, q
        assert [round(s, 6) for _, s in in_lake] == [round(s, 6) for _, s in snap], q


def test_decision_is_one_small_snapshot_and_open_readers_see_it(migrated: Paths) -> None:
    def snapshots() -> int:
        return len(query(migrated, "SELECT snapshot_id FROM lake.snapshots()"))

    before = report_rows(migrated)[("2a", "article")]
    count = snapshots()
    with open_snapshot(migrated) as held:  # an analyst's open connection never stops the writer
        decide(migrated, "d06", "confirm", activity="2a", fmt="article")
        write_job(migrated)
        rows = {r["activity"] + r["format"]: r for r in build_report(held, PLAN_ID, dt.date(2022, 12, 31))["rows"]}
    after = report_rows(migrated)[("2a", "article")]
    assert after["actual"] == before["actual"] + 1
    assert rows["2aarticle"]["actual"] == after["actual"]
    assert snapshots() == count + 1
    assert lake.verify(migrated) == {}
    # a job that changed nothing the readers see adds a snapshot that rewrites no table
    write_job(migrated)
    assert lake.verify(migrated) == {}


def test_new_documents_are_searchable_after_their_job(migrated: Paths) -> None:
    from pipeline.store import open_writer
    from tests.support.warehouse import document

    with open_writer(migrated) as writer:
        writer.insert("documents", [document("d99", "2022-09-09", title="Hội thảo giáo dục STEM ở Lai Châu",
                                             text="Giáo viên Lai Châu học về STEM.")])
    assert [r[0] for r in query(migrated, SEARCH.format(q="'lai chau stem', conjunctive := 1"))] == ["d99"]
    assert lake.verify(migrated) == {}


def test_sql_stays_locked_down_on_the_lake(migrated: Paths, tmp_path) -> None:
    import sqlite3

    secret = tmp_path / "secret.sqlite"
    with sqlite3.connect(secret) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.execute("INSERT INTO t VALUES ('bí mật')")
    runner = CliRunner()
    ok = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM documents", "--format", "json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output) == [{"n": 10}]
    for refused in (f"SELECT * FROM sqlite_scan('{secret}', 't')",
                    f"FROM query('FROM sqlite_scan(''{secret}'', ''t'')')",
                    "SELECT * FROM read_csv('/etc/passwd')", f"ATTACH '{secret}' AS s (TYPE sqlite)",
                    "SELECT * FROM postgres_scan('host=127.0.0.1 port=9', 'public', 't')"):
        done = runner.invoke(app, ["sql", refused])
        assert done.exit_code != 0, refused
        assert "bí mật" not in done.output and "root:" not in done.output


def test_analysts_duckdb_cli_reads_the_lake(migrated: Paths) -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = lake.lake_dir(migrated) / "open.sql"
    assert script.is_file()
    cli = Path(sys.executable).with_name("duckdb")
    done = subprocess.run([str(cli), "-init", str(script), "-csv", "-c",
                           "SELECT count(*) AS n FROM documents; SELECT count(*) AS m FROM coverage"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["n", "10", "m", str(len(query(migrated, "SELECT * FROM coverage")))]
    refused = subprocess.run([str(cli), "-init", str(script), "-c", "CREATE TABLE x (a INT)"],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 or "read-only" in (refused.stdout + refused.stderr).lower()


def test_delta_publish_equals_the_whole_derivation(migrated: Paths) -> None:
    """A write job's publish reads its rows from the warehouse by key (pipeline.keyfetch) and derives `matches`
    for its stories there: the lake's stored `matches` and search postings then equal what its own views and
    tokenizer give over every row (new copies of a decided story, a re-extracted page, a decision)."""
    from pipeline.store import open_writer
    from tests.support.warehouse import classification, document

    decide(migrated, "d02", "reject", reviewer="lan")  # a story-wide decision on s-chinh-sach
    with open_writer(migrated) as writer:
        writer.insert("documents", [
            document("d11", "2022-05-02", source_id="vtv", story_id="s-chinh-sach", title="Chính sách mầm non",
                     text="Đăng lại lần nữa: đào tạo giáo viên mầm non."),
            document("d12", "2022-09-02", title="Bồi dưỡng cán bộ quản lý", text="Lai Châu tập huấn Đề án 33."),
            document("d07", "2022-10-05", title="Sơ kết thực hiện Đề án 33 (sửa)", text="Văn bản trích xuất lại."),
        ], on_conflict="replace")
        writer.insert("classifications", [classification("d11", "1", "accept"),
                                          classification("d12", "2b", "review")])
    assert lake.verify(migrated) == {}
    for a, b in (("matches_store", "matches_live"), ("matches_live", "matches_store")):
        assert query(migrated, f"SELECT count(*) FROM (FROM {a} EXCEPT ALL FROM {b})") == [(0,)], a
    assert query(migrated, "SELECT count(*) FROM matches_store WHERE doc_id IN ('d11', 'd12')") == [(2,)]
    whole = ("SELECT doc_id, term, count(*)::INTEGER FROM (SELECT doc_id, unnest(fts_main_documents.tokenize("
             "concat_ws(' ', title, lead, text))) AS term FROM documents) GROUP BY ALL")
    for a, b in ((whole, "FROM search_postings"), ("FROM search_postings", whole)):
        assert query(migrated, f"SELECT count(*) FROM ({a} EXCEPT ALL {b})") == [(0,)]
    assert query(migrated, "SELECT count(*), count(DISTINCT doc_id) FROM search_docs") == [(12, 12)]


def test_a_whole_search_rebuild_by_chunks_equals_one_pass(home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first publish indexes the warehouse's documents a few rows at a time (by row-id range): the postings
    and lengths equal one pass over every document."""
    from pipeline import lake_search

    analyst_warehouse(home)
    monkeypatch.setenv(lake.LAKE_ENV, "sqlite")
    monkeypatch.setattr(lake_search, "REBUILD_CHUNK", 3)
    assert lake.migrate_warehouse(home)["problems"] == {}
    whole = ("SELECT doc_id, term, count(*)::INTEGER FROM (SELECT doc_id, unnest(fts_main_documents.tokenize("
             "concat_ws(' ', title, lead, text))) AS term FROM documents) GROUP BY ALL")
    for a, b in ((whole, "FROM search_postings"), ("FROM search_postings", whole)):
        assert query(home, f"SELECT count(*) FROM ({a} EXCEPT ALL {b})") == [(0,)]
    lengths = "SELECT doc_id, len(fts_main_documents.tokenize(concat_ws(' ', title, lead, text))) FROM documents"
    assert sorted(query(home, "FROM search_docs")) == sorted(query(home, lengths))
    assert len(query(home, "FROM search_docs")) == 10


def test_a_story_every_document_left_leaves_the_lake_too(migrated: Paths) -> None:
    """A story stored by one job whose only document joins an earlier-published document's story in a later job:
    its `stories` row goes from the warehouse and from the lake (pipeline.story_store.drop_left, changed_keys)."""
    from pipeline.ingest import store_documents
    from pipeline.store import open_writer
    from tests.support.warehouse import document

    text = ("Bộ Giáo dục và Đào tạo hướng dẫn các địa phương triển khai chương trình bồi dưỡng giáo viên mầm non "
            "năm học mới, chú trọng kỹ năng tổ chức hoạt động trải nghiệm cho trẻ và phối hợp với phụ huynh.")
    later = document("lk-later", "2022-11-09", source_id="vtv", title="Bồi dưỡng giáo viên mầm non", text=text)
    earlier = document("lk-earlier", "2022-11-02", title="Bồi dưỡng giáo viên mầm non", text=text)
    for doc in (later, earlier):  # the later-published copy stored first: its own story, then merged
        with open_writer(migrated) as writer:
            store_documents(writer, [{**doc, "story_id": None}], [])
    orphans = ("SELECT story_id FROM stories WHERE story_id IN ('s-lk-later', 's-lk-earlier') EXCEPT "
               "SELECT story_id FROM documents")
    assert query(migrated, "SELECT story_id FROM documents WHERE doc_id LIKE 'lk-%'") == [("s-lk-earlier",)] * 2
    assert query(migrated, orphans) == []
    assert lake.verify(migrated) == {}
