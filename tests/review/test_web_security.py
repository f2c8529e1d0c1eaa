"""The review app's guards: CSRF, login, bind address, Host header, escaping, headers."""

from __future__ import annotations

import httpx
import pytest
from starlette.testclient import TestClient

from pipeline.journal import read_decisions
from pipeline.review.web.app import ServeError, check_bind, create_app, safe_url
from tests.review.auth import login, new_token
from tests.review.conftest import XSS_TITLE, qid
from tests.review.webserver import running_app


def test_post_without_csrf_token_is_refused(queue_home):
    with running_app(queue_home, background_sync=False) as base, httpx.Client(base_url=base) as client:
        login(client, queue_home, "Lan")
        page = client.get(f"/item/{qid('q-edge')}")
        assert page.status_code == 200
        cookie = client.cookies.get("pw_csrf")
        assert cookie and f'name="csrf" value="{cookie}"' in page.text
        url = f"/item/{qid('q-edge')}/decide"
        form = {"action": "confirm", "reviewer": "Lan"}
        assert client.post(url, data=form).status_code == 403                        # no field
        assert client.post(url, data={**form, "csrf": "x" * 43}).status_code == 403   # wrong field
        bare = httpx.post(base + url, data={**form, "csrf": cookie})                    # no cookie
        assert bare.status_code in (401, 403)
        assert client.post(url, data={**form, "csrf": cookie},
                           headers={"Origin": "http://evil.example"}).status_code == 403
        assert read_decisions(queue_home.review_journal) == []
        ok = client.post(url, data={**form, "csrf": cookie})
        assert ok.status_code == 303
        assert [d["action"] for d in read_decisions(queue_home.review_journal)] == ["confirm"]


def test_non_loopback_bind_needs_tls_or_a_proxy(queue_home, cli, tmp_path):
    from pipeline.review import tokens

    with pytest.raises(ServeError, match="without TLS"):
        check_bind("0.0.0.0")
    with pytest.raises(ServeError, match="without TLS"):
        check_bind("192.168.1.10")
    with pytest.raises(ServeError, match="both"):
        check_bind("0.0.0.0", tls_cert=str(tmp_path / "c.pem"))
    with pytest.raises(ServeError, match="no reviewer"):
        check_bind("0.0.0.0", behind_proxy=True, reviewers=[])
    check_bind("127.0.0.1")
    check_bind("::1")
    new_token(queue_home, "Lan")
    check_bind("0.0.0.0", behind_proxy=True, reviewers=tokens.load(queue_home))
    (tmp_path / "c.pem").write_text("x")
    (tmp_path / "k.pem").write_text("x")
    check_bind("0.0.0.0", tls_cert=str(tmp_path / "c.pem"), tls_key=str(tmp_path / "k.pem"),
               reviewers=tokens.load(queue_home))
    result = cli("review", "serve", "--host", "0.0.0.0", "--port", "1")
    assert result.exit_code == 2 and "TLS" in result.output
    old = cli("review", "serve", "--token", "s3cret-token-for-tests-0123456789")
    assert old.exit_code == 2 and "review token add" in old.output


