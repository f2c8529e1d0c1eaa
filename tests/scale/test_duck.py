"""pipeline/duck.py: every DuckDB connection planwatch opens carries a memory limit and a thread count; readers
of the published state get the readers' limit when one is set, everything else the general one; every connection
given the spill area spills in a folder of its own (docs/decisions.md entry 18)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import coverage_file, duck, lake, publish
from pipeline.snapshot import open_coverage, open_snapshot
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import analyst_warehouse

MiB = 2**20
GENERAL_BYTES = {None: 1e9, "2GB": 2e9, "128MB": 128e6}


def _settings(conn) -> tuple[str, int, str]:  # type: ignore[no-untyped-def]
    row = conn.execute("SELECT current_setting('memory_limit'), current_setting('threads'), "
                       "current_setting('temp_directory')").fetchone()
    return str(row[0]), int(row[1]), str(row[2])


def _limit(conn: duckdb.DuckDBPyConnection) -> float:
    """memory_limit in MiB (DuckDB prints `244.1 MiB`, `953.6 MiB`, `1.8 GiB`: one decimal: compared within 5%)."""
    value, unit = str(conn.execute("SELECT current_setting('memory_limit')").fetchone()[0]).split()  # type: ignore[index]
    return float(value) * {"MiB": 1, "GiB": 1024}[unit]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for env in (duck.MEMORY_ENV, duck.READER_MEMORY_ENV, duck.REBUILD_MEMORY_ENV, duck.THREADS_ENV):
        monkeypatch.delenv(env, raising=False)
    return monkeypatch


def test_defaults_and_environment(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    conn = duck.connect(tmp_path / "a.duckdb")
    try:
        limit, threads, _ = _settings(conn)
        assert limit.startswith("953") or limit.startswith("1.0")  # 1GB as DuckDB prints it (MiB / GiB)
        assert 1 <= threads <= duck.MAX_DEFAULT_THREADS
    finally:
        conn.close()
    clean_env.setenv(duck.MEMORY_ENV, "256MB")
    clean_env.setenv(duck.THREADS_ENV, "1")
    conn = duck.connect(temp_dir=tmp_path / "spill")
    try:
        limit, threads, temp = _settings(conn)
        assert limit.startswith("244") and threads == 1  # 256 MB = 244.1 MiB
        assert Path(temp).parent == tmp_path / "spill" and (tmp_path / "spill").is_dir()
        duck.for_rebuild(conn)
        assert _settings(conn)[0].startswith("3.7")  # 4GB = 3.7 GiB
    finally:
        conn.close()


@pytest.mark.parametrize(("general", "reader", "expected_mib"), [
    (None, None, 1e9 / MiB),          # readers as everyone: the general default
    ("2GB", None, 2e9 / MiB),         # the general setting applies to readers too
    ("128MB", None, 128e6 / MiB),
    ("128MB", "512MB", 512e6 / MiB),  # the readers' own setting wins, either way
    ("2GB", "256MB", 256e6 / MiB),
    (None, "1GiB", 1024.0),
])
def test_reader_limit(general: str | None, reader: str | None, expected_mib: float, tmp_path: Path,
                      clean_env: pytest.MonkeyPatch) -> None:
    if general:
        clean_env.setenv(duck.MEMORY_ENV, general)
    if reader:
        clean_env.setenv(duck.READER_MEMORY_ENV, reader)
    conn = duck.connect(reader=True, temp_dir=tmp_path / "spill")
    try:
        assert _limit(conn) == pytest.approx(expected_mib, rel=0.05)
    finally:
        conn.close()
    writer = duck.connect(tmp_path / "w.duckdb")
    try:  # the reader's setting never changes anyone else's limit
        assert _limit(writer) == pytest.approx(GENERAL_BYTES[general] / MiB, rel=0.05)
    finally:
        writer.close()


@pytest.mark.parametrize(("env", "value"), [(duck.MEMORY_ENV, "lots"), (duck.MEMORY_ENV, "1GB'; SET x=1; --"),
                                            (duck.READER_MEMORY_ENV, "lots"), (duck.READER_MEMORY_ENV, "256"),
                                            (duck.READER_MEMORY_ENV, "256MB'; SET x=1; --"),
                                            (duck.THREADS_ENV, "0"), (duck.THREADS_ENV, "two")])
def test_bad_values_fail_clearly(env: str, value: str, clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(env, value)
    with pytest.raises(ValueError, match=env):
        duck.connect(reader=env == duck.READER_MEMORY_ENV)


def test_bad_general_value_fails_readers_too(clean_env: pytest.MonkeyPatch) -> None:
    """Without their own setting readers take PLANWATCH_DUCKDB_MEMORY, so a bad value there is refused."""
    clean_env.setenv(duck.MEMORY_ENV, "lots")
    with pytest.raises(ValueError, match=duck.MEMORY_ENV):
        duck.connect(reader=True)


def test_which_connections_get_which_limit(home: Paths, clean_env: pytest.MonkeyPatch) -> None:
    """Readers of the published state (the snapshot, the lake, the coverage file) get the readers' limit; the
    warehouse's writer and the snapshot's build the general one; a whole rebuild its own."""
    clean_env.setenv(duck.MEMORY_ENV, "700MB")
    clean_env.setenv(duck.READER_MEMORY_ENV, "300MB")
    reader, general = 300e6 / MiB, 700e6 / MiB
    seen: dict[str, float] = {}
    real_build = publish.build_search_index

    def build(conn: duckdb.DuckDBPyConnection, previous: Path | None = None, pending: Any = None) -> int:
        seen["snapshot build"] = _limit(conn)
        return real_build(conn, previous, pending)

    clean_env.setattr(publish, "build_search_index", build)
    analyst_warehouse(home)  # written and published (the copy-and-rename snapshot) by open_writer
    assert seen["snapshot build"] == pytest.approx(general, rel=0.05)
    with open_writer(home, publish=False) as writer:
        assert _limit(writer.conn) == pytest.approx(general, rel=0.05)
    with open_snapshot(home) as conn:
        assert _limit(conn) == pytest.approx(reader, rel=0.05)
    clean_env.setenv(lake.LAKE_ENV, "sqlite")
    clean_env.setenv(duck.REBUILD_MEMORY_ENV, "900MB")
    rebuilds: list[float] = []
    real_rebuild = duck.for_rebuild

    def for_rebuild(conn: duckdb.DuckDBPyConnection) -> None:
        real_rebuild(conn)
        rebuilds.append(_limit(conn))

    clean_env.setattr(duck, "for_rebuild", for_rebuild)
    assert lake.migrate_warehouse(home)["problems"] == {}
    assert rebuilds and all(r == pytest.approx(900e6 / MiB, rel=0.05) for r in rebuilds)
    assert coverage_file.exists(home)
    with open_snapshot(home) as conn:  # the lake, read-only
        assert _limit(conn) == pytest.approx(reader, rel=0.05)
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] > 0  # type: ignore[index]
    with open_coverage(home) as conn:  # the coverage file
        assert _limit(conn) == pytest.approx(reader, rel=0.05)


@pytest.mark.parametrize("in_lake", [False, True])
def test_readers_spill_instead_of_failing(in_lake: bool, home: Paths, clean_env: pytest.MonkeyPatch) -> None:
    """A reader's sort bigger than its limit spills (the snapshot file: beside it; the lake's in-memory
    connection: the state folder's spill area) instead of running out of memory."""
    analyst_warehouse(home)
    if in_lake:
        clean_env.setenv(lake.LAKE_ENV, "sqlite")
        assert lake.migrate_warehouse(home)["problems"] == {}
    clean_env.setenv(duck.READER_MEMORY_ENV, "64MB")
    clean_env.setenv(duck.THREADS_ENV, "1")
    big = ("SELECT count(*), max(s) FROM (SELECT s FROM (SELECT md5(i::VARCHAR) || repeat('x', 200) AS s "
           "FROM range(400000) t(i) CROSS JOIN (SELECT 1 FROM documents LIMIT 1)) ORDER BY s LIMIT 500000 OFFSET 1)")
    with open_snapshot(home) as conn:
        assert _limit(conn) == pytest.approx(64e6 / MiB, rel=0.05)
        count, last = conn.execute(big).fetchone()  # type: ignore[misc]  # about 93 MB of strings sorted
        assert count == 399_999 and last.startswith("ffff")
        spilled = conn.execute("SELECT current_setting('temp_directory')").fetchone()[0]  # type: ignore[index]
    assert Path(spilled).parent == duck.spill_dir(home.home)  # a folder of its own, removed on close
    assert not Path(spilled).exists()


