"""Search postings computed by the writer during a job, kept on disk until the job's publish appends them
(docs/decisions.md entry 21).

The writer tokenizes each document it stores whose text is new or changed (pipeline.search_tokens) and adds its
entry here: two Arrow IPC files in a folder of the state's tmp area, `docs (doc_id, seq, md5, len)` and
`postings (doc_id, seq, term, tf)`, so memory stays bounded however long the crawl. The publish
(pipeline.publish.build_search_index) reads them memory-mapped and takes, for each document not carried over,
the entry whose md5 is that of the snapshot's `search_text`: a document stored twice, or whose text the entry
does not match, is never given postings of another text (the SQL tokenizes it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.ipc as ipc

from pipeline import search_tokens
from pipeline.search_tokens import Postings

if TYPE_CHECKING:
    from pipeline.rows import DocumentRow

DOCS = pa.schema([("doc_id", pa.string()), ("seq", pa.int64()), ("md5", pa.string()), ("len", pa.int32())])
POSTINGS = pa.schema([("doc_id", pa.string()), ("seq", pa.int64()), ("term", pa.string()), ("tf", pa.int32())])


class SearchPending:
    """The job's postings so far (see the module doc). `folder`: created; removed by discard()."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._docs = ipc.new_stream(str(folder / "docs.arrow"), DOCS)
        self._postings = ipc.new_stream(str(folder / "postings.arrow"), POSTINGS)
        self._seq = 0
        self._open = True
        self.documents = 0

    def add(self, entries: Sequence[tuple[str, Postings]]) -> None:
        """Append these documents' entries (in the order they are stored: the last of a document wins)."""
        if not entries:
            return
        ids, seqs, md5s, lens = [], [], [], []
        p_ids: list[str] = []
        p_seqs: list[int] = []
        terms: list[str] = []
        tfs: list[int] = []
        for doc_id, entry in entries:
            self._seq += 1
            ids.append(doc_id)
            seqs.append(self._seq)
            md5s.append(entry.md5)
            lens.append(entry.length)
            n = len(entry.terms)
            p_ids += [doc_id] * n
            p_seqs += [self._seq] * n
            terms += entry.terms.keys()
            tfs += entry.terms.values()
        self._docs.write_batch(pa.record_batch([ids, seqs, md5s, lens], schema=DOCS))
        self._postings.write_batch(pa.record_batch([p_ids, p_seqs, terms, tfs], schema=POSTINGS))
        self.documents += len(entries)

    def _close(self) -> None:
        if self._open:
            self._open = False
            self._docs.close()
            self._postings.close()

    @contextmanager
    def tables(self) -> Iterator[tuple[pa.Table, pa.Table]]:
        """(docs, postings), memory-mapped; no more entries can be added."""
        self._close()
        with pa.memory_map(str(self.folder / "docs.arrow")) as d, \
                pa.memory_map(str(self.folder / "postings.arrow")) as p:
            yield ipc.open_stream(d).read_all(), ipc.open_stream(p).read_all()

    def discard(self) -> None:
        self._close()
        shutil.rmtree(self.folder, ignore_errors=True)


def add_changed(pending: SearchPending | None, folder: Path, docs: Sequence[DocumentRow],
                stored_hashes: dict[str, str | None]) -> SearchPending | None:
    """Tokenize the documents being stored that are new or whose content hash changed (the others' postings
    are carried over from the previous snapshot by the publish, or tokenized there if their lead changed) and
    add them to `pending` (made in `folder` at the first entry). Returns the pending postings."""
    todo = [d for d in docs if d["doc_id"] not in stored_hashes or stored_hashes[d["doc_id"]] != d["content_hash"]]
    if not todo:
        return pending
    found = search_tokens.postings_of((d["title"], d["lead"], d["text"]) for d in todo)
    entries = [(d["doc_id"], p) for d, p in zip(todo, found, strict=True) if p is not None]
    if entries and pending is None:
        pending = SearchPending(folder)
    if pending is not None:
        pending.add(entries)
    return pending
