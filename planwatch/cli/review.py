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
               "activity", "format", "score", "review_reasons", "status", "days_to_window_end",
               # the story (issue 15): the item stands for every copy; a decision reaches them all
               "story_id", "representative_doc_id", "copy_count", "outlets", "copies", "decision_scope")
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


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {key: _plain(row.get(key)) for key in LIST_FIELDS}


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
    from pipeline.review.queuepage import list_rows

    try:
        filters = Filters(activity=activity, source=source, province=province, date_from=parse_date(since),
                          date_to=parse_date(until), plan_id=plan)
    except DecisionError as exc:
        fail(str(exc))
    with _state() as state:
        _check_filters(state, activity=activity, source=source, plan=plan)
        rows = list_rows(state, filters, limit)  # ordered and cut in SQL: only the listed items are read
    if fmt is ListFormat.json:
        print_json([_jsonable(r) for r in rows])
        return
    if not rows:
        typer.echo("Hàng chờ duyệt trống: không có mục nào chờ duyệt" + (" theo bộ lọc này." if
                   any((activity, source, province, since, until, plan)) else "."))
        return
    header = ["ID", "Ngày đăng", "Báo/đài", "Bản", "HĐ", "Hình thức", "Điểm", "Tiêu đề"]
    body = [[r["id"], r["published_date"].strftime("%d/%m/%Y") if r.get("published_date") else "—",
             _short(r.get("source_name") or r.get("source_id"), 22), str(r.get("copy_count") or 1),
             r.get("activity") or "—", SHORT_FORMATS.get(r.get("format") or "", r.get("format") or ""),
             f"{r['score']:.2f}" if r.get("score") is not None else "",
             _short(r.get("title"), 60)] for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    typer.echo(f"Hàng chờ duyệt: {len(rows)} mục (mỗi mục là một tin; cột Bản: số bản đăng của tin, quyết định áp "
               "dụng cho mọi bản)")
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
    from pipeline.review.queue import resolve

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
    lines = _item_lines(item, terms, origin, body, archive, excerpt, against)
    typer.echo("\n".join(lines + _copy_lines(item) + _history_lines(item, history)))


def _item_lines(item: dict[str, Any], terms: list[str], origin: str, body: str, archive: Any, excerpt: Any,
                against: list[dict[str, Any]]) -> list[str]:
    """`review show`'s table: the item's facts, its evidence terms and the excerpt."""
    from pipeline.review import evidence
    from pipeline.review.queue import DATE_SOURCE_LABELS, FORMAT_LABELS, STATUS_LABELS, reason_labels

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
    return lines


def _copy_lines(item: dict[str, Any]) -> list[str]:
    """The story's copies on other outlets (a decision applies to all but a copy's own override)."""
    from pipeline.review.queue import STATUS_LABELS

    lines: list[str] = []
    copies = item.get("copies") or []
    if len(copies) > 1:
        lines += ["", f"  Các bản của tin này ({len(copies)}; quyết định áp dụng cho mọi bản, trừ bản ghi đè riêng):"]
        for c in copies:
            day = c["published_date"].isoformat() if c.get("published_date") else "—"
            mark = " (ghi đè riêng)" if c.get("override") else ""
            lines.append(f"   [{c['id']}] {day} {c.get('source_name') or c.get('source_id')}: "
                         f"{STATUS_LABELS.get(c.get('status') or '', c.get('status'))}{mark} — {c.get('url')}")
    return lines


def _history_lines(item: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    """The decisions so far, with what each one does now."""
    from pipeline.review.queue import ACTION_LABELS, vn_time

    lines: list[str] = []
    if history:
        lines += ["", "  Lịch sử quyết định:"]
        for d in history:
            flags = [f for f, on in (("đang áp dụng", d["winning"]), ("đã hoàn tác", d["undone"]),
                                     ("chưa xuất bản", d["not_yet_published"]),
                                     ("chỉ bản này", d.get("scope") == "copy"),
                                     ("quyết định trên bản khác của tin", d.get("decided_doc_id") != item["doc_id"]))
                     if on]
            detail = " ".join(str(x) for x in (d.get("activity"), d.get("format"), d.get("published_date"))
                              if x)
            lines.append(f"   {vn_time(d['decided_at'])} {d['reviewer']}: "
                         f"{ACTION_LABELS.get(d['action'], d['action'])} {detail}"
                         f"{' — ' + d['note'] if d.get('note') else ''}"
                         f"{' (' + ', '.join(flags) + ')' if flags else ''}")
    return lines


def _report_sync(published: bool) -> None:
    if published:
        typer.echo("Đã cập nhật: báo cáo và hàng chờ đã phản ánh quyết định.")
    else:
        typer.echo("Kho dữ liệu đang bận (một tác vụ khác đang ghi): quyết định đã được lưu trong nhật ký duyệt "
                   "và sẽ có trong báo cáo ngay khi tác vụ đó xong.")


@contextmanager
def _decide_state(paths: Paths, ref: str) -> Iterator[Any]:
    """The review state `decide` resolves its item in. With the lake, the coverage file when it holds the
    item (the counted, pending and decided rows: no extension to load, no scan of every classification);
    otherwise, and for any other item, the published state as `_state`."""
    from pipeline import coverage_file, lake
    from pipeline.review.queue import ReviewState

    if lake.enabled() and coverage_file.exists(paths):
        conn = coverage_file.open_reader(paths)
        try:
            state = ReviewState.load(conn, paths)
            state.with_text = False
            if state.items(ref):
                yield state
                return
        finally:
            conn.close()
    with _state(paths) as state:
        yield state


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
    copy_only: bool = typer.Option(False, "--copy-only",
                                   help="Decide this copy only (override the story's decision for it)."),
) -> None:
    """Record a decision (append-only, with time and reviewer). The latest decision wins over the classifier.
    A decision applies to every copy of the item's story (copies found later included), unless --copy-only."""
    from pipeline.review.decisions import DecisionError, make_decision, record
    from pipeline.review.queue import resolve

    chosen = [name for name, on in (("confirm", confirm), ("reject", reject), ("reopen", reopen)) if on]
    if len(chosen) != 1:
        fail("chọn đúng một trong --confirm (xác nhận), --reject (loại) hoặc --reopen (mở lại)")
    paths = Paths.from_env()
    with _decide_state(paths, item_id) as state:
        try:
            item = resolve(state, item_id, plan)
            decision = make_decision(item, chosen[0], reviewer, activities=state.activity_ids(item["plan_id"]),
                                     activity=activity, fmt=fmt, date=date, note=note,
                                     scope="copy" if copy_only else "story")
        except (LookupError, DecisionError) as exc:
            fail(message(exc))
    record(paths, decision)
    what = ", ".join(x for x in (f"hoạt động {decision['activity']}" if decision["activity"] else "",
                                 SHORT_FORMATS.get(decision["format"] or "", decision["format"] or ""),
                                 f"ngày {decision['published_date']}" if decision["published_date"] else "") if x)
    copies = item.get("copy_count") or 1
    reach = "chỉ bản này" if copy_only else f"cả tin, {copies} bản"
    typer.echo(f"Đã ghi: {ACTION_DONE.get(decision['action'], decision['action'])} mục {item['id']}"
               f"{' (' + what + ')' if what else ''} — người duyệt {decision['reviewer']} "
               f"[{decision['decision_id']}], áp dụng cho {reach}.")
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
    from pipeline.review.queuepage import export_rows

    with _state() as state:
        _check_filters(state, activity=activity, source=source)
        n = export_queue(export_rows(state, Filters(activity=activity, source=source)), file)  # streamed
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
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback unless TLS or a proxy)."),
    port: int = typer.Option(8787, "--port", help="Port."),
    tls_cert: Path = typer.Option(None, "--tls-cert", help="TLS certificate (PEM); required off loopback "
                                  "unless --behind-proxy."),
    tls_key: Path = typer.Option(None, "--tls-key", help="TLS private key (PEM)."),
    behind_proxy: bool = typer.Option(False, "--behind-proxy", help="A TLS proxy in front: only requests from "
                                      "--trusted-proxy with X-Forwarded-Proto: https are served."),
    trusted_proxy: list[str] = typer.Option(["127.0.0.1", "::1"], "--trusted-proxy",
                                            help="The proxy's address (repeat for several)."),
    reviewer: str = typer.Option(None, "--reviewer", envvar=REVIEWER_ENV,
                                 help="Name for the one-time local login code (default: your user name)."),
    token: str = typer.Option(None, "--token", hidden=True, envvar="PLANWATCH_REVIEW_TOKEN"),
) -> None:
    """The review web page (Vietnamese): queue, filters, item view with keyboard shortcuts. Reviewers log in
    with their own token ('review token add'); on loopback a one-time code is printed for you."""
    from pipeline.review.web.app import ServeError
    from pipeline.review.web.app import serve as run

    if token:
        fail("the shared --token (PLANWATCH_REVIEW_TOKEN) was replaced by per-reviewer tokens: create one with "
             "'planwatch review token add NAME' and log in with it (docs/review.md)")
    try:
        run(Paths.from_env(), host=host, port=port, tls_cert=str(tls_cert) if tls_cert else None,
            tls_key=str(tls_key) if tls_key else None, behind_proxy=behind_proxy,
            trusted_proxies=tuple(trusted_proxy), local_reviewer=reviewer)
    except ServeError as exc:
        fail(str(exc))


