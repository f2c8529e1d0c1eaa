"""The review page reads one page of the queue in SQL (pipeline.review.queuepage): same items, order,
counts and neighbours as the whole queue in Python (ReviewState.queue), without fetching the whole queue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipeline.review.queue import Filters, ReviewState
from pipeline.review.queuepage import around, export_rows, read_page
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths
from tests.support.warehouse import classification, document, seed, source

N = 12


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
        everything = state.queue()
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
        ids = [r["id"] for r in state.queue() if filters.accepts(r)]
        outside = [r["id"] for r in state.queue() if not filters.accepts(r)]
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
        wanted = [[r[k] for k in fields] for r in state.queue(filters)]
        got = [[r[k] for k in fields] for r in export_rows(state, filters, chunk=2)]
    assert wanted and got == wanted
