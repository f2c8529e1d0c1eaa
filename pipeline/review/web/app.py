"""The review web page: Starlette + Jinja2, served by uvicorn. Vietnamese UI, keyboard first.

Security model (see docs/review.md):
- every page needs a logged-in reviewer (pipeline.review.web.auth): a per-reviewer token from
  `planwatch review token add NAME` posted to the login form (never in a URL), or the one-time code that
  `review serve` prints on loopback; then a session cookie (HttpOnly, SameSite=Strict, Secure off loopback).
  A decision records the logged-in reviewer; an undo cancels only one's own decision unless one is admin;
- bound to 127.0.0.1 by default, where the Host header must be a loopback name (DNS-rebinding guard). Any
  other address needs TLS (--tls-cert/--tls-key) or --behind-proxy, where every request must come from a
  trusted proxy address with `X-Forwarded-Proto: https`; refused otherwise;
- request bodies are read as a stream and refused past 64 KB (413) without reading the rest;
- CSRF: a per-session random token in an HttpOnly SameSite=Strict cookie and in every form (double
  submit), compared in constant time; a POST without it, or from another Origin, gets 403;
- everything crawled is escaped by Jinja2 autoescape; links to originals are http(s) only;
- the archived page is never served as live HTML to the app's origin: it is sent with a CSP `sandbox`
  header (no scripts, no requests) and shown in an `<iframe sandbox="">`;
- strict headers: CSP default-src 'self' (no inline script or style, no third-party anything),
  frame-ancestors 'none', X-Content-Type-Options nosniff, no referrer.
"""

from __future__ import annotations

import contextlib
import gzip
import hmac
import ipaddress
import re
import secrets
import threading
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.review import evidence, tokens
from pipeline.review.decisions import DecisionError, make_decision, make_undo, parse_date, record, sync
from pipeline.review.filtercheck import FilterError, check_filters, known_sources
from pipeline.review.labels import labelled
from pipeline.review.queue import (
    ACTION_LABELS,
    DATE_SOURCE_LABELS,
    FORMAT_LABELS,
    STATUS_LABELS,
    Filters,
    ReviewState,
    reason_labels,
    resolve,
    vn_time,
)
from pipeline.review.queuepage import around, read_page
from pipeline.review.web.auth import SESSION_COOKIE, Auth
from pipeline.snapshot import NoSnapshot, open_snapshot
from planwatch.config import Paths

HERE = Path(__file__).parent
CSRF_COOKIE = "pw_csrf"
MAX_BODY = 64 * 1024
PUBLIC_PATHS = ("/login",)  # and /static/: everything else needs a logged-in reviewer
TRUSTED_PROXIES = ("127.0.0.1", "::1")
MAX_ARCHIVE = 8 * 1024 * 1024
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'")
ARCHIVE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'"
FILTER_KEYS = ("activity", "source", "province", "from", "to")
MESSAGES = {"confirm": "Đã xác nhận", "reject": "Đã loại", "reopen": "Đã mở lại", "undo": "Đã hoàn tác"}


