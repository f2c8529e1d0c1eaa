"""data/plan-import.toml: issuer codes, count units and known channels (what the importer knows)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from classifiers.textfold import fast_fold
from planwatch.config import data_path


@dataclass(frozen=True)
class KnownChannel:
    id: str
    match: tuple[str, ...]
    source_ids: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    issuers: dict[str, str]
    units: tuple[tuple[str, str], ...]  # (folded unit phrase, format), longest first
    channels: tuple[KnownChannel, ...]

    def channel_for(self, name: str) -> KnownChannel | None:
        folded = fast_fold(name)
        for ch in self.channels:
            if any(fast_fold(m) in folded for m in ch.match):
                return ch
        return None


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    raw: dict[str, Any] = tomllib.loads(data_path("plan-import.toml").read_text(encoding="utf-8"))
    units = [(fast_fold(u), fmt) for fmt, words in raw.get("units", {}).items() for u in words]
    units.sort(key=lambda u: -len(u[0]))
    channels = tuple(KnownChannel(id=c["id"], match=tuple(c.get("match", ())),
                                  source_ids=tuple(c.get("source_ids", ())), kinds=tuple(c.get("kinds", ())))
                     for c in raw.get("channel", []))
    return Catalog(issuers=dict(raw.get("issuers", {})), units=tuple(units), channels=channels)
