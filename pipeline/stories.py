"""Story assignment without chains, and a result that does not depend on the order documents arrive in.

The stories of a corpus are defined by one deterministic pass (the *canonical* assignment): documents
taken earliest published first (unknown dates last, ties by doc_id), boilerplate as learned from the whole
corpus (pipeline.boilerplate), and for each document:

1. its candidates are the documents published **before** it that share an LSH key with it
   (pipeline.minhash: text bands, lead bands, title);
2. each candidate names a story; the document is verified (pipeline.syndication) against that story's
   **representative** -- its earliest published copy, whose doc_id the story is named after
   (``"s-" + doc_id``) -- never against another member, and joins the story whose representative it
   matches best (highest Jaccard; ties: the smaller story id);
3. otherwise it starts its own story ``"s-" + doc_id`` and is that story's representative.

So every member of a story is a verified copy of its representative, and a story never grows through
a chain of weaker links.

Ingest keeps the stored stories equal to that pass however the corpus is split into write jobs or
ordered: a document's story depends only on earlier documents, so a batch re-evaluates, in the same
order, only what it can change (``Assigner.run``): its new documents; every stored document that shares a
key with a document whose story changed and is published after it; every member of a story whose
representative changed story; and the documents whose boilerplate status changed (a paragraph that became
boilerplate, or stopped being, with the batch) with, when such a document represents a story, every
member of that story and what shares a key with them. A document whose inputs did not change keeps its
story. ``tests/stories/test_order.py`` checks the result against every split and order of a corpus.

The stored side is behind ``Lookup`` (pipeline.story_store reads DuckDB; ``MemoryLookup`` keeps a corpus in
memory for tests).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Protocol

import numpy as np

from pipeline import syndication
from pipeline.boilerplate import OUTLET_DOCS, SPREAD_PERIODS, Occurrence, period, rule_on_counts
from pipeline.minhash import (
    BANDS,
    LEAD_BANDS,
    LEAD_WORDS,
    band_keys,
    lead_keys,
    shingle_values,
    signatures,
    title_keys,
    word_hashes,
    words,
)
from pipeline.syndication import Doc, Verdict, as_doc, score, verify
from planwatch.core.vntime import local_date

FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)
KEYS = BANDS + LEAD_BANDS + 1  # candidate keys per document: text bands, lead bands, title


def story_id_for(doc_id: str) -> str:
    return f"s-{doc_id}"


def sort_key(doc: Doc) -> tuple[int, dt.datetime, str]:
    """Earliest publication first (unknown dates last), then doc_id: the representative comes first."""
    if doc.published is None:
        return 1, FAR_FUTURE, doc.doc_id
    return 0, doc.published.astimezone(dt.UTC), doc.doc_id


OutletCounts = dict[str | None, tuple[int, set[int]]]  # per outlet: (documents, 14-day periods)


class Lookup(Protocol):
    """The stored side of story assignment."""

    def candidates(self, docs: Sequence[Doc], keys: np.ndarray) -> dict[str, set[str]]:
        """Stored documents sharing at least one key with each document (keys: one row each), of any date."""

    def states(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, dt.datetime | None]]:
        """(story, publication time) of each stored document."""

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Doc]: ...

    def members(self, story_id: str) -> list[str]: ...

    def members_of(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """members() of several stories at once."""

    def paragraph_counts(self, para_hashes: Iterable[int]) -> dict[int, OutletCounts]:
        """Stored occurrences of each paragraph, per outlet (paragraphs never stored are left out)."""

    def containing(self, para_hashes: Iterable[int]) -> set[str]:
        """Stored documents that carry any of these paragraphs."""

    def forget(self, doc_ids: Sequence[str]) -> None:
        """Drop the index rows (keys, paragraphs) of stored documents about to be stored again."""

    def add_paragraphs(self, docs: Sequence[Doc]) -> None:
        """Count a batch's paragraphs towards boilerplate."""

    def prefetch(self, keys: np.ndarray, para_hashes: Iterable[int]) -> None:
        """A hint: candidates() of these keys and paragraph_counts() of these paragraphs will be asked (a stored
        side may look them up together)."""


