"""The known-URL index: a SQLite file of canonical URLs already stored (primary key), so the crawl subprocess
checks each candidate with one lookup instead of loading every stored URL (a crawl's cost grows with the
candidates it checks, not with the warehouse). The one writer adds the URLs of the documents it stores
(pipeline/known_index.py); the index is rebuilt from the snapshot when missing or stale, the warehouse staying the
source of truth. The crawl subprocess opens it read-only (the job's `known_index_file`)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from planwatch.config import data_path

LOOKUP_BATCH = 500  # URLs a query of KnownUrls.among asks for (bound parameters: SQLite allows 32,766)


@cache
def _sql(name: str) -> str:
    return data_path("sql", "known_index", f"{name}.sql").read_text(encoding="utf-8")


@cache
def canon_rules() -> str:
    """A fingerprint of the canonicalization code (crawlers/urls.py): an index built under other rules is stale."""
    from crawlers import urls

    return hashlib.sha1(Path(urls.__file__).read_bytes()).hexdigest()[:16]


def connect_rw(path: Path) -> sqlite3.Connection:
    """The index for writing (created if missing); WAL, so a crawl reading it is never blocked."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=60.0, isolation_level=None)
    conn.executescript(_sql("schema"))
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _meta(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute(_sql("meta_get"), (key,)).fetchone()
    return int(row[0]) if row else None


def reflected(conn: sqlite3.Connection) -> int | None:
    """How many warehouse documents the index reflects (None: never recorded, or built under other
    canonicalization rules than the running code's)."""
    row = conn.execute(_sql("meta_get"), ("canon",)).fetchone()
    return _meta(conn, "documents") if row and row[0] == canon_rules() else None


def _write(conn: sqlite3.Connection, canonical_urls: Iterable[str], documents: int, *, expect: int | None,
           clear: bool) -> bool:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if expect is not None and reflected(conn) != expect:
            conn.execute("ROLLBACK")
            return False
        gen = (_meta(conn, "generation") or 0) + 1
        if clear:
            conn.execute(_sql("clear"))
        conn.executemany(_sql("add"), ((u, gen) for u in canonical_urls if u))
        conn.execute(_sql("meta_set"), ("generation", str(gen)))
        conn.execute(_sql("meta_set"), ("documents", str(documents)))
        conn.execute(_sql("meta_set"), ("canon", canon_rules()))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def add(conn: sqlite3.Connection, canonical_urls: Iterable[str], documents: int, *, expect: int) -> bool:
    """Add canonical URLs (a new generation) and record that the index now reflects `documents` warehouse
    documents, in one transaction, if it reflected `expect` before; otherwise change nothing and return False."""
    return _write(conn, canonical_urls, documents, expect=expect, clear=False)


def replace_all(conn: sqlite3.Connection, canonical_urls: Iterable[str], documents: int) -> None:
    """Replace the whole set (a rebuild from the snapshot), in one transaction."""
    _write(conn, canonical_urls, documents, expect=None, clear=True)


class KnownUrls:
    """Membership of canonical URLs: those of a `known_urls_file` (a set, read whole) and those of the index
    (looked up one by one, read-only). `url in known` takes an already canonical URL."""

    def __init__(self, urls: set[str] | None = None, index_path: Path | None = None) -> None:
        self.urls = urls or set()
        self.conn: sqlite3.Connection | None = None
        self.lookups = 0
        self.generation = 0
        if index_path is not None and Path(index_path).exists():
            self.conn = sqlite3.connect(f"{Path(index_path).resolve().as_uri()}?mode=ro", uri=True,
                                        timeout=60.0, check_same_thread=False)
            self._contains = _sql("contains")
            # the rows of the generation current now: URLs stored while this crawl runs stay unknown to it
            self.generation = _meta(self.conn, "generation") or 0

    def __contains__(self, url: object) -> bool:
        if url in self.urls:
            return True
        if self.conn is None or not isinstance(url, str):
            return False
        self.lookups += 1
        return self.conn.execute(self._contains, (url, self.generation)).fetchone() is not None

    def among(self, urls: Iterable[str]) -> set[str]:
        """The canonical URLs of `urls` that are known (those `url in self` is true of), the index asked once per
        LOOKUP_BATCH of them."""
        wanted = [u for u in dict.fromkeys(urls) if isinstance(u, str)]
        found = {u for u in wanted if u in self.urls}
        if self.conn is None:
            return found
        rest = [u for u in wanted if u not in found]
        for start in range(0, len(rest), LOOKUP_BATCH):
            part = rest[start:start + LOOKUP_BATCH]
            self.lookups += len(part)
            text = _sql("contains_any").replace("/*URLS*/", ", ".join("?" * len(part)))  # placeholders only
            found.update(row[0] for row in self.conn.execute(text, (self.generation, *part)))
        return found

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
