"""Story assignment without chains: each new document joins the story of its best verified match.

For each new document, earliest published first:

1. LSH candidates (pipeline.minhash band keys, stored and from the same batch) name candidate
   stories; the document is verified (pipeline.syndication) against each candidate story's
   **representative** -- its earliest published copy -- never against another member, and joins the story
   whose representative it matches best (ties: the smaller story id);
2. otherwise it starts its own story ``"s-" + doc_id``.

When a new copy is published earlier than its story's representative it becomes the representative; every
other member is then verified against it, and a member that fails leaves the story and is assigned again by
the same steps. So every member of a story is a verified copy of its representative, whatever the order in
which pages were crawled. Story ids follow the representative: ``"s-" + representative doc_id``.

The stored side is behind ``Lookup`` (pipeline.story_store reads DuckDB; ``MemoryLookup`` keeps a corpus in
memory for tests and the pair gate).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from pipeline.boilerplate import Occurrence, countable, is_boilerplate
from pipeline.minhash import (
    BANDS,
    LEAD_BANDS,
    LEAD_WORDS,
    band_keys,
    lead_keys,
    shingles_of,
    signatures,
    title_key,
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


class Lookup(Protocol):
    """The stored side of story assignment."""

    def candidates(self, docs: Sequence[Doc], keys: np.ndarray) -> dict[str, set[str]]:
        """Stored documents sharing at least one band key with each new document (keys: one row each)."""

    def stories(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Stored story of each stored document."""

    def representatives(self, story_ids: Iterable[str]) -> dict[str, str]:
        """Representative doc_id of each stored story."""

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Doc]: ...

    def members(self, story_id: str) -> list[str]: ...

    def boilerplate(self, para_hashes: Iterable[int]) -> set[int]:
        """The boilerplate among these paragraphs, the new batch's occurrences included."""


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
        sigs = signatures([shingles_of(np.concatenate([word_hashes(words(d.title)), b]))
                           for d, b in zip(docs, body, strict=True)])
        leads = signatures([shingles_of(b[:LEAD_WORDS]) for b in body])
        titles = np.array([[title_key(words(d.title), d.doc_id)] for d in docs], dtype=np.uint64).reshape(-1, 1)
        keys = np.hstack([band_keys(sigs), lead_keys(leads), titles]) if docs else np.empty((0, KEYS), np.uint64)
        return cls(docs=list(docs), signatures=sigs, keys=keys)

    def rows(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """doc_id -> (signature, keys): what a worker process computed, for `Prepared.assemble` in the writer."""
        return {d.doc_id: (sig, key) for d, sig, key in zip(self.docs, self.signatures, self.keys, strict=True)}

    @classmethod
    def assemble(cls, docs: Sequence[Doc], rows: dict[str, tuple[np.ndarray, np.ndarray]]) -> Prepared:
        """The same as `of(docs)` from rows computed elsewhere (pipeline.workers); `of` for any doc not there."""
        missing = [d for d in docs if d.doc_id not in rows]
        if missing:
            rows = {**rows, **cls.of(missing).rows()}
        if not docs:
            return cls.of(docs)
        return cls(docs=list(docs), signatures=np.vstack([rows[d.doc_id][0] for d in docs]),
                   keys=np.vstack([rows[d.doc_id][1] for d in docs]))


@dataclass
class Assignment:
    stories: dict[str, str]  # every new document -> its story
    moved: dict[str, str] = field(default_factory=dict)  # stored documents whose story changed -> new story
    representatives: dict[str, str] = field(default_factory=dict)  # story -> representative, for touched stories
    verdicts: dict[str, Verdict] = field(default_factory=dict)  # new document -> verdict it joined on


class Assigner:
    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.story_of: dict[str, str] = {}
        self.rep_of: dict[str, str] = {}
        self.docs: dict[str, Doc] = {}
        self.boiler: set[int] = set()
        self.checked_paras: set[int] = set()
        self.batch_bands: dict[int, list[str]] = defaultdict(list)
        self.batch_hash: dict[str, str] = {}
        self.new_ids: set[str] = set()
        self.moved: dict[str, str] = {}
        self.verdicts: dict[str, Verdict] = {}

    # -- loading what the stored side knows -----------------------------------------------------------
    def _load_stories(self, doc_ids: Iterable[str]) -> None:
        wanted = [d for d in doc_ids if d not in self.story_of]
        if not wanted:
            return
        found = self.lookup.stories(wanted)
        self.story_of.update(found)
        missing = [s for s in set(found.values()) if s not in self.rep_of]
        if missing:
            self.rep_of.update(self.lookup.representatives(missing))
        self._load_docs(self.rep_of[s] for s in set(found.values()) if s in self.rep_of)

    def _load_docs(self, doc_ids: Iterable[str]) -> None:
        wanted = [d for d in set(doc_ids) if d not in self.docs]
        if wanted:
            self.docs.update(self.lookup.documents(wanted))

    def _learn(self, docs: Iterable[Doc]) -> None:
        paras = {h for d in docs for h, _ in d.paragraphs} - self.checked_paras
        if paras:
            self.boiler |= self.lookup.boilerplate(paras)
            self.checked_paras |= paras

    def _members(self, story: str) -> set[str]:
        """Every document of a story now: stored members (unless moved or re-assigned) and batch ones."""
        stored = {m for m in self.lookup.members(story) if m not in self.new_ids and m not in self.story_of}
        self.story_of.update({m: story for m in stored})
        members = {d for d, s in self.story_of.items() if s == story}
        self._load_docs(members)
        return members

    # -- the rule ---------------------------------------------------------------------------------------
    def _verify(self, doc: Doc, story: str) -> Verdict | None:
        rep = self.rep_of.get(story)
        if rep is None or rep == doc.doc_id or rep not in self.docs:
            return None
        return self._check(doc, self.docs[rep])

    def _check(self, a: Doc, b: Doc) -> Verdict:
        """The rule on one pair, with the boilerplate status of both documents' paragraphs looked up first
        (only documents that meet a candidate are ever looked up)."""
        self._learn([a, b])
        return verify(a, b, self.boiler)

    def _best_story(self, doc: Doc, candidates: Iterable[str],
                    exclude: str | None = None) -> tuple[str, Verdict] | None:
        self._load_stories(c for c in candidates if c not in self.new_ids)
        stories = sorted({self.story_of[c] for c in candidates if c in self.story_of} - {exclude, None})
        best: tuple[str, Verdict] | None = None
        for story in stories:
            verdict = self._verify(doc, story)
            if verdict and verdict.copy and (best is None or score(verdict) > score(best[1])):
                best = (story, verdict)
        return best

    def _join(self, doc: Doc, story: str) -> None:
        self._set(doc.doc_id, story)
        rep = self.rep_of.get(story)
        # strictly earlier only: on a tie (same time, or both undated) the story keeps its representative
        if rep is None or sort_key(doc)[:2] < sort_key(self.docs[rep])[:2]:
            self._new_representative(story, doc)

    def _new_representative(self, story: str, doc: Doc) -> None:
        """``doc`` is now the earliest copy: rename the story after it and re-verify every member."""
        members = self._members(story) if story in self.rep_of else {doc.doc_id}
        new_story = _story_id(doc.doc_id)
        self.rep_of.pop(story, None)
        self.rep_of[new_story] = doc.doc_id
        for member in sorted(members):
            self._set(member, new_story)
        leaving = [m for m in sorted(members - {doc.doc_id})
                   if not self._check(self.docs[m], doc).copy]
        for member in sorted(leaving, key=lambda m: sort_key(self.docs[m])):
            # assigned again by the same steps, never back into the story it failed
            self._set(member, _story_id(member))
            self.rep_of[_story_id(member)] = member
            found = self._best_story(self.docs[member], self._band_hits(member), exclude=new_story)
            if found and found[0] != _story_id(member):
                self.rep_of.pop(_story_id(member), None)
                self._join(self.docs[member], found[0])

    def _set(self, doc_id: str, story: str) -> None:
        if self.story_of.get(doc_id) != story and doc_id not in self.new_ids:
            self.moved[doc_id] = story
        self.story_of[doc_id] = story

    def _band_hits(self, doc_id: str) -> set[str]:
        return {d for key in self.keys_of.get(doc_id, ()) for d in self.batch_bands.get(key, ())} - {doc_id}

    # -- one batch --------------------------------------------------------------------------------------
    def run(self, new_docs: Sequence[Doc],
            precomputed: dict[str, tuple[np.ndarray, np.ndarray]] | None = None) -> Assignment:
        """precomputed: Prepared.rows() of (some of) the documents, computed in the worker processes."""
        unique: dict[str, Doc] = {}
        for d in new_docs:
            unique.setdefault(d.doc_id, d)
        ordered = sorted(unique.values(), key=sort_key)
        self.new_ids = set(unique)
        prepared = self.prepared = Prepared.assemble(ordered, precomputed) if precomputed else Prepared.of(ordered)
        self.keys_of: dict[str, list[int]] = {d.doc_id: [int(k) for k in row]
                                              for d, row in zip(ordered, prepared.keys, strict=True)}
        stored_candidates = self.lookup.candidates(ordered, prepared.keys)
        self.docs.update({d.doc_id: d for d in ordered})
        self._load_stories({c for cs in stored_candidates.values() for c in cs} - self.new_ids)
        # the boilerplate status of every paragraph a verification will need, in one go
        meeting = [d for d in ordered if stored_candidates.get(d.doc_id, set()) - self.new_ids]
        met = {self.rep_of.get(self.story_of.get(c, ""), "") for d in meeting for c in stored_candidates[d.doc_id]}
        self._learn(meeting + [self.docs[r] for r in sorted(met) if r in self.docs])
        result: dict[str, str] = {}
        for doc in ordered:
            digest = doc.content_hash if doc.content_hash and doc.has_words() else None
            hits = (stored_candidates.get(doc.doc_id, set()) - self.new_ids) | self._band_hits(doc.doc_id)
            owner = self.batch_hash.get(digest or "")
            if owner:
                hits.add(owner)
            hits.discard(doc.doc_id)
            joined = self._best_story(doc, hits)
            if joined:
                self.verdicts[doc.doc_id] = joined[1]
                self._join(doc, joined[0])
            else:
                story = _story_id(doc.doc_id)
                self.story_of[doc.doc_id] = story
                self.rep_of[story] = doc.doc_id
            for key in self.keys_of[doc.doc_id]:
                self.batch_bands[key].append(doc.doc_id)
            if digest:
                self.batch_hash.setdefault(digest, doc.doc_id)
        for doc in ordered:
            result[doc.doc_id] = self.story_of[doc.doc_id]
        touched = set(result.values()) | set(self.moved.values())
        reps = {s: self.rep_of[s] for s in touched if s in self.rep_of}
        return Assignment(stories=result, moved=dict(self.moved), representatives=reps, verdicts=self.verdicts)


def _story_id(doc_id: str) -> str:
    return story_id_for(doc_id)


# -- an in-memory stored side ------------------------------------------------------------------------------
class MemoryLookup:
    """A whole corpus in memory: for tests, the pair gate and assign_stories()."""

    def __init__(self, docs: Iterable[Doc] = (), stories: Mapping[str, str] | None = None) -> None:
        self.docs: dict[str, Doc] = {d.doc_id: d for d in docs}
        self.story: dict[str, str] = dict(stories or {})
        self.bands: dict[int, set[str]] = defaultdict(set)
        self.paragraphs: dict[int, list[Occurrence]] = defaultdict(list)
        stored = list(self.docs.values())
        if stored:
            for doc, keys in zip(stored, Prepared.of(stored).keys, strict=True):
                self._index(doc.doc_id, keys)
        for doc in stored:
            self._count_paragraphs(doc)

    def _index(self, doc_id: str, keys: np.ndarray) -> None:
        for key in keys:
            self.bands[int(key)].add(doc_id)

    def _count_paragraphs(self, doc: Doc) -> None:
        for h, folded in doc.paragraphs:
            if countable(folded):
                self.paragraphs[h].append(Occurrence(doc.doc_id, doc.source_id, _local_date(doc)))

    def candidates(self, docs: Sequence[Doc], keys: np.ndarray) -> dict[str, set[str]]:
        for doc in docs:  # the batch's own paragraphs count towards boilerplate
            if doc.doc_id not in self.docs:
                self._count_paragraphs(doc)
        return {d.doc_id: {c for key in row for c in self.bands.get(int(key), ())}
                for d, row in zip(docs, keys, strict=True)}

    def stories(self, doc_ids: Iterable[str]) -> dict[str, str]:
        return {d: self.story[d] for d in doc_ids if d in self.story}

    def representatives(self, story_ids: Iterable[str]) -> dict[str, str]:
        wanted = set(story_ids)
        reps: dict[str, str] = {}
        for doc_id, story in self.story.items():
            if story in wanted and doc_id in self.docs and (
                    story not in reps or sort_key(self.docs[doc_id]) < sort_key(self.docs[reps[story]])):
                reps[story] = doc_id
        return reps

    def documents(self, doc_ids: Iterable[str]) -> dict[str, Doc]:
        return {d: self.docs[d] for d in doc_ids if d in self.docs}

    def members(self, story_id: str) -> list[str]:
        return sorted(d for d, s in self.story.items() if s == story_id)

    def boilerplate(self, para_hashes: Iterable[int]) -> set[int]:
        return {h for h in para_hashes if is_boilerplate(self.paragraphs.get(h, ()))}

    def store(self, docs: Sequence[Doc], assignment: Assignment) -> None:
        """Keep a batch once assigned (the next batch sees it as stored)."""
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
