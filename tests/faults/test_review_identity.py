"""Reviewer identity on the review page, over real HTTP (uvicorn on 127.0.0.1): a decision records the
logged-in reviewer whatever name the form carries, a second reviewer cannot undo the first's decision (an
admin can), revoked tokens end sessions, one-time codes work once, and a body over 64 KB is refused while it
is still arriving."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit

import httpx

from pipeline.journal import read_decisions
from pipeline.review import tokens
from pipeline.review.web.app import MAX_BODY
from tests.review.auth import login, new_token
from tests.review.conftest import qid, queue_home  # noqa: F401  (the fixture)
from tests.review.webserver import running_app


def _decide(client: httpx.Client, csrf: str, ref: str, action: str, **extra: str) -> httpx.Response:
    return client.post(f"/item/{qid(ref)}/decide", data={"action": action, "csrf": csrf, **extra})


def test_a_second_reviewer_cannot_undo_the_first_reviewers_decision(queue_home) -> None:  # noqa: F811
    with running_app(queue_home, background_sync=False) as base, \
            httpx.Client(base_url=base) as lan, httpx.Client(base_url=base) as minh, \
            httpx.Client(base_url=base) as boss:
        lan_csrf = login(lan, queue_home, "Lan")
        minh_csrf = login(minh, queue_home, "Minh")
        boss_csrf = login(boss, queue_home, "Trưởng nhóm", admin=True)

        # Lan confirms; the name typed in the form is ignored, the session's name is recorded
        assert _decide(lan, lan_csrf, "q-edge", "confirm", reviewer="Minh").status_code == 303
        assert [(d["reviewer"], d["action"]) for d in read_decisions(queue_home.review_journal)] == [
            ("Lan", "confirm")]

        # Minh tries to undo it, with or without typing Lan's name: refused, nothing recorded
        for form in ({}, {"reviewer": "Lan"}):
            refused = _decide(minh, minh_csrf, "q-edge", "undo", **form)
            assert refused.status_code == 400
            assert "chỉ hoàn tác được quyết định của chính mình" in refused.text
        assert len(read_decisions(queue_home.review_journal)) == 1

        # Lan may undo her own; an admin may undo anyone's
        assert _decide(lan, lan_csrf, "q-edge", "undo").status_code == 303
        assert _decide(minh, minh_csrf, "q-far", "reject").status_code == 303
        assert _decide(boss, boss_csrf, "q-far", "undo").status_code == 303
    decisions = read_decisions(queue_home.review_journal)
    assert [(d["reviewer"], d["action"]) for d in decisions] == [
        ("Lan", "confirm"), ("Lan", "undo"), ("Minh", "reject"), ("Trưởng nhóm", "undo")]
    assert decisions[1]["undoes"] == decisions[0]["decision_id"]
    assert decisions[3]["undoes"] == decisions[2]["decision_id"]


def test_tokens_are_stored_hashed_and_revoking_ends_the_session(queue_home) -> None:  # noqa: F811
    token = new_token(queue_home, "Lan")
    stored = tokens.store_path(queue_home).read_text(encoding="utf-8")
    assert token not in stored and tokens.load(queue_home)[0].sha256 in stored
    assert tokens.store_path(queue_home).stat().st_mode & 0o077 == 0
    with running_app(queue_home, background_sync=False) as base, httpx.Client(base_url=base) as client:
        login(client, queue_home, token=token)
        assert client.get("/").status_code == 200
        tokens.revoke(queue_home, "Lan")
        gone = client.get("/", follow_redirects=False)
        assert gone.status_code == 303 and gone.headers["location"].startswith("/login")


def test_one_time_local_code_works_once(queue_home) -> None:  # noqa: F811
    from starlette.testclient import TestClient

    from pipeline.review.web.app import create_app

    app = create_app(queue_home, background_sync=False)
    code = app.state.auth.one_time_code("Chủ máy")
    with TestClient(app, base_url="http://127.0.0.1:8787") as first:
        page = first.get(f"/login?code={code}")
        assert f'value="{code}"' in page.text  # pre-filled; logging in is one click
        csrf = first.cookies.get("pw_csrf")
        assert first.post("/login", data={"token": code, "csrf": csrf}, follow_redirects=False).status_code == 303
        assert "Chủ máy" in first.get("/").text
    with TestClient(app, base_url="http://127.0.0.1:8787") as second:
        second.get("/login")
        csrf = second.cookies.get("pw_csrf")
        assert second.post("/login", data={"token": code, "csrf": csrf}).status_code == 401


def test_a_large_body_is_refused_while_it_is_still_arriving(queue_home) -> None:  # noqa: F811
    with running_app(queue_home, background_sync=False) as base, httpx.Client(base_url=base) as client:
        csrf = login(client, queue_home)
        session = client.cookies.get("pw_session")
        url = urlsplit(base)
        with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
            sock.sendall((f"POST /item/{qid('q-edge')}/decide HTTP/1.1\r\nHost: {url.netloc}\r\n"
                          f"Cookie: pw_csrf={csrf}; pw_session={session}\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n").encode())
            chunk = b"a" * 16384
            sent = 0
            while sent <= MAX_BODY + len(chunk):  # a little over the limit, and the body never ends
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            started = time.monotonic()
            reply = sock.recv(4096)
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        assert time.monotonic() - started < 10
        # and one that declares its size up front is refused before its body is read at all
        big = client.post(f"/item/{qid('q-edge')}/decide", content=b"x" * (MAX_BODY + 1),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert big.status_code == 413
    assert read_decisions(queue_home.review_journal) == []


def test_token_commands(home) -> None:
    from typer.testing import CliRunner

    from planwatch.cli import app

    runner, env = CliRunner(), {"PLANWATCH_HOME": str(home.home)}
    added = runner.invoke(app, ["review", "token", "add", "Nguyễn Thị Lan", "--admin"], env=env)
    assert added.exit_code == 0, added.output
    secret = added.output.strip().splitlines()[-1]
    assert secret.startswith(tokens.TOKEN_PREFIX) and len(secret) > 40
    (record,) = tokens.load(home)
    assert record.admin and record.name == "Nguyễn Thị Lan" and tokens.authenticate([record], secret) == record
    listed = runner.invoke(app, ["review", "token", "list", "--format", "json"], env=env)
    assert listed.exit_code == 0 and secret not in listed.output and record.sha256 not in listed.output
    assert '"admin": true' in listed.output
    assert runner.invoke(app, ["review", "token", "add", "  "], env=env).exit_code == 2
    revoked = runner.invoke(app, ["review", "token", "revoke", record.token_id], env=env)
    assert revoked.exit_code == 0 and tokens.authenticate(tokens.load(home), secret) is None
    assert runner.invoke(app, ["review", "token", "revoke", "nobody"], env=env).exit_code == 2


def _self_signed(tmp_path) -> tuple[str, str]:
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_serve_with_tls_logs_in_over_https_with_secure_cookies(queue_home, tmp_path) -> None:  # noqa: F811
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    from tests.support.net import free_port

    cert, key = _self_signed(tmp_path)
    port = free_port()
    env = {**os.environ, "PLANWATCH_HOME": str(queue_home.home)}
    planwatch = str(Path(sys.executable).with_name("planwatch"))
    proc = subprocess.Popen([planwatch, "review", "serve", "--port", str(port), "--tls-cert", cert, "--tls-key", key,
                             "--reviewer", "Chủ máy"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(2)]
        assert lines[0].startswith(f"Hàng chờ duyệt: https://127.0.0.1:{port}/"), lines
        code = re.search(r"code=(\S+)", lines[1])
        assert code, lines
        deadline = time.monotonic() + 20
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=cert) as client:
            while True:
                try:
                    page = client.get("/login")
                    break
                except httpx.ConnectError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            assert page.status_code == 200 and page.headers["strict-transport-security"]
            assert "secure" in page.headers["set-cookie"].lower()
            done = client.post("/login", data={"token": code.group(1), "csrf": client.cookies.get("pw_csrf")},
                               follow_redirects=False)
            assert done.status_code == 303
            session = done.headers["set-cookie"].lower()
            assert "pw_session=" in session and "secure" in session and "httponly" in session
            assert "Chủ máy" in client.get("/").text
        try:  # the same port does not speak plain http
            plain = httpx.get(f"http://127.0.0.1:{port}/login", timeout=5)
            assert plain.status_code >= 400
        except httpx.HTTPError:
            pass
    finally:
        proc.terminate()
        proc.wait(timeout=20)
