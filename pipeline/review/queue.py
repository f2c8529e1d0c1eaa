"""Read the review queue and single items from the published snapshot, with the journal overlaid.

Everything here is read-only: it opens the snapshot (never the warehouse) and reads the journal file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from crawlers.rawpack import raw_exists, raw_file
from pipeline import sql
from pipeline.journal import held_in, read_new
from pipeline.labels import FORMAT_LABELS as FORMAT_LABELS  # review pages and CSV import it from here
from pipeline.normalize import fold
from pipeline.review import overlay
from planwatch.config import Paths
from planwatch.core.vntime import vn_time as vn_time  # review pages and the CLI import it from here

STATUS_LABELS = {"pending": "Chờ duyệt", "confirmed": "Đã xác nhận", "rejected": "Đã loại"}
DATE_SOURCE_LABELS = {
    "meta": "thẻ meta của trang", "jsonld": "JSON-LD", "visible": "ngày ghi trên trang", "url": "đường dẫn (URL)",
    "feed": "RSS/sitemap", "first_seen": "ngày hệ thống thấy lần đầu", "reviewer": "người duyệt sửa",
}
ACTION_LABELS = {"confirm": "Xác nhận", "reject": "Loại", "reopen": "Mở lại", "undo": "Hoàn tác"}
# Why the classifier asked for a person (classifiers/routing.py reason codes).
REASON_LABELS = {
    "borderline": "điểm sát ngưỡng",
    "close_activities": "hai hoạt động gần nhau",
    "no_activity_cue": "không rõ thuộc hoạt động nào",
    "mixed_projects": "nhắc cả Đề án 33 và đề án khác",
    "window_edge": "ngày đăng sát mốc thời gian",
    "low_date_confidence": "ngày đăng chưa chắc chắn",
    "low_extraction_quality": "trang trích xuất chưa tốt",
    "short_text": "bài quá ngắn",
    "not_vietnamese": "không phải tiếng Việt",
    "no_preschool_subject": "không nhắc tới mầm non",
    "non_professional_training": "tập huấn không về chuyên môn (PCCC, an toàn thực phẩm, nhập liệu...)",
    "non_teaching_staff": "người được tập huấn không phải giáo viên, cán bộ quản lý",
    "essay_or_module": "giống bài thu hoạch, mô đun bồi dưỡng",
    "research_or_essay": "giống bài nghiên cứu, luận văn",
    "contest_or_event": "hội thi, ngày hội: cần xem có phải bồi dưỡng chuyên môn",
    "before_project_start": "đăng trước khi có Đề án 33",
}


def reason_labels(reasons: list[str] | None) -> str:
    return ", ".join(REASON_LABELS.get(r, r) for r in reasons or []) or "—"


@dataclass
class Filters:
    """Queue filters (all optional): activity id, outlet (source id or part of its name), province,
    publication date range, plan."""

    activity: str | None = None
    source: str | None = None
    province: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    plan_id: str | None = None

    def accepts(self, row: dict[str, Any]) -> bool:
        if self.plan_id and row.get("plan_id") != self.plan_id:
            return False
        if self.activity and row.get("activity") != self.activity:
            return False
        if self.source:
            wanted = fold(self.source).strip()
            if not any(wanted in fold(row.get(k)) for k in ("source_id", "source_name")):
                return False
        if self.province:
            wanted = fold(self.province).strip()
            if not any(wanted in fold(row.get(k)) for k in ("province_historical", "province_current")):
                return False
        day = row.get("published_date")
        if self.date_from and (not isinstance(day, dt.date) or day < self.date_from):
            return False
        return not (self.date_to and (not isinstance(day, dt.date) or day > self.date_to))


@dataclass
class ReviewState:
    """What the reviewer sees now: the snapshot plus the journal decisions it does not hold yet."""

    conn: duckdb.DuckDBPyConnection
    paths: Paths
    pending: list[dict[str, Any]] = field(default_factory=list)
    windows: dict[tuple[str, str], tuple[dt.date, dt.date]] = field(default_factory=dict)
    activities: list[dict[str, Any]] = field(default_factory=list)
    # items() reads the item's text too (review_item_text, by doc_id); off on the coverage file, which has none
    with_text: bool = True
    # items() by ref, kept for the state's life (a decision resolves its item twice: which state, then which item)
    _items: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, conn: duckdb.DuckDBPyConnection, paths: Paths) -> ReviewState:
        # the journal's decisions the snapshot does not hold, asked about the lines after the saved position only
        pending = read_new(paths.review_journal, held_in(conn))[0]
        activities = _dicts(conn.execute(sql.query("review_activities")))
        windows = {(a["plan_id"], a["activity_id"]): (a["window_start"], a["window_end"]) for a in activities}
        return cls(conn=conn, paths=paths, pending=pending, windows=windows, activities=activities)

    # -- decisions -------------------------------------------------------------------------------------
    def decisions_for(self, doc_ids: list[str]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """Every decision (warehouse + not yet ingested journal) per (doc, plan) for these documents."""
        if not doc_ids:
            return {}
        stored = _dicts(self.conn.execute(sql.query("review_history"), [doc_ids]))
        wanted = set(doc_ids)
        extra = [d for d in self.pending if d["doc_id"] in wanted]
        return overlay.group_by_key([*stored, *extra])

    def _overlaid(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows re-derived under the journal decisions the snapshot does not hold yet. A story-wide decision
        reaches every copy of the decided document's story (rows carry story_id)."""
        if not self.pending:
            return rows
        decided = {(d["doc_id"], d["plan_id"]) for d in self.pending}
        story_of = {r["doc_id"]: r.get("story_id") or r["doc_id"] for r in rows}
        touched_stories = {(story_of.get(doc, doc), plan) for doc, plan in decided}
        copies: dict[tuple[str, str], set[str]] = {}
        for r in rows:
            copies.setdefault((story_of[r["doc_id"]], r["plan_id"]), set()).add(r["doc_id"])
        affected = [r for r in rows if (story_of[r["doc_id"]], r["plan_id"]) in touched_stories]
        history = self.decisions_for(sorted({r["doc_id"] for r in affected} | {doc for doc, _ in decided}))
        out = []
        for row in rows:
            key = (story_of[row["doc_id"]], row["plan_id"])
            if key in touched_stories:
                story_docs = copies.get(key, {row["doc_id"]})
                decisions = [d for doc in story_docs for d in history.get((doc, row["plan_id"]), [])]
                reach = overlay.reaching(decisions, row["doc_id"], story_docs)
                row = overlay.apply_decision(row, overlay.winning_decision(reach), self.windows)
            out.append(row)
        return out

    def story_rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Every copy (any status) of the stories of these rows, overlaid."""
        keys = sorted({r.get("story_id") or r["doc_id"] for r in rows})
        if not keys:
            return []
        return self._overlaid(self._story_copies(keys))

    def _story_copies(self, keys: list[str]) -> list[dict[str, Any]]:
        """Every copy of these stories, in one statement (each one scans the view), the ids as constants."""
        from pipeline.keyfetch import literal_list

        return _dicts(self.conn.execute(sql.query("review_story_copies").replace("/*IDS*/", literal_list(keys))))

    # -- reading ---------------------------------------------------------------------------------------
    def touched_items(self, filters: Filters | None = None) -> tuple[list[tuple[tuple[Any, ...], dict[str, Any]]],
                                                                     set[str]]:
        """Queue items (sort key, item; unfiltered) of the stories journal decisions not yet in the snapshot
        touch, re-derived under them (overlay), and those stories' keys."""
        if not self.pending:
            return [], set()
        ids = sorted({overlay.queue_id(d["doc_id"], d["plan_id"]) for d in self.pending})
        base = _dicts(self.conn.execute(sql.query("review_items_by_id"), [ids]))
        keys = {r.get("story_id") or r["doc_id"] for r in base} | {d["doc_id"] for d in self.pending}
        return story_items(self.story_rows(base) if base else [], filters or Filters()), keys

    def items_by_rep(self, reps: dict[str, str]) -> dict[str, dict[str, Any]]:
        """Queue items by the queue id of their representative (reps: queue id -> story id), with the
        story's fields (story_fields); one read of the stories' copies, the representatives among them."""
        if not reps:
            return {}
        by_story: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in self._overlaid(self._story_copies(sorted(set(reps.values())))):
            by_story.setdefault((r.get("story_id") or r["doc_id"], r["plan_id"]), []).append(r)
        out = {}
        for copies in by_story.values():
            ordered = sorted(copies, key=_published_order)
            for rep in ordered:
                if rep["id"] in reps:
                    out[rep["id"]] = {**rep, **story_fields(rep.get("story_id") or rep["doc_id"], ordered)}
        return out

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest decisions (published or not), newest first, each with its item as it stands now."""
        stored = _dicts(self.conn.execute(sql.query("review_recent"), [limit]))
        decisions = sorted([*stored, *self.pending], key=overlay._order_key, reverse=True)[:limit]
        ids = sorted({overlay.queue_id(d["doc_id"], d["plan_id"]) for d in decisions})
        items = {r["id"]: r for r in self._overlaid(_dicts(self.conn.execute(sql.query("review_items_by_id"),
                                                                              [ids])))}
        return [{**d, "item": items.get(overlay.queue_id(d["doc_id"], d["plan_id"]))} for d in decisions]

    def items(self, ref: str) -> list[dict[str, Any]]:
        """Items matching a queue id or a doc_id (one per plan), overlaid, with text and evidence."""
        key = f"{self.with_text}|{ref.strip()}"
        if key not in self._items:
            self._items[key] = self._read_items(ref)
        return [dict(r) for r in self._items[key]]

    def _read_items(self, ref: str) -> list[dict[str, Any]]:
        raw = _dicts(self.conn.execute(sql.query("review_item"), [ref.strip()]))
        if not raw:
            return raw
        if self.with_text:  # the text by key (joined in the query it read every text)
            for row in raw:
                found = self.conn.execute(sql.query("review_item_text"), [row["doc_id"]]).fetchone()
                row["lead"], row["text"] = found if found else (None, None)
        copies = {c["id"]: c for c in self.story_rows(raw)}
        out = []
        for row in raw:
            copy = copies.get(row["id"], {})
            story = [c for c in copies.values() if c.get("story_id") == copy.get("story_id", row.get("story_id"))
                     and c["plan_id"] == row["plan_id"]]
            out.append({**row, **copy, **story_fields(row.get("story_id") or row["doc_id"],
                                                     sorted(story, key=_published_order))})
        return out

    def history(self, item: dict[str, Any]) -> list[dict[str, Any]]:
        """Decisions reaching an item (its own and its story's), oldest first, each flagged live/undone/pending
        (not yet in the snapshot); story-wide ones taken on another copy name it (decided_doc_id)."""
        story_docs = {c["doc_id"] for c in self.story_rows([item]) if c["plan_id"] == item["plan_id"]}
        story_docs.add(item["doc_id"])
        grouped = self.decisions_for(sorted(story_docs))
        decisions = overlay.reaching([d for doc in story_docs for d in grouped.get((doc, item["plan_id"]), [])],
                                     item["doc_id"], story_docs)
        live = overlay.live_decisions(decisions)
        winner = live[0]["decision_id"] if live else None
        undone = {d.get("undoes") for d in decisions if d.get("action") == "undo"}
        pending_ids = {d["decision_id"] for d in self.pending}
        out = []
        for d in sorted(decisions, key=overlay._order_key):
            out.append({**d, "winning": d["decision_id"] == winner, "undone": d["decision_id"] in undone,
                        "not_yet_published": d["decision_id"] in pending_ids,
                        "scope": d.get("scope") or "story", "decided_doc_id": d["doc_id"]})
        return out

    def activity_ids(self, plan_id: str) -> list[str]:
        return [a["activity_id"] for a in self.activities if a["plan_id"] == plan_id]

    def activity_content(self, plan_id: str, activity_id: str | None) -> str:
        for a in self.activities:
            if a["plan_id"] == plan_id and a["activity_id"] == activity_id:
                return f"{a['content']} {a['form']}"
        return ""

    def archive_path(self, item: dict[str, Any]) -> Any:
        sha = item.get("raw_sha256")
        if not _is_sha(sha):
            return None
        return raw_file(self.paths.raw_archive, str(sha))  # a body only in a pack is written out as its own file

    def has_archive(self, sha: str | None) -> bool:
        """Whether the raw archive holds this body (nothing written: a page listing many copies asks this)."""
        return _is_sha(sha) and raw_exists(self.paths.raw_archive, str(sha))


def _is_sha(sha: str | None) -> bool:
    return bool(sha) and len(str(sha)) >= 3 and all(c in "0123456789abcdef" for c in str(sha).lower())


def story_items(rows: list[dict[str, Any]], filters: Filters) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(sort key, item) per (story, plan) of these copies with a pending copy the filters accept: the item is
    the earliest published such copy with the story's fields; the key, the smallest queue sort key of those
    copies then the plan."""
    by_story: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        by_story.setdefault((r.get("story_id") or r["doc_id"], r["plan_id"]), []).append(r)
    items: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for (story, plan), copies in by_story.items():
        pending = sorted((c for c in copies if c["status"] == "pending"), key=_published_order)
        shown = [c for c in pending if filters.accepts(c)]
        if not shown:
            continue
        item = dict(shown[0])
        item.update(story_fields(story, sorted(copies, key=_published_order)))
        # the story waits as urgently as its most urgent pending copy
        items.append(((*min(overlay.queue_sort_key(c) for c in shown), plan), item))
    return items


def _published_order(row: dict[str, Any]) -> tuple[int, Any, str]:
    day = row.get("published_date")
    return (0, day, row["doc_id"]) if isinstance(day, dt.date) else (1, dt.date.max, row["doc_id"])


def story_fields(story_id: str, copies: list[dict[str, Any]]) -> dict[str, Any]:
    """A story's fields on a queue item: its copies (earliest published first: the first is the story's
    representative), each with its own status and whether a decision on that copy alone overrides the
    story's (override)."""
    listed = [{
        "id": c["id"], "doc_id": c["doc_id"], "title": c.get("title"), "url": c.get("url"),
        "source_id": c.get("source_id"), "source_name": c.get("source_name"),
        "published_date": c.get("published_date"), "status": c.get("status"), "decided_by": c.get("decided_by"),
        "override": c.get("decision_scope") == "copy",
    } for c in copies]
    return {"story_id": story_id, "representative_doc_id": listed[0]["doc_id"] if listed else None,
            "copies": listed, "copy_count": len(listed),
            "outlets": sorted({c["source_id"] for c in listed if c.get("source_id")})}


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def resolve(state: ReviewState, ref: str, plan_id: str | None = None) -> dict[str, Any]:
    """The one item a reviewer means by `ref` (queue id or doc_id); LookupError with a hint otherwise."""
    found = state.items(ref)
    if plan_id:
        found = [r for r in found if r["plan_id"] == plan_id]
    if not found:
        raise LookupError(f"không có mục '{ref}' (dùng một ID trong 'planwatch review list', hoặc một doc_id)")
    if len(found) > 1:
        plans = ", ".join(r["plan_id"] for r in found)
        raise LookupError(f"'{ref}' được gắn với nhiều kế hoạch ({plans}): dùng ID trong hàng chờ hoặc --plan")
    return found[0]