class ServeError(RuntimeError):
    """The server refuses to start (e.g. a public bind without TLS)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# -- background publishing ------------------------------------------------------------------------------
class Syncer:
    """Folds the journal into the warehouse after decisions, off the request path, coalescing bursts.
    If the writer is busy, decisions.sync() leaves a waiter process; decisions are already durable."""

    def __init__(self, paths: Paths, enabled: bool = True) -> None:
        self.paths, self.enabled = paths, enabled
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.enabled and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="review-sync", daemon=True)
            self._thread.start()

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                break
            with contextlib.suppress(Exception):  # the decision is in the journal whatever happens here
                sync(self.paths, lock_timeout=0.2)


# -- helpers --------------------------------------------------------------------------------------------
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["vndate"] = lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}" if d else "—"
    env.filters["vntime"] = vn_time
    env.filters["isodate_vn"] = lambda s: "/".join(reversed(s.split("-"))) if s else "—"
    env.filters["reasons_vi"] = reason_labels
    env.globals.update(FORMAT_LABELS=FORMAT_LABELS, STATUS_LABELS=STATUS_LABELS, ACTION_LABELS=ACTION_LABELS,
                       DATE_SOURCE_LABELS=DATE_SOURCE_LABELS)
    return env


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the app (a crawled 'javascript:' URL is not a link)."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _filters_from(params: Any) -> tuple[Filters, dict[str, str]]:
    raw = {k: (params.get(k) or "").strip()[:200] for k in FILTER_KEYS}
    raw = {k: v for k, v in raw.items() if v}
    try:
        date_from, date_to = parse_date(raw.get("from")), parse_date(raw.get("to"))
    except DecisionError as exc:  # a filter the reviewer typed is answered, never silently dropped
        raise HTTPException(400, f"Bộ lọc ngày không hợp lệ: {exc}") from None
    return Filters(activity=raw.get("activity"), source=raw.get("source"), province=raw.get("province"),
                   date_from=date_from, date_to=date_to), raw


def _qs(raw: dict[str, str], **extra: str) -> str:
    data = {**raw, **{k: v for k, v in extra.items() if v}}
    return ("?" + urllib.parse.urlencode(data)) if data else ""


def _reviewer(request: Request) -> str:
    who = getattr(request.state, "reviewer", None)
    return who.name if who is not None else ""


async def _body(request: Request) -> bytes:
    """The request body, read as a stream: refused (413) as soon as it passes MAX_BODY, so a client cannot
    make the server hold (or wait for) more than that."""
    declared = request.headers.get("content-length")
    if declared and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise HTTPException(413, "Dữ liệu gửi lên quá lớn.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPException(413, "Dữ liệu gửi lên quá lớn.")
        chunks.append(chunk)
    return b"".join(chunks)


async def _form(request: Request) -> dict[str, str]:
    """The urlencoded body of a POST, after the CSRF check (double submit, constant time) -> 403."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = urllib.parse.urlsplit(origin).netloc
        if host != request.headers.get("host"):
            raise HTTPException(403, "Yêu cầu từ trang khác bị từ chối.")
    body = await _body(request)
    try:
        parsed = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "Dữ liệu gửi lên không hợp lệ.") from None
    form = {k: v[0] for k, v in parsed.items()}
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get("csrf", "")
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise HTTPException(403, "Thiếu hoặc sai mã bảo vệ (CSRF). Hãy tải lại trang rồi thử lại.")
    return form


