"""The run folder a crawl writes (docs/architecture.md, "Crawl output"; docs/crawling.md).

runs/<run_id>/fetches.jsonl, pages.jsonl, validators.jsonl (new ETag/Last-Modified per discovery URL),
health.jsonl, done (written last). Every line is written whole and flushed at once, so a killed crawl
leaves complete lines plus at most one torn last line; reopening the folder (a rerun of the same run id)
cuts that torn line off and resumes: pages already recorded are not fetched again and fetch ids go on
counting attempts. Raw bodies (gzip of the exact entity bytes received after HTTP content-encoding is removed;
charset untouched) go to the run's pack, raw/packs/<run_id>.pack (crawlers.rawpack); `store_raw` still writes
one file, raw/<sha[:2]>/<sha256>.gz, for callers outside a crawl."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from crawlers.rawpack import RawPack, file_path

FETCHES = "fetches.jsonl"
PAGES = "pages.jsonl"
HEALTH = "health.jsonl"
VALIDATORS = "validators.jsonl"
DONE = "done"
PROGRESS = "progress.json"   # rewritten every second while the crawl runs (the parent shows it)
FETCH_FIELDS = ("fetch_id", "run_id", "source_id", "url", "final_url", "kind", "status", "fetched_at", "bytes",
                "elapsed_ms", "error", "raw_sha256", "etag", "last_modified", "response_headers", "request_headers",
                "protocol")


# json.dumps with any option builds a new encoder for every call: the run files' lines and the fetch line's header
# pairs use one each (the same options, the same text)
_LINE = json.JSONEncoder(ensure_ascii=False, default=str)
_PAIRS = json.JSONEncoder(ensure_ascii=False)


def utcnow_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Complete lines only: a torn last line (no newline) is skipped."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                return
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def _cut_torn_tail(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as fh:
        data = fh.read()
        if data.endswith(b"\n"):
            return
        keep = data.rfind(b"\n") + 1
        fh.seek(keep)
        fh.truncate()


def header_pairs(headers: Any) -> str | None:
    """Scrapy headers as a JSON array of [name, value] pairs, every value kept (latin-1, as on the wire)."""
    if not headers:
        return None
    try:  # Scrapy's Headers: a dict of bytes names to lists of bytes values (the common case, without a test each)
        return _PAIRS.encode([[name.decode("latin-1"), value.decode("latin-1")]
                              for name, values in dict.items(headers) for value in values])
    except (AttributeError, TypeError):  # str names or values, a single value, a mapping that is not a dict
        pass
    pairs = []
    # Scrapy's Headers is a dict of normalized names to lists of values: its own items() looks every name up again
    for name, values in (dict.items(headers) if isinstance(headers, dict) else headers.items()):
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        for value in values if isinstance(values, list | tuple) else [values]:
            pairs.append([key, value.decode("latin-1") if isinstance(value, bytes) else str(value)])
    return _PAIRS.encode(pairs)


def raw_path(raw_dir: Path, sha256: str) -> Path:
    """A body's own file (bodies a crawl stored are in its pack instead: crawlers.rawpack.read_raw_gz)."""
    return file_path(raw_dir, sha256)


def store_raw(raw_dir: Path, body: bytes) -> str:
    """Store `body` content-addressed; return its sha256. Writing is atomic; an existing file is kept."""
    sha = hashlib.sha256(body).hexdigest()
    target = raw_path(raw_dir, sha)
    if not target.exists():
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        # the prefix folder is made when the first body under it finds none (a mkdir for every page was two
        # syscalls and an exception)
        try:
            fh = open(tmp, "wb")  # noqa: SIM115 (closed below)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            fh = open(tmp, "wb")  # noqa: SIM115
        with fh:
            fh.write(gzip.compress(body, compresslevel=6, mtime=0))
        os.replace(tmp, target)
    return sha


