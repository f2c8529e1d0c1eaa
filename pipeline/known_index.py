"""Keeping the crawler's known-URL index (crawlers/known_index.py) in step with the warehouse.

The one writer adds the canonical URLs of the documents it stores, right after their rows are committed, and only
when the index reflected the warehouse before that batch (the `documents` count it records); otherwise the index is
left stale. Before a crawl, `ensure_fresh` compares that count with the snapshot's and rebuilds the index from the
snapshot when they differ or the file is missing. A URL is never in the index without its document in the warehouse
(adds follow the commit; a rebuild reads the published snapshot), so a crash at any point costs at most a
refetch, never a gap."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import duckdb

from crawlers import known_index
from crawlers.urls import canonical_url
from pipeline import sql
from pipeline.snapshot import NoSnapshot, open_snapshot
from planwatch.config import Paths


def document_count(conn: duckdb.DuckDBPyConnection) -> int:
    return int(conn.execute(sql.query("documents_count")).fetchall()[0][0])


def canonical_forms(rows: Iterable[tuple[str | None, str | None]]) -> set[str]:
    """The canonical form of each stored document's canonical URL and fetched URL (any spelling matches)."""
    out: set[str] = set()
    for canon, url in rows:
        for u in (canon, url):
            if u:
                out.add(canonical_url(u))
    return out


def after_store(paths: Paths, docs: Iterable[Mapping[str, Any]], before: int, after: int) -> bool:
    """Add the stored documents' URLs to an index that reflected `before` warehouse documents (now `after`).
    Returns False when the index is missing or stale (left for the next crawl's rebuild)."""
    if not paths.known_index.exists():
        return False
    conn = known_index.connect_rw(paths.known_index)
    try:
        urls = canonical_forms((d.get("canonical_url"), d.get("url")) for d in docs)
        return known_index.add(conn, urls, after, expect=before)
    finally:
        conn.close()


def ensure_fresh(paths: Paths, snap: duckdb.DuckDBPyConnection | None = None) -> tuple[bool, int]:
    """The index reflects the snapshot's documents: kept when its count matches, else rebuilt in place (one
    transaction: a crawl reading it sees the old or the new set). `snap`: the snapshot, when the caller has it
    open already. Returns (rebuilt, documents)."""
    if snap is None:
        try:
            with open_snapshot(paths, fts=False) as opened:
                return ensure_fresh(paths, opened)
        except NoSnapshot:
            return _rebuild(paths, [], 0)
    count = document_count(snap)
    if paths.known_index.exists():
        conn = known_index.connect_rw(paths.known_index)
        try:
            if known_index.reflected(conn) == count:
                return False, count
        finally:
            conn.close()
    return _rebuild(paths, snap.execute(sql.query("known_urls_all")).fetchall(), count)


def _rebuild(paths: Paths, rows: list[tuple[str | None, str | None]], count: int) -> tuple[bool, int]:
    conn = known_index.connect_rw(paths.known_index)
    try:
        known_index.replace_all(conn, canonical_forms(rows), count)
    finally:
        conn.close()
    return True, count