# -- middleware -----------------------------------------------------------------------------------------
class Guard(BaseHTTPMiddleware):
    """Host or proxy check, the logged-in reviewer, CSRF cookie issue, and the security headers on every
    response."""

    def __init__(self, app: Any, auth: Auth, loopback: bool, secure: bool,
                 trusted_proxies: tuple[str, ...] | None) -> None:
        super().__init__(app)
        self.auth, self.loopback, self.secure, self.trusted_proxies = auth, loopback, secure, trusted_proxies

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await self._checked(request, call_next)
        headers = response.headers
        headers.setdefault("Content-Security-Policy", PAGE_CSP)
        headers.setdefault("X-Frame-Options", "DENY")
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Cross-Origin-Resource-Policy"] = "same-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        headers.setdefault("Cache-Control", "no-store")
        if self.secure:
            headers["Strict-Transport-Security"] = "max-age=31536000"
        if getattr(request.state, "new_csrf", None):
            response.set_cookie(CSRF_COOKIE, request.state.csrf, httponly=True, samesite="strict", path="/",
                                secure=self.secure)
        return response

    async def _checked(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if self.trusted_proxies is not None:  # --behind-proxy: only the proxy may talk to us, over https
            peer = request.client.host if request.client else ""
            if peer not in self.trusted_proxies:
                return HTMLResponse("Chỉ nhận yêu cầu qua proxy tin cậy.", status_code=403)
            if request.headers.get("x-forwarded-proto", "").lower() != "https":
                return HTMLResponse("Proxy phải gửi X-Forwarded-Proto: https.", status_code=400)
        elif self.loopback:
            host = (request.headers.get("host") or "").rsplit(":", 1)[0]
            if not is_loopback(host):
                return HTMLResponse("Host không hợp lệ.", status_code=400)
        csrf = request.cookies.get(CSRF_COOKIE, "")
        request.state.new_csrf = len(csrf) < 32
        request.state.csrf = secrets.token_urlsafe(32) if request.state.new_csrf else csrf
        bearer = request.headers.get("authorization", "")
        who = self.auth.current(request.cookies.get(SESSION_COOKIE)) or (
            self.auth.bearer(bearer[7:].strip()) if bearer.lower().startswith("bearer ") else None)
        request.state.reviewer = who
        path = request.url.path
        if who is None and path not in PUBLIC_PATHS and not path.startswith("/static/"):
            if request.method in ("GET", "HEAD"):
                target = path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/login?" + urllib.parse.urlencode({"next": target}), status_code=303)
            return HTMLResponse("<!doctype html><meta charset=utf-8><title>Cần đăng nhập</title>"
                                "<p>Cần đăng nhập: <a href=\"/login\">đăng nhập</a> bằng mã người duyệt.</p>",
                                status_code=401)
        return await call_next(request)


# -- the application: module-level handlers over one AppState --------------------------------------------
@dataclass(frozen=True)
class AppState:
    """What every handler shares, kept on ``app.state.review``: where the state lives, the templates, the
    background publisher, the reviewers' sessions and whether cookies are https-only."""

    paths: Paths
    env: jinja2.Environment
    syncer: Syncer
    auth: Auth
    secure: bool


def _app_state(request: Request) -> AppState:
    state: AppState = request.app.state.review
    return state


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("error", None)
    ctx.setdefault("flash", None)
    template = _app_state(request).env.get_template(name)
    return HTMLResponse(template.render(csrf=request.state.csrf, reviewer=_reviewer(request), **ctx),
                        status_code=status)


def _read_state(paths: Paths, fn: Callable[[ReviewState], Any]) -> Any:
    with open_snapshot(paths) as conn:
        return fn(ReviewState.load(conn, paths))


async def with_state(request: Request, fn: Callable[[ReviewState], Any]) -> Any:
    """fn over the review state of the published snapshot, DuckDB work off the event loop."""
    return await run_in_threadpool(_read_state, _app_state(request).paths, fn)


def flash_of(request: Request, state: ReviewState) -> dict[str, Any] | None:
    done, last = request.query_params.get("done"), request.query_params.get("last")
    if done not in MESSAGES or not last:
        return None
    found = state.items(last)
    return {"text": MESSAGES[done], "item": found[0] if found else None, "action": done}


def queue_context(request: Request, state: ReviewState, filters: Filters, raw: dict[str, str]) -> dict[str, Any]:
    """The queue page: the items the filters accept, the filter choices, recent decisions."""
    problem = None
    try:
        check_filters(state.activities, known_sources(state.conn), activity=filters.activity,
                      source=filters.source)
    except FilterError as exc:  # say so and list the valid values, instead of an empty queue
        problem = _vi_error(str(exc))
        filters.activity = filters.source = None
        raw.pop("activity", None)
        raw.pop("source", None)
    page = read_page(state, filters)  # one page, ordered and counted in SQL
    return {"rows": page.rows, "total": page.total, "filtered": page.filtered, "sources": page.sources,
            "provinces": page.provinces,
            "activities": labelled(state.activities), "flash": flash_of(request, state),
            "recent": state.recent(20), "error": problem}


async def queue_page(request: Request) -> Response:
    filters, raw = _filters_from(request.query_params)
    ctx = await with_state(request, lambda state: queue_context(request, state, filters, raw))
    return render(request, "queue.html", status=400 if ctx["error"] else 200, raw=raw, qs=_qs(raw), **ctx)


def item_context(state: ReviewState, ref: str, raw: dict[str, str], filters: Filters) -> dict[str, Any]:
    """One item's page: its place in the filtered queue, the evidence marked in its text, its history."""
    item = resolve(state, ref)
    place = around(state, filters, item["id"])  # its neighbours, found in SQL
    pos, prev_id, next_id = place["position"], place["prev_id"], place["next_id"]
    terms, origin = evidence.item_terms(item.get("evidence"),
                                        state.activity_content(item["plan_id"], item.get("suggested_activity")))
    body = f"{item.get('title') or ''}\n{item.get('text') or item.get('lead') or ''}"
    if origin == "activity":  # show only the activity words that occur
        terms = [t for t in terms if evidence.find_spans(body, [t])]
    against = [n for n in evidence.negative_terms(item.get("evidence")) if evidence.find_spans(body, [n["term"]])]
    for n in against:
        n["term"] = evidence.surface_forms(body, [n["term"]])[0]
    archive = state.archive_path(item)
    scores = _activity_scores(item.get("activity_scores"))
    activities = [{**a, "score": scores.get(a["activity_id"])}
                  for a in labelled(state.activities) if a["plan_id"] == item["plan_id"]]
    return {
        "item": item, "total": place["total"], "position": pos, "filtered": place["filtered"],
        "prev_id": prev_id, "next_id": next_id, "history": state.history(item),
        "title_parts": evidence.highlight_marked(item.get("title"), terms, against),
        "excerpt": evidence.excerpt_marked(item.get("text") or item.get("lead"), terms, against),
        "full_parts": evidence.highlight_marked(item.get("text") or "", terms, against),
        "terms": evidence.surface_forms(body, terms), "terms_origin": origin, "against": against,
        "url": safe_url(item.get("url")), "has_archive": bool(archive),
        "activities": activities, "has_scores": bool(scores),
        "date_corrected": bool(item.get("published_date") and item.get("published_date")
                               != item.get("extracted_date")),
        "model": evidence.model_summary(item.get("evidence")),
    }


async def item_page(request: Request) -> Response:
    filters, raw = _filters_from(request.query_params)
    ref = request.path_params["item_id"]

    def build(state: ReviewState) -> dict[str, Any]:
        ctx = item_context(state, ref, raw, filters)
        ctx["flash"] = flash_of(request, state)
        return ctx

    try:
        ctx = await with_state(request, build)
    except LookupError:
        raise HTTPException(404, "Không tìm thấy mục này.") from None
    return render(request, "item.html", raw=raw, qs=_qs(raw), **ctx)


async def open_item(request: Request) -> Response:
    """The 'open by id' box: a queue id or a doc_id, e.g. to reopen a counted item."""
    ref = (request.query_params.get("ref") or "").strip()[:200]
    return RedirectResponse(f"/item/{urllib.parse.quote(ref, safe='')}" if ref else "/", status_code=303)


def make_form_decision(state: ReviewState, ref: str, form: dict[str, str], who: tokens.Reviewer) -> Any:
    """The decision a posted form asks for, by the logged-in reviewer (never a name from the form)."""
    item = resolve(state, ref)
    action = form.get("action", "")
    if action == "undo":
        return make_undo(item, state.history(item), who.name, any_reviewer=who.admin)
    confirm = action == "confirm"  # reject / reopen keep only what the reviewer changed
    return make_decision(item, action, who.name, activities=state.activity_ids(item["plan_id"]),
                         activity=form.get("activity") if confirm else _changed(form, "activity"),
                         fmt=form.get("format") if confirm else _changed(form, "format"),
                         date=_changed(form, "date"), note=form.get("note"),
                         scope="copy" if form.get("scope") == "copy" else "story")


async def decide(request: Request) -> Response:
    form = await _form(request)
    _, raw = _filters_from(_carried(form))
    ref = request.path_params["item_id"]
    action = form.get("action", "")
    who = request.state.reviewer  # the logged-in reviewer, never a name from the form
    try:
        decision = await with_state(request, lambda state: make_form_decision(state, ref, form, who))
    except LookupError:
        raise HTTPException(404, "Không tìm thấy mục này.") from None
    except DecisionError as exc:
        filters, raw = _filters_from(_carried(form))
        ctx = await with_state(request, lambda s: item_context(s, ref, raw, filters))
        return render(request, "item.html", status=400, raw=raw, qs=_qs(raw), error=_vi_error(str(exc)),
                      **ctx)
    app = _app_state(request)
    await run_in_threadpool(record, app.paths, decision)
    app.syncer.poke()
    next_id = form.get("next", "")
    if action == "undo" or not next_id or not all(c.isalnum() or c in "-_." for c in next_id):
        target = f"/item/{urllib.parse.quote(ref)}" if action == "undo" else "/"
    else:
        target = f"/item/{urllib.parse.quote(next_id)}"
    return RedirectResponse(target + _qs(raw, done=action, last=ref), status_code=303)


def _next(value: str | None) -> str:
    """Where to go after login: a local path only (no //host, no scheme)."""
    value = (value or "/").strip()
    ok = value.startswith("/") and not value.startswith("//") and "\\" not in value
    return value if ok and not any(ord(c) < 33 for c in value) else "/"


async def login_page(request: Request) -> Response:
    if request.state.reviewer is not None:
        return RedirectResponse(_next(request.query_params.get("next")), status_code=303)
    return render(request, "login.html", next=_next(request.query_params.get("next")),
                  code=(request.query_params.get("code") or "")[:100])


async def login(request: Request) -> Response:
    form = await _form(request)
    target = _next(form.get("next"))
    app = _app_state(request)
    found = await run_in_threadpool(app.auth.login, form.get("token", ""))
    if found is None:
        return render(request, "login.html", status=401, next=target, code="",
                      error="Mã đăng nhập không đúng, đã dùng hoặc đã bị thu hồi.")
    sid, _ = found
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="strict", secure=app.secure, path="/")
    return response


