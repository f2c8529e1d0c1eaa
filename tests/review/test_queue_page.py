"""The review page reads one page of the queue in SQL (pipeline.review.queuepage): same items, order,
counts and neighbours as the whole queue in Python (whole_queue below), without fetching the whole queue."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline import sql
from pipeline.review import overlay
from pipeline.review.queue import Filters, ReviewState, story_items
from pipeline.review.queuepage import around, export_rows, list_rows, read_page
from pipeline.snapshot import open_snapshot
from planwatch.cli import app
from planwatch.cli import review as review_cli
from planwatch.config import Paths
from tests.support.warehouse import PLAN_ID, classification, document, seed, source

N = 12


def whole_queue(state: ReviewState, filters: Filters | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The reference the SQL paging must agree with: every pending item read into Python, one item per (story,
    plan), the story's earliest published pending copy, most urgent first (story_items' sort key)."""
    touched = sorted({overlay.queue_id(d["doc_id"], d["plan_id"]) for d in state.pending})
    cur = state.conn.execute(sql.query("review_items"), [touched])
    cols = [d[0] for d in cur.description]
    base = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    items = story_items(state.story_rows(base) if base else [], filters or Filters())
    items.sort(key=lambda pair: pair[0])
    rows = [item for _, item in items]
    return rows[:limit] if limit else rows


@pytest.fixture
def big_home(home: Paths) -> Paths:
    """Twelve items waiting, on two outlets, dated across 2022 (several share a date)."""
    docs = [document(f"p{i:02d}", f"2022-{1 + i % 11:02d}-{1 + i % 3:02d}",
                     source_id="hanoi-tv" if i % 3 else "giaoducthoidai", title=f"Bồi dưỡng giáo viên {i}")
            for i in range(N)]
    seed(home,
         sources=[source("giaoducthoidai", "Báo Giáo dục và Thời đại"),
                  source("hanoi-tv", "Đài Phát thanh và Truyền hình Hà Nội", province_historical="Hà Nội",
                         province_current="Hà Nội")],
         documents=docs,
         classifications=[classification(f"p{i:02d}", "2b" if i % 2 else "1", "review", score=0.4 + i / 50)
                          for i in range(N)])
    return home


class Counting:
    """A connection that records how many rows each statement hands to Python."""

    def __init__(self, conn: Any) -> None:
        self.conn, self.fetched, self.cur = conn, [], None

    def execute(self, query: str, params: Any = None) -> Counting:
        self.cur = self.conn.execute(query, params) if params is not None else self.conn.execute(query)
        return self

    @property
    def description(self) -> Any:
        return self.cur.description

    def fetchall(self) -> list[Any]:
        rows = self.cur.fetchall()
        self.fetched.append(len(rows))
        return rows

    def fetchone(self) -> Any:
        self.fetched.append(1)
        return self.cur.fetchone()


FILTERS = [Filters(), Filters(activity="2b"), Filters(source="ha noi"), Filters(province="HÀ NỘI"),
           Filters(date_from=dt.date(2022, 4, 1), date_to=dt.date(2022, 9, 30)), Filters(source="khong co")]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[8:60])
def test_page_is_the_head_of_the_whole_queue(big_home: Paths, filters: Filters) -> None:
    with open_snapshot(big_home) as conn:
        state = ReviewState.load(conn, big_home)
        everything = whole_queue(state)
        wanted = [r for r in everything if filters.accepts(r)]
        page = read_page(state, filters, limit=3)
    assert len(everything) == N
    assert page.rows == wanted[:3]
    assert (page.total, page.filtered) == (N, len(wanted))
    assert page.sources == [("giaoducthoidai", "Báo Giáo dục và Thời đại"),
                            ("hanoi-tv", "Đài Phát thanh và Truyền hình Hà Nội")]
    assert page.provinces == ["Hà Nội"]


