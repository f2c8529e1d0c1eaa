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
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

_DATE_FIELDS = ("decided_at",)
Held = Callable[[Sequence[str] | None], set[str]]  # which of these decision ids are held (None: all of them)
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
    return _read(path, 0, skip)[0]


def _read(path: Path, start: int, skip: Collection[str]) -> tuple[list[dict[str, Any]], int, str | None]:
    """Decisions from byte `start` (a line start) on, the offset after the last complete line, and the
    decision_id of the last complete line that has one."""
    if not path.exists():
        return [], 0, None
    out = []
    offset, last = start, None
    with open(path, "rb") as fh:
        fh.seek(start)
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            offset += len(raw)
            line = raw.decode("utf-8", errors="replace")
            found = _ID.search(line)
            if found:
                last = found.group(1)
            if skip and found and found.group(1) in skip:
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
    return out, offset, last


# -- where the warehouse's last ingest stopped -------------------------------------------------------------
# A journal of a million documents' decisions is megabytes; every `review decide` (its review state) and every
# write job (its ingest) would re-read it whole. The writer saves, after each ingest, the byte offset it read
# to and the decision_id of the last line before it (`<journal>.pos`, JSON). A reader starts from there only
# when that decision is among those it already holds (the warehouse's, or the published state's): a warehouse
# built anew, a journal replaced or truncated, or a state published before that ingest make it read from the
# start, as before. The position is a shortcut, never the record: ingest stays idempotent by decision_id.
def position_path(path: Path) -> Path:
    return path.with_name(path.name + ".pos")


def read_new(path: Path, have: Collection[str] | Held) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The journal's decisions whose decision_id is not in `have`, read from the saved position when it
    applies (see above), and the position after the last complete line (for save_position). `have`: the ids
    held, or a function telling which of some ids are held (None: every id held), asked only about the saved
    position's decision and the lines after it when the position applies: holding every decision of a long
    journal in memory to check a few new ones grew with the archive (about 25 ms a decision at 1M documents)."""
    held = have if callable(have) else None
    start = 0
    saved = _load_position(path)
    if saved is not None and _holds(have, saved["last"]):
        try:
            st = path.stat()
        except FileNotFoundError:
            st = None
        if st is not None and (st.st_dev, st.st_ino) == (saved["device"], saved["inode"]) and \
                saved["offset"] <= st.st_size:
            start = int(saved["offset"])
    skip: Collection[str] = set() if callable(have) else have
    if held is not None and not start:  # from the start: every id held; else only the lines read are asked about
        skip = held(None)
    rows, offset, last = _read(path, start, skip)
    if last is None and start:
        last = saved["last"] if saved else None
    try:
        st = path.stat()
        ident = (st.st_dev, st.st_ino)
    except FileNotFoundError:
        ident = (0, 0)
    if held is not None and start:
        skip = held([str(r.get("decision_id")) for r in rows if r.get("decision_id") is not None])
    new = [r for r in rows if r.get("decision_id") not in skip]
    return new, {"device": ident[0], "inode": ident[1], "offset": offset, "last": last}


def _holds(have: Collection[str] | Held, decision_id: str | None) -> bool:
    if decision_id is None:
        return False
    return decision_id in (have([decision_id]) if callable(have) else have)


def held_in(conn: Any) -> Held:
    """A `have` for read_new: which of some decision ids the connection's `review_decisions` holds (constants
    filtering its decision_id), or every id it holds (None)."""
    from pipeline import sql
    from pipeline.keyfetch import literal_lists

    def held(ids: Sequence[str] | None) -> set[str]:
        if ids is None:
            return {r[0] for r in conn.execute(sql.query("review_decision_ids")).fetchall()}
        found: set[str] = set()
        for part in literal_lists(sorted(set(ids))):
            found |= {r[0] for r in conn.execute(
                sql.query("review_decisions_held").replace("/*IDS*/", part)).fetchall()}
        return found

    return held


def save_position(path: Path, position: dict[str, Any]) -> None:
    """Record where an ingest stopped (call once its decisions are committed). A position without a last
    decision is not saved (there is nothing to check it against)."""
    if position.get("last") is None:
        return
    target = position_path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(position), encoding="utf-8")
    os.replace(tmp, target)


def _load_position(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(position_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not {"device", "inode", "offset", "last"} <= data.keys():
        return None
    if not isinstance(data["offset"], int) or not isinstance(data["last"], str):
        return None
    return data


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
