"""Record review decisions: validate, append to the journal (durable at once), then fold into the warehouse.

Order matters and is what makes a decision impossible to lose:
1. `record()` appends the decision to the journal (flock + fsync) -- from then on it survives any crash;
2. `sync()` tries the writer lock for a moment; when free it opens the writer (which ingests the journal)
   and publishes a snapshot, so reports show the decision at once;
3. when the nightly run holds the lock, `sync()` returns at once and leaves one background waiter process
   (`python -m pipeline.review.sync`) that folds the journal in as soon as the lock is free. Even if that
   waiter never runs, every later write job ingests the whole journal (idempotent by decision_id).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from pipeline.journal import SCOPES, append_decision
from pipeline.locking import LockTimeout
from pipeline.review import overlay
from planwatch.config import REPO_ROOT, Paths

ACTIONS = ("confirm", "reject", "reopen", "undo")
FORMATS = ("article", "report")
MAX_NOTE = 2000
MAX_REVIEWER = 100


class DecisionError(ValueError):
    """A decision that cannot be recorded; the message says what to change."""


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """YYYY-MM-DD or the Vietnamese dd/mm/yyyy (what Excel shows); empty -> None."""
    from pipeline.daytext import parse_day

    if value is None or isinstance(value, dt.date):
        return value
    if not value.strip():
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise DecisionError(f"ngày '{value}' không hợp lệ: viết YYYY-MM-DD hoặc dd/mm/yyyy "
                            f"(ví dụ 2022-09-30 hoặc 30/09/2022)") from exc


def clean_reviewer(name: str | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise DecisionError("cần tên người duyệt (--reviewer TÊN)")
    if len(name) > MAX_REVIEWER:
        raise DecisionError(f"tên người duyệt dài quá {MAX_REVIEWER} ký tự")
    return name


def make_decision(item: dict[str, Any], action: str, reviewer: str, *, activities: list[str],
                  activity: str | None = None, fmt: str | None = None, date: str | dt.date | None = None,
                  note: str | None = None, now: dt.datetime | None = None, scope: str = "story") -> dict[str, Any]:
    """A journal row for confirm / reject / reopen on `item` (a row of view review_items, overlaid).

    scope 'story' (default): the decision applies to every copy of the item's story, those found later
    included; 'copy': to this copy only (an override of the story's decision, shown as such).

    confirm records the activity and format explicitly (given, else the item's current ones), so that a
    later reclassification can never change what a person confirmed. Every action keeps a corrected date
    unless a new one is given. Otherwise reject and reopen record only what is given."""
    if action not in ("confirm", "reject", "reopen"):
        raise DecisionError(f"quyết định '{action}' không hợp lệ: dùng confirm (xác nhận), reject (loại) "
                            "hoặc reopen (mở lại)")
    if scope not in SCOPES:
        raise DecisionError(f"phạm vi '{scope}' không hợp lệ: dùng story (cả tin) hoặc copy (chỉ bản này)")
    reviewer = clean_reviewer(reviewer)
    activity = (activity or "").strip() or None
    fmt = (fmt or "").strip().lower() or None
    if activity is not None and activity not in activities:
        raise DecisionError(f"hoạt động '{activity}' không có trong kế hoạch {item['plan_id']}: chọn một trong "
                            f"{', '.join(activities)}")
    if fmt is not None and fmt not in FORMATS:
        raise DecisionError(f"hình thức '{fmt}' không hợp lệ: dùng article (bài báo) hoặc report (phóng sự)")
    day = parse_date(date)
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise DecisionError(f"ghi chú dài quá {MAX_NOTE} ký tự")
    if action == "confirm":
        activity = activity or item.get("activity") or item.get("suggested_activity")
        if not activity:
            raise DecisionError("mục này chưa có hoạt động gợi ý: hãy chọn hoạt động (--activity)")
        fmt = fmt or item.get("format") or "article"
    if day is None and item.get("published_date") and item.get("published_date") != item.get("extracted_date"):
        # keep an earlier reviewer's date correction (the latest decision is taken whole, so a reopen or a
        # reject that dropped it would put the wrong extracted date back, and the confirm after it too)
        day = item["published_date"]
    if action == "reopen" and item.get("status") == "pending":
        raise DecisionError("mục này đang chờ duyệt rồi: hãy xác nhận hoặc loại")
    return {"decision_id": uuid.uuid4().hex, "doc_id": item["doc_id"], "plan_id": item["plan_id"],
            "action": action, "activity": activity, "format": fmt, "published_date": day, "note": note,
            "reviewer": reviewer, "decided_at": now or dt.datetime.now(dt.UTC), "undoes": None, "scope": scope}


def make_undo(item: dict[str, Any], history: list[dict[str, Any]], reviewer: str,
              now: dt.datetime | None = None, *, any_reviewer: bool = False) -> dict[str, Any]:
    """An undo of `reviewer`'s latest live decision on the item (each undo walks one decision back). With
    `any_reviewer` (an admin on the review page), of the latest live decision whoever made it."""
    reviewer = clean_reviewer(reviewer)
    live = overlay.live_decisions(history)
    mine = live if any_reviewer else [d for d in live if (d.get("reviewer") or "").casefold() == reviewer.casefold()]
    if not mine:
        other = f" (quyết định gần nhất là của {live[0]['reviewer']})" if live else ""
        raise DecisionError(f"{reviewer} chưa có quyết định nào trên mục này để hoàn tác{other}")
    target = mine[0]
    return {"decision_id": uuid.uuid4().hex, "doc_id": item["doc_id"], "plan_id": item["plan_id"],
            "action": "undo", "activity": None, "format": None, "published_date": None, "note": None,
            "reviewer": reviewer, "decided_at": now or dt.datetime.now(dt.UTC), "undoes": target["decision_id"],
            "scope": target.get("scope") or "story"}


def record(paths: Paths, decision: dict[str, Any]) -> None:
    """Append to the journal, fsynced: the decision is safe once this returns."""
    append_decision(paths.review_journal, decision)


# -- folding the journal into the warehouse -------------------------------------------------------------
def sync(paths: Paths, lock_timeout: float = 0.5, *, background: bool = True) -> bool:
    """Fold the journal into the warehouse and publish, if the writer lock is free within `lock_timeout`.
    True when published now; False when the writer is busy (then, with `background`, a waiter process
    publishes as soon as it is free)."""
    from pipeline import lake
    from pipeline.store import open_writer

    deferred = background and lake.enabled() and lake.exists(paths)  # else the lake is published here too
    try:
        # open_writer ingests the journal; its clean exit publishes the snapshot. With the lake, it publishes
        # the coverage file (the report sees the decision at once) and a waiter brings the lake up to date.
        with open_writer(paths, lock_timeout=lock_timeout, defer_lake=deferred):
            pass
        if deferred:
            start_waiter(paths)
        return True
    except LockTimeout:
        if background:
            start_waiter(paths)
        return False


def waiter_lock_path(paths: Paths) -> Path:
    return paths.review_journal.parent / "sync-waiter.lock"


def start_waiter(paths: Paths, wait: float = 6 * 3600) -> None:
    """Start a detached `python -m pipeline.review.sync` (it exits at once if another waiter is waiting)."""
    paths.review_journal.parent.mkdir(parents=True, exist_ok=True)
    log = paths.review_journal.parent / "sync.log"
    env = {**os.environ, "PLANWATCH_HOME": str(paths.home)}
    with open(log, "ab") as out:
        subprocess.Popen([sys.executable, "-m", "pipeline.review.sync", "--wait", str(wait)],
                         cwd=str(REPO_ROOT), env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                         start_new_session=True, close_fds=True)


def wait_and_sync(paths: Paths, wait: float) -> str:
    """Body of the waiter process. One waiter at a time holds sync-waiter.lock while it waits for the writer.
    It lets go of that lock only once it holds the writer lock, then ingests the journal once more: a
    decision appended while it waited is either seen by that second ingest, or found the waiter lock free
    and started the next waiter. So no decision waits for the next nightly run."""
    from pipeline.store import open_writer

    paths.review_journal.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(waiter_lock_path(paths), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return "another waiter is already waiting"
        try:
            with open_writer(paths, lock_timeout=wait) as writer:
                os.close(fd)  # release the waiter lock (closing drops the flock) ...
                fd = -1
                writer.ingest_review_journal()  # ... then ingest what arrived meanwhile
        except LockTimeout:
            return f"the writer stayed busy for {wait:.0f} s; the next write job will ingest the journal"
        if writer.publish_error:  # the warehouse and the report have the decisions; the next publish, the lake
            return f"published, but not to the lake: {writer.publish_error}"
        return "published"
    finally:
        if fd >= 0:
            os.close(fd)
