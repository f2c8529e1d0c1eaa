"""Reviewer tokens for the review web page: one per reviewer (or per device), created with
`planwatch review token add NAME [--admin]`, listed and revoked from the CLI.

Only a sha256 of each token is stored, in `<state>/review/reviewers.json` (mode 0600, replaced atomically
under a flock). A token is 32 random bytes, so a plain hash is enough: nothing can be guessed from it. The
token is shown once, when it is created. The web page exchanges it for a session cookie at login; the
decision it records carries the reviewer's name from here, never a name typed in a form."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.review.decisions import DecisionError, clean_reviewer
from planwatch.config import Paths

TOKEN_PREFIX = "pwr_"


class TokenError(ValueError):
    """A token command that cannot be done; the message says why."""


@dataclass(frozen=True)
class Reviewer:
    token_id: str
    name: str
    admin: bool
    created_at: str
    revoked_at: str | None = None
    sha256: str = ""

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def store_path(paths: Paths) -> Path:
    return paths.review_journal.parent / "reviewers.json"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load(paths: Paths) -> list[Reviewer]:
    path = store_path(paths)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Reviewer(**{k: row.get(k) for k in Reviewer.__dataclass_fields__}) for row in data["reviewers"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise TokenError(f"{path} is damaged ({exc}); fix or remove it, then add the tokens again") from None


@contextmanager
def _locked(paths: Paths) -> Iterator[list[Reviewer]]:
    """Read, let the caller change the list, write it back atomically; one process at a time."""
    path = store_path(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        rows = load(paths)
        yield rows
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        body = json.dumps({"reviewers": [asdict(r) for r in rows]}, ensure_ascii=False, indent=1)
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as fh:
            fh.write(body + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        os.close(fd)


def add(paths: Paths, name: str, *, admin: bool = False) -> tuple[Reviewer, str]:
    """A new token for `name`; returns the record and the token (shown once, never stored)."""
    try:
        name = clean_reviewer(name)
    except DecisionError as exc:
        raise TokenError(str(exc)) from None
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with _locked(paths) as rows:
        token_id = secrets.token_hex(4)
        while any(r.token_id == token_id for r in rows):
            token_id = secrets.token_hex(4)
        record = Reviewer(token_id=token_id, name=name, admin=admin,
                          created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), sha256=_hash(token))
        rows.append(record)
    return record, token


def revoke(paths: Paths, who: str) -> list[Reviewer]:
    """Revoke one token (by its id) or every active token of a reviewer (by name). Returns what was revoked."""
    who = " ".join(who.split())
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    revoked: list[Reviewer] = []
    with _locked(paths) as rows:
        for i, r in enumerate(rows):
            if r.active and (r.token_id == who or r.name.casefold() == who.casefold()):
                rows[i] = Reviewer(**{**asdict(r), "revoked_at": now})
                revoked.append(rows[i])
    if not revoked:
        raise TokenError(f"no active token with id or reviewer name '{who}' (see 'planwatch review token list')")
    return revoked


def authenticate(reviewers: list[Reviewer], token: str) -> Reviewer | None:
    """The active reviewer whose token this is, or None. Compares every hash in constant time."""
    if not token or len(token) > 200:
        return None
    digest = _hash(token.strip())
    found = None
    for r in reviewers:
        if hmac.compare_digest(r.sha256, digest) and r.active:
            found = r
    return found


def public(r: Reviewer) -> dict[str, Any]:
    """What `token list` shows (never the hash)."""
    return {"id": r.token_id, "name": r.name, "admin": r.admin, "created_at": r.created_at,
            "revoked_at": r.revoked_at}
