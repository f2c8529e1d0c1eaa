"""A crawl job: everything the crawl subprocess needs, as one JSON file (crawlers/run.py JOB.json)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

MODES = ("nightly", "backfill")
POLITENESS = ("default", "off")


@dataclass
class CrawlJob:
    run_id: str
    out_dir: str                          # runs/<run_id>/ : fetches.jsonl, pages.jsonl, health.jsonl, done
    raw_dir: str                          # raw archive root: packs/<run_id>.pack (crawlers.rawpack)
    sources: str | None = None            # sources file or folder (None: data/sources)
    source_ids: list[str] = field(default_factory=list)  # restrict to these ids (empty: all)
    since: str | None = None              # ISO date: skip items dated before (listings stop there)
    until: str | None = None              # ISO date: skip items dated after
    mode: str = "nightly"                 # nightly | backfill (backfill adds site search queries)
    known_urls_file: str | None = None    # article URLs already stored: never fetched again
    known_index_file: str | None = None   # the same as a SQLite index, one lookup a candidate (crawlers/known_index.py)
    validators_file: str | None = None    # {url: {etag, last_modified}} for conditional GET
    manual_urls: list[dict[str, Any]] = field(default_factory=list)  # [{"url", "source_id"?}]
    queries_file: str | None = None       # backfill queries (None: data/sources/search_queries.toml)
    queries: list[str] = field(default_factory=list)  # explicit queries (override the file)
    politeness: str = "default"           # default (robots, AutoThrottle, per-source delays) | off (tests, bench)
    download_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024     # per response, after decompression too
    retry_times: int = 2
    retry_after_max: float = 120.0
    redirect_max: int = 5
    max_articles_per_source: int = 0      # 0: no cap
    max_sitemaps_per_source: int = 200
    time_limit: float = 3 * 3600.0        # the parent kills the subprocess after this many seconds
    contact: str = ""                     # User-Agent contact (default: env PLANWATCH_CONTACT)
    log_level: str = "WARNING"
    settings: dict[str, Any] = field(default_factory=dict)  # extra Scrapy settings (tests)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"job mode {self.mode!r}: use one of {MODES}")
        if self.politeness not in POLITENESS:
            raise ValueError(f"job politeness {self.politeness!r}: use one of {POLITENESS}")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, default=str)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CrawlJob:
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown crawl job fields: {sorted(unknown)}")
        clean: dict[str, Any] = {k: (str(v) if isinstance(v, os.PathLike) else v) for k, v in data.items()}
        return cls(**clean)

    @classmethod
    def load(cls, path: str | Path) -> CrawlJob:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def user_agent(self) -> str:
        contact = self.contact or os.environ.get("PLANWATCH_CONTACT", "").strip()
        if contact and "@" in contact and not contact.startswith("mailto:"):
            contact = f"mailto:{contact}"
        tail = f"; +{contact}" if contact else ""
        return f"planwatch/0.1 (press-coverage research crawler; robots.txt obeyed{tail})"