@dataclass
class Prepared:
    """New documents with their shingles, signatures and band keys (computed in bulk)."""

    docs: list[Doc]
    signatures: np.ndarray
    keys: np.ndarray

    @classmethod
    def of(cls, docs: Sequence[Doc]) -> Prepared:
        """Signatures of the whole texts and of the leads, and every candidate key, in bulk."""
        body = [d.all_hashes() for d in docs]
        title_words = [words(d.title) for d in docs]  # folded once, for the signature and the title key
        # the shingles unsorted, repeats kept: a signature is a minimum over them (minhash.shingle_values)
        sigs = signatures([shingle_values(np.concatenate([word_hashes(t), b]))
                           for t, b in zip(title_words, body, strict=True)])
        leads = signatures([shingle_values(b[:LEAD_WORDS]) for b in body])
        titles = title_keys(title_words, [d.doc_id for d in docs]).reshape(-1, 1)
        keys = np.hstack([band_keys(sigs), lead_keys(leads), titles]) if docs else np.empty((0, KEYS), np.uint64)
        return cls(docs=list(docs), signatures=sigs, keys=keys)

    def rows(self) -> dict[str, tuple[np.ndarray, ...]]:
        """doc_id -> (signature, keys, word hashes, paragraph word counts): what a worker process computed, for
        `Prepared.assemble` in the writer (the word hashes spare it splitting and hashing the new texts again
        for verification; Doc.word_hash_rows)."""
        return {d.doc_id: (sig, key, *d.word_hash_rows())
                for d, sig, key in zip(self.docs, self.signatures, self.keys, strict=True)}

    def packed_rows(self) -> dict[str, tuple[bytes, ...]]:
        """rows() with each array as its bytes (`unpacked` reads them back): what a worker process sends the
        writer. Pickling a bytes object is one copy; an array is rebuilt through numpy's reduce (four a document:
        8.6 -> 1.3 us a document to pickle in the worker, less to unpickle in the parent)."""
        return {doc_id: tuple(a.tobytes() for a in row) for doc_id, row in self.rows().items()}

    @classmethod
    def assemble(cls, docs: Sequence[Doc], rows: dict[str, tuple[Any, ...]]) -> Prepared:
        """The same as `of(docs)` from rows computed elsewhere (pipeline.workers); `of` for any doc not there.
        Word hashes in the rows (the third and fourth items, when there) are given to their documents. A row may
        come packed (`packed_rows`)."""
        missing = [d for d in docs if d.doc_id not in rows]
        if missing:
            rows = {**rows, **cls.of(missing).rows()}
        if not docs:
            return cls.of(docs)
        rows = {d.doc_id: unpacked(rows[d.doc_id]) for d in docs}
        for d in docs:
            row = rows[d.doc_id]
            if len(row) >= 4:
                d.use_word_hashes(row[2], row[3])
        return cls(docs=list(docs), signatures=np.vstack([rows[d.doc_id][0] for d in docs]),
                   keys=np.vstack([rows[d.doc_id][1] for d in docs]))


# the dtypes of a Prepared row's items: signature, keys, word hashes, words a paragraph
_ROW_TYPES = (np.uint64, np.uint64, np.uint64, np.int64)


def unpacked(row: tuple[Any, ...]) -> tuple[np.ndarray, ...]:
    """A row of Prepared.rows() from packed_rows' bytes (read-only arrays over them); arrays are left as they are."""
    if not row or not isinstance(row[0], bytes):
        return row
    return tuple(np.frombuffer(item, dtype=kind) for item, kind in zip(row, _ROW_TYPES, strict=False))


