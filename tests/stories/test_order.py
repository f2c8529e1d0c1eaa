"""Stories do not depend on how a corpus reaches the warehouse: in one batch, in many, in any order.

The trap that made them depend on it (issue 15, tests/scale/test_partitioned_crawl.py): a weekly column's
fixed intro and outro are boilerplate only once enough issues are stored. Two issues a week apart, stored
before the older ones, looked like copies (the template is most of their text) and stayed merged. Now the
batch that makes the template boilerplate evaluates those issues again (pipeline.stories)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from pipeline.extract import content_hash
from pipeline.ingest import store_documents
from pipeline.store import open_writer
from pipeline.stories import Assigner, MemoryLookup
from pipeline.story_store import DuckLookup
from pipeline.syndication import as_doc, verify
from planwatch.config import Paths
from tests.stories.courses import course_docs
from tests.support.warehouse import document

VN = dt.timezone(dt.timedelta(hours=7))
INTRO = ("Chuyên mục Góc giáo dục mầm non hằng tuần của Báo Giáo dục tỉnh giới thiệu những mô hình hay, cách làm "
         "sáng tạo của các trường mầm non trên địa bàn, giúp phụ huynh và giáo viên có thêm kinh nghiệm chăm sóc, "
         "nuôi dưỡng và giáo dục trẻ theo chương trình giáo dục mầm non mới.")
OUTRO = ("Mọi ý kiến đóng góp, chia sẻ kinh nghiệm xin gửi về Ban biên tập chuyên mục Góc giáo dục mầm non qua hộp "
         "thư điện tử của tòa soạn hoặc đường dây nóng; những bài viết hay sẽ được chọn đăng trong các số tiếp theo "
         "và nhận nhuận bút theo quy định của tòa soạn.")
SYLLABLES = ("trẻ", "lớp", "cô", "giáo", "vườn", "rau", "sân", "chơi", "đọc", "sách", "múa", "hát", "vẽ", "tranh",
             "bếp", "ăn", "trưa", "ngủ", "nước", "sạch", "cây", "hoa", "góc", "tự", "nhiên", "bản", "làng", "núi",
             "biển", "cát", "sỏi", "lá", "gỗ", "tre", "giấy", "màu", "nhạc", "trống", "đàn", "bóng")


def _column(k: int, day: dt.date) -> dict[str, Any]:
    rng = random.Random(k)
    own = " ".join(rng.choice(SYLLABLES) for _ in range(18)) + "."
    text = "\n".join([INTRO, f"Số {k}: " + own, OUTRO])
    return {"doc_id": f"column-{k:02d}", "source_id": "bao-gd-tinh", "title": f"Góc giáo dục mầm non số {k}",
            "text": text, "published_at": dt.datetime(day.year, day.month, day.day, 8, tzinfo=VN)}


def _corpus() -> list[dict[str, Any]]:
    start = dt.date(2022, 3, 7)
    columns = [_column(k, start + dt.timedelta(weeks=k)) for k in range(8)]
    courses = []
    for short in (False, True):
        for d in course_docs(short=short):
            day = dt.date.fromisoformat(str(d["day"]))
            courses.append({"doc_id": f"{d['doc_id']}{'-short' if short else ''}", "source_id": d["source_id"],
                            "title": d["title"], "text": d["text"],
                            "published_at": dt.datetime(day.year, day.month, day.day, 9, tzinfo=VN)})
    docs = columns + courses
    for d in docs:
        d["content_hash"] = content_hash(str(d["title"]), str(d["text"]))
    return docs


def _in_batches(docs: list[dict[str, Any]], batches: list[list[dict[str, Any]]]) -> dict[str, str]:
    lookup = MemoryLookup()
    for batch in batches:
        views = [as_doc(d) for d in batch]
        lookup.store(views, Assigner(lookup).run(views))
    return {d["doc_id"]: lookup.story[d["doc_id"]] for d in docs}


def test_the_template_trap_depends_on_boilerplate() -> None:
    # the trap is real: two issues a week apart are copies until the template is known as boilerplate
    docs = {d["doc_id"]: as_doc(d) for d in _corpus()}
    a, b = docs["column-06"], docs["column-07"]
    assert verify(a, b, set()).copy
    whole = _in_batches(list(_corpus()), [_corpus()])
    assert whole["column-06"] != whole["column-07"]


def test_any_split_and_order_gives_the_stories_of_one_batch() -> None:
    docs = _corpus()
    whole = _in_batches(docs, [docs])
    assert len(set(whole.values())) == 8 + 4  # every column its own story; each course one (its short form too)
    latest_first = sorted(docs, key=lambda d: d["published_at"], reverse=True)
    splits = [[[d] for d in latest_first], [latest_first[:3], latest_first[3:]]]
    rng = random.Random(15)
    for _ in range(12):
        shuffled = docs[:]
        rng.shuffle(shuffled)
        cuts = sorted(rng.sample(range(1, len(shuffled)), rng.randint(1, 6)))
        splits.append([shuffled[i:j] for i, j in zip([0, *cuts], [*cuts, len(shuffled)], strict=True)])
    for batches in splits:
        assert _in_batches(docs, batches) == whole, [len(b) for b in batches]


def test_a_changed_text_is_evaluated_again_with_what_it_represented() -> None:
    # column 6 re-extracted with another text: column 7 (which once matched it) keeps its own story, and the
    # result is what one batch of the final texts gives
    docs = _corpus()
    changed = [dict(d, text=str(d["text"]) + "\nCập nhật: bổ sung ảnh.") if d["doc_id"] == "column-06" else d
               for d in docs]
    lookup = MemoryLookup()
    for batch in ([d for d in docs if d["doc_id"] in ("column-06", "column-07")], docs,
                  [d for d in changed if d["doc_id"] == "column-06"]):
        views = [as_doc(d) for d in batch]
        lookup.store(views, Assigner(lookup).run(views))
    assert {d["doc_id"]: lookup.story[d["doc_id"]] for d in docs} == _in_batches(changed, [changed])


def _rows(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for d in docs:
        row = document(str(d["doc_id"]), d["published_at"].date().isoformat(), source_id=str(d["source_id"]),
                       title=str(d["title"]), text=str(d["text"]))
        rows.append({**row, "content_hash": d["content_hash"], "published_at": d["published_at"], "story_id": None})
    return rows


@pytest.mark.parametrize("split", ["one", "latest-first", "two-jobs", "trap-first"])
def test_the_warehouse_gives_the_same_stories_whatever_the_write_jobs(home: Paths, split: str) -> None:
    docs = _corpus()
    expected = _in_batches(docs, [docs])
    ordered = sorted(docs, key=lambda d: d["published_at"], reverse=True)
    batches = {"one": [docs], "latest-first": [ordered[:4], ordered[4:9], ordered[9:]],
               "two-jobs": [docs[0::2], docs[1::2]],
               "trap-first": [[d for d in docs if d["doc_id"] in ("column-06", "column-07")],
                              [d for d in docs if d["doc_id"] not in ("column-06", "column-07")]]}[split]
    for batch in batches:
        with open_writer(home) as writer:
            store_documents(writer, _rows(batch), [])
    with open_writer(home) as writer:
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
        reps = dict(writer.conn.execute("SELECT story_id, first_doc_id FROM stories").fetchall())
    assert stored == expected
    assert all(reps[s] == s[2:] for s in set(stored.values()))
    # one `stories` row per story a document is in: a story whose representative joined an earlier-published
    # document's story in a later job keeps no row (its count would depend on the jobs' order)
    assert sorted(reps) == sorted(set(stored.values()))



def test_stories_stored_before_are_recomputed_once_by_migration_007(home: Paths) -> None:
    # a warehouse whose stories were assigned by the earlier, order-dependent code: column 7 merged into
    # column 6's story (what a write job that saw them first kept); migration 007 asks for one rebuild
    docs = _corpus()
    with open_writer(home) as writer:
        store_documents(writer, _rows(docs), [])
        writer.conn.execute("UPDATE documents SET story_id = 's-column-06', story_key = NULL "
                            "WHERE doc_id = 'column-07'")
        writer.conn.execute("DELETE FROM schema_migrations WHERE version = '007_stories_canonical'")
    with open_writer(home) as writer:
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
        pending = writer.conn.execute("SELECT count(*) FROM maintenance_tasks").fetchone()
    assert stored == _in_batches(docs, [docs])
    assert stored["column-07"] == "s-column-07"
    assert pending == (0,)


def test_a_document_stored_again_unchanged_evaluates_nothing_else() -> None:
    # a reprocess that changes nothing: the page keeps its story and no stored neighbour is evaluated again
    docs = _corpus()
    lookup = MemoryLookup()
    views = [as_doc(d) for d in docs]
    lookup.store(views, Assigner(lookup).run(views))
    before = dict(lookup.story)
    again = Assigner(lookup)
    result = again.run([as_doc(d) for d in docs if d["doc_id"] in ("column-06", "online-2021-0")])
    assert again.reevaluated == 0
    assert result.moved == {}
    assert result.stories == {"column-06": before["column-06"], "online-2021-0": before["online-2021-0"]}


def test_a_reprocess_keeps_the_index_rows_of_unchanged_documents(home: Paths) -> None:
    # everything stored again, one text changed: only that document's index rows are replaced, the stories are
    # those of one batch of the final texts, and the boilerplate statistics those of the final corpus
    docs = _corpus()
    changed = [dict(d, text=str(d["text"]) + "\nCập nhật: bổ sung ảnh.") if d["doc_id"] == "column-06" else d
               for d in docs]
    with open_writer(home) as writer:
        store_documents(writer, _rows(docs), [])
        bands_before = writer.conn.execute(
            "SELECT doc_id, count(*) FROM story_bands GROUP BY doc_id ORDER BY doc_id").fetchall()
        store_documents(writer, _rows(changed), [])
        stored = dict(writer.conn.execute("SELECT doc_id, story_id FROM documents").fetchall())
        bands_after = writer.conn.execute(
            "SELECT doc_id, count(*) FROM story_bands GROUP BY doc_id ORDER BY doc_id").fetchall()
        hashes = sorted({h for d in changed for h, _ in as_doc(d).paragraphs})
        counts = DuckLookup(writer.conn).paragraph_counts(hashes)
        dropped = writer.conn.execute("SELECT doc_id FROM story_bands_dropped").fetchall()
    assert stored == _in_batches(changed, [changed])
    assert dropped == [("column-06",)]  # the unchanged documents' rows were not dropped and written again
    assert bands_after == bands_before  # one row per key and document, none added twice
    assert counts == MemoryLookup([as_doc(d) for d in changed]).paragraph_counts(hashes)
