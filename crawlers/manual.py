"""Manual URLs: `planwatch add-url` queues them in the state folder; the next crawl fetches them.

Queue file: $PLANWATCH_HOME/manual_urls.jsonl, one {"url", "source_id", "added_at", "note"} per line.
`pending_manual_urls()` gives what the next crawl job should carry (job.manual_urls);
`mark_manual_done()` drops the URLs a finished run fetched (or refused)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crawlers.registry import Source, find_source, source_for_url
from crawlers.safety import Unresolvable, UnsafeURL, check_url
from crawlers.urls import canonical_url

QUEUE_FILE = "manual_urls.jsonl"


def queue_path(home: Path) -> Path:
    return Path(home) / QUEUE_FILE


def urls_from_csv(path: Path) -> list[str]:
    """URLs from a CSV file: the `url` column when there is a header with one, else the first column."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and any(c.strip() for c in r)]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    if "url" in header:
        col = header.index("url")
        return [r[col].strip() for r in rows[1:] if len(r) > col and r[col].strip()]
    return [r[0].strip() for r in rows if r[0].strip().startswith(("http://", "https://"))]


def add_manual_urls(home: Path, urls: Iterable[str], sources: list[Source], source_id: str | None = None,
                    ) -> tuple[list[dict[str, Any]], list[str]]:
    """Validate and queue URLs. Returns (queued rows, problems). Refused: non-http(s), private/loopback
    targets (unless the source allows them), unknown --source; already queued URLs are skipped. A host that
    does not resolve now is queued: every fetch re-checks its addresses."""
    problems: list[str] = []
    forced = None
    if source_id:
        forced = find_source(sources, source_id)
        if forced is None:
            return [], [f"unknown source id {source_id!r} (see `planwatch sources list`)"]
    path = queue_path(home)
    queued = {canonical_url(r["url"]) for r in read_queue(home)}
    added: list[dict[str, Any]] = []
    for url in urls:
        url = url.strip()
        if not url:
            continue
        src = forced or source_for_url(sources, url)
        try:
            check_url(url, allow_private=bool(src and src.allow_private))
        except Unresolvable:
            pass  # offline now: the crawl checks the address again before fetching
        except UnsafeURL as exc:
            problems.append(f"{url}: {exc}")
            continue
        canon = canonical_url(url)
        if canon in queued:
            problems.append(f"{url}: already queued")
            continue
        queued.add(canon)
        added.append({"url": url, "source_id": src.id if src else None,
                      "added_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
    if added:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            for row in added:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    return added, problems


def read_queue(home: Path) -> list[dict[str, Any]]:
    path = queue_path(home)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def pending_manual_urls(home: Path) -> list[dict[str, Any]]:
    """What a crawl job's `manual_urls` should be."""
    return [{"url": r["url"], "source_id": r.get("source_id")} for r in read_queue(home)]


def mark_manual_done(home: Path, urls: Iterable[str]) -> int:
    """Remove URLs from the queue (after a run that fetched or refused them). Returns how many left."""
    done = {canonical_url(u) for u in urls}
    rows = [r for r in read_queue(home) if canonical_url(r["url"]) not in done]
    path = queue_path(home)
    if path.exists():
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        os.replace(tmp, path)
    return len(rows)
