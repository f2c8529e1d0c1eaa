"""The review page's queue read a page at a time: ordering, limits and counts run in SQL.

The snapshot's queue (one item per story and plan with a pending copy) is grouped in DuckDB into a temp
table (query review_queue_groups), then the page reads only its rows (review_queue_page, ORDER BY ...
LIMIT) and the counts and filter choices as aggregates (review_queue_choices). Stories touched by journal
decisions not yet in the snapshot are few: they are derived in Python by ReviewState (the overlay) and
merged in by the same sort key. The order, the representatives and the filters are those of
the whole queue in Python filtered by Filters.accepts (tests/review/test_queue_page.py checks they agree).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipeline import sql
from pipeline.normalize import fold
from pipeline.review.filtercheck import known_sources
from pipeline.review.queue import Filters

if TYPE_CHECKING:
    from pipeline.review.queue import ReviewState

PAGE_SIZE = 200  # rows on the queue page; the filters narrow it


@dataclass
class QueuePage:
    rows: list[dict[str, Any]]
    total: int  # items in the whole queue
    filtered: int  # items the filters accept
    sources: list[tuple[str, str]]
    provinces: list[str]


@dataclass
class _Queue:
    """The grouped queue of one request: the SQL part (temp table) plus the touched items from Python."""

    state: ReviewState
    touched: list[tuple[tuple[Any, ...], dict[str, Any]]]  # (sort key + plan, item), unfiltered
    choices: list[dict[str, Any]]

    def params(self, filters: Filters) -> list[Any]:
        """The SQL filter parameters: outlet and province as the source ids whose names match (fold)."""
        return [filters.plan_id or None, filters.activity or None,
                self._matching(filters.source, ("source_id", "source_name")),
                self._matching(filters.province, ("province_historical", "province_current")),
                filters.date_from, filters.date_to]

    def _matching(self, wanted: str | None, keys: tuple[str, str]) -> list[str] | None:
        if not wanted or not fold(wanted).strip():
            return None  # no filter (an empty folded word is in every name, as Filters.accepts has it)
        word = fold(wanted).strip()
        return sorted({c["source_id"] for c in self.choices
                       if c["source_id"] and any(word in fold(c.get(k)) for k in keys)})


def _open(state: ReviewState) -> _Queue:
    touched, keys = state.touched_items()
    _group(state, [sorted(keys), None, None, None, None, None, None])
    choices = _dicts(state.conn.execute(sql.query("review_queue_choices")))
    return _Queue(state, touched, choices)


def read_page(state: ReviewState, filters: Filters, limit: int = PAGE_SIZE) -> QueuePage:
    """The first `limit` items the filters accept, most urgent first, with counts and filter choices."""
    q = _open(state)
    found = state.conn.execute(sql.query("review_queue_page"), [*q.params(filters), limit]).fetchall()
    shown = [(key, item) for key, item in q.touched if filters.accepts(item)]
    merged: list[tuple[tuple[Any, ...], Any]] = [(tuple(r[1:7]), r[0]) for r in found]
    stories = {r[0]: r[8] for r in found}
    merged += shown
    merged.sort(key=lambda pair: pair[0])
    page = merged[:limit]
    items = state.items_by_rep({ref: stories[ref] for _, ref in page if isinstance(ref, str)})
    rows = [items[ref] if isinstance(ref, str) else ref for _, ref in page]
    reps = [*q.choices, *({"items": 1, **item} for _, item in q.touched)]
    return QueuePage(
        rows=rows, total=sum(c["items"] for c in reps), filtered=(found[0][7] if found else 0) + len(shown),
        sources=sorted({(c["source_id"], c.get("source_name") or c["source_id"]) for c in reps
                        if c.get("source_id")}, key=lambda s: s[1]),
        provinces=sorted({p for c in reps for p in (c.get("province_historical"), c.get("province_current"))
                          if p}))


def around(state: ReviewState, filters: Filters, item_id: str) -> dict[str, Any]:
    """An item's place in the filtered queue: position (None when not in it), prev_id, next_id, filtered,
    total."""
    q = _open(state)
    params = q.params(filters)
    shown = sorted(((key, item["id"]) for key, item in q.touched if filters.accepts(item)), key=lambda p: p[0])
    total = sum(c["items"] for c in q.choices) + len(q.touched)
    first = state.conn.execute(sql.query("review_queue_page"), [*params, 1]).fetchall()
    filtered = (first[0][7] if first else 0) + len(shown)
    me = [tuple(r) for r in state.conn.execute(sql.query("review_queue_key"), [*params, item_id]).fetchall()]
    me += [key for key, ref in shown if ref == item_id]
    if not me:
        heads = [*shown[:1], *((tuple(r[1:7]), r[0]) for r in first)]
        return {"position": None, "prev_id": None, "next_id": min(heads)[1] if heads else None,
                "filtered": filtered, "total": total}
    key = me[0]
    before, prev_id, next_id = state.conn.execute(sql.query("review_queue_around"),
                                                  [*params, *key]).fetchone() or (0, None, None)
    ahead = [*(pair for pair in shown if pair[0] < key), *([(_sql_key(state, prev_id), prev_id)] if prev_id else [])]
    after = [*(pair for pair in shown if pair[0] > key), *([(_sql_key(state, next_id), next_id)] if next_id else [])]
    return {"position": before + sum(1 for k, _ in shown if k < key),
            "prev_id": max(ahead)[1] if ahead else None, "next_id": min(after)[1] if after else None,
            "filtered": filtered, "total": total}


def _sql_key(state: ReviewState, rep_id: str) -> tuple[Any, ...]:
    row = state.conn.execute(sql.query("review_queue_key"), [None, None, None, None, None, None, rep_id]).fetchone()
    return tuple(row) if row else ()


def export_rows(state: ReviewState, filters: Filters, chunk: int = 2000) -> Iterator[dict[str, Any]]:
    """The whole queue, most urgent first (story_items' order) (filters per copy: activity, outlet), read
    from DuckDB in chunks (fetchmany) and merged with the touched stories' items: for `review export`."""
    touched, keys = state.touched_items(filters)
    _group_per_copy(state, Filters(activity=filters.activity, source=filters.source), keys)
    cur = state.conn.execute(sql.query("review_queue_export"))
    cols = [d[0] for d in cur.description]

    def stored() -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
        while rows := cur.fetchmany(chunk):
            for r in rows:
                row = dict(zip(cols, r, strict=True))
                yield (row.pop("k1"), row.pop("k2"), row.pop("k3"), row.pop("k4"), row.pop("k5"), row["plan_id"]), row

    for _, row in heapq.merge(stored(), sorted(touched, key=lambda p: p[0]), key=lambda p: p[0]):
        yield row


def list_rows(state: ReviewState, filters: Filters, limit: int | None = None) -> list[dict[str, Any]]:
    """The first `limit` queue items (filters per copy, as story_items applies them), order and limit in SQL:
    only the listed items reach Python, for `review list`."""
    touched, keys = state.touched_items(filters)
    _group_per_copy(state, filters, keys)
    found = state.conn.execute(sql.query("review_queue_page"), [None] * 6 + [limit]).fetchall()
    merged: list[tuple[tuple[Any, ...], Any]] = [(tuple(r[1:7]), r[0]) for r in found]
    merged += touched
    merged.sort(key=lambda pair: pair[0])
    page = merged[:limit] if limit else merged
    stories = {r[0]: r[8] for r in found}
    items = state.items_by_rep({ref: stories[ref] for _, ref in page if isinstance(ref, str)})
    return [items[ref] if isinstance(ref, str) else ref for _, ref in page]


def _group_per_copy(state: ReviewState, filters: Filters, keys: set[str]) -> None:
    """review_queue_groups with the filters applied to each pending copy (as story_items applies them):
    outlet and province as the known source ids whose id/name or provinces match (folded substring)."""
    sources = provinces = None
    if filters.source and fold(filters.source).strip():
        wanted = fold(filters.source).strip()
        sources = sorted(sid for sid, name in known_sources(state.conn) if any(wanted in fold(v) for v in (sid, name)))
    if filters.province and fold(filters.province).strip():
        wanted = fold(filters.province).strip()
        provinces = sorted(r[0] for r in state.conn.execute(sql.query("review_source_provinces")).fetchall()
                           if any(wanted in fold(v) for v in r[1:]))
    _group(state, [sorted(keys), filters.activity or None, sources, provinces, filters.date_from, filters.date_to,
                   filters.plan_id or None])


def _group(state: ReviewState, params: list[Any]) -> None:
    """The grouped queue (temp table review_queue_now) and the filtered view of it the page queries read."""
    state.conn.execute(sql.query("review_queue_groups"), params)
    state.conn.execute(sql.query("review_queue_filtered"))


def _dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