@dataclass
class Assignment:
    stories: dict[str, str]  # every new document -> its story
    moved: dict[str, str] = field(default_factory=dict)  # stored documents whose story changed -> new story
    representatives: dict[str, str] = field(default_factory=dict)  # story -> representative, for touched stories
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # new document -> verdict it joined on
    new_stories: set[str] = field(default_factory=set)  # representatives' stories the warehouse did not hold
    # stored stories some stored document left and no document of the batch is in: perhaps empty now (the story
    # store drops their `stories` row when no other stored document is in them)
    left: set[str] = field(default_factory=set)
    dropped: set[str] = field(default_factory=set)  # of `left`, the stories whose row the story store dropped


Order = tuple[int, dt.datetime, str]
PREFETCH = 1_000  # stored documents re-evaluated together: their texts and candidates in one lookup


def order_of(published: dt.datetime | None, doc_id: str) -> Order:
    """sort_key from a publication time and an id."""
    if published is None:
        return 1, FAR_FUTURE, doc_id
    return 0, published.astimezone(dt.UTC), doc_id


def representative_of(story_id: str) -> str | None:
    return story_id[2:] if story_id.startswith("s-") else None


def _occurrences(docs: Sequence[Doc], only: set[int] | None = None
                 ) -> dict[int, dict[str | None, tuple[set[str], set[int]]]]:
    """A batch's own paragraph occurrences: per paragraph and outlet, (documents, periods). only: just these
    paragraphs (each document's own ones picked by one set intersection)."""
    out: dict[int, dict[str | None, tuple[set[str], set[int]]]] = defaultdict(dict)
    for doc in docs:
        hashes = doc.countable_hashes() if only is None else doc.countable_hashes() & only
        if not hashes:
            continue
        p = period(_local_date(doc))
        source, doc_id = doc.source_id, doc.doc_id
        for h in hashes:
            per_outlet = out[h]
            entry = per_outlet.get(source)
            if entry is None:  # (no setdefault: it built two empty sets for every occurrence)
                entry = per_outlet[source] = (set(), set())
            entry[0].add(doc_id)
            if p is not None:
                entry[1].add(p)
    return out


def _batch_counts(docs: Sequence[Doc]) -> Counter[int]:
    """How many of these documents carry each countable paragraph (a document's hashes are a set: once each)."""
    return Counter(chain.from_iterable(d.countable_hashes() for d in docs))


def _may_become(stored: Mapping[int, OutletCounts], batch: Mapping[int, int]) -> set[int]:
    """The paragraphs that stored and batch documents together put in at least FEWEST documents: the only ones
    the rule can call boilerplate (the others need no look at their outlets and periods). batch: documents of
    the batch carrying each paragraph (_batch_counts)."""
    out = {h for h, n in batch.items() if n >= FEWEST}
    for h, counts in stored.items():
        if h not in out and sum(n for n, _ in counts.values()) + batch.get(h, 0) >= FEWEST:
            out.add(h)
    return out


