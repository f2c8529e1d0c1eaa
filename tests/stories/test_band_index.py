"""The candidate index as a sorted base in files plus a delta in the warehouse (pipeline.story_bandfile,
pipeline.story_store): it finds exactly what one full index finds, through merges, dropped documents, a
rolled-back merge and lost files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from pipeline import story_bandfile, story_store
from pipeline.ingest import store_documents
from pipeline.store import migrate, open_writer
from pipeline.stories import MemoryLookup, Prepared
from pipeline.syndication import as_doc
from planwatch.config import Paths
from tests.stories.test_order import _corpus, _in_batches, _rows


def _bands(rows: list[tuple[int, int]]) -> list[tuple[np.ndarray, np.ndarray]]:
    recs = np.empty(len(rows), dtype=story_bandfile.RECORDS["bands"])
    recs["doc"] = [i for _, i in rows]
    return [(np.array([k for k, _ in rows], dtype=np.uint64), recs)]


def test_merged_generations_find_what_a_full_index_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # small blocks and chunks, few distinct keys: runs of one key span blocks, keys equal block fences,
    # chunks of the previous generation cut through runs
    monkeypatch.setattr(story_bandfile, "BLOCK", 8)
    monkeypatch.setattr(story_bandfile, "CHUNK", 37)
    rng = np.random.default_rng(3)
    truth: dict[str, set[int]] = {}
    previous: story_bandfile.Generation | None = None
    for generation in range(1, 6):
        new = [f"d{generation}-{i}" for i in range(12)]
        dropped = sorted(rng.choice(sorted(truth), size=min(4, len(truth)), replace=False).tolist()) if truth else []
        for doc_id in dropped:
            del truth[doc_id]
        base_docs = previous.doc_count() if previous else 0
        rows = []
        for i, doc_id in enumerate(new):
            keys = {int(k) for k in rng.integers(1, 60, size=9)} | {2**64 - 2}  # one key in every document
            truth[doc_id] = keys
            rows += [(k, base_docs + i) for k in keys]
        rows.sort()
        folder = story_bandfile.generation_dir(tmp_path, generation)
        out = story_bandfile.write(folder, previous, {"bands": _bands(rows)}, pa.array(new), pa.array(dropped))
        assert out["bands"] == sum(len(k) for k in truth.values())
        assert out["docs"] == base_docs + len(new)
        previous = story_bandfile.Generation(folder)
        table = previous.tables["bands"]
        for probe in (np.array([0, 1, 7, 30, 59, 61, 2**64 - 2, 2**64 - 1], dtype=np.uint64),
                      np.arange(0, 64, dtype=np.uint64)):
            found, recs = table.lookup(probe)
            got = set(zip(found.tolist(), previous.doc_ids(recs["doc"]), strict=True))
            assert got == {(k, d) for d, keys in truth.items() for k in keys if k in set(probe.tolist())}
            # the same run read into memory (the small run of a generation) finds the same rows
            in_memory = story_bandfile.Generation(folder, in_memory=True)
            found, recs = in_memory.tables["bands"].lookup(probe)
            assert set(zip(found.tolist(), in_memory.doc_ids(recs["doc"]), strict=True)) == got
            in_memory.close()


def _candidates(conn: duckdb.DuckDBPyConnection, docs: list[dict[str, Any]]) -> dict[str, set[str]]:
    views = [as_doc(d) for d in docs]
    return story_store.DuckLookup(conn).candidates(views, Prepared.of(views).keys)


def _memory_candidates(stored: list[dict[str, Any]], docs: list[dict[str, Any]]) -> dict[str, set[str]]:
    lookup = MemoryLookup([as_doc(d) for d in stored])
    views = [as_doc(d) for d in docs]
    return lookup.candidates(views, Prepared.of(views).keys)


@pytest.mark.parametrize("major", [(10**9, 10**9), (400, 100), (1, 1)], ids=["minor", "mixed", "major"])
def test_the_warehouse_with_merges_gives_the_stories_and_candidates_of_one_batch(
        home: Paths, monkeypatch: pytest.MonkeyPatch, major: tuple[int, int], request: pytest.FixtureRequest
) -> None:
    # a merge after almost every write job; column 6 re-extracted with a new text after it reached the base.
    # minor: after the first merge, every merge rewrites only the small run; major: every merge rewrites the
    # whole base; mixed: both
    monkeypatch.setattr(story_store, "MERGE_ROWS", 150)
    monkeypatch.setattr(story_store, "MERGE_PARAGRAPH_ROWS", 40)
    monkeypatch.setattr(story_store, "MAJOR_ROWS", major[0])
    monkeypatch.setattr(story_store, "MAJOR_PARAGRAPH_ROWS", major[1])
    merge, kinds = story_store.merge_bands, []

    def recorded(conn: duckdb.DuckDBPyConnection, major: bool | None = None) -> dict[str, int]:
        out = merge(conn, major)
        base = story_store._base(conn)
        kinds.append("minor" if base is not None and len(base.runs) == 2 else "major")
        return out

    monkeypatch.setattr(story_store, "merge_bands", recorded)
    docs = _corpus()
    changed = [dict(d, text=str(d["text"]) + "\nCập nhật: bổ sung ảnh.") if d["doc_id"] == "column-06" else d
               for d in docs]
    ordered = sorted(docs, key=lambda d: d["published_at"], reverse=True)
    for batch in (ordered[:4], ordered[4:9], ordered[9:], [d for d in changed if d["doc_id"] == "column-06"]):
        with open_writer(home) as writer:
            store_documents(writer, _rows(batch), [])
    with open_writer(home) as writer:
        conn = writer.conn
        stored = dict(conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
        generation, rows, _ = story_store._meta(conn)
        delta = conn.execute("SELECT count(*) FROM story_bands").fetchone()
        dropped = conn.execute("SELECT doc_id FROM story_bands_dropped").fetchall()
        found = _candidates(conn, changed)
        hashes = sorted({h for d in changed for h, _ in as_doc(d).paragraphs})
        lookup = story_store.DuckLookup(conn)
        counts, carrying = lookup.paragraph_counts(hashes), lookup.containing(hashes[::3])
        ahead = story_store.DuckLookup(conn)  # the batch's keys and paragraphs looked up together first
        views = [as_doc(d) for d in changed]
        ahead.prefetch(Prepared.of(views).keys, hashes[::2])
        prefetched = (ahead.candidates(views, Prepared.of(views).keys), ahead.paragraph_counts(hashes))
        stories = sorted(set(stored.values()))
        members = (lookup.members_of(stories), {s: lookup.members(s) for s in stories})
        base = story_store._base(conn)
        runs = len(base.runs) if base else 0
        para_rows = (sum(run.tables["paras"].rows for run in base.runs) if base else 0,
                     conn.execute("SELECT count(*) FROM paragraph_docs").fetchone())
    assert generation >= 3 and rows > 0  # the base holds most rows
    assert delta is not None and delta[0] < 150
    assert stored == _in_batches(changed, [changed])
    assert dropped == [("column-06",)] or generation >= 4  # dropped until the next merge
    assert found == {d: c for d, c in _memory_candidates(changed, changed).items()}
    memory = MemoryLookup([as_doc(d) for d in changed])
    assert para_rows[0] > 0 and para_rows[1] is not None and para_rows[1][0] < 40  # most rows in the base
    assert counts == memory.paragraph_counts(hashes)  # boilerplate statistics from base and delta
    assert carrying == memory.containing(hashes[::3])
    assert prefetched == (found, counts)
    assert members[0] == members[1] and sum(map(len, members[0].values())) == len(stored)  # in one lookup
    folders = story_bandfile.generations(Path(str(home.warehouse) + ".story-bands"))
    assert len(folders) <= 3  # earlier generations are removed
    assert runs == (1 if kinds[-1] == "major" else 2)  # a big run, and a small one after a minor merge
    assert kinds[0] == "major" and len(kinds) >= 3  # the first merge writes the big run
    kind = request.node.callspec.id
    assert set(kinds[1:]) == {"minor": {"minor"}, "mixed": {"minor", "major"}, "major": {"major"}}[kind]


def test_a_rolled_back_merge_leaves_the_previous_base(home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _corpus()
    with open_writer(home) as writer:
        store_documents(writer, _rows(docs[:10]), [])
        story_store.merge_bands(writer.conn)
    monkeypatch.setattr(story_store, "MERGE_ROWS", 1)
    with open_writer(home) as writer:
        writer.conn.execute("BEGIN")
        store_documents(writer, _rows(docs[10:]), [])  # merged into a new generation, then rolled back
        assert story_store._meta(writer.conn)[0] == 2
        writer.conn.execute("ROLLBACK")
    monkeypatch.setattr(story_store, "MERGE_ROWS", 2_000_000)
    with open_writer(home) as writer:
        assert story_store._meta(writer.conn)[0] == 1
        assert _candidates(writer.conn, docs) == _memory_candidates(docs[:10], docs)
        store_documents(writer, _rows(docs[10:]), [])
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
    assert stored == _in_batches(docs, [docs])


def test_lost_base_files_make_the_writer_rebuild_the_stories(home: Paths) -> None:
    docs = _corpus()
    with open_writer(home) as writer:
        store_documents(writer, _rows(docs), [])
        story_store.merge_bands(writer.conn)
    shutil.rmtree(Path(str(home.warehouse) + ".story-bands"))
    story_store._opened.clear()
    with open_writer(home) as writer:
        assert not story_store.bands_lost(writer.conn)
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
        found = _candidates(writer.conn, docs)
    assert stored == _in_batches(docs, [docs])
    assert found == _memory_candidates(docs, docs)


def test_migration_008_moves_existing_band_rows_into_the_first_base(home: Paths) -> None:
    docs = _corpus()
    with open_writer(home) as writer:
        store_documents(writer, _rows(docs), [])
        before = sorted(writer.conn.execute("SELECT band_key, doc_id FROM story_bands").fetchall())
        # as a warehouse stood before migration 008: every band row in story_bands, no base
        writer.conn.execute("INSERT INTO maintenance_tasks VALUES ('merge_story_bands', now())")
    with open_writer(home) as writer:
        delta = writer.conn.execute("SELECT count(*) FROM story_bands").fetchone()
        generation, rows, _ = story_store._meta(writer.conn)
        pending = writer.conn.execute("SELECT count(*) FROM maintenance_tasks").fetchone()
        keys = np.array(sorted({k for k, _ in before}), dtype=np.uint64)
        after = sorted(story_store.DuckLookup(writer.conn).base_rows(keys))
    assert delta == (0,) and pending == (0,)
    assert generation == 1 and rows == len(before)
    assert after == before


def test_a_fresh_warehouse_runs_migration_008(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(conn)
    assert conn.execute("SELECT count(*) FROM story_band_files").fetchone() == (0,)
    indexes = {r[0] for r in conn.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert "story_bands_key" not in indexes
    conn.close()


def _threads(conn: duckdb.DuckDBPyConnection) -> int:
    row = conn.execute("SELECT current_setting('threads')").fetchone()
    assert row is not None
    return int(row[0])


def test_a_batch_runs_on_one_thread_and_restores_the_setting(home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _corpus()
    seen: list[int] = []
    run = story_store.Assigner.run

    def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(self.lookup, story_store.DuckLookup):
            seen.append(_threads(self.lookup.conn))
        return run(self, *args, **kwargs)

    monkeypatch.setattr(story_store.Assigner, "run", spy)
    with open_writer(home) as writer:
        writer.conn.execute("SET threads = 3")
        store_documents(writer, _rows(docs[:10]), [])
        assert seen == [1] and _threads(writer.conn) == 3
        # a batch that fails inside an aborted transaction cannot restore the setting: the next batch does
        writer.conn.execute("BEGIN")
        monkeypatch.setattr(story_store, "_band_rows", lambda prepared: writer.conn.execute(
            "INSERT INTO documents (doc_id) VALUES ('x')"))  # a NOT NULL violation aborts it
        with pytest.raises(duckdb.Error):
            story_store.assign_and_index(writer.conn, _rows(docs[10:12]))
        writer.conn.execute("ROLLBACK")
        monkeypatch.undo()
        monkeypatch.setattr(story_store.Assigner, "run", spy)
        store_documents(writer, _rows(docs[10:]), [])
        assert seen[-1] == 1 and _threads(writer.conn) == 3
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
    assert stored == _in_batches(docs, [docs])


def test_a_minor_merge_copies_the_big_run_without_hard_links(home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    # a file system without hard links: the big run's files are copied into the new generation
    monkeypatch.setattr(story_store, "MERGE_ROWS", 150)
    monkeypatch.setattr(story_store, "MERGE_PARAGRAPH_ROWS", 40)

    def no_links(src: Any, dst: Any) -> None:
        raise OSError("no hard links here")

    monkeypatch.setattr(story_bandfile.os, "link", no_links)
    docs = _corpus()
    ordered = sorted(docs, key=lambda d: d["published_at"])
    for batch in (ordered[:6], ordered[6:14], ordered[14:]):
        with open_writer(home) as writer:
            store_documents(writer, _rows(batch), [])
    with open_writer(home) as writer:
        base = story_store._base(writer.conn)
        runs = len(base.runs) if base else 0
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
        found = _candidates(writer.conn, docs)
    assert runs == 2
    assert stored == _in_batches(docs, [docs])
    assert found == _memory_candidates(docs, docs)
