"""Batch review for Excel users: export the queue as CSV (UTF-8 with BOM), import filled-in decisions.

Import columns (by header name, any order, extra columns ignored): id, decision, activity, format, date,
note. decision: confirm / xác nhận, reject / loại, reopen / mở lại (case and diacritics ignored); an empty
decision skips the row. Dates as YYYY-MM-DD or dd/mm/yyyy. Separators , ; or tab (Excel in a Vietnamese
locale writes ;). A bad row is reported with its line number; the other rows are still applied.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.cellguard import as_text
from pipeline.normalize import fold
from pipeline.review.decisions import DecisionError, make_decision, record
from pipeline.review.queue import DATE_SOURCE_LABELS, FORMAT_LABELS, ReviewState, resolve

EXPORT_COLUMNS = ("id", "decision", "activity", "format", "date", "note", "title", "outlet", "province",
                  "published_date", "date_source", "suggested_activity", "score", "url", "doc_id", "plan_id")
DECISION_WORDS = {
    "confirm": "confirm", "xac nhan": "confirm", "x": "confirm", "dong y": "confirm",
    "reject": "reject", "loai": "reject", "loai bo": "reject",
    "reopen": "reopen", "mo lai": "reopen",
}


@dataclass
class ImportResult:
    applied: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def export_queue(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write queue rows as CSV with a BOM (Excel then reads the Vietnamese correctly). Returns rows written."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_COLUMNS)
        n = 0
        for r in rows:
            n += 1
            province = r.get("province_historical") or ""
            if r.get("province_current") and r.get("province_current") != province:
                province = f"{province} → {r['province_current']}" if province else r["province_current"]
            writer.writerow([_cell(v) for v in [
                r["id"], "", r.get("activity") or "", r.get("format") or "",
                r["published_date"].isoformat() if isinstance(r.get("published_date"), dt.date) else "", "",
                r.get("title") or "", r.get("source_name") or r.get("source_id") or "", province,
                r["published_date"].isoformat() if isinstance(r.get("published_date"), dt.date) else "",
                DATE_SOURCE_LABELS.get(r.get("date_source") or "", r.get("date_source") or ""),
                r.get("suggested_activity") or "", f"{r['score']:.3f}" if r.get("score") is not None else "",
                r.get("url") or "", r["doc_id"], r["plan_id"],
            ]])
    return n


def _cell(value: str) -> str:
    """Crawled text must not become an Excel formula (CSV injection): the shared guard quotes it."""
    return str(as_text(value))


def _reader(text: str) -> csv.DictReader[str]:
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample.splitlines()[0] if sample else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)


def import_decisions(path: Path, reviewer: str, state_factory: Callable[[], ReviewState],
                     record_fn: Callable[[dict[str, Any]], None] | None = None) -> ImportResult:
    """Apply a filled-in CSV. `state_factory` gives a fresh ReviewState (the snapshot + journal overlay)."""
    result = ImportResult()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((1, "tệp không phải UTF-8: trong Excel hãy lưu dạng 'CSV UTF-8 (Comma delimited)'"))
        return result
    reader = _reader(text)
    headers = {fold(h).strip(): h for h in (reader.fieldnames or [])}
    if "id" not in headers or "decision" not in headers:
        result.errors.append((1, "dòng tiêu đề cần ít nhất hai cột id và decision"))
        return result
    state = state_factory()

    def cell(row: dict[str, Any], name: str) -> str:
        key = headers.get(name)
        value = row.get(key) if key else None
        return value.strip() if isinstance(value, str) else ""

    for row in reader:
        line_no = reader.line_num  # the (last) physical line of this row; the header is line 1
        word = fold(cell(row, "decision")).strip()
        if not word:
            result.skipped += 1
            continue
        action = DECISION_WORDS.get(" ".join(word.split()))
        try:
            if action is None:
                raise DecisionError(f"quyết định '{cell(row, 'decision')}' không hợp lệ: dùng xác nhận/confirm, "
                                    "loại/reject hoặc mở lại/reopen")
            if not cell(row, "id"):
                raise DecisionError("cột id đang trống")
            item = resolve(state, cell(row, "id"))
            decision = make_decision(item, action, reviewer, activities=state.activity_ids(item["plan_id"]),
                                     activity=cell(row, "activity") or None, fmt=_format(cell(row, "format")),
                                     date=cell(row, "date") or None, note=cell(row, "note") or None)
        except (DecisionError, LookupError) as exc:
            result.errors.append((line_no, exc.args[0] if exc.args else str(exc)))
            continue
        (record_fn or (lambda d: record(state.paths, d)))(decision)
        result.applied.append(decision)
        state.pending.append(decision)  # later rows on the same item see this one
    return result


def _format(value: str) -> str | None:
    """Format as written by a person: article/report or the Vietnamese labels."""
    if not value:
        return None
    key = fold(value).strip()
    for fmt, label in FORMAT_LABELS.items():
        if key in (fmt, fold(label)) or (fmt == "report" and key in ("phong su", "video")) or (
                fmt == "article" and key in ("bai", "bai viet")):
            return fmt
    return value