class _BatchBands:
    """The batch's own candidate keys (one row of keys per document), sorted once: which batch documents carry
    any of some keys, for many documents at once (numpy), instead of a Python set per key."""

    def __init__(self, doc_ids: Sequence[str], keys: np.ndarray) -> None:
        self.ids = list(doc_ids)
        flat = np.asarray(keys, dtype=np.uint64).reshape(-1)
        owner = np.repeat(np.arange(len(self.ids)), keys.shape[1] if keys.ndim == 2 else 0)
        order = np.argsort(flat, kind="stable")
        self.keys, self.owner = flat[order], owner[order]

    def hits(self, queries: Mapping[str, np.ndarray]) -> dict[str, set[str]]:
        """For each asking document (doc_id -> its keys), the batch documents other than itself that share a
        key with it."""
        out: dict[str, set[str]] = {d: set() for d in queries}
        if not queries or self.keys.size == 0:
            return out
        asking = list(queries)
        rows = [np.asarray(queries[d], dtype=np.uint64).reshape(-1) for d in asking]
        flat = np.concatenate(rows)
        who = np.repeat(np.arange(len(asking)), [r.size for r in rows])
        lo = np.searchsorted(self.keys, flat, "left")
        hi = np.searchsorted(self.keys, flat, "right")
        # a key only the asking document itself carries gives nothing: most keys of a batch's own documents
        index = {d: i for i, d in enumerate(self.ids)}
        mine = np.array([index.get(d, -1) for d in asking], dtype=np.int64)[who]
        alone = (hi - lo == 1) & (self.owner[np.minimum(lo, self.keys.size - 1)] == mine)
        for at in np.flatnonzero((hi > lo) & ~alone).tolist():
            found = out[asking[who[at]]]
            found.update(self.ids[i] for i in self.owner[lo[at]:hi[at]].tolist())
        for d in asking:
            out[d].discard(d)
        return out


def _content(doc: Doc) -> tuple[Any, ...]:
    """What the assignment reads of a document: the same tuple, the same keys, paragraphs and verdicts."""
    return doc.title, doc.text, doc.published, doc.source_id, doc.content_hash


FEWEST = min(OUTLET_DOCS, SPREAD_PERIODS)  # documents any boilerplate paragraph is in, at least


def _rule(counts: OutletCounts | None) -> bool:
    if not counts or sum(n for n, _ in counts.values()) < FEWEST:
        return False  # most paragraphs: in one or two documents
    return rule_on_counts((n, 0, list(periods)) for n, periods in counts.values())


def _merged(stored: OutletCounts | None, batch: dict[str | None, tuple[set[str], set[int]]]) -> OutletCounts:
    out: OutletCounts = {k: (n, set(periods)) for k, (n, periods) in (stored or {}).items()}
    for outlet, (ids, periods) in batch.items():
        n, known = out.get(outlet, (0, set()))
        out[outlet] = (n + len(ids), known | periods)
    return out


