"""The report's wording: data/templates/evidence/bao-cao.toml, each value a Jinja2 template the office can
edit without touching code."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

import jinja2

from planwatch.config import data_path

_ENV = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


@cache
def _load() -> dict[str, Any]:
    with open(data_path("templates", "evidence", "bao-cao.toml"), "rb") as fh:
        return tomllib.load(fh)


class Wording:
    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context
        self.raw = _load()

    def __call__(self, key: str, **extra: Any) -> str:
        return _ENV.from_string(self.raw[key]).render({**self.context, **extra}).strip()

    def lines(self, key: str, **extra: Any) -> list[str]:
        return [_ENV.from_string(t).render({**self.context, **extra}).strip() for t in self.raw[key]]
