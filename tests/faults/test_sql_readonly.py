"""`planwatch sql` as an attacker would use it: every probe that once wrote a file, read one or tried the
network is refused with one line naming what is allowed, and the state folder is byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.snapshot import open_snapshot
from pipeline.sqlguard import SqlRefused, check_query, lock_down
from planwatch.cli import app
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse
from tests.foundation.test_analyst_docs import SQL_BLOCKS

PLANWATCH = str(Path(sys.executable).with_name("planwatch"))


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    paths = Paths(tmp_path_factory.mktemp("sqlprobe") / "state").ensure()
    analyst_warehouse(paths)
    return paths


@pytest.fixture(scope="module")
def web() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that counts the requests it gets (the network probes must send none)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()


def checksums(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def probes(home: Path, outside: Path, base: str) -> list[str]:
    wh = home / "warehouse.duckdb"
    return [
        f"COPY (SELECT 'x') TO '{wh}' (FORMAT csv)",
        f"COPY documents TO '{outside}/docs.csv'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        f"SELECT * FROM read_csv('{base}/leak.csv')",
        f"EXPORT DATABASE '{outside}/dump'",
        f"IMPORT DATABASE '{outside}'",
        f"ATTACH '{wh}' (READ_WRITE)",
        f"ATTACH '{wh}' AS w (READ_WRITE); CREATE TABLE w.main.scratch (a INTEGER)",
        f"ATTACH '{outside}/new.duckdb'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "PRAGMA enable_profiling",
        "PRAGMA create_fts_index('documents', 'doc_id', 'title', overwrite = 1)",
        "CALL pragma_version()",
        "CHECKPOINT",
        f"EXPLAIN ANALYZE COPY (SELECT 1) TO '{outside}/explain.csv'",
        "SELECT 1; SELECT 2",
        "CREATE TEMP TABLE t AS SELECT 1",
        "DETACH snapshot",
        "USE memory",
    ]


def test_every_probe_is_refused_and_nothing_changes(state: Paths, tmp_path: Path,
                                                    web: tuple[str, list[str]]) -> None:
    base, hits = web
    outside = tmp_path / "outside"
    outside.mkdir()
    before = checksums(state.home)
    runner = CliRunner()
    env = {"PLANWATCH_HOME": str(state.home)}
    for probe in probes(state.home, outside, base):
        result = runner.invoke(app, ["sql", probe, "--format", "csv"], env=env)
        assert result.exit_code == 2, (probe, result.output)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("planwatch: query failed"), (probe, result.output)
        assert "root:" not in result.output and "Traceback" not in result.output
        if "refused" in lines[0]:
            assert "allowed: one read-only query per call" in lines[0], lines[0]
    assert checksums(state.home) == before
    assert list(outside.iterdir()) == []
    assert hits == []
    # the snapshot still answers, and so does the warehouse's owner
    result = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM documents", "--format", "csv"], env=env)
    assert result.exit_code == 0 and result.output.splitlines() == ["n", "10"]


def test_the_first_reported_probe_through_the_real_console_script(state: Paths) -> None:
    before = checksums(state.home)
    env = {**os.environ, "PLANWATCH_HOME": str(state.home)}
    probe = f"COPY (SELECT 'x') TO '{state.warehouse}' (FORMAT csv)"
    proc = subprocess.run([PLANWATCH, "sql", probe], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert "COPY is refused" in proc.stderr and "allowed:" in proc.stderr
    assert checksums(state.home) == before
    with duckdb.connect(str(state.warehouse), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (10,)


def test_reads_the_guide_documents_still_work_through_the_guard(state: Paths) -> None:
    """Every worked query of docs/analysts.md passes the guard on a locked-down connection (fts included)."""
    with open_snapshot(state) as conn:
        lock_down(conn)
        for sql in SQL_BLOCKS:
            assert conn.sql(check_query(conn, sql)).fetchall(), sql
        for ok in ("DESCRIBE documents", "SHOW TABLES", "SUMMARIZE coverage", "FROM coverage LIMIT 1",
                   "(SELECT 1)", "WITH a AS (SELECT 1 AS x) SELECT x FROM a", "/* note */ SELECT 1;"):
            assert conn.sql(check_query(conn, ok)).fetchall(), ok
        assert conn.execute("SELECT current_setting('enable_external_access')").fetchone() == (False,)


@pytest.mark.parametrize("query", ["", "   ", "-- only a comment", "'unterminated", "SELECT 1; DROP VIEW coverage",
                                   "INSERT INTO documents DEFAULT VALUES"])
def test_guard_refuses_with_its_own_error(state: Paths, query: str) -> None:
    with open_snapshot(state) as conn:
        lock_down(conn)
        with pytest.raises(SqlRefused) as info:
            check_query(conn, query)
    assert "\n" not in str(info.value)
