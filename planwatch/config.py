"""Where things live. Nothing here is read at import time: call the functions."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"


def data_path(*parts: str) -> Path:
    """A path inside the repository's data/ folder (plans, sources, lexicon, sql, demo)."""
    return DATA_DIR.joinpath(*parts)


@dataclass(frozen=True)
class Paths:
    """Runtime state under PLANWATCH_HOME (default: data/state, git-ignored)."""

    home: Path

    @classmethod
    def from_env(cls) -> Paths:
        home = os.environ.get("PLANWATCH_HOME")
        return cls(Path(home).expanduser().resolve() if home else DATA_DIR / "state")

    @property
    def warehouse(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def writer_lock(self) -> Path:
        return self.home / "warehouse.lock"

    @property
    def snapshot(self) -> Path:
        return self.home / "snapshot" / "planwatch.duckdb"

    @property
    def known_index(self) -> Path:
        """Canonical URLs already stored, for the crawler (crawlers/known_index.py; rebuilt from the snapshot)."""
        return self.home / "known_urls.sqlite"

    @property
    def raw_archive(self) -> Path:
        return self.home / "raw"

    @property
    def runs(self) -> Path:
        return self.home / "runs"

    @property
    def review_journal(self) -> Path:
        return self.home / "review" / "decisions.jsonl"

    @property
    def digests(self) -> Path:
        return self.home / "digests"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def prefect_home(self) -> Path:
        return self.home / "prefect"

    def ensure(self) -> Paths:
        for p in (self.home, self.snapshot.parent, self.raw_archive, self.runs,
                  self.review_journal.parent, self.digests):
            p.mkdir(parents=True, exist_ok=True)
        return self
