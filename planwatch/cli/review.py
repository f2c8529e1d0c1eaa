"""`planwatch review`: the manual review queue (list, show, decide, undo, import, export, sync, serve).

Reads come from the published snapshot with the reviewer's own journal decisions overlaid; decisions go to
the append-only journal first (durable at once), then into the warehouse when the writer is free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from planwatch.cli.common import fail, message, print_json
from planwatch.config import Paths

review_app = typer.Typer(help="Hàng chờ duyệt — the manual review queue.", no_args_is_help=True)

LIST_FIELDS = ("id", "doc_id", "plan_id", "title", "url", "source_id", "source_name", "province_historical",
               "province_current", "published_at", "published_date", "date_source", "suggested_activity",
               "activity", "format", "score", "review_reasons", "status", "days_to_window_end")
REVIEWER_ENV = "PLANWATCH_REVIEWER"
SHORT_FORMATS = {"article": "bài báo", "report": "phóng sự"}
ACTION_DONE = {"confirm": "xác nhận", "reject": "loại", "reopen": "mở lại", "undo": "hoàn tác"}


class ListFormat(StrEnum):
    table = "table"
    json = "json"


@contextmanager
def _state(paths: Paths | None = None) -> Iterator[Any]:
    import duckdb

    from pipeline.review.queue import ReviewState
    from pipeline.snapshot import NoSnapshot, open_snapshot

    paths = paths or Paths.from_env()
    try:
        with open_snapshot(paths) as conn:
            try:
                yield ReviewState.load(conn, paths)
            except duckdb.CatalogException as exc:
                fail(f"bản snapshot chưa có các view của hàng chờ ({exc}); hãy chạy 'planwatch review sync' một lần")
    except NoSnapshot as exc:
        fail(str(exc))


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key in LIST_FIELDS:
        value = row.get(key)
        if isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        out[key] = value
    return out


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def list_cmd(
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json."),
    activity: str = typer.Option(None, "--activity", help="Only items of this activity (1, 2a, 2b)."),
    source: str = typer.Option(None, "--source", help="Only this outlet (source id, or part of its name)."),
    province: str = typer.Option(None, "--province", help="Only outlets of this province."),
    since: str = typer.Option(None, "--since", help="Published on or after YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Published on or before YYYY-MM-DD."),
    plan: str = typer.Option(None, "--plan", help="Only this plan."),
    limit: int = typer.Option(None, "--limit", min=1, help="At most this many items."),
) -> None:
    """List the items waiting for review, most urgent first."""
    from pipeline.review.decisions import DecisionError, parse_date
    from pipeline.review.queue import Filters

    try:
        filters = Filters(activity=activity, source=source, province=province, date_from=parse_date(since),
                          date_to=parse_date(until), plan_id=plan)
    except DecisionError as exc:
        fail(str(exc))
    with _state() as state:
        _check_filters(state, activity=activity, source=source, plan=plan)
        rows = state.queue(filters, limit)
    if fmt is ListFormat.json:
        print_json([_jsonable(r) for r in rows])
        return
    if not rows:
        typer.echo("Hàng chờ duyệt trống: không có mục nào chờ duyệt" + (" theo bộ lọc này." if
                   any((activity, source, province, since, until, plan)) else "."))
        return
    header = ["ID", "Ngày đăng", "Báo/đài", "HĐ", "Hình thức", "Điểm", "Tiêu đề"]
    body = [[r["id"], r["published_date"].strftime("%d/%m/%Y") if r.get("published_date") else "—",
             _short(r.get("source_name") or r.get("source_id"), 22), r.get("activity") or "—",
             SHORT_FORMATS.get(r.get("format") or "", r.get("format") or ""),
             f"{r['score']:.2f}" if r.get("score") is not None else "",
             _short(r.get("title"), 60)] for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    typer.echo(f"Hàng chờ duyệt: {len(rows)} mục")
    for line in [header, ["─" * w for w in widths], *body]:
        typer.echo("  ".join(c.ljust(widths[i]) for i, c in enumerate(line)).rstrip())


def _check_filters(state: Any, **values: str | None) -> None:
    from pipeline.review.filtercheck import FilterError, check_filters, known_sources

    try:
        check_filters(state.activities, known_sources(state.conn), **values)
    except FilterError as exc:
        fail(str(exc))


def show(
    item_id: str = typer.Argument(..., metavar="ID", help="Queue id (from 'review list') or doc_id."),
    plan: str = typer.Option(None, "--plan", help="The plan, when a doc_id is tagged for several."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table (readable) or json."),
) -> None:
    """Show one item: what the classifier suggests, the evidence, links, and the decisions so far."""
    from pipeline.review import evidence
    from pipeline.review.queue import (
        ACTION_LABELS,
        DATE_SOURCE_LABELS,
        FORMAT_LABELS,
        STATUS_LABELS,
        reason_labels,
        resolve,
        vn_time,
    )

    with _state() as state:
        try:
            item = resolve(state, item_id, plan)
        except LookupError as exc:
            fail(message(exc))
        history = state.history(item)
        terms, origin = evidence.item_terms(item.get("evidence"),
                                            state.activity_content(item["plan_id"], item.get("suggested_activity")))
        archive = state.archive_path(item)
    excerpt = evidence.excerpt(item.get("text") or item.get("lead"), terms)
    body = f"{item.get('title') or ''}\n{item.get('text') or item.get('lead') or ''}"
    against = [{**n, "term": evidence.surface_forms(body, [n["term"]])[0]}
               for n in evidence.negative_terms(item.get("evidence")) if evidence.find_spans(body, [n["term"]])]
    if fmt is ListFormat.json:
        data = _jsonable(item)
        data.update({"evidence_terms": terms, "evidence_origin": origin,
                     "counter_evidence": [{k: n[k] for k in ("term", "group", "reason")} for n in against],
                     "excerpt": evidence.as_text(excerpt), "archive": str(archive) if archive else None,
                     "history": [{k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v)
                                  for k, v in d.items()} for d in history]})
        print_json(data)
        return
    province = " → ".join(dict.fromkeys(p for p in (item.get("province_historical"), item.get("province_current"))
                                        if p)) or "—"
    date = item["published_date"].isoformat() if item.get("published_date") else "không rõ"
    source = DATE_SOURCE_LABELS.get(item.get("date_source") or "", item.get("date_source") or "?")
    if item.get("published_date") and item.get("published_date") != item.get("extracted_date"):
        source = DATE_SOURCE_LABELS["reviewer"]
    lines = [
        f"[{item['id']}] {evidence.as_text(evidence.highlight(item.get('title'), terms))}",
        f"  Trạng thái: {STATUS_LABELS.get(item['status'], item['status'])} ({item.get('decided_by')})",
        f"  Báo/đài:    {item.get('source_name') or item.get('source_id')} ({item.get('source_id')}); "
        f"tỉnh/thành: {province}",
        f"  Ngày đăng:  {date} (nguồn: {source})",
        f"  Hình thức:  {FORMAT_LABELS.get(item.get('format') or '', item.get('format'))}",
        f"  Hoạt động:  {item.get('activity') or '—'} (gợi ý: {item.get('suggested_activity') or '—'}, "
        f"điểm {item['score']:.2f}, {item.get('classifier_version')})",
        f"  Lý do duyệt: {reason_labels(item.get('review_reasons'))}",
        f"  Bài gốc:    {item.get('url')}",
        f"  Bản lưu:    {archive or 'không có'}",
        f"  Từ khóa ({'bộ phân loại' if origin == 'evidence' else 'theo nội dung hoạt động'}): "
        f"{', '.join(evidence.surface_forms(body, terms)) or '—'}",
        *([f"  Bằng chứng ngược: {'; '.join(n['term'] + ' (' + n['reason'] + ')' for n in against)}"]
          if against else []),
        "",
        "  " + evidence.as_text(excerpt).replace("\n", "\n  "),
    ]
    if history:
        lines += ["", "  Lịch sử quyết định:"]
        for d in history:
            flags = [f for f, on in (("đang áp dụng", d["winning"]), ("đã hoàn tác", d["undone"]),
                                     ("chưa xuất bản", d["not_yet_published"])) if on]
            detail = " ".join(str(x) for x in (d.get("activity"), d.get("format"), d.get("published_date"))
                              if x)
            lines.append(f"   {vn_time(d['decided_at'])} {d['reviewer']}: "
                         f"{ACTION_LABELS.get(d['action'], d['action'])} {detail}"
                         f"{' — ' + d['note'] if d.get('note') else ''}"
                         f"{' (' + ', '.join(flags) + ')' if flags else ''}")
    typer.echo("\n".join(lines))


def _report_sync(published: bool) -> None:
    if published:
        typer.echo("Đã cập nhật: báo cáo và hàng chờ đã phản ánh quyết định.")
    else:
        typer.echo("Kho dữ liệu đang bận (một tác vụ khác đang ghi): quyết định đã được lưu trong nhật ký duyệt "
                   "và sẽ có trong báo cáo ngay khi tác vụ đó xong.")


def _sync(paths: Paths, lock_timeout: float, no_sync: bool) -> None:
    from pipeline.review.decisions import sync

    if no_sync:
        typer.echo("Đã lưu trong nhật ký duyệt; sẽ có trong báo cáo sau lần chạy tới (hoặc 'planwatch review sync').")
        return
    try:
        published = sync(paths, lock_timeout)
    except Exception as exc:  # the decision is already durable in the journal: report, do not fail
        typer.echo(f"Đã lưu trong nhật ký duyệt, nhưng chưa cập nhật được báo cáo ({exc}); lần chạy tới sẽ nạp "
                   "quyết định (hoặc thử lại: 'planwatch review sync').", err=True)
        return
    _report_sync(published)


def decide(
    item_id: str = typer.Argument(..., metavar="ID", help="Queue id (from 'review list') or doc_id."),
    confirm: bool = typer.Option(False, "--confirm", help="Xác nhận: count it (with --activity/--format)."),
    reject: bool = typer.Option(False, "--reject", help="Loại: not about the plan's activities."),
    reopen: bool = typer.Option(False, "--reopen", help="Mở lại: put a counted or rejected item back in the queue."),
    activity: str = typer.Option(None, "--activity", help="The activity (1, 2a, 2b); default: the suggested one."),
    fmt: str = typer.Option(None, "--format", help="article or report; default: the detected one."),
    date: str = typer.Option(None, "--date", help="Correct the publication date (YYYY-MM-DD)."),
    note: str = typer.Option(None, "--note", help="A note kept with the decision."),
    reviewer: str = typer.Option(..., "--reviewer", envvar=REVIEWER_ENV, help="Who decides (kept with it)."),
    plan: str = typer.Option(None, "--plan", help="The plan, when a doc_id is tagged for several."),
    lock_timeout: float = typer.Option(0.5, "--lock-timeout", help="Seconds to wait for the writer to publish."),
    no_sync: bool = typer.Option(False, "--no-sync", help="Only record; publish with the next run."),
) -> None:
    """Record a decision (append-only, with time and reviewer). The latest decision wins over the classifier."""
    from pipeline.review.decisions import DecisionError, make_decision, record
    from pipeline.review.queue import resolve

    chosen = [name for name, on in (("confirm", confirm), ("reject", reject), ("reopen", reopen)) if on]
    if len(chosen) != 1:
        fail("chọn đúng một trong --confirm (xác nhận), --reject (loại) hoặc --reopen (mở lại)")
    paths = Paths.from_env()
    with _state(paths) as state:
        try:
            item = resolve(state, item_id, plan)
            decision = make_decision(item, chosen[0], reviewer, activities=state.activity_ids(item["plan_id"]),
                                     activity=activity, fmt=fmt, date=date, note=note)
        except (LookupError, DecisionError) as exc:
            fail(message(exc))
    record(paths, decision)
    what = ", ".join(x for x in (f"hoạt động {decision['activity']}" if decision["activity"] else "",
                                 SHORT_FORMATS.get(decision["format"] or "", decision["format"] or ""),
                                 f"ngày {decision['published_date']}" if decision["published_date"] else "") if x)
    typer.echo(f"Đã ghi: {ACTION_DONE.get(decision['action'], decision['action'])} mục {item['id']}"
               f"{' (' + what + ')' if what else ''} — người duyệt {decision['reviewer']} "
               f"[{decision['decision_id']}].")
    _sync(paths, lock_timeout, no_sync)


def undo(
    item_id: str = typer.Argument(..., metavar="ID", help="Queue id or doc_id."),
    reviewer: str = typer.Option(..., "--reviewer", envvar=REVIEWER_ENV, help="Whose latest decision to cancel."),
    plan: str = typer.Option(None, "--plan", help="The plan, when a doc_id is tagged for several."),
    lock_timeout: float = typer.Option(0.5, "--lock-timeout", help="Seconds to wait for the writer to publish."),
    no_sync: bool = typer.Option(False, "--no-sync", help="Only record; publish with the next run."),
) -> None:
    """Cancel your latest decision on an item (recorded as an 'undo' row; nothing is deleted)."""
    from pipeline.review.decisions import DecisionError, make_undo, record
    from pipeline.review.queue import resolve

    paths = Paths.from_env()
    with _state(paths) as state:
        try:
            item = resolve(state, item_id, plan)
            decision = make_undo(item, state.history(item), reviewer)
        except (LookupError, DecisionError) as exc:
            fail(message(exc))
    record(paths, decision)
    typer.echo(f"Đã ghi: hoàn tác quyết định {decision['undoes']} trên mục {item['id']} — người duyệt "
               f"{decision['reviewer']}.")
    _sync(paths, lock_timeout, no_sync)


def import_cmd(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="CSV: id, decision, activity, format, date, note."),
    reviewer: str = typer.Option(..., "--reviewer", envvar=REVIEWER_ENV, help="Who decided (kept with each row)."),
    lock_timeout: float = typer.Option(0.5, "--lock-timeout", help="Seconds to wait for the writer to publish."),
    no_sync: bool = typer.Option(False, "--no-sync", help="Only record; publish with the next run."),
) -> None:
    """Apply decisions from a CSV (Excel: 'CSV UTF-8'). Bad rows are reported by line; the others apply."""
    from pipeline.review.csvio import import_decisions
    from pipeline.review.decisions import DecisionError, clean_reviewer

    try:
        reviewer = clean_reviewer(reviewer)
    except DecisionError as exc:
        fail(str(exc))
    paths = Paths.from_env()
    with _state(paths) as state:
        result = import_decisions(file, reviewer, lambda: state)
    for line, problem in result.errors:
        typer.echo(f"{file.name}: dòng {line}: {problem}", err=True)
    typer.echo(f"Đã áp dụng {len(result.applied)} quyết định; bỏ qua {result.skipped} dòng không có quyết định; "
               f"{len(result.errors)} dòng lỗi.")
    if result.applied:
        _sync(paths, lock_timeout, no_sync)
    if result.errors:
        raise typer.Exit(1)


def export_cmd(
    file: Path = typer.Argument(..., dir_okay=False, help="Where to write the CSV (UTF-8 with BOM, for Excel)."),
    activity: str = typer.Option(None, "--activity", help="Only items of this activity."),
    source: str = typer.Option(None, "--source", help="Only this outlet."),
) -> None:
    """Write the queue as CSV for Excel; fill in 'decision' (xác nhận / loại) and import it back."""
    from pipeline.review.csvio import export_queue
    from pipeline.review.queue import Filters

    with _state() as state:
        _check_filters(state, activity=activity, source=source)
        rows = state.queue(Filters(activity=activity, source=source))
    n = export_queue(rows, file)
    typer.echo(f"Đã ghi {n} mục vào {file}")


def sync_cmd(
    wait: float = typer.Option(600.0, "--wait", help="Seconds to wait for the writer lock."),
) -> None:
    """Fold the review journal into the warehouse and publish a snapshot (waits for the writer)."""
    from pipeline.locking import LockTimeout
    from pipeline.review.decisions import sync

    try:
        published = sync(Paths.from_env(), wait, background=False)
    except LockTimeout as exc:  # pragma: no cover - sync() handles it
        fail(str(exc))
    if not published:
        fail(f"kho dữ liệu bận suốt {wait:.0f} giây; các quyết định vẫn an toàn trong nhật ký duyệt", code=1)
    typer.echo("Đã cập nhật báo cáo.")


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback unless a token is set)."),
    port: int = typer.Option(8787, "--port", help="Port."),
    token: str = typer.Option(None, "--token", envvar="PLANWATCH_REVIEW_TOKEN",
                              help="Access token; required when bound to anything but loopback."),
) -> None:
    """The review web page (Vietnamese): queue, filters, item view with keyboard shortcuts."""
    from pipeline.review.web.app import ServeError
    from pipeline.review.web.app import serve as run

    try:
        run(Paths.from_env(), host=host, port=port, token=token)
    except ServeError as exc:
        fail(str(exc))


def register(app: typer.Typer) -> None:
    """Add this subsystem's commands to the main app."""
    review_app.command("list")(list_cmd)
    review_app.command()(show)
    review_app.command()(decide)
    review_app.command()(undo)
    review_app.command("import")(import_cmd)
    review_app.command("export")(export_cmd)
    review_app.command("sync")(sync_cmd)
    review_app.command()(serve)
    app.add_typer(review_app, name="review")

