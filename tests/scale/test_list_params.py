"""A list passed to DuckDB as a parameter (story or document ids) costs no import attempt per element
(pipeline.duck.skip_pandas_probe): DuckDB's binding tries `import pandas` twice per element, and with pandas
absent each try searched the import path, about 25 s of CPU for `review list` at a million documents."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

import duckdb
import pytest

from pipeline import duck


class _Probes:
    """A finder that only counts the lookups of pandas (it never finds anything)."""

    def __init__(self) -> None:
        self.count = 0

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        self.count += name == "pandas"


def test_a_list_parameter_probes_no_import(monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.modules.get("pandas") is not None or (
            "pandas" not in sys.modules and importlib.util.find_spec("pandas") is not None):
        pytest.skip("pandas is installed: DuckDB finds it at once")
    monkeypatch.delitem(sys.modules, "pandas", raising=False)  # as in a fresh process
    probes = _Probes()
    monkeypatch.setattr(sys, "meta_path", [probes, *sys.meta_path])
    ids = [f"s-{i}" for i in range(2000)]
    plain = duckdb.connect()
    assert plain.execute("SELECT len(?::VARCHAR[])", [ids]).fetchone() == (2000,)
    assert probes.count >= 2000  # the binding's probe, without the fix: the test can fail
    conn = duck.connect()  # looks pandas up once
    probes.count = 0
    assert conn.execute("SELECT len(?::VARCHAR[])", [ids]).fetchone() == (2000,)
    assert probes.count == 0
    with pytest.raises(ImportError):
        import pandas  # noqa: F401
    assert importlib.util.find_spec("pandas") is None