class Assigner:
    """One batch against the stored side: the canonical assignment kept up to date (module docstring)."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.docs: dict[str, Doc] = {}
        self.order: dict[str, Order] = {}
        self.story_of: dict[str, str] = {}
        self.stored_story: dict[str, str] = {}
        self.keys_of: dict[str, np.ndarray] = {}
        self.cands: dict[str, set[str]] = {}
        self.boiler: set[int] = set()
        self.checked_paras: set[int] = set()
        self.batch_bands = _BatchBands([], np.empty((0, KEYS), dtype=np.uint64))
        self.new_ids: set[str] = set()
        self.verdicts: dict[str, Verdict] = {}
        self._asked: set[str] = set()
        self.unchanged: set[str] = set()  # stored again with the same content (a reprocess that changed nothing)
        self.reevaluated = 0  # stored documents evaluated again (what a batch cost beyond its own documents)

    # -- what the stored side knows ---------------------------------------------------------------------
    def _know(self, doc_ids: Iterable[str]) -> None:
        """Stored story and publication time of these documents (each asked once)."""
        wanted = [d for d in set(doc_ids) if d not in self._asked]
        if not wanted:
            return
        self._asked.update(wanted)
        for doc_id, (story, published) in self.lookup.states(wanted).items():
            self.stored_story[doc_id] = story
            self.story_of.setdefault(doc_id, story)
            self.order.setdefault(doc_id, order_of(published, doc_id))

    def _load_docs(self, doc_ids: Iterable[str]) -> None:
        wanted = [d for d in set(doc_ids) if d not in self.docs]
        if wanted:
            self.docs.update(self.lookup.documents(wanted))

    def _learn(self, docs: Iterable[Doc]) -> None:
        # a paragraph too short to be counted (pipeline.boilerplate.countable_hashes) is never stored, never boilerplate
        paras = {h for d in docs for h in d.countable_hashes()} - self.checked_paras
        if paras:
            counts = self.lookup.paragraph_counts(paras)
            self.boiler |= {h for h in paras if _rule(counts.get(h))}
            self.checked_paras |= paras

    def _members(self, story: str) -> set[str]:
        """Every document of a story now: stored members still in it and those moved into it."""
        stored = self.lookup.members(story)
        self._know(stored)
        return {m for m in stored if self.story_of.get(m) == story} | {
            d for d, s in self.story_of.items() if s == story}

    def _members_of(self, stories: Iterable[str]) -> set[str]:
        """Every document of these stories now (_members of each, in one lookup)."""
        wanted = set(stories)
        if not wanted:
            return set()
        stored = [m for ms in self.lookup.members_of(wanted).values() for m in ms]
        self._know(stored)
        return {m for m in stored if self.story_of.get(m) in wanted} | {
            d for d, s in self.story_of.items() if s in wanted}

    def _batch_hits(self, doc_ids: Iterable[str]) -> dict[str, set[str]]:
        """The batch's documents sharing a key with each of these (itself left out)."""
        return self.batch_bands.hits({d: self.keys_of[d] for d in doc_ids if d in self.keys_of})

    def _ensure_candidates(self, doc_ids: Iterable[str]) -> None:
        """Candidates (both directions) of stored documents to evaluate again: keys from their stored text."""
        wanted = [d for d in dict.fromkeys(doc_ids) if d not in self.cands]
        if not wanted:
            return
        self._load_docs(wanted)
        docs = [self.docs[d] for d in wanted if d in self.docs]
        prepared = Prepared.of(docs)
        for doc, row in zip(docs, prepared.keys, strict=True):
            self.keys_of[doc.doc_id] = row
        stored = self.lookup.candidates(docs, prepared.keys) if docs else {}
        in_batch = self._batch_hits(wanted)
        for doc_id in wanted:
            found = stored.get(doc_id, set()) | in_batch.get(doc_id, set())
            self.cands[doc_id] = found - {doc_id}
        self._know({c for d in wanted for c in self.cands[d]})

    def _within_window(self, a: str, b: str) -> bool:
        """False when both are dated and further apart than the rule's window (syndication.verify would say
        "dates_apart"): such a representative's text is never loaded."""
        oa, ob = self.order.get(a), self.order.get(b)
        if oa is None or ob is None or oa[0] or ob[0]:
            return True
        return abs((oa[1] - ob[1]).days) <= syndication.WINDOW_DAYS

    def _prefetch(self, doc_ids: Iterable[str]) -> None:
        """Before evaluating these documents: the stored texts of the representatives they will most likely be
        checked against and the boilerplate status of every paragraph involved, in a few lookups."""
        ids = {d for d in doc_ids if d in self.cands}
        earlier = {c for d in ids for c in self.cands[d] if self.order.get(c, self.order[d]) < self.order[d]}
        reps = {r for c in earlier if c in self.story_of and (r := representative_of(self.story_of[c]))}
        self._know(reps)
        reps = {r for r in reps if any(self._within_window(d, r) for d in ids)}
        self._load_docs(reps | ids)
        self._learn([self.docs[d] for d in sorted(reps | ids) if d in self.docs])

    # -- boilerplate changed by the batch ---------------------------------------------------------------
    def _index_paragraphs(self, new: Sequence[Doc], previous: Sequence[Doc]) -> set[int]:
        """Forget re-extracted documents, count the batch's paragraphs; return the paragraphs whose
        boilerplate status changed (the status of every batch paragraph is known afterwards)."""
        counts = _batch_counts(new)
        paras = set(counts).union(*(d.countable_hashes() for d in previous))
        before = self.lookup.paragraph_counts(paras) if paras else {}
        if previous:
            self.lookup.forget([d.doc_id for d in previous])
            stored = self.lookup.paragraph_counts(paras) if paras else {}
        else:
            stored = before
        self.lookup.add_paragraphs(new)
        # (every paragraph asked is stored or the batch's own: paragraph_counts answers for asked ones only)
        possible = _may_become(stored, counts)
        own = _occurrences(new, possible)
        after = {h for h in possible if _rule(_merged(stored.get(h), own.get(h, {})))}
        self.boiler |= after
        self.checked_paras |= paras
        # a paragraph in neither (not boilerplate before, nor after) did not change
        return {h for h in before.keys() | after if _rule(before.get(h)) != (h in after)}

    # -- the rule ---------------------------------------------------------------------------------------
    def _check(self, a: Doc, b: Doc) -> Verdict:
        self._learn([a, b])
        return verify(a, b, self.boiler)

    def _evaluate(self, doc_id: str) -> tuple[str, Verdict | None]:
        """The canonical story of a document, given the (final) stories of everything published before it."""
        mine = self.order[doc_id]
        earlier = [c for c in self.cands.get(doc_id, ()) if c in self.order and self.order[c] < mine]
        by_story: dict[str, list[str]] = defaultdict(list)
        for c in earlier:
            by_story[self.story_of[c]].append(c)
        self._know(r for s in by_story if (r := representative_of(s)))
        reps: dict[str, str] = {}
        for story, members in by_story.items():
            rep = representative_of(story)
            if rep is None or self.story_of.get(rep) != story or self.order.get(rep, mine) >= mine:
                rep = min(members, key=self.order.__getitem__)  # a story named otherwise (older warehouses)
            reps[story] = rep
        reps = {s: r for s, r in reps.items() if self._within_window(doc_id, r)}
        self._load_docs(reps.values())
        doc = self.docs[doc_id]
        best: tuple[str, Verdict] | None = None
        for story in sorted(reps):
            rep_doc = self.docs.get(reps[story])
            if rep_doc is None:
                continue
            verdict = self._check(doc, rep_doc)
            if verdict.copy and (best is None or score(verdict) > score(best[1])):
                best = (story, verdict)
        return (best[0], best[1]) if best else (story_id_for(doc_id), None)

    # -- one batch --------------------------------------------------------------------------------------
    def run(self, new_docs: Sequence[Doc], precomputed: dict[str, tuple[np.ndarray, ...]] | None = None,
            *, index_paragraphs: bool = True, unchanged: Collection[str] = ()) -> Assignment:
        """Assign a batch and bring every stored story it affects back to the canonical assignment.

        precomputed: Prepared.rows() of (some of) the documents, computed in the worker processes.
        index_paragraphs=False: the batch's paragraphs are already counted and it is not stored yet (a rebuild,
        earliest chunk first). unchanged: documents known stored with the same content (_content) without
        their stored texts (pipeline.ingest.same_content)."""
        unique: dict[str, Doc] = {}
        for d in new_docs:
            unique.setdefault(d.doc_id, d)
        ordered = sorted(unique.values(), key=sort_key)
        previous: list[Doc] = []
        if index_paragraphs:
            self._know(unique)
            known = {d for d in unchanged if d in unique and d in self.stored_story}
            stored_again = sorted(d for d in unique if d in self.stored_story and d not in known)
            previous = list(self.lookup.documents(stored_again).values()) if stored_again else []
            # stored again with the same content (a reprocess that changed nothing): its index rows and story
            # stay as they are; it is a stored document, evaluated again only if something else changes it
            self.unchanged = known | {d.doc_id for d in previous if _content(d) == _content(unique[d.doc_id])}
            previous = [d for d in previous if d.doc_id not in self.unchanged]
            ordered = [d for d in ordered if d.doc_id not in self.unchanged]
        self.new_ids = {d.doc_id for d in ordered}
        prepared = self.prepared = Prepared.assemble(ordered, precomputed) if precomputed else Prepared.of(ordered)
        for doc, row in zip(ordered, prepared.keys, strict=True):
            self.docs[doc.doc_id] = doc
            self.order[doc.doc_id] = sort_key(doc)
            self.keys_of[doc.doc_id] = row
        self.batch_bands = _BatchBands([d.doc_id for d in ordered], prepared.keys)
        seeds: set[str] = set(self.new_ids)
        if index_paragraphs:
            self.lookup.prefetch(prepared.keys, set().union(*(d.countable_hashes() for d in [*ordered, *previous])))
            flipped = self._index_paragraphs(ordered, previous)
            if previous:  # re-extracted with another content: what the old text was a candidate of, or represented
                old = Prepared.of(previous)
                seeds |= {c for cs in self.lookup.candidates(previous, old.keys).values() for c in cs}
                seeds |= self._members_of(story_id_for(d.doc_id) for d in previous
                                          if self.stored_story[d.doc_id] == story_id_for(d.doc_id))
            if flipped:
                changed = self.lookup.containing(flipped) - self.new_ids
                self._know(changed)
                seeds |= changed
                represented = {self.story_of[d] for d in changed if self.story_of.get(d) == story_id_for(d)}
                members = self._members_of(represented)
                self._ensure_candidates(sorted(members))
                seeds |= members | {c for m in members for c in self.cands.get(m, ())}
        stored = self.lookup.candidates(ordered, prepared.keys)
        in_batch = self._batch_hits(self.new_ids)
        for doc in ordered:
            self.cands[doc.doc_id] = (stored.get(doc.doc_id, set()) | in_batch[doc.doc_id]) - {doc.doc_id}
        self._know({c for cs in self.cands.values() for c in cs} | seeds)
        self._prefetch(self.new_ids)
        self._replay(seeds)
        stories = {d: self.story_of[d] for d in unique}
        moved = {d: self.story_of[d] for d, s in self.stored_story.items()
                 if d not in self.new_ids and self.story_of.get(d, s) != s}
        touched = set(stories.values()) | set(moved.values())
        reps = {s: r for s in touched if (r := representative_of(s)) is not None}
        left = {s for d, s in self.stored_story.items() if s and self.story_of.get(d, s) != s} - touched
        return Assignment(stories=stories, moved=moved, representatives=reps, verdicts=self.verdicts, left=left)

    def _replay(self, seeds: Iterable[str]) -> None:
        """Evaluate the seeds and whatever they change, earliest published first (each exactly once, after
        everything published before it is final)."""
        heap = [(self.order[d], d) for d in set(seeds) if d in self.order]
        heapq.heapify(heap)
        done: set[str] = set()
        while heap:
            mine, doc_id = heapq.heappop(heap)
            if doc_id in done:
                continue
            if doc_id not in self.cands:
                group = [doc_id, *[d for _, d in heap if d not in self.cands and d not in done][:PREFETCH]]
                self._ensure_candidates(group)
                self._prefetch(group)
            done.add(doc_id)
            if doc_id not in self.new_ids:
                self.reevaluated += 1
            old = self.story_of.get(doc_id)
            story, verdict = self._evaluate(doc_id)
            self.story_of[doc_id] = story
            if verdict is not None and doc_id in self.new_ids:
                self.verdicts[doc_id] = verdict
            if story == old and doc_id not in self.new_ids:
                continue  # nothing another document reads has changed
            follow = {c for c in self.cands.get(doc_id, ()) if self.order.get(c, mine) > mine}
            if old is not None and old != story and old == story_id_for(doc_id):
                follow |= self._members(old)  # it represented a story: every member is checked again
            self._know(follow)
            for c in follow - done:
                if c in self.order and self.order[c] > mine:
                    heapq.heappush(heap, (self.order[c], c))


