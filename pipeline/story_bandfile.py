"""The immutable base of the story candidate index: (band key, document) pairs sorted by key, in files.

A generation is a folder next to the warehouse (``<warehouse>.story-bands/gen-NNNNNN``) holding

- ``keys.u64``: every band key, sorted, little-endian, padded with ``PAD`` to a whole number of blocks;
- ``docs.u32``: the index of the document of each key (same order);
- ``fences.u64``: the first key of each block of ``BLOCK`` keys (read into memory: 8 bytes per block);
- ``ids.off`` and ``ids.bin``: the doc_id of each document index (UTF-8 bytes, and int64 offsets into them:
  the layout of an Arrow large_string array).

A probe reads one 4 KiB block of keys per key it looks up (the fences say which), through a memory map
whose pages are released after each probe: the process holds the fences and what one batch reads, not
the index (docs/stories.md, section 7). A generation never changes once written: the next one is written
beside it by ``write`` (a streaming merge of the previous generation with sorted new rows, minus dropped
documents) and the warehouse's ``story_band_files`` row says which one is current
(pipeline.story_store).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

BLOCK = 512  # keys per block: 4 KiB, one page
PAD = np.uint64(2**64 - 1)
CHUNK = 4_000_000  # rows of the previous generation merged at a time (bounded memory while writing)
FILES = ("keys.u64", "docs.u32", "fences.u64", "ids.off", "ids.bin")


def generation_dir(root: Path, generation: int) -> Path:
    return root / f"gen-{generation:06d}"


def complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in FILES)


class BandFile:
    """One generation, opened for probes."""

    def __init__(self, folder: Path, rows: int) -> None:
        self.folder = folder
        self.rows = rows
        self.fences = np.fromfile(folder / "fences.u64", dtype=np.uint64)
        self._maps: list[mmap.mmap] = []
        self.keys = self._map("keys.u64", np.uint64)  # for the rare key equal to a fence, and merges
        self._keys_fd = os.open(folder / "keys.u64", os.O_RDONLY)
        self._docs_fd = os.open(folder / "docs.u32", os.O_RDONLY)

        self.blocks = self.keys.reshape(-1, BLOCK) if self.keys.size else self.keys.reshape(0, BLOCK)
        self.docs = self._map("docs.u32", np.uint32)
        self._off_fd = os.open(folder / "ids.off", os.O_RDONLY)
        self._bin_fd = os.open(folder / "ids.bin", os.O_RDONLY)
        self._doc_count = max(0, os.fstat(self._off_fd).st_size // 8 - 1)

    def _map(self, name: str, dtype: type) -> np.ndarray:
        with open(self.folder / name, "rb") as fh:
            if os.fstat(fh.fileno()).st_size == 0:
                return np.empty(0, dtype=dtype)
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        mapped.madvise(mmap.MADV_RANDOM)  # no read-ahead: a probe wants one page, not its neighbours
        self._maps.append(mapped)
        return np.frombuffer(mapped, dtype=dtype)

    def positions(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(key, row position) of every stored row whose key is one of keys."""
        if self.rows == 0 or keys.size == 0:
            return np.empty(0, np.uint64), np.empty(0, np.int64)
        wanted = np.unique(keys.astype(np.uint64))
        block = np.searchsorted(self.fences, wanted, side="right").astype(np.int64) - 1
        inside = block >= 0  # a key below the first stored key is not stored
        wanted, block = wanted[inside], block[inside]
        # a key equal to its block's first key may have copies in earlier blocks: searched in full
        edge = self.fences[block] == wanted
        fast_keys, fast_blocks = wanted[~edge], block[~edge]
        # otherwise every copy is inside the block: the blocks are read with pread and searched all at once. Not
        # through the memory map: a page fault there maps the whole cached folio around the page (0.9 MB
        # resident per key read, 200-400 MB for one batch at a million documents, measured)
        uniq, row_of = np.unique(fast_blocks, return_inverse=True)
        buf = self._read_blocks(uniq)
        first = row_of.astype(np.int64) * BLOCK
        flat = buf.reshape(-1)
        size = BLOCK
        while size > 1:
            half = size // 2
            first = np.where(flat[first + half] < fast_keys, first + half, first)
            size -= half
        first = first + (flat[first] < fast_keys)
        end = row_of.astype(np.int64) * BLOCK + BLOCK  # copies of a key never pass its block's end
        out_keys, out_pos = [], []
        keys, at = fast_keys, first
        while at.size:
            ok = at < end
            keys, at, end = keys[ok], at[ok], end[ok]
            match = flat[at] == keys
            keys, at, end = keys[match], at[match], end[match]
            out_keys.append(keys)
            out_pos.append(uniq[at // BLOCK] * BLOCK + at % BLOCK)
            at = at + 1
        for key in wanted[edge]:
            lo = int(np.searchsorted(self.keys, key, side="left"))
            hi = int(np.searchsorted(self.keys, key, side="right"))
            out_keys.append(np.full(hi - lo, key, dtype=np.uint64))
            out_pos.append(np.arange(lo, hi, dtype=np.int64))
        if not out_keys:
            return np.empty(0, np.uint64), np.empty(0, np.int64)
        found_keys, pos = np.concatenate(out_keys), np.concatenate(out_pos)
        real = pos < self.rows
        return found_keys[real], pos[real]

    def _read_blocks(self, blocks: np.ndarray) -> np.ndarray:
        buf = np.empty((blocks.size, BLOCK), dtype=np.uint64)
        view = buf.data.cast("B")
        size = BLOCK * 8
        read, fd = os.preadv, self._keys_fd
        for i, offset in enumerate((blocks * size).tolist()):
            read(fd, [view[i * size : i * size + size]], offset)
        return buf

    def probe(self, keys: np.ndarray) -> list[tuple[int, str]]:
        """(band key, doc_id) of every stored row whose key is one of keys."""
        found, pos = self.positions(keys)
        if pos.size == 0:
            self.release()
            return []
        idx = np.empty(pos.size, dtype=np.uint32)
        view = idx.data.cast("B")
        for i, p in enumerate(pos.tolist()):
            os.preadv(self._docs_fd, [view[4 * i : 4 * i + 4]], 4 * p)
        ids = self.doc_ids(idx)
        self.release()
        return list(zip(found.tolist(), ids, strict=True))

    def release(self) -> None:
        """Give the pages a probe read back to the page cache (the process keeps only the fences)."""
        for mapped in self._maps:
            mapped.madvise(mmap.MADV_DONTNEED)

    def doc_ids(self, idx: np.ndarray) -> list[str]:
        """The doc_id of each document index (two small reads each)."""
        names = {}
        for i in sorted(set(idx.tolist())):
            lo, hi = np.frombuffer(os.pread(self._off_fd, 16, 8 * i), dtype=np.int64).tolist()
            names[i] = os.pread(self._bin_fd, hi - lo, lo).decode("utf-8")
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
        self.keys, self.docs = np.empty(0, np.uint64), np.empty(0, np.uint32)
        self.blocks = self.keys.reshape(0, BLOCK)
        for mapped in self._maps:
            with contextlib.suppress(BufferError):  # an array still points into it: the map goes with the array
                mapped.close()
        self._maps = []
        for fd in (self._off_fd, self._bin_fd):
            os.close(fd)
        os.close(self._keys_fd)
        os.close(self._docs_fd)



def empty(folder: Path) -> None:
    """Write an empty generation."""
    _fresh(folder)
    for name in ("keys.u64", "docs.u32", "fences.u64"):
        (folder / name).write_bytes(b"")
    _write_ids(folder, [])


def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)  # left by a merge whose transaction did not commit
    folder.mkdir(parents=True)


def _write_ids(folder: Path, parts: list[pa.Array]) -> None:
    ids = pa.concat_arrays([p.cast(pa.large_string()) for p in parts]) if parts else pa.array([], pa.large_string())
    offsets = np.frombuffer(ids.buffers()[1], dtype=np.int64)[ids.offset : ids.offset + len(ids) + 1]
    start = int(offsets[0]) if offsets.size else 0
    data = ids.buffers()[2]
    with open(folder / "ids.bin", "wb") as fh:
        if data is not None and offsets.size:
            fh.write(memoryview(data)[start : int(offsets[-1])])
        fh.flush()
        os.fsync(fh.fileno())
    with open(folder / "ids.off", "wb") as fh:
        fh.write((offsets - start).astype(np.int64).tobytes() if offsets.size else np.zeros(1, np.int64).tobytes())
        fh.flush()
        os.fsync(fh.fileno())


def _sorted_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    for b in batches:
        if b.num_rows:
            yield (b.column(0).to_numpy(zero_copy_only=False).astype(np.uint64, copy=False),
                   b.column(1).to_numpy(zero_copy_only=False).astype(np.uint32, copy=False))


def write(folder: Path, previous: BandFile | None, new_rows: Iterable[pa.RecordBatch], new_ids: pa.Array,
          dropped: pa.Array) -> tuple[int, int]:
    """Write a generation: the previous one's rows whose document is not in dropped, merged with new_rows
    (record batches of (band_key, doc index), sorted by key; a document's index is the previous generation's
    document count plus its position in new_ids). Memory: one chunk of CHUNK rows and the new rows not yet
    merged. Returns (rows, documents)."""
    _fresh(folder)
    old_docs = previous.doc_count() if previous else 0
    dead = np.zeros(old_docs, dtype=bool)
    if previous and len(dropped) and old_docs:
        dead = pc.is_in(previous.all_ids(), value_set=dropped.cast(pa.large_string())).to_numpy(
            zero_copy_only=False)
    incoming = _sorted_rows(new_rows)
    pending_k, pending_d = np.empty(0, np.uint64), np.empty(0, np.uint32)
    exhausted = False
    written = 0
    fences: list[np.ndarray] = []

    def emit(k: np.ndarray, d: np.ndarray, keys_out: object, docs_out: object) -> None:
        nonlocal written
        if k.size == 0:
            return
        keys_out.write(k.tobytes())  # type: ignore[attr-defined]
        docs_out.write(d.tobytes())  # type: ignore[attr-defined]
        first = (-written) % BLOCK
        fences.append(k[first::BLOCK])
        written += k.size

    with open(folder / "keys.u64", "wb") as keys_out, open(folder / "docs.u32", "wb") as docs_out:
        total_old = previous.rows if previous else 0
        for lo in range(0, total_old, CHUNK):
            assert previous is not None
            hi = min(total_old, lo + CHUNK)
            ck = np.array(previous.keys[lo:hi])
            cd = np.array(previous.docs[lo:hi])
            previous.release()
            if dead.any():
                keep = ~dead[cd]
                ck, cd = ck[keep], cd[keep]
            last = previous.keys[hi - 1]
            while not exhausted and (pending_k.size == 0 or pending_k[-1] <= last):
                try:
                    k, d = next(incoming)
                except StopIteration:
                    exhausted = True
                    break
                pending_k, pending_d = np.concatenate([pending_k, k]), np.concatenate([pending_d, d])
            cut = int(np.searchsorted(pending_k, last, side="right"))
            mk = np.concatenate([ck, pending_k[:cut]])
            md = np.concatenate([cd, pending_d[:cut]])
            order = np.argsort(mk, kind="stable")
            emit(mk[order], md[order], keys_out, docs_out)
            pending_k, pending_d = pending_k[cut:], pending_d[cut:]
        emit(pending_k, pending_d, keys_out, docs_out)
        for k, d in incoming:
            emit(k, d, keys_out, docs_out)
        if written % BLOCK:
            keys_out.write(np.full(BLOCK - written % BLOCK, PAD, dtype=np.uint64).tobytes())
        for fh in (keys_out, docs_out):
            fh.flush()
            os.fsync(fh.fileno())
    fence = np.concatenate(fences) if fences else np.empty(0, np.uint64)
    fence.tofile(folder / "fences.u64")
    parts = ([previous.all_ids()] if previous and old_docs else []) + [new_ids]
    _write_ids(folder, parts)
    return written, old_docs + len(new_ids)


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
