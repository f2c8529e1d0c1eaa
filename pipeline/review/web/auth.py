"""Who is reviewing: login with a reviewer token (or a one-time local code), then a session cookie.

- Tokens come from `planwatch review token add NAME [--admin]` (pipeline.review.tokens, stored hashed).
  The login form posts the token; it never travels in a URL. `Authorization: Bearer <token>` also works
  for scripts (per request, no session).
- `review serve` on loopback prints a one-time code for the local operator (the person who started the
  server, an admin: they own the state folder anyway). The code is kept in memory only, works once and
  expires after 15 minutes.
- Sessions live in the server's memory (a restart logs everyone out): 32 random bytes in an HttpOnly,
  SameSite=Strict cookie (Secure off loopback), 8 hours idle, 24 hours at most, and they end at once when
  the reviewer's token is revoked.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

from pipeline.review import tokens
from pipeline.review.tokens import Reviewer
from planwatch.config import Paths

SESSION_COOKIE = "pw_session"
SESSION_IDLE = 8 * 3600
SESSION_MAX = 24 * 3600
CODE_TTL = 15 * 60
LOCAL_PREFIX = "local:"


@dataclass
class Session:
    reviewer: Reviewer
    created: float
    seen: float


class Auth:
    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self._sessions: dict[str, Session] = {}
        self._codes: dict[str, tuple[Reviewer, float]] = {}
        self._lock = threading.Lock()
        self._cache: tuple[tuple[int, int] | None, list[Reviewer]] = (None, [])

    def reviewers(self) -> list[Reviewer]:
        """The token store, re-read when the file changes (a `token revoke` takes effect at once)."""
        path = tokens.store_path(self.paths)
        try:
            st = path.stat()
            stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = None
        with self._lock:
            if stamp != self._cache[0]:
                self._cache = (stamp, tokens.load(self.paths) if stamp else [])
            return self._cache[1]

    def one_time_code(self, name: str, *, admin: bool = True) -> str:
        code = secrets.token_urlsafe(24)
        who = Reviewer(token_id=LOCAL_PREFIX + secrets.token_hex(4), name=name, admin=admin,
                       created_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
        with self._lock:
            self._codes[code] = (who, time.monotonic() + CODE_TTL)
        return code

    def _by_secret(self, secret: str) -> Reviewer | None:
        secret = (secret or "").strip()
        with self._lock:
            entry = self._codes.pop(secret, None) if secret else None  # a code works once
        if entry is not None:
            who, expires = entry
            return who if time.monotonic() < expires else None
        return tokens.authenticate(self.reviewers(), secret)

    def login(self, secret: str) -> tuple[str, Reviewer] | None:
        """A new session id for a valid token or code, else None."""
        who = self._by_secret(secret)
        if who is None:
            return None
        sid = secrets.token_urlsafe(32)
        now = time.monotonic()
        with self._lock:
            self._sessions[sid] = Session(who, now, now)
        return sid, who

    def bearer(self, token: str) -> Reviewer | None:
        return tokens.authenticate(self.reviewers(), token) if token else None

    def current(self, sid: str | None) -> Reviewer | None:
        if not sid:
            return None
        now = time.monotonic()
        with self._lock:
            session = self._sessions.get(sid)
            if session is None:
                return None
            if now - session.seen > SESSION_IDLE or now - session.created > SESSION_MAX:
                del self._sessions[sid]
                return None
            session.seen = now
            who = session.reviewer
        if who.token_id.startswith(LOCAL_PREFIX):
            return who
        live = {r.token_id for r in self.reviewers() if r.active}
        if who.token_id not in live:  # revoked since login
            self.logout(sid)
            return None
        return who

    def logout(self, sid: str | None) -> None:
        if sid:
            with self._lock:
                self._sessions.pop(sid, None)