async def logout(request: Request) -> Response:
    await _form(request)
    app = _app_state(request)
    app.auth.logout(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=app.secure, httponly=True, samesite="strict")
    return response


async def archive(request: Request) -> Response:
    ref = request.path_params["item_id"]

    def find(state: ReviewState) -> Path | None:
        return state.archive_path(resolve(state, ref))

    try:
        path = await with_state(request, find)
    except LookupError:
        path = None
    if path is None:
        raise HTTPException(404, "Không có bản lưu trữ.")
    with gzip.open(path, "rb") as fh:
        body = fh.read(MAX_ARCHIVE)
    return Response(body, headers={"content-type": _archive_type(body), "Content-Security-Policy": ARCHIVE_CSP,
                                   "X-Frame-Options": "SAMEORIGIN"})


async def coverage_page(request: Request) -> Response:
    """Read-only: targets, rows, the stories behind them, the cumulative chart, source health."""
    from pipeline.daytext import parse_day
    from pipeline.report import COUNTING_RULES, today_vn
    from pipeline.review.web.coverage import coverage_context

    plan = (request.query_params.get("plan") or "").strip()[:100]
    text = (request.query_params.get("as_of") or "").strip()[:40]
    try:
        as_of = parse_day(text) if text else today_vn()
    except ValueError:
        raise HTTPException(400, f"Ngày '{text}' không hợp lệ: viết dd/mm/yyyy hoặc YYYY-MM-DD.") from None

    def build(state: ReviewState) -> dict[str, Any]:
        plans = sorted({a["plan_id"] for a in state.activities})
        chosen = plan or (plans[0] if plans else "")
        if chosen not in plans:
            raise LookupError(f"Không có kế hoạch '{chosen}'. Các kế hoạch: {', '.join(plans) or 'chưa có'}.")
        return coverage_context(state.conn, chosen, as_of, state.activities,
                                state.has_archive)

    try:
        ctx = await with_state(request, build)
    except LookupError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    return render(request, "coverage.html", rules=COUNTING_RULES, **ctx)


