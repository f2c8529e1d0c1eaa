"""A crawl subprocess started ahead (crawlers.run.prestart): it takes the job start_crawl hands it, writes the same
run folder and log, and one that gets no job (or was started with another environment) ends on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawlers import run
from tests.crawl.helpers import make_job, pages, write_sources
from tests.crawl.server import Reply, TestServer

PAT = r"-post\d+\.html$"


@pytest.fixture(autouse=True)
def _no_leftover() -> Iterator[None]:
    yield
    run._discard_ready()


def _site(srv: TestServer, tmp_path: Path) -> Path:
    srv.routes["/robots.txt"] = Reply(body="User-agent: *\n", content_type="text/plain")
    srv.routes["/sitemap.xml"] = Reply(
        body='<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f'<url><loc>{srv.url("/a-post1.html")}</loc></url></urlset>', content_type="application/xml")
    srv.routes["/a-post1.html"] = Reply(body="<html><head><title>A</title></head><body><h1>A</h1></body></html>")
    return write_sources(tmp_path / "s.toml", [{"id": "x", "homepage": srv.url("/"),
                                                "sitemaps": [srv.url("/sitemap.xml")], "article_url_pattern": PAT}])


def test_the_prestarted_child_runs_the_job(tmp_path: Path) -> None:
    run.prestart(tmp_path / "runs")
    assert run._READY is not None
    ready = run._READY[0]
    with TestServer() as srv:
        handle = run.start_crawl(make_job(tmp_path, _site(srv, tmp_path), log_level="INFO"))
        assert handle.proc is ready and run._READY is None
        result = handle.finish()
    assert result.ok, result.log_tail
    assert [p["url"] for p in pages(result)] == [srv.url("/a-post1.html")]
    assert "Spider opened" in (Path(result.out_dir) / run.LOG_FILE).read_text(encoding="utf-8")


def test_finish_without_counts_leaves_the_lines_unread(tmp_path: Path) -> None:
    """crawl_and_ingest's finish: the same crawl and run folder, the result without the lines counted (the ingest
    reads them); the default read-back counts them."""
    with TestServer() as srv:
        job = make_job(tmp_path, _site(srv, tmp_path))
        result = run.start_crawl(job).finish(counts=False)
    assert result.ok and result.summary["pages"] == 1
    assert (result.fetches, result.pages, len(result.health)) == (0, 0, 1)
    again = run.collect(job)
    assert (again.fetches, again.pages, len(again.health)) == (3, 1, 1) and again.done


def test_a_child_started_with_another_environment_is_not_used(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    run.prestart(tmp_path / "runs")
    assert run._READY is not None
    ready = run._READY[0]
    monkeypatch.setenv("PLANWATCH_TEST_PRESTART", "changed")
    with TestServer() as srv:
        handle = run.start_crawl(make_job(tmp_path, _site(srv, tmp_path)))
        assert handle.proc is not ready
        assert handle.finish().ok
    assert ready.wait(timeout=60) == 0  # let go: it read end-of-file and ended


def test_a_job_in_another_runs_folder_gets_its_own_child(tmp_path: Path) -> None:
    run.prestart(tmp_path / "elsewhere")
    assert run._READY is not None
    ready = run._READY[0]
    assert str((tmp_path / "elsewhere").resolve()) in ready.args  # `ps` shows the state it is for
    with TestServer() as srv:
        handle = run.start_crawl(make_job(tmp_path, _site(srv, tmp_path)))
        assert handle.proc is not ready
        assert handle.finish().ok
    assert ready.wait(timeout=60) == 0


def test_a_child_without_a_job_ends(tmp_path: Path) -> None:
    run.prestart(tmp_path / "runs")
    assert run._READY is not None
    ready = run._READY[0]
    run._discard_ready()
    assert run._READY is None
    assert ready.wait(timeout=60) == 0
    assert not os.path.exists(tmp_path / "runs")


def test_the_preload_installs_no_reactor() -> None:
    """What a prestarted child imports while it waits (crawlers.run._preload) leaves the reactor to Scrapy: a module
    importing twisted.internet.reactor there would install Twisted's default one, not the asyncio reactor the
    middlewares need."""
    code = ("import sys; from crawlers import run, settings; run._preload(); "
            "print(all(m in sys.modules for m in settings.component_modules()), "
            "'twisted.internet.reactor' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=run.REPO_ROOT, env=run._child_env(), capture_output=True,
                         text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "False"]
