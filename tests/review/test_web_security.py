"""The review app's guards: CSRF, token, bind address, Host header, escaping, headers."""

from __future__ import annotations

import httpx
import pytest
from starlette.testclient import TestClient

from pipeline.journal import read_decisions
from pipeline.review.web.app import ServeError, check_bind, create_app, safe_url
from tests.review.conftest import XSS_TITLE, qid
from tests.review.webserver import running_app

TOKEN = "s3cret-token-for-tests-0123456789"


def test_post_without_csrf_token_is_refused(queue_home):
    with running_app(queue_home, background_sync=False) as base, httpx.Client(base_url=base) as client:
        page = client.get(f"/item/{qid('q-edge')}")
        assert page.status_code == 200
        cookie = client.cookies.get("pw_csrf")
        assert cookie and f'name="csrf" value="{cookie}"' in page.text
        url = f"/item/{qid('q-edge')}/decide"
        form = {"action": "confirm", "reviewer": "Lan"}
        assert client.post(url, data=form).status_code == 403                        # no field
        assert client.post(url, data={**form, "csrf": "x" * 43}).status_code == 403   # wrong field
        bare = httpx.post(base + url, data={**form, "csrf": cookie})                    # no cookie
        assert bare.status_code == 403
        assert client.post(url, data={**form, "csrf": cookie},
                           headers={"Origin": "http://evil.example"}).status_code == 403
        assert read_decisions(queue_home.review_journal) == []
        ok = client.post(url, data={**form, "csrf": cookie})
        assert ok.status_code == 303
        assert [d["action"] for d in read_decisions(queue_home.review_journal)] == ["confirm"]


def test_non_loopback_bind_needs_a_token(queue_home, cli):
    with pytest.raises(ServeError):
        check_bind("0.0.0.0", None)
    with pytest.raises(ServeError):
        check_bind("192.168.1.10", "")
    with pytest.raises(ServeError):
        check_bind("0.0.0.0", "short")
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    check_bind("0.0.0.0", TOKEN)
    result = cli("review", "serve", "--host", "0.0.0.0", "--port", "1")
    assert result.exit_code == 2 and "token" in result.output


def test_token_is_required_when_set(queue_home):
    app = create_app(queue_home, token=TOKEN, host="0.0.0.0", background_sync=False)
    with TestClient(app, base_url="http://reviews.example") as client:
        assert client.get("/").status_code == 401
        assert client.get("/?token=wrong").status_code == 401
        first = client.get(f"/?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303 and "token" not in first.headers["location"]
        assert client.get("/").status_code == 200  # the cookie carries it from now on
    with TestClient(app, base_url="http://reviews.example") as client:
        assert client.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_loopback_app_rejects_foreign_host_header(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_crawled_text_is_escaped_and_headers_are_strict(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
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
        def shown(query: str) -> set[str]:
            page = client.get("/" + query).text
            return {doc for doc in ("q-edge", "q-xss", "q-far") if f"/item/{qid(doc)}" in page}

        assert shown("") == {"q-edge", "q-xss", "q-far"}
        assert shown("?activity=2a") == {"q-far"}
        assert shown("?source=hanoi-tv") == {"q-far"}
        assert shown("?province=Hà Tây") == {"q-xss"}
        assert shown("?province=ha noi") == {"q-far", "q-xss"}  # Hà Tây is in Hà Nội since the 2025 merger
        assert shown("?from=2022-09-01&to=2022-10-31") == {"q-xss"}
        assert shown("?from=not-a-date") == {"q-edge", "q-xss", "q-far"}
        item = client.get(f"/item/{qid('q-far')}?activity=2a").text
        assert 'name="f_activity" value="2a"' in item  # the filter travels with the decision form


def test_recent_decisions_lead_to_reopen(queue_home):
    app = create_app(queue_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        client.get("/")
        csrf = client.cookies.get("pw_csrf")
        client.post(f"/item/{qid('q-edge')}/decide", data={"action": "confirm", "reviewer": "Lan", "csrf": csrf})
        page = client.get("/").text
        assert 'id="recent"' in page and "Đã xác nhận" in page and f"/item/{qid('q-edge')}" in page
        opened = client.get("/open?ref=acc", follow_redirects=True)  # by doc_id
        assert opened.status_code == 200 and 'value="reopen"' in opened.text
        client.post(f"/item/{qid('acc')}/decide", data={"action": "reopen", "reviewer": "Lan", "csrf": csrf})
        assert f"/item/{qid('acc')}" in client.get("/?activity=2a").text.split('id="queue"')[1].split("</table>")[0]