async def http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "Lỗi")
    csrf = getattr(request.state, "csrf", "")
    html = _app_state(request).env.get_template("error.html").render(
        status=status, detail=detail, csrf=csrf, reviewer=_reviewer(request), error=None, flash=None)
    return HTMLResponse(html, status_code=status)


async def no_snapshot(request: Request, exc: Exception) -> Response:
    html = _app_state(request).env.get_template("error.html").render(
        status=503, detail="Chưa có dữ liệu (snapshot). Hãy chạy 'planwatch init' hoặc một lần thu thập.",
        csrf="", reviewer="", error=None, flash=None)
    return HTMLResponse(html, status_code=503)


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    syncer: Syncer = app.state.review.syncer
    syncer.start()
    try:
        yield
    finally:
        syncer.stop()


def routes() -> list[Route | Mount]:
    return [
        Route("/", queue_page),
        Route("/login", login_page),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/open", open_item),
        Route("/coverage", coverage_page),
        Route("/item/{item_id}", item_page),
        Route("/item/{item_id}/decide", decide, methods=["POST"]),
        Route("/item/{item_id}/archive", archive),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]


def create_app(paths: Paths, *, host: str = "127.0.0.1", background_sync: bool = True, tls: bool = False,
               behind_proxy: bool = False, trusted_proxies: tuple[str, ...] = TRUSTED_PROXIES) -> Starlette:
    """The review app: the routes above over one AppState (app.state.review; .syncer and .auth as before)."""
    secure = tls or behind_proxy or not is_loopback(host)  # cookies only over https off loopback
    state = AppState(paths=paths, env=_env(), syncer=Syncer(paths, background_sync), auth=Auth(paths),
                     secure=secure)
    app = Starlette(routes=routes(), lifespan=lifespan,
                    middleware=[Middleware(Guard, auth=state.auth, loopback=is_loopback(host), secure=secure,
                                           trusted_proxies=tuple(trusted_proxies) if behind_proxy else None)],
                    exception_handlers={HTTPException: http_error, NoSnapshot: no_snapshot})
    app.state.review = state
    app.state.syncer = state.syncer
    app.state.auth = state.auth
    return app


