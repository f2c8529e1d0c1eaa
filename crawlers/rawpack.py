"""The raw archive: bodies by sha256, in one pack file per crawl run (docs/decisions.md entry 16).

A crawl appends each body it keeps, gzipped (the same bytes a per-page file holds), to
`raw/packs/<name>.pack`, then one line `<sha256> <offset> <length>` to `raw/packs/<name>.idx`, each flushed at
once: an index line always points at bytes already in the pack, and a killed crawl leaves whole lines plus at
most one torn last line (skipped by readers, as in a run's jsonl files). One file pair per crawl attempt instead
of a file per page: creating a file, and renaming it into place, cost the crawl subprocess 0.03-0.87 ms of CPU a
page (the filesystem's inode and directory work, dearer while other jobs write), an append to an open file 0.002 ms.

Older archives, and `crawlers.output.store_raw`, keep one file per body, `raw/<sha[:2]>/<sha256>.gz`; readers
look there first (`read_raw_gz`), then in the packs. A page row carries where its body is
(`raw_pack = [name, offset, length]`, `RunWriter.page`), so the ingest's workers read it without any index;
lookups by sha alone (reprocess, evidence, review) read the packs' index files once per process
(`PackIndex`) and again when a sha is not found (a pack still being written).

The same body fetched by two runs is stored in both packs (a run checks its own bodies and the per-page files,
not other packs: that would mean reading every index at each crawl's start); any copy serves."""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

PACKS = "packs"
PACK_SUFFIX = ".pack"
INDEX_SUFFIX = ".idx"

MAX_OPEN = 32  # pack files a process keeps open for reading
Location = tuple[str, int, int]  # pack name (no suffix), offset, length of the gzip member


def file_path(raw_dir: Path, sha256: str) -> Path:
    """Where a body stored as its own file is (crawlers.output.raw_path)."""
    return raw_dir / sha256[:2] / f"{sha256}.gz"


class RawPack:
    """The append side: one pack and its index for one crawl attempt (opened at the first body)."""

    def __init__(self, raw_dir: Path, name: str) -> None:
        self.raw_dir = Path(raw_dir)
        self.base = name
        self.name: str | None = None
        self._pack: IO[bytes] | None = None
        self._index: IO[bytes] | None = None
        self._offset = 0
        self.locations: dict[str, Location] = {}  # what this attempt stored
        # the per-page files' prefix folders there were at the start: a body whose folder was not there has no file of
        # its own (one written meanwhile by another process only means a second copy of it here, as in two packs),
        # so the look for it (a path and a stat per body) is made only where there may be one
        self._file_dirs: set[str] | None = None

    def _open(self) -> None:
        folder = self.raw_dir / PACKS
        folder.mkdir(parents=True, exist_ok=True)
        attempt = 0
        while True:  # a rerun of a run id, or a second writer: a pair of its own, never appended to another's
            name = self.base if attempt == 0 else f"{self.base}.{attempt}"
            try:
                self._pack = open(folder / f"{name}{PACK_SUFFIX}", "xb")  # noqa: SIM115 (closed in close)
                break
            except FileExistsError:
                attempt += 1
        self._index = open(folder / f"{name}{INDEX_SUFFIX}", "ab")  # noqa: SIM115 (closed in close)
        self.name = name

    def store(self, body: bytes) -> str:
        """Keep `body` (unless this attempt or a per-page file has it); return its sha256."""
        sha = hashlib.sha256(body).hexdigest()
        if sha in self.locations or (sha[:2] in self._prefix_dirs() and file_path(self.raw_dir, sha).exists()):
            return sha
        if self._pack is None:
            self._open()
        assert self._pack is not None and self._index is not None and self.name is not None
        data = gzip.compress(body, compresslevel=6, mtime=0)
        self._pack.write(data)
        self._pack.flush()  # the bytes first: an index line never points past the pack's end
        self._index.write(f"{sha} {self._offset} {len(data)}\n".encode("ascii"))
        self._index.flush()
        self.locations[sha] = (self.name, self._offset, len(data))
        self._offset += len(data)
        return sha

    def _prefix_dirs(self) -> set[str]:
        if self._file_dirs is None:
            try:
                self._file_dirs = {e.name for e in os.scandir(self.raw_dir) if len(e.name) == 2 and e.is_dir()}
            except FileNotFoundError:
                self._file_dirs = set()
        return self._file_dirs

    def location(self, sha: str | None) -> Location | None:
        return self.locations.get(sha) if sha else None

    def close(self) -> None:
        for fh in (self._pack, self._index):
            if fh is not None and not fh.closed:
                fh.close()


