"""The review journal: an append-only JSONL file every process may write to without the warehouse.

Reviewers record decisions here (under a short flock, fsynced), so a decision is durable the moment
the command returns, even while the nightly run holds the warehouse. Every write job copies the
journal into review_decisions (idempotent by decision_id)."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

_DATE_FIELDS = ("decided_at",)
FIELDS = ("decision_id", "doc_id", "plan_id", "action", "activity", "format", "published_date", "note",
          "reviewer", "decided_at", "undoes", "scope")
SCOPES = ("story", "copy")  # a decision reaches every copy of the story (default), or one copy (an override)


def append_decision(path: Path, decision: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    missing = {"decision_id", "doc_id", "plan_id", "action", "reviewer", "decided_at"} - decision.keys()
    if missing:
        raise ValueError(f"a review decision needs {sorted(missing)}")
    decision = {key: decision.get(key) for key in FIELDS}
    data = (json.dumps(decision, ensure_ascii=False, default=_iso) + "\n").encode("utf-8")
    with open(path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            # A writer that died mid-line left a torn last line. Start on a fresh line, or this decision
            # would be glued to the fragment and skipped as unreadable by read_decisions().
            end = fh.seek(0, os.SEEK_END)
            if end:
                fh.seek(end - 1)
                if fh.read(1) != b"\n":
                    data = b"\n" + data
            fh.write(data)  # append mode: always written at the end
            fh.flush()
            os.fsync(fh.fileno())
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# The key as json.dumps writes it: inside a JSON string a quote is always escaped, so the first unescaped
# match on a line is the key itself.
_ID = re.compile(r'"decision_id": "([^"\\]*)"')


def read_decisions(path: Path, skip: Collection[str] = ()) -> list[dict[str, Any]]:
    """All complete decisions in the journal, except those whose decision_id is in `skip` (found without
    parsing the line: a long journal of decisions already ingested costs a scan, not a parse). A torn last
    line (crash mid-write) is skipped."""
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            if skip:
                found = _ID.search(line)
                if found and found.group(1) in skip:
                    continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            for key in _DATE_FIELDS:
                if isinstance(row.get(key), str):
                    row[key] = dt.datetime.fromisoformat(row[key])
            if isinstance(row.get("published_date"), str):
                row["published_date"] = dt.date.fromisoformat(row["published_date"])
            out.append({key: row.get(key) for key in FIELDS})
    return out


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