def _carried(form: dict[str, str]) -> dict[str, str]:
    """The queue filters a decision form carries along (as f_<name>, apart from the decision's own fields)."""
    return {k: form.get(f"f_{k}", "") for k in FILTER_KEYS}


def _archive_type(body: bytes) -> str:
    """text/html, with charset=utf-8 when the page declares no charset but decodes as UTF-8 (most do)."""
    if re.search(rb"<meta[^>]+charset", body[:8192], re.IGNORECASE):
        return "text/html"
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html"
    return "text/html; charset=utf-8"


def _changed(form: dict[str, str], name: str) -> str | None:
    """A form value only when the reviewer changed it (the date field starts with the current date)."""
    value = (form.get(name) or "").strip()
    return value if value and value != (form.get(f"{name}_orig") or "").strip() else None


def _activity_scores(raw: Any) -> dict[str, float]:
    """The classifier's score per activity (classifications.activity_scores, JSON), {} when unknown."""
    import json

    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, int | float)}


def _vi_error(message: str) -> str:
    """Reviewer-facing wording: the messages are Vietnamese already; the page names its own controls."""
    if "cần tên người duyệt" in message:
        return "Hãy đăng nhập (thiếu tên người duyệt)."
    if "chưa có hoạt động gợi ý" in message:
        return "Mục này chưa có hoạt động gợi ý: hãy chọn hoạt động (phím 1/2/3) rồi xác nhận."
    if "để hoàn tác" in message:
        return f"Bạn chỉ hoàn tác được quyết định của chính mình, và bạn chưa có quyết định nào ở mục này. {message}"
    return message[:1].upper() + message[1:]


def check_bind(host: str, *, tls_cert: str | None = None, tls_key: str | None = None, behind_proxy: bool = False,
               reviewers: list[tokens.Reviewer] | None = None) -> None:
    """Refuse to serve reviewers' tokens and decisions in clear text off loopback."""
    if bool(tls_cert) != bool(tls_key):
        raise ServeError("TLS needs both --tls-cert and --tls-key")
    for path in (tls_cert, tls_key):
        if path and not Path(path).is_file():
            raise ServeError(f"TLS file not found: {path}")
    if is_loopback(host):
        return
    if not tls_cert and not behind_proxy:
        raise ServeError(f"refusing to listen on {host} without TLS: pass --tls-cert and --tls-key, or "
                         "--behind-proxy (a TLS proxy in front that sets X-Forwarded-Proto: https), or bind to "
                         "127.0.0.1")
    if not any(r.active for r in reviewers or []):
        raise ServeError("no reviewer can log in: create a token first with 'planwatch review token add NAME'")


def serve(paths: Paths, *, host: str = "127.0.0.1", port: int = 8787, tls_cert: str | None = None,
          tls_key: str | None = None, behind_proxy: bool = False,
          trusted_proxies: tuple[str, ...] = TRUSTED_PROXIES, local_reviewer: str | None = None) -> None:
    import getpass

    import uvicorn

    check_bind(host, tls_cert=tls_cert, tls_key=tls_key, behind_proxy=behind_proxy, reviewers=tokens.load(paths))
    app = create_app(paths, host=host, tls=bool(tls_cert), behind_proxy=behind_proxy,
                     trusted_proxies=trusted_proxies)
    shown = f"[{host}]" if ":" in host else host
    base = f"{'https' if tls_cert else 'http'}://{shown}:{port}"
    print(f"Hàng chờ duyệt: {base}/", flush=True)
    if is_loopback(host) and not behind_proxy:
        name = local_reviewer or getpass.getuser()
        code = app.state.auth.one_time_code(name)
        print(f"Đăng nhập với tên {name} (mã dùng một lần, hết hạn sau 15 phút): "
              f"{base}/login?{urllib.parse.urlencode({'code': code})}", flush=True)
    print(f"Tiến độ kế hoạch (chỉ xem): {base}/coverage", flush=True)
    print("Người duyệt khác đăng nhập bằng mã riêng: planwatch review token add TÊN", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False,
                ssl_certfile=tls_cert, ssl_keyfile=tls_key)
