"""The reviewer's own view: journal decisions not yet folded into the snapshot, laid over its rows.

A decision is durable the moment it is in the journal (pipeline.journal), but the published snapshot only
shows it after the next write job. So that `review list`, `review show` and the web page reflect a
decision at once, readers re-derive the state of every touched (doc, plan) here with the same rules as the
SQL views (`human_decisions`, `all_tagging`, `review_items`):

- a decision is live unless an 'undo' names it; the newest live one (decided_at, then decision_id) wins;
- confirm -> confirmed, reject -> rejected, reopen -> pending; without one, the classifier decides;
- activity, format and date: the decision's value, else the classifier's / the document's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

NO_DATE_DISTANCE = 9999


def queue_id(doc_id: str, plan_id: str) -> str:
    """The queue id of a (doc, plan): what view review_items computes as substr(md5(...), 1, 12)."""
    return hashlib.md5(f"{doc_id}|{plan_id}".encode(), usedforsecurity=False).hexdigest()[:12]


def pending_decisions(journal: Iterable[dict[str, Any]], ingested: set[str]) -> list[dict[str, Any]]:
    """Journal decisions the snapshot does not hold yet."""
    return [d for d in journal if d.get("decision_id") not in ingested]


def _order_key(decision: Mapping[str, Any]) -> tuple[dt.datetime, str]:
    at = decision.get("decided_at")
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    if not isinstance(at, dt.datetime):
        at = dt.datetime.min.replace(tzinfo=dt.UTC)
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at, str(decision.get("decision_id") or "")


def live_decisions(decisions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Decisions that count (not undos, not undone), newest first."""
    rows = [dict(d) for d in decisions]
    undone = {d.get("undoes") for d in rows if d.get("action") == "undo" and d.get("undoes")}
    live = [d for d in rows if d.get("action") != "undo" and d.get("decision_id") not in undone]
    return sorted(live, key=_order_key, reverse=True)


def winning_decision(decisions: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    live = live_decisions(decisions)
    return live[0] if live else None


def reaching(decisions: Iterable[Mapping[str, Any]], doc_id: str, story_docs: Iterable[str]) -> list[dict[str, Any]]:
    """The decisions that reach one copy (as view human_decisions): its own, and the story-wide ones taken on
    any copy of its story. Undo rows are kept so live_decisions() can cancel what they name."""
    copies = set(story_docs) | {doc_id}
    return [dict(d) for d in decisions
            if d.get("doc_id") == doc_id
            or (d.get("doc_id") in copies and (d.get("action") == "undo" or (d.get("scope") or "story") == "story"))]


def group_by_key(decisions: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for d in decisions:
        out.setdefault((str(d["doc_id"]), str(d["plan_id"])), []).append(dict(d))
    return out


def apply_decision(item: Mapping[str, Any], decision: Mapping[str, Any] | None,
                   windows: Mapping[tuple[str, str], tuple[dt.date, dt.date]]) -> dict[str, Any]:
    """An item row (view review_items) re-derived under `decision` (the winning one, or None)."""
    row = dict(item)
    h = decision or {}
    row["activity"] = h.get("activity") or row.get("suggested_activity")
    row["format"] = h.get("format") or row.get("suggested_format") or row.get("document_format") or "article"
    # a corrected date stays with the copy it was made on; a story decision does not move other copies' dates
    own = not h or h.get("doc_id") == row.get("doc_id")
    published = (h.get("published_date") if own else None) or row.get("extracted_date")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    row["published_date"] = published
    action = h.get("action")
    if action in ("confirm", "reject", "reopen"):
        row["status"] = {"confirm": "confirmed", "reject": "rejected", "reopen": "pending"}[action]
        row["decided_by"] = f"reviewer:{h.get('reviewer')}"
        row["decided_at"] = h.get("decided_at")
        row["review_note"] = h.get("note")
        row["decision_scope"] = h.get("scope") or "story"
        row["decided_doc_id"] = h.get("doc_id")
    else:
        cd = row.get("classifier_decision")
        row["status"] = "confirmed" if cd == "accept" else "pending" if cd == "review" else "rejected"
        row["decided_by"] = f"classifier:{row.get('classifier_version')}"
        row["decided_at"] = None
        row["review_note"] = None
        row["decision_scope"] = None
        row["decided_doc_id"] = None
    window = windows.get((str(row.get("plan_id")), str(row.get("activity"))))
    row["window_start"], row["window_end"] = window if window else (None, None)
    if window and isinstance(published, dt.date):
        row["days_to_window_end"] = (window[1] - published).days
        row["window_distance"] = abs(row["days_to_window_end"])
    else:
        row["days_to_window_end"] = None
        row["window_distance"] = NO_DATE_DISTANCE
    return row


def queue_sort_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """The queue order of view review_queue: window end closest, score nearest the line, main outlets."""
    distance = row.get("window_distance")
    return (NO_DATE_DISTANCE if distance is None else distance,
            row.get("score_distance") if row.get("score_distance") is not None else 1.0,
            0 if row.get("main_outlet") else 1, row.get("source_id") or "", row.get("doc_id") or "")
