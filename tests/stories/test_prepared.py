"""What the crawl's workers compute for the writer (pipeline.stories.Prepared.rows: signatures, keys and the
paragraphs' word hashes) gives the same assignment as computing everything in the writer."""

from __future__ import annotations

import numpy as np

from pipeline.stories import Assigner, MemoryLookup, Prepared
from pipeline.syndication import Doc, as_doc
from tests.stories.test_order import _corpus


def _views() -> list[Doc]:
    return [as_doc(d) for d in _corpus()]


def test_word_hashes_from_the_workers_equal_those_of_the_text() -> None:
    worker = Prepared.of(_views())
    rows = worker.rows()
    writer_docs = _views()
    for doc, done in zip(writer_docs, worker.docs, strict=True):
        doc.use_paragraphs(done.paragraphs)  # as pipeline.workers hands them over
    assembled = Prepared.assemble(writer_docs, rows)
    for doc, own in zip(assembled.docs, _views(), strict=True):
        flat, lengths = own.word_hash_rows()
        got_flat, got_lengths = doc.word_hash_rows()
        assert np.array_equal(flat, got_flat) and np.array_equal(lengths, got_lengths)
        boiler = {h for h, _ in own.paragraphs[:1]}
        assert np.array_equal(doc.kept_shingles(boiler)[1], own.kept_shingles(boiler)[1])
    assert np.array_equal(assembled.keys, Prepared.of(_views()).keys)


def test_word_hashes_that_do_not_fit_the_paragraphs_are_refused() -> None:
    doc, other = _views()[0], _views()[8]  # a weekly column, a course (another paragraph count)
    flat, lengths = other.word_hash_rows()
    assert not doc.use_word_hashes(flat, lengths)
    assert np.array_equal(doc.word_hash_rows()[0], _views()[0].word_hash_rows()[0])


def test_the_assignment_is_the_same_with_rows_from_the_workers() -> None:
    docs = _views()
    with_rows = Assigner(MemoryLookup()).run(docs, Prepared.of(_views()).rows())
    alone = Assigner(MemoryLookup()).run(_views())
    assert with_rows.stories == alone.stories
    assert {k: v.as_dict() for k, v in with_rows.verdicts.items()} == {
        k: v.as_dict() for k, v in alone.verdicts.items()}
