"""The immutable base of the story index: band keys and paragraph occurrences sorted by key, in files.

A generation is a folder next to the warehouse (``<warehouse>.story-bands/gen-NNNNNN``) holding two sorted
tables, each as

- ``<table>.keys``: every key (uint64), sorted, padded with ``PAD`` to a whole number of blocks;
- ``<table>.rows``: one fixed-size record per key (same order): ``bands`` (band key -> document index) and
  ``paras`` (paragraph hash -> document index, outlet index, publication day since 2000-01-01);
- ``<table>.fences``: the first key of each block of ``BLOCK`` keys (read into memory: 8 bytes per block);

and ``ids.off``/``ids.bin`` (the doc_id of each document index: int64 offsets into UTF-8 bytes, the layout
of an Arrow large_string array) and ``sources.json`` (the outlet of each outlet index; 0 is none).

A probe reads one 4 KiB block of keys per key it looks up (the fences say which) and one record per row
found, with pread: the process holds the fences, the outlet list and what one batch reads, not the index
(docs/stories.md, section 7). Not through a memory map: a page fault there maps the whole cached folio
around the page (0.9 MB resident per key read, 200-400 MB for one batch at a million documents, measured).
A generation never changes once written: the next one is written beside it by ``write`` (a streaming merge
of the previous generation with sorted new rows, minus dropped documents) and the warehouse's
``story_band_files`` row says which one is current (pipeline.story_store).

Since 6 December 2026 a generation is a list of *runs* (``runs.json``; ``Index``): a big run and, after minor
merges, a small one, each a folder with the files above and the generation it was written in (its rows of a
document dropped in that generation or later are stale). A minor merge writes a new small run and hard-links
the big run's files into the new generation; a major merge writes one big run. The small run (bounded by
pipeline.story_store.MAJOR_ROWS) is read into memory and searched there. A folder without ``runs.json`` (the
first layout) is one run.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.minhash import sorted_distinct

BLOCK = 512  # keys per block: 4 KiB, one page
PAD = np.uint64(2**64 - 1)
CHUNK = 1_000_000  # rows of the previous generation merged at a time (bounded memory while writing)
NO_DAY = np.iinfo(np.int32).min  # a paragraph row of an undated document
RECORDS: dict[str, np.dtype[Any]] = {
    "bands": np.dtype([("doc", "<u4")]),
    "paras": np.dtype([("doc", "<u4"), ("src", "<u4"), ("day", "<i4")]),
}
FILES = (*(f"{t}.{part}" for t in RECORDS for part in ("keys", "rows", "fences")), "ids.off", "ids.bin",
         "sources.json")


def generation_dir(root: Path, generation: int) -> Path:
    return root / f"gen-{generation:06d}"


RUNS = "runs.json"  # a generation of sorted runs: [{"dir": ..., "born": ...}], the big run first


def runs_of(folder: Path) -> list[tuple[Path, int]]:
    """The sorted runs of a generation, (folder, generation it was written in), the big run first. A generation
    without runs.json (written before runs existed, or by ``write`` alone) is one run born with it."""
    manifest = folder / RUNS
    if manifest.is_file():
        return [(folder / r["dir"], int(r["born"]))
                for r in json.loads(manifest.read_text(encoding="utf-8"))["runs"]]
    return [(folder, int(folder.name[4:]))]


def complete(folder: Path) -> bool:
    return folder.is_dir() and all((run / name).is_file() for run, _ in runs_of(folder) for name in FILES)


class SortedTable:
    """One table of a generation: keys sorted, a record per key."""

    def __init__(self, folder: Path, name: str, in_memory: bool = False) -> None:
        self.folder, self.name = folder, name
        self.dtype = RECORDS[name]
        self.fences = np.fromfile(folder / f"{name}.fences", dtype=np.uint64)
        self._keys = os.open(folder / f"{name}.keys", os.O_RDONLY)
        self._rows = os.open(folder / f"{name}.rows", os.O_RDONLY)
        self.rows = os.fstat(self._rows).st_size // self.dtype.itemsize
        self.padded = os.fstat(self._keys).st_size // 8
        # the small run of a generation (at most MAJOR_ROWS rows): read once, then searched in memory
        self._mem: tuple[np.ndarray, np.ndarray] | None = self.chunk(0, self.rows) if in_memory else None

    def close(self) -> None:
        os.close(self._keys)
        os.close(self._rows)

    def _read_keys(self, start: int, count: int) -> np.ndarray:
        out = np.empty(count, dtype=np.uint64)
        os.preadv(self._keys, [out.data.cast("B")], 8 * start)
        return out

    def chunk(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """Keys and records of rows lo..hi (a merge reads the table this way)."""
        rows = np.empty(hi - lo, dtype=self.dtype)
        os.preadv(self._rows, [rows.data.cast("B")], lo * self.dtype.itemsize)
        return self._read_keys(lo, hi - lo), rows

    def _search(self, key: int, side: str) -> int:
        """Position of key in the whole table (binary search over blocks by pread; for keys equal to a fence)."""
        lo, hi = 0, self.padded
        while lo < hi:
            mid = (lo + hi) // 2
            value = int(self._read_keys(mid, 1)[0])
            if value < key or (side == "right" and value == key):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def positions(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(key, row position) of every stored row whose key is one of keys."""
        if self.rows == 0 or keys.size == 0:
            return np.empty(0, np.uint64), np.empty(0, np.int64)
        wanted = sorted_distinct(keys.astype(np.uint64).reshape(-1))
        if self._mem is not None:
            return _in_sorted(self._mem[0], wanted)
        block = np.searchsorted(self.fences, wanted, side="right").astype(np.int64) - 1
        inside = block >= 0  # a key below the first stored key is not stored
        wanted, block = wanted[inside], block[inside]
        # a key equal to its block's first key may have copies in earlier blocks: searched in full
        edge = self.fences[block] == wanted
        fast_keys, fast_blocks = wanted[~edge], block[~edge]
        # otherwise every copy is inside the block: the blocks are read and searched all at once
        uniq, row_of = np.unique(fast_blocks, return_inverse=True)
        flat = self._read_blocks(uniq).reshape(-1)
        first = row_of.astype(np.int64) * BLOCK
        size = BLOCK
        while size > 1:
            half = size // 2
            first = np.where(flat[first + half] < fast_keys, first + half, first)
            size -= half
        first = first + (flat[first] < fast_keys)
        end = row_of.astype(np.int64) * BLOCK + BLOCK  # copies of a key never pass its block's end
        out_keys, out_pos = [], []
        found_keys, at = fast_keys, first
        while at.size:
            ok = at < end
            found_keys, at, end = found_keys[ok], at[ok], end[ok]
            match = flat[at] == found_keys
            found_keys, at, end = found_keys[match], at[match], end[match]
            out_keys.append(found_keys)
            out_pos.append(uniq[at // BLOCK] * BLOCK + at % BLOCK)
            at = at + 1
        for key in wanted[edge].tolist():
            lo, hi = self._search(key, "left"), self._search(key, "right")
            out_keys.append(np.full(hi - lo, key, dtype=np.uint64))
            out_pos.append(np.arange(lo, hi, dtype=np.int64))
        if not out_keys:
            return np.empty(0, np.uint64), np.empty(0, np.int64)
        found, pos = np.concatenate(out_keys), np.concatenate(out_pos)
        real = pos < self.rows
        return found[real], pos[real]

    def _read_blocks(self, blocks: np.ndarray) -> np.ndarray:
        buf = np.empty((blocks.size, BLOCK), dtype=np.uint64)
        view = buf.data.cast("B")
        size = BLOCK * 8
        read, fd = os.preadv, self._keys
        for i, offset in enumerate((blocks * size).tolist()):
            read(fd, [view[i * size : i * size + size]], offset)
        return buf

    def records(self, pos: np.ndarray) -> np.ndarray:
        """The records at these row positions."""
        if self._mem is not None:
            return self._mem[1][pos]
        out = np.empty(pos.size, dtype=self.dtype)
        view = out.data.cast("B")
        size = self.dtype.itemsize
        read, fd = os.preadv, self._rows
        for i, offset in enumerate((pos * size).tolist()):
            read(fd, [view[i * size : i * size + size]], offset)
        return out

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(key, record) of every stored row whose key is one of keys."""
        found, pos = self.positions(keys)
        return found, self.records(pos)


def _in_sorted(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(key, position) of every row of the sorted keys equal to one of wanted (sorted, distinct)."""
    lo = np.searchsorted(keys, wanted, side="left")
    hi = np.searchsorted(keys, wanted, side="right")
    count = hi - lo
    hit = count > 0
    if not hit.any():
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    lo, count = lo[hit], count[hit]
    found = np.repeat(wanted[hit], count)
    starts = np.repeat(lo - np.cumsum(count) + count, count)
    return found, starts + np.arange(found.size)


class Generation:
    """One sorted run (a generation folder of the first layout, or one run of a generation), opened for probes.
    born: the generation it was written in (documents dropped in that generation or later are stale in it)."""

    def __init__(self, folder: Path, born: int | None = None, in_memory: bool = False) -> None:
        self.folder = folder
        self.number = self.born = int(folder.name[4:]) if born is None else born
        self.tables = {name: SortedTable(folder, name, in_memory) for name in RECORDS}
        self._off = os.open(folder / "ids.off", os.O_RDONLY)
        self._bin = os.open(folder / "ids.bin", os.O_RDONLY)
        self._doc_count = max(0, os.fstat(self._off).st_size // 8 - 1)
        self.sources: list[str | None] = json.loads((folder / "sources.json").read_text(encoding="utf-8"))

    def doc_ids(self, idx: np.ndarray) -> list[str]:
        """The doc_id of each document index (two small reads per distinct index)."""
        names = {}
        for i in sorted(set(idx.tolist())):
            lo, hi = np.frombuffer(os.pread(self._off, 16, 8 * i), dtype=np.int64).tolist()
            names[i] = os.pread(self._bin, hi - lo, lo).decode("utf-8")
        return [names[i] for i in idx.tolist()]

    def all_ids(self) -> pa.Array:
        """Every doc_id, in document index order (a merge reads them once)."""
        offsets = np.fromfile(self.folder / "ids.off", dtype=np.int64)
        data = (self.folder / "ids.bin").read_bytes()
        if offsets.size == 0:
            return pa.array([], pa.large_string())
        return pa.Array.from_buffers(pa.large_string(), offsets.size - 1,
                                     [None, pa.py_buffer(offsets.tobytes()), pa.py_buffer(data)])

    def doc_count(self) -> int:
        return self._doc_count

    def close(self) -> None:
        for table in self.tables.values():
            table.close()
        for fd in (self._off, self._bin):
            os.close(fd)


class Index:
    """The current base of the story index: the sorted runs of one generation, the big run first, then the small
    run that minor merges rewrite (read into memory: at most pipeline.story_store.MAJOR_ROWS rows)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.number = int(folder.name[4:])
        self.runs = [Generation(run, born, in_memory=i > 0) for i, (run, born) in enumerate(runs_of(folder))]

    @property
    def oldest(self) -> int:
        """The generation of the oldest run (documents dropped before it have no stale rows here)."""
        return min(run.born for run in self.runs)

    def close(self) -> None:
        for run in self.runs:
            run.close()


def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)  # left by a merge whose transaction did not commit
    folder.mkdir(parents=True)


def fresh_dir(folder: Path) -> None:
    """An empty folder for a new generation (what a merge that did not commit left there is removed)."""
    _fresh(folder)


def link_run(run: Generation, folder: Path) -> None:
    """A run of an earlier generation taken into a new one unchanged: its files hard-linked, not copied (removing
    the earlier generation's folder leaves them); copied where the file system has no hard links."""
    folder.mkdir(parents=True)
    for name in FILES:
        try:
            os.link(run.folder / name, folder / name)
        except OSError:
            shutil.copyfile(run.folder / name, folder / name)


def write_runs(folder: Path, runs: list[tuple[str, int]]) -> None:
    """The generation's list of runs (sub-folder, generation it was written in), the big run first; written
    last, once every run is complete (``complete`` checks them all)."""
    data = json.dumps({"runs": [{"dir": d, "born": int(b)} for d, b in runs]})
    with open(folder / RUNS, "w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def run_rows(run: Generation, name: str, doc_offset: int, outlets: np.ndarray | None = None
             ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """A run's rows as the new rows of a merge into another run: sorted by key, CHUNK at a time, document
    indices shifted by doc_offset, outlet indices mapped through outlets (paragraph rows)."""
    table = run.tables[name]
    for lo in range(0, table.rows, CHUNK):
        keys, recs = table.chunk(lo, min(table.rows, lo + CHUNK))
        recs["doc"] += np.uint32(doc_offset)
        if outlets is not None and recs.dtype.names and "src" in recs.dtype.names:
            recs["src"] = outlets[recs["src"]]
        yield keys, recs


def _write_ids(folder: Path, parts: list[pa.Array]) -> None:
    ids = pa.concat_arrays([p.cast(pa.large_string()) for p in parts]) if parts else pa.array([], pa.large_string())
    offsets = np.frombuffer(ids.buffers()[1], dtype=np.int64)[ids.offset : ids.offset + len(ids) + 1] \
        if len(ids) else np.zeros(1, np.int64)
    start = int(offsets[0])
    data = ids.buffers()[2] if len(ids) else None
    with open(folder / "ids.bin", "wb") as fh:
        if data is not None:
            fh.write(memoryview(data)[start : int(offsets[-1])])
        fh.flush()
        os.fsync(fh.fileno())
    with open(folder / "ids.off", "wb") as fh:
        fh.write((offsets - start).astype(np.int64).tobytes())
        fh.flush()
        os.fsync(fh.fileno())


def _merge_sorted(ak: np.ndarray, ar: np.ndarray, bk: np.ndarray, br: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two runs sorted by key merged into one, in linear time; on equal keys a's rows come first (the order a
    stable sort of a then b gives)."""
    if bk.size == 0:
        return ak, ar
    if ak.size == 0:
        return bk, br
    at = np.searchsorted(ak, bk, side="right") + np.arange(bk.size)  # where b's rows go
    keys, recs = np.empty(ak.size + bk.size, np.uint64), np.empty(ak.size + bk.size, ar.dtype)
    from_a = np.ones(keys.size, dtype=bool)
    from_a[at] = False
    keys[at], recs[at] = bk, br
    keys[from_a], recs[from_a] = ak, ar
    return keys, recs


def _merge_table(folder: Path, name: str, previous: SortedTable | None, dead: np.ndarray,
                 incoming: Iterator[tuple[np.ndarray, np.ndarray]]) -> int:
    """Write one sorted table: the previous rows whose document is not dead, merged with incoming (keys and
    records, sorted by key). Memory: one chunk of CHUNK rows and the incoming rows not yet merged."""
    dtype = RECORDS[name]
    pending_k, pending_r = np.empty(0, np.uint64), np.empty(0, dtype)
    exhausted = False
    written = 0
    fences: list[np.ndarray] = []
    with open(folder / f"{name}.keys", "wb") as keys_out, open(folder / f"{name}.rows", "wb") as rows_out:

        def emit(k: np.ndarray, r: np.ndarray) -> None:
            nonlocal written
            if k.size == 0:
                return
            keys_out.write(np.ascontiguousarray(k).view(np.uint8).data)  # no copy into a bytes object
            rows_out.write(np.ascontiguousarray(r).view(np.uint8).data)
            fences.append(k[(-written) % BLOCK :: BLOCK])
            written += k.size

        total_old = previous.rows if previous else 0
        for lo in range(0, total_old, CHUNK):
            assert previous is not None
            ck, cr = previous.chunk(lo, min(total_old, lo + CHUNK))
            last = ck[-1]
            if dead.any():
                keep = ~dead[cr["doc"]]
                ck, cr = ck[keep], cr[keep]
            while not exhausted and (pending_k.size == 0 or pending_k[-1] <= last):
                try:
                    k, r = next(incoming)
                except StopIteration:
                    exhausted = True
                    break
                pending_k, pending_r = np.concatenate([pending_k, k]), np.concatenate([pending_r, r])
            cut = int(np.searchsorted(pending_k, last, side="right"))
            emit(*_merge_sorted(ck, cr, pending_k[:cut], pending_r[:cut]))
            pending_k, pending_r = pending_k[cut:], pending_r[cut:]
        emit(pending_k, pending_r)
        for k, r in incoming:
            emit(k, r)
        if written % BLOCK:
            keys_out.write(np.full(BLOCK - written % BLOCK, PAD, dtype=np.uint64).tobytes())
        for fh in (keys_out, rows_out):
            fh.flush()
            os.fsync(fh.fileno())
    (np.concatenate(fences) if fences else np.empty(0, np.uint64)).tofile(folder / f"{name}.fences")
    return written


def write(folder: Path, previous: Generation | None, new_rows: Mapping[str, Iterable[tuple[np.ndarray, np.ndarray]]],
          new_ids: pa.Array, dropped: pa.Array, new_sources: Iterable[str | None] = ()) -> dict[str, int]:
    """Write a generation: the previous one's rows whose document is not in dropped, merged with new_rows
    (per table: keys and records, sorted by key; a document's index is the previous generation's document
    count plus its position in new_ids; an outlet's index its position in ``sources(previous, new_sources)``).
    Returns the rows of each table and the documents."""
    _fresh(folder)
    old_docs = previous.doc_count() if previous else 0
    dead = np.zeros(old_docs, dtype=bool)
    if previous and len(dropped) and old_docs:
        dead = pc.is_in(previous.all_ids(), value_set=dropped.cast(pa.large_string())).to_numpy(
            zero_copy_only=False)
    out = {name: _merge_table(folder, name, previous.tables[name] if previous else None, dead,
                              iter(new_rows.get(name, ())))
           for name in RECORDS}
    (folder / "sources.json").write_text(json.dumps(sources(previous, new_sources), ensure_ascii=False),
                                         encoding="utf-8")
    _write_ids(folder, ([previous.all_ids()] if previous and old_docs else []) + [new_ids])
    out["docs"] = old_docs + len(new_ids)
    return out


def sources(previous: Generation | None, new: Iterable[str | None]) -> list[str | None]:
    """The outlet list of the next generation: the previous one's, then outlets it does not have (index 0:
    no outlet)."""
    known: list[str | None] = list(previous.sources) if previous else [None]
    seen = set(known)
    for s in new:
        if s not in seen:
            known.append(s)
            seen.add(s)
    return known


def generations(root: Path) -> list[int]:
    """Numbers of the generation folders present."""
    if not root.is_dir():
        return []
    return [int(f.name[4:]) for f in root.iterdir() if f.name.startswith("gen-") and f.name[4:].isdigit()]


def prune(root: Path, keep: Iterable[int]) -> None:
    """Remove the generation folders not in keep (earlier merges, or one whose transaction rolled back)."""
    wanted = {generation_dir(root, g).name for g in keep}
    if not root.is_dir():
        return
    for folder in root.iterdir():
        if folder.name.startswith("gen-") and folder.name not in wanted:
            shutil.rmtree(folder, ignore_errors=True)
