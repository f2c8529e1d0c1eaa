"""Issue 15's case through the warehouse: four different courses under one standard paragraph, two true copies
of each, stored by the ingest path (pipeline.ingest.store_documents); stories and counts checked."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from pipeline.extract import content_hash
from pipeline.ingest import store_documents
from pipeline.plans import load_plan
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.foundation.helpers import query, report_rows
from tests.stories.courses import course_docs
from tests.support.warehouse import PLAN_ID, classification, document, source

VN = dt.timezone(dt.timedelta(hours=7))


def _rows(docs: list[dict[str, object]]) -> list[dict[str, object]]:
    rows = []
    for d in docs:
        row = document(str(d["doc_id"]), str(d["day"]), source_id=str(d["source_id"]), title=str(d["title"]),
                       text=str(d["text"]))
        row["content_hash"] = content_hash(str(d["title"]), str(d["text"]))
        row["story_id"] = None
        rows.append(row)
    return rows


def _store(home: Paths, docs: list[dict[str, object]]) -> None:
    rows = _rows(docs)
    with open_writer(home) as writer:
        writer.load_plan(load_plan(PLAN_ID))
        writer.insert("sources", [source(s) for s in sorted({str(d["source_id"]) for d in docs})],
                      on_conflict="replace")
        store_documents(writer, rows, [classification(str(d["doc_id"]), "2b", "accept") for d in docs])


def _stories(home: Paths) -> dict[str, str]:
    return dict(query(home, "SELECT doc_id, story_id FROM documents"))


def _expected(docs: list[dict[str, object]]) -> dict[str, str]:
    return {str(d["doc_id"]): str(d["expected"]) for d in docs}


@pytest.mark.parametrize("short", [False, True], ids=["full-courses", "standard-paragraph-dominates"])
def test_four_courses_with_two_copies_each_make_four_stories(home: Paths, short: bool) -> None:
    docs = course_docs(short=short)
    _store(home, docs)
    assert _stories(home) == _expected(docs)
    # 2b (2022-04-01..2022-11-30) counts the three 2022 courses once each, with all three outlets each
    row = report_rows(home)[("2b", "article")]
    assert (row["actual"], row["documents"]) == (3, 9)
    items = query(home, "SELECT story_id, outlets, copies, url FROM coverage_items ORDER BY story_id")
    assert [i[0] for i in items] == ["s-accreditation-2022-0", "s-inclusive-2022-0", "s-it-2022-0"]
    assert all(i[1] == ["bao-lao-cai", "ptth-lao-cai", "so-gddt-lao-cai"] and i[2] == 3 for i in items)
    assert all(i[3].endswith("-0.html") for i in items)  # the earliest published copy represents the story


def test_copies_crawled_before_their_original_still_end_in_its_story(home: Paths) -> None:
    # night 1 brings the copies, night 2 the originals (published earlier): each original becomes its story's
    # representative and names it, and no course absorbs another
    docs = course_docs(short=True)
    _store(home, [d for d in docs if not str(d["doc_id"]).endswith("-0")])
    _store(home, [d for d in docs if str(d["doc_id"]).endswith("-0")])
    assert _stories(home) == _expected(docs)
    reps = dict(query(home, "SELECT story_id, first_doc_id FROM stories WHERE story_id IN "
                            "(SELECT story_id FROM documents)"))
    assert reps == {f"s-{k}-0": f"{k}-0" for k in ("online-2021", "it-2022", "inclusive-2022", "accreditation-2022")}


def test_one_document_at_a_time_gives_the_same_stories(home: Paths) -> None:
    docs = course_docs()
    for d in docs:
        _store(home, [d])
    assert _stories(home) == _expected(docs)


def test_no_story_holds_a_member_that_fails_against_its_representative(home: Paths) -> None:
    from pipeline.syndication import as_doc, verify

    docs = course_docs(short=True)
    _store(home, docs)
    by_story: dict[str, list[str]] = defaultdict(list)
    for doc_id, story in _stories(home).items():
        by_story[story].append(doc_id)
    views = {str(d["doc_id"]): as_doc({**d, "published_at": dt.datetime.fromisoformat(f"{d['day']}T08:30:00+07:00")})
             for d in docs}
    for story, members in by_story.items():
        rep = story.removeprefix("s-")
        assert rep in members
        for member in members:
            assert verify(views[member], views[rep], set()).copy or member == rep