SPILLER = """
import sys
from pathlib import Path
from pipeline import duck
conn = duck.connect(temp_dir=Path(sys.argv[1]))
for _ in range(2):
    n = conn.execute("SELECT count(*) FROM (SELECT s FROM (SELECT md5(i::VARCHAR) || repeat('x', 300) AS s "
                     "FROM range(600000) t(i)) ORDER BY s LIMIT 1000000 OFFSET 1)").fetchone()[0]
    assert n == 599_999, n
print(conn.execute("SELECT current_setting('temp_directory')").fetchone()[0])
"""


def test_processes_spilling_at_once_do_not_share_files(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    """DuckDB names its spill files the same in every process: two processes sorting more than their limit in
    one folder at once crashed (signal 11). Each connection spills in a folder of its own under the area."""
    import subprocess
    import sys

    clean_env.setenv(duck.MEMORY_ENV, "100MB")
    clean_env.setenv(duck.THREADS_ENV, "1")
    area = tmp_path / "spill"
    (area / "999999999-0").mkdir(parents=True)  # left by a process that is gone: swept
    runs = [subprocess.Popen([sys.executable, "-c", SPILLER, str(area)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    outs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [err[-500:] for _, err in outs]
    folders = [Path(out.strip().splitlines()[-1]) for out, _ in outs]  # (after DuckDB's progress bar)
    assert folders[0] != folders[1] and all(f.parent == area for f in folders)
    assert list(area.iterdir()) == []  # removed on close, the stale one swept


def test_connections_of_one_process_get_their_own_spill_folder(tmp_path: Path) -> None:
    first, second = duck.connect(temp_dir=tmp_path), duck.connect(temp_dir=tmp_path)
    try:
        dirs = {c.execute("SELECT current_setting('temp_directory')").fetchone()[0] for c in (first, second)}  # type: ignore[index]
        assert len(dirs) == 2
    finally:
        first.close()
        second.close()