class PackIndex:
    """sha256 -> location over every pack's index file, read incrementally (whole lines only)."""

    def __init__(self, raw_dir: Path) -> None:
        self.folder = Path(raw_dir) / PACKS
        self._read: dict[str, int] = {}  # index file name -> bytes read so far (up to its last whole line)
        self._where: dict[str, Location] = {}

    def refresh(self) -> None:
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob(f"*{INDEX_SUFFIX}")):
            done = self._read.get(path.name, 0)
            try:
                if path.stat().st_size <= done:
                    continue
                with open(path, "rb") as fh:
                    fh.seek(done)
                    data = fh.read()
            except FileNotFoundError:
                continue
            whole = data[: data.rfind(b"\n") + 1]
            self._read[path.name] = done + len(whole)
            name = path.name[: -len(INDEX_SUFFIX)]
            for line in whole.decode("ascii", "replace").splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
                    self._where.setdefault(parts[0], (name, int(parts[1]), int(parts[2])))

    def find(self, sha: str) -> Location | None:
        found = self._where.get(sha)
        if found is None:
            self.refresh()
            found = self._where.get(sha)
        return found


_INDEXES: dict[Path, PackIndex] = {}  # one per raw archive in this process
# open pack files (read side), by the archive's folder as given (its str) and the pack's name: a worker reads a
# page a time, and building the pack's Path and hashing it each time was 0.7% of a worker's CPU
_HANDLES: dict[tuple[str, str], int] = {}


def index_of(raw_dir: Path) -> PackIndex:
    key = Path(raw_dir)
    if key not in _INDEXES:
        _INDEXES[key] = PackIndex(key)
    return _INDEXES[key]


def _pack_path(raw_dir: Path, name: str) -> Path:
    return Path(raw_dir) / PACKS / f"{name}{PACK_SUFFIX}"


def _read_at(raw_dir: Path, where: Location) -> bytes:
    name, offset, length = where
    key = (os.fspath(raw_dir), name)
    fd = _HANDLES.get(key)
    if fd is None:
        if len(_HANDLES) >= MAX_OPEN:  # a long-lived reader (the review server): a bounded number of open packs
            for old in _HANDLES.values():
                os.close(old)
            _HANDLES.clear()
        fd = _HANDLES[key] = os.open(_pack_path(raw_dir, name), os.O_RDONLY)
    data = os.pread(fd, length, offset)
    if len(data) != length:
        raise FileNotFoundError(f"{_pack_path(raw_dir, name)}: {length} bytes at {offset} not there")
    return data


def as_location(value: Any) -> Location | None:
    """A page row's `raw_pack` value as a location (None when absent or malformed)."""
    if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 3:
        name, offset, length = value
        if isinstance(name, str) and isinstance(offset, int) and isinstance(length, int):
            return name, offset, length
    return None


def read_raw_gz(raw_dir: Path, sha256: str, where: Location | None = None) -> bytes:
    """The stored gzip bytes of a body: at `where` when given, else its own file, else in a pack.
    FileNotFoundError when the archive does not hold it."""
    if where is not None:
        return _read_at(raw_dir, where)
    path = file_path(Path(raw_dir), sha256)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        found = index_of(raw_dir).find(sha256)
        if found is None:
            raise
        return _read_at(raw_dir, found)


def locate(raw_dir: Path, sha256: str) -> Location | None:
    """Where a body is in the packs (None: not in any pack; it may still be a file of its own)."""
    return index_of(raw_dir).find(sha256)


def raw_exists(raw_dir: Path, sha256: str) -> bool:
    return file_path(Path(raw_dir), sha256).exists() or locate(raw_dir, sha256) is not None


def raw_file(raw_dir: Path, sha256: str) -> Path | None:
    """A body as a file of its own (written from its pack when it is only there, for a person to open);
    None when the archive does not hold it or the file cannot be written."""
    path = file_path(Path(raw_dir), sha256)
    if path.exists():
        return path
    found = locate(raw_dir, sha256)
    if found is None:
        return None
    try:
        data = _read_at(raw_dir, found)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return None
    return path