def test_login_is_required_and_the_token_never_travels_in_a_url(queue_home):
    token = new_token(queue_home, "Lan")
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        first = client.get("/", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"].startswith("/login")
        assert client.get(f"/?token={token}", follow_redirects=False).status_code == 303  # no login by URL
        assert client.post(f"/item/{qid('q-edge')}/decide", data={"action": "confirm"}).status_code == 401
        page = client.get("/login")
        assert page.status_code == 200 and 'type="password"' in page.text and token not in page.text
        csrf = client.cookies.get("pw_csrf")
        bad = client.post("/login", data={"token": "pwr_wrong", "csrf": csrf})
        assert bad.status_code == 401 and "pw_session" not in client.cookies
        ok = client.post("/login", data={"token": token, "csrf": csrf, "next": "/item/x"}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"] == "/item/x" and token not in ok.headers["location"]
        cookie = ok.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert client.get("/").status_code == 200
        assert "Lan" in client.get("/").text
        evil = client.post("/login", data={"token": token, "csrf": csrf, "next": "//evil.example/"},
                           follow_redirects=False)
        assert evil.headers["location"] == "/"
        client.post("/logout", data={"csrf": csrf})
        assert client.get("/", follow_redirects=False).status_code == 303
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        assert client.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_off_loopback_cookies_are_secure_and_only_the_proxy_is_served(queue_home):
    token = new_token(queue_home, "Lan")
    app = create_app(queue_home, host="0.0.0.0", behind_proxy=True, trusted_proxies=("testclient",),
                     background_sync=False)
    with TestClient(app, base_url="https://reviews.example") as client:
        assert client.get("/login").status_code == 400  # no X-Forwarded-Proto from the proxy
        client.headers["X-Forwarded-Proto"] = "https"
        page = client.get("/login")
        assert page.status_code == 200 and "secure" in page.headers["set-cookie"].lower()
        assert page.headers["strict-transport-security"].startswith("max-age=")
        csrf = client.cookies.get("pw_csrf")
        ok = client.post("/login", data={"token": token, "csrf": csrf}, follow_redirects=False)
        assert ok.status_code == 303 and "secure" in ok.headers["set-cookie"].lower()
    other = create_app(queue_home, host="0.0.0.0", behind_proxy=True, background_sync=False)
    with TestClient(other, base_url="https://reviews.example") as client:  # a peer that is not the proxy
        assert client.get("/login", headers={"X-Forwarded-Proto": "https"}).status_code == 403


def test_loopback_app_rejects_foreign_host_header(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        login(client, queue_home)
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_crawled_text_is_escaped_and_headers_are_strict(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        login(client, queue_home)
        for path in ("/", f"/item/{qid('q-xss')}"):
            page = client.get(path)
            assert XSS_TITLE not in page.text
            assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page.text
            assert "<script>" not in page.text.replace('<script src="/static/review.js" defer></script>', "")
            csp = page.headers["content-security-policy"]
            assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
            assert page.headers["x-frame-options"] == "DENY"
        js = client.get("/static/review.js")
        assert js.status_code == 200 and "javascript" in js.headers["content-type"]
        assert client.get("/item/nope").status_code == 404


def test_only_http_links_leave_the_app():
    assert safe_url("https://moet.gov.vn/a") == "https://moet.gov.vn/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url(None) is None


def test_queue_filters(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        login(client, queue_home)

        def shown(query: str) -> set[str]:
            page = client.get("/" + query).text
            return {doc for doc in ("q-edge", "q-xss", "q-far") if f"/item/{qid(doc)}" in page}

        assert shown("") == {"q-edge", "q-xss", "q-far"}
        assert shown("?activity=2a") == {"q-far"}
        assert shown("?source=hanoi-tv") == {"q-far"}
        assert shown("?province=Hà Tây") == {"q-xss"}
        assert shown("?province=ha noi") == {"q-far", "q-xss"}  # Hà Tây is in Hà Nội since the 2025 merger
        assert shown("?from=2022-09-01&to=2022-10-31") == {"q-xss"}
        bad = client.get("/?from=not-a-date")  # answered with the reason, no longer silently dropped
        assert bad.status_code == 400 and "Bộ lọc ngày không hợp lệ" in bad.text
        item = client.get(f"/item/{qid('q-far')}?activity=2a").text
        assert 'name="f_activity" value="2a"' in item  # the filter travels with the decision form


def test_recent_decisions_lead_to_reopen(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        csrf = login(client, queue_home)
        client.post(f"/item/{qid('q-edge')}/decide", data={"action": "confirm", "reviewer": "Lan", "csrf": csrf})
        page = client.get("/").text
        assert 'id="recent"' in page and "Đã xác nhận" in page and f"/item/{qid('q-edge')}" in page
        opened = client.get("/open?ref=acc", follow_redirects=True)  # by doc_id
        assert opened.status_code == 200 and 'value="reopen"' in opened.text
        client.post(f"/item/{qid('acc')}/decide", data={"action": "reopen", "reviewer": "Lan", "csrf": csrf})
        assert f"/item/{qid('acc')}" in client.get("/?activity=2a").text.split('id="queue"')[1].split("</table>")[0]
