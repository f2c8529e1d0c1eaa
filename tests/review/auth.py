"""Log a test client in to the review page the way a reviewer does: a token from the CLI's store, posted to
the login form (with the CSRF cookie the login page sets). Returns the CSRF value for later forms."""

from __future__ import annotations

from typing import Any

from pipeline.review import tokens
from planwatch.config import Paths


def new_token(paths: Paths, name: str = "Lan", *, admin: bool = False) -> str:
    return tokens.add(paths, name, admin=admin)[1]


def login(client: Any, paths: Paths, name: str = "Lan", *, admin: bool = False, token: str | None = None) -> str:
    secret = token or new_token(paths, name, admin=admin)
    page = client.get("/login")
    assert page.status_code == 200, page.status_code
    csrf = client.cookies.get("pw_csrf")
    done = client.post("/login", data={"token": secret, "csrf": csrf, "next": "/"}, follow_redirects=False)
    assert done.status_code == 303, done.text
    assert client.cookies.get("pw_session")
    return csrf


def browser_login(page: Any, base: str, paths: Paths, name: str = "Lan") -> None:
    """Log a headless-Chromium page in through the login form, as a reviewer does."""
    page.goto(base + "/login")
    page.fill("#token", new_token(paths, name))
    page.click("#login-submit")
    page.wait_for_url(base + "/*")