class RunWriter:
    """Append-only writer of one run folder."""

    def __init__(self, out_dir: Path, raw_dir: Path, run_id: str) -> None:
        self.out_dir = Path(out_dir)
        self.raw_dir = Path(raw_dir)
        self.run_id = run_id
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.raw_dir.mkdir(parents=True, exist_ok=True)
        done = self.out_dir / DONE
        if done.exists():
            done.unlink()  # a rerun of a finished run id: it is not done until this attempt finishes
        for name in (FETCHES, PAGES, VALIDATORS):
            _cut_torn_tail(self.out_dir / name)
        self.attempts: Counter[str] = Counter(r.get("url", "") for r in read_jsonl(self.out_dir / FETCHES))
        self.recorded_pages: set[str] = set()
        for row in read_jsonl(self.out_dir / PAGES):
            self.recorded_pages.add(row.get("canonical_url") or row.get("url", ""))
        self.resumed = bool(self.attempts)
        self._files: dict[str, IO[str]] = {
            name: open(self.out_dir / name, "a", encoding="utf-8")  # noqa: SIM115 (closed in finish/close)
            for name in (FETCHES, PAGES, VALIDATORS)}
        self.counts: Counter[str] = Counter()
        self.raw = RawPack(self.raw_dir, run_id)

    def _write(self, name: str, row: dict[str, Any]) -> None:
        fh = self._files[name]
        fh.write(_LINE.encode(row) + "\n")
        fh.flush()
        self.counts[name] += 1

    def fetch(self, **fields: Any) -> dict[str, Any]:
        url = fields["url"]
        self.attempts[url] += 1
        row = {key: fields.get(key) for key in FETCH_FIELDS}
        row["run_id"] = self.run_id
        row["fetch_id"] = hashlib.sha1(f"{self.run_id}|{url}|{self.attempts[url]}".encode()).hexdigest()[:24]
        row["fetched_at"] = fields.get("fetched_at") or utcnow_iso()
        self._write(FETCHES, row)
        return row

    def page(self, row: dict[str, Any]) -> None:
        where = self.raw.location(row.get("raw_sha256"))
        if where is not None:  # where the body is: the ingest reads it without the packs' index
            row = {**row, "raw_pack": list(where)}
        self._write(PAGES, row)
        self.recorded_pages.add(row.get("canonical_url") or row["url"])

    def validator(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if etag or last_modified:
            self._write(VALIDATORS, {"url": url, "etag": etag, "last_modified": last_modified})

    def store_raw(self, body: bytes) -> str:
        return self.raw.store(body)

    def finish(self, health: Iterable[dict[str, Any]], summary: dict[str, Any]) -> None:
        tmp = self.out_dir / f".{HEALTH}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            for row in health:
                fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        os.replace(tmp, self.out_dir / HEALTH)
        self.close()
        tmp = self.out_dir / f".{DONE}.tmp"
        tmp.write_text(json.dumps(summary, ensure_ascii=False, default=str, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.out_dir / DONE)

    def close(self) -> None:
        for fh in self._files.values():
            if not fh.closed:
                fh.close()
        self.raw.close()


def write_progress(out_dir: Path, snapshot: dict[str, Any]) -> None:
    """Replace the run's progress file at once (a reader never sees half a file)."""
    tmp = Path(out_dir) / f".{PROGRESS}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(snapshot, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, Path(out_dir) / PROGRESS)


def read_progress(out_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((Path(out_dir) / PROGRESS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load_validators(path: Path | None) -> dict[str, dict[str, str | None]]:
    """The conditional-GET validators file: JSON object {url: {"etag", "last_modified"}} (or JSONL rows)."""
    if path is None or not Path(path).exists():
        return {}
    text = Path(path).read_text(encoding="utf-8").strip()
    if not text:
        return {}
    if text.startswith("{") and "\n{" not in text:
        data = json.loads(text)
        return {str(k): dict(v) for k, v in data.items() if isinstance(v, dict)}
    out: dict[str, dict[str, str | None]] = {}
    for row in read_jsonl(Path(path)):
        out[row["url"]] = {"etag": row.get("etag"), "last_modified": row.get("last_modified")}
    return out


def merge_validators(path: Path, run_dir: Path) -> int:
    """Fold a run's validators.jsonl into the state validators file (JSON object, atomic rewrite)."""
    current = load_validators(path)
    n = 0
    for row in read_jsonl(Path(run_dir) / VALIDATORS):
        current[row["url"]] = {"etag": row.get("etag"), "last_modified": row.get("last_modified")}
        n += 1
    if n:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(current, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    return n


def load_known_urls(path: Path | None) -> set[str]:
    """Known article URLs: a text file, one URL per line (JSONL lines with "canonical_url"/"url" accepted).
    Every URL is canonicalized, so any spelling the parent stored matches."""
    from crawlers.urls import canonical_url

    if path is None or not Path(path).exists():
        return set()
    out: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            if line.startswith("{"):
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                line = row.get("canonical_url") or row.get("url") or ""
            if line:
                out.add(canonical_url(line))
    return out