token_app = typer.Typer(help="Reviewer tokens for the review web page (stored hashed).", no_args_is_help=True)


@token_app.command("add")
def token_add(
    name: str = typer.Argument(..., help="The reviewer's name, as recorded with each decision."),
    admin: bool = typer.Option(False, "--admin", help="May undo other reviewers' decisions on the web page."),
) -> None:
    """Create a login token for a reviewer. It is printed once: hand it over privately."""
    from pipeline.review.tokens import TokenError, add

    try:
        record, secret = add(Paths.from_env(), name, admin=admin)
    except TokenError as exc:
        fail(str(exc))
    typer.echo(f"Token {record.token_id} for {record.name}{' (admin)' if record.admin else ''} — shown only once:")
    typer.echo(secret)


@token_app.command("list")
def token_list(fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json.")) -> None:
    """The reviewers' tokens (id, name, admin, created, revoked); never the tokens themselves."""
    from pipeline.review.tokens import TokenError, load, public

    try:
        rows = [public(r) for r in load(Paths.from_env())]
    except TokenError as exc:
        fail(str(exc))
    if fmt is ListFormat.json:
        print_json(rows)
        return
    if not rows:
        typer.echo("No reviewer tokens yet: planwatch review token add NAME")
    for r in rows:
        state = f"revoked {r['revoked_at']}" if r["revoked_at"] else "active"
        typer.echo(f"{r['id']}  {r['name']}{'  (admin)' if r['admin'] else ''}  created {r['created_at']}  {state}")


@token_app.command("revoke")
def token_revoke(who: str = typer.Argument(..., help="A token id, or a reviewer name (all their tokens).")) -> None:
    """Revoke a token (or all of a reviewer's): their web sessions end at once."""
    from pipeline.review.tokens import TokenError, revoke

    try:
        done = revoke(Paths.from_env(), who)
    except TokenError as exc:
        fail(str(exc))
    for r in done:
        typer.echo(f"Revoked {r.token_id} ({r.name}).")


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
    review_app.add_typer(token_app, name="token")
    app.add_typer(review_app, name="review")