@pytest.mark.parametrize("filters", FILTERS[:5], ids=lambda f: repr(f)[8:60])
def test_item_neighbours_match_the_whole_queue(big_home: Paths, filters: Filters) -> None:
    with open_snapshot(big_home) as conn:
        state = ReviewState.load(conn, big_home)
        ids = [r["id"] for r in whole_queue(state) if filters.accepts(r)]
        outside = [r["id"] for r in whole_queue(state) if not filters.accepts(r)]
        for pos, ref in enumerate(ids):
            got = around(state, filters, ref)
            assert (got["position"], got["prev_id"], got["next_id"], got["filtered"]) == (
                pos, ids[pos - 1] if pos else None, ids[pos + 1] if pos + 1 < len(ids) else None, len(ids))
        for ref in outside[:2]:
            got = around(state, filters, ref)
            assert (got["position"], got["prev_id"], got["next_id"]) == (None, None, ids[0] if ids else None)


def test_the_page_never_fetches_the_whole_queue(big_home: Paths) -> None:
    """Only a page of items reaches Python: no statement returns more rows than the page (plus the two
    outlets of the filter choices), and the page's statement carries LIMIT."""
    with open_snapshot(big_home) as raw:
        conn = Counting(raw)
        state = ReviewState.load(conn, big_home)  # type: ignore[arg-type]
        conn.fetched.clear()
        page = read_page(state, Filters(), limit=2)
    assert len(page.rows) == 2 and page.filtered == N
    assert max(conn.fetched) <= 2, conn.fetched


@pytest.mark.parametrize("filters", [Filters(), Filters(activity="2b"), Filters(source="ha noi"),
                                     Filters(source="giao duc")], ids=lambda f: repr(f)[8:40])
def test_export_streams_the_whole_queue_in_order(big_home: Paths, filters: Filters) -> None:
    """`review export` reads the queue in chunks: the same items, fields and order as the whole queue."""
    fields = ("id", "doc_id", "plan_id", "activity", "format", "published_date", "title", "url", "source_id",
              "source_name", "province_historical", "province_current", "date_source", "score")
    with open_snapshot(big_home) as conn:
        state = ReviewState.load(conn, big_home)
        wanted = [[r[k] for k in fields] for r in whole_queue(state, filters)]
        got = [[r[k] for k in fields] for r in export_rows(state, filters, chunk=2)]
    assert wanted and got == wanted


LIST_FILTERS = [*FILTERS, Filters(plan_id=PLAN_ID), Filters(plan_id="khong-co"),
                Filters(activity="1", province="ha noi", date_from=dt.date(2022, 3, 1))]


@pytest.mark.parametrize("limit", [None, 1, 4])
@pytest.mark.parametrize("filters", LIST_FILTERS, ids=lambda f: repr(f)[8:60])
def test_list_rows_are_the_whole_queue_cut(big_home: Paths, filters: Filters, limit: int | None) -> None:
    """`review list` orders and cuts in SQL: the same items (every field) and order as the whole queue."""
    with open_snapshot(big_home) as conn:
        state = ReviewState.load(conn, big_home)
        wanted = whole_queue(state, filters, limit)
        got = list_rows(state, filters, limit)
    assert got == wanted


def test_review_list_fetches_no_more_rows_than_it_prints(big_home: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """`review list --limit 2` hands Python at most 2 rows per statement (it fetched all 12 before), and the
    command prints those 2 items."""
    conns: list[Counting] = []

    def counted(paths: Paths | None = None) -> Iterator[ReviewState]:
        with open_snapshot(big_home) as raw:
            conns.append(Counting(raw))
            state = ReviewState.load(conns[-1], big_home)  # type: ignore[arg-type]
            conns[-1].fetched.clear()
            yield state

    monkeypatch.setattr(review_cli, "_state", contextmanager(counted))
    result = CliRunner().invoke(app, ["review", "list", "--format", "json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 2
    assert conns and max(conns[0].fetched) <= 2, conns[0].fetched
