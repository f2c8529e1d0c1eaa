"""Migrations are applied once, recorded, and safe to run any number of times."""

from __future__ import annotations

import duckdb

from pipeline import sql
from pipeline.store import migrate, open_writer

ANALYST_NAMES = {"documents", "matches", "coverage", "coverage_items", "review_queue", "source_health", "fetch_log"}


def test_migrate_twice_is_idempotent_and_recorded(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    names = [p.stem for p in sql.migrations()]
    assert names and names == sorted(names)
    assert migrate(conn) == names
    assert migrate(conn) == []
    recorded = conn.execute("SELECT version, applied_at FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in recorded] == names
    assert all(r[1] is not None for r in recorded)
    relations = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert relations >= ANALYST_NAMES
    conn.close()


def test_write_jobs_reapply_views_without_reapplying_migrations(home):
    for _ in range(2):
        with open_writer(home) as writer:
            assert writer.count("schema_migrations") == len(sql.migrations())
    with duckdb.connect(str(home.snapshot), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone() == (len(sql.migrations()),)
        assert conn.execute("SELECT count(*) FROM coverage").fetchone() == (0,)  # no plan loaded yet


def test_a_failing_migration_is_rolled_back_and_not_recorded(tmp_path, monkeypatch):
    bad = tmp_path / "999_broken.sql"
    bad.write_text("CREATE TABLE half_done (a INTEGER); SELECT * FROM no_such_table;", encoding="utf-8")
    good = sql.migrations()
    monkeypatch.setattr(sql, "migrations", lambda: [*good, bad])
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        migrate(conn)
    except duckdb.Error:
        pass
    else:
        raise AssertionError("the broken migration should fail")
    versions = {r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    assert "999_broken" not in versions and {p.stem for p in good} <= versions
    tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "half_done" not in tables
    conn.close()
