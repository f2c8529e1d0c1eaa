"""SQL lives in data/sql: migrations/ (ordered, applied once), views/ (re-created on every write job)
and queries/ (named statements the code runs)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from planwatch.config import data_path


def sql_dir(*parts: str) -> Path:
    return data_path("sql", *parts)


@cache
def query(name: str) -> str:
    """The text of data/sql/queries/<name>.sql."""
    return sql_dir("queries", f"{name}.sql").read_text(encoding="utf-8")


def migrations() -> list[Path]:
    return sorted(sql_dir("migrations").glob("*.sql"))


def views() -> list[Path]:
    return sorted(sql_dir("views").glob("*.sql"))