# -- an in-memory stored side ------------------------------------------------------------------------------
class MemoryLookup:
    """A whole corpus in memory: for tests and assign_stories()."""

    def __init__(self, docs: Iterable[Doc] = (), stories: Mapping[str, str] | None = None) -> None:
        self.docs: dict[str, Doc] = {d.doc_id: d for d in docs}
        self.story: dict[str, str] = dict(stories or {})
        self.bands: dict[int, set[str]] = defaultdict(set)
        self.paragraphs: dict[int, list[Occurrence]] = defaultdict(list)
        stored = list(self.docs.values())
        if stored:
            for doc, keys in zip(stored, Prepared.of(stored).keys, strict=True):
                self._index(doc.doc_id, keys)
        self.add_paragraphs(stored)

    def _index(self, doc_id: str, keys: np.ndarray) -> None:
        for key in keys:
            self.bands[int(key)].add(doc_id)

    def add_paragraphs(self, docs: Sequence[Doc]) -> None:
        for doc in docs:
            for h in doc.countable_hashes():
                self.paragraphs[h].append(Occurrence(doc.doc_id, doc.source_id, _local_date(doc)))

    def prefetch(self, keys: np.ndarray, para_hashes: Iterable[int]) -> None:
        return None  # everything is in memory

    def forget(self, doc_ids: Sequence[str]) -> None:
        gone = set(doc_ids)
        for ids in self.bands.values():
            ids -= gone
        for h, occ in self.paragraphs.items():
            self.paragraphs[h] = [o for o in occ if o.doc_id not in gone]

    def candidates(self, docs: Sequence[Doc], keys: np.ndarray) -> dict[str, set[str]]:
        return {d.doc_id: {c for key in row for c in self.bands.get(int(key), ())}
                for d, row in zip(docs, keys, strict=True)}

    def states(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, dt.datetime | None]]:
        return {d: (self.story.get(d, story_id_for(d)), self.docs[d].published) for d in doc_ids if d in self.docs}

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Doc]:
        return {d: self.docs[d] for d in doc_ids if d in self.docs}

    def members(self, story_id: str) -> list[str]:
        return sorted(d for d in self.docs if self.story.get(d, story_id_for(d)) == story_id)

    def members_of(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        return {s: self.members(s) for s in story_ids}

    def paragraph_counts(self, para_hashes: Iterable[int]) -> dict[int, OutletCounts]:
        out: dict[int, OutletCounts] = {}
        for h in para_hashes:
            per: dict[str | None, tuple[set[str], set[int]]] = {}
            for occ in self.paragraphs.get(h, ()):
                ids, periods = per.setdefault(occ.source_id, (set(), set()))
                ids.add(occ.doc_id)
                if (p := period(occ.published)) is not None:
                    periods.add(p)
            if per:
                out[h] = {k: (len(ids), periods) for k, (ids, periods) in per.items()}
        return out

    def containing(self, para_hashes: Iterable[int]) -> set[str]:
        return {o.doc_id for h in para_hashes for o in self.paragraphs.get(h, ())}

    def store(self, docs: Sequence[Doc], assignment: Assignment) -> None:
        """Keep a batch once assigned (the next batch sees it as stored; its paragraphs are counted already)."""
        prepared = Prepared.of(docs)
        for doc, keys in zip(docs, prepared.keys, strict=True):
            self.docs[doc.doc_id] = doc
            self._index(doc.doc_id, keys)
        self.story.update(assignment.stories)
        self.story.update(assignment.moved)


def _local_date(doc: Doc) -> dt.date | None:
    return local_date(doc.published)


def assign(docs: Sequence[Mapping[str, Any] | Doc], lookup: Lookup | None = None) -> Assignment:
    """Stories for a batch of documents (dicts with doc_id, title, text, published_at, source_id,
    content_hash) against what ``lookup`` holds (nothing by default)."""
    views = [d if isinstance(d, Doc) else as_doc(dict(d)) for d in docs]
    return Assigner(lookup or MemoryLookup()).run(views)
