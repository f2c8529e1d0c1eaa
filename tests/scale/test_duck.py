"""pipeline/duck.py: every DuckDB connection planwatch opens carries a memory limit and a thread count."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import duck


def _settings(conn) -> tuple[str, int, str]:  # type: ignore[no-untyped-def]
    row = conn.execute("SELECT current_setting('memory_limit'), current_setting('threads'), "
                       "current_setting('temp_directory')").fetchone()
    return str(row[0]), int(row[1]), str(row[2])


def test_defaults_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(duck.MEMORY_ENV, raising=False)
    monkeypatch.delenv(duck.THREADS_ENV, raising=False)
    conn = duck.connect(tmp_path / "a.duckdb")
    try:
        limit, threads, _ = _settings(conn)
        assert limit.startswith("953") or limit.startswith("1.0")  # 1GB as DuckDB prints it (MiB / GiB)
        assert 1 <= threads <= duck.MAX_DEFAULT_THREADS
    finally:
        conn.close()
    monkeypatch.setenv(duck.MEMORY_ENV, "256MB")
    monkeypatch.setenv(duck.THREADS_ENV, "1")
    conn = duck.connect(temp_dir=tmp_path / "spill")
    try:
        limit, threads, temp = _settings(conn)
        assert limit.startswith("244") and threads == 1  # 256 MB = 244.1 MiB
        assert temp == str(tmp_path / "spill") and (tmp_path / "spill").is_dir()
        duck.for_rebuild(conn)
        assert _settings(conn)[0].startswith("3.7")  # 4GB = 3.7 GiB
    finally:
        conn.close()


@pytest.mark.parametrize(("env", "value"), [(duck.MEMORY_ENV, "lots"), (duck.MEMORY_ENV, "1GB'; SET x=1; --"),
                                            (duck.THREADS_ENV, "0"), (duck.THREADS_ENV, "two")])
def test_bad_values_fail_clearly(env: str, value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ValueError, match=env):
        duck.connect()
