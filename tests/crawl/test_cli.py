"""planwatch sources list / sources check / add-url / crawl-only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawlers.manual import mark_manual_done, pending_manual_urls
from planwatch.cli import app
from tests.crawl.helpers import write_sources
from tests.crawl.server import Reply, TestServer

runner = CliRunner()


def test_sources_list_real_registry() -> None:
    result = runner.invoke(app, ["sources", "list"])
    assert result.exit_code == 0, result.output
    assert "giaoducthoidai" in result.output and "Vĩnh Phúc -> Phú Thọ" in result.output
    as_json = runner.invoke(app, ["sources", "list", "--json"])
    assert any(s["id"] == "moet-portal-legacy" for s in json.loads(as_json.output))


def test_sources_list_bad_file_fails_with_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nid = "x"\nname = "X"\nkind = "blog"\nscope = "central"\nhomepage = "https://x.vn/"\n')
    result = runner.invoke(app, ["sources", "list", "--sources", str(bad)])
    assert result.exit_code == 2 and "field 'kind'" in result.output


def test_sources_check_reports_each_source(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/robots.txt"] = Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")
        srv.routes["/rss"] = Reply(body='<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title>'
                                        f'<link>{srv.url("/a-post1.html")}</link><pubDate>20/06/2022 08:00</pubDate>'
                                        '</item></channel></rss>')
        src = write_sources(tmp_path / "s.toml", [
            {"id": "good", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]},
            {"id": "gone", "homepage": srv.url("/"), "feeds": [srv.url("/missing.rss")]},
            {"id": "private", "homepage": srv.url("/"), "feeds": [srv.url("/rss")], "allow_private": False},
        ])
        result = runner.invoke(app, ["sources", "check", "--sources", str(src), "--timeout", "3"])
        assert result.exit_code == 0, result.output
        assert "OK   good" in result.output and "FAIL gone" in result.output and "HTTP 404" in result.output
        assert "FAIL private" in result.output and "loopback" in result.output
        one = runner.invoke(app, ["sources", "check", "good", "--sources", str(src), "--json"])
        assert json.loads(one.output)[0]["ok"] is True


def test_add_url_queue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANWATCH_HOME", str(tmp_path / "home"))
    csv = tmp_path / "urls.csv"
    csv.write_text("url,note\nhttps://giaoducthoidai.vn/a-post1.html,x\nhttp://169.254.169.254/latest,bad\n")
    result = runner.invoke(app, ["add-url", "https://vnexpress.net/a-5079708.html?utm_source=fb",
                                 "file:///etc/passwd", "--csv", str(csv)])
    assert result.exit_code == 0, result.output
    assert "queued 2 URL(s)" in result.output
    queued = pending_manual_urls(tmp_path / "home")
    assert {q["source_id"] for q in queued} == {"vnexpress", "giaoducthoidai"}
    again = runner.invoke(app, ["add-url", "https://vnexpress.net/a-5079708.html"])
    assert again.exit_code == 1 and "already queued" in again.output
    forced = runner.invoke(app, ["add-url", "https://www.facebook.com/BoGiaoducvaDaotao/posts/1",
                                 "--source", "moet-fanpage"])
    assert forced.exit_code == 0
    assert pending_manual_urls(tmp_path / "home")[-1]["source_id"] == "moet-fanpage"
    assert mark_manual_done(tmp_path / "home", [q["url"] for q in queued]) == 1
    unknown = runner.invoke(app, ["add-url", "https://x.vn/a", "--source", "nope"])
    assert unknown.exit_code == 1 and "unknown source id" in unknown.output


def test_crawl_only_writes_a_run_folder(tmp_path: Path) -> None:
    with TestServer() as srv:
        srv.routes["/rss"] = Reply(body='<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title>'
                                        f'<link>{srv.url("/a-post1.html")}</link></item></channel></rss>')
        srv.routes["/a-post1.html"] = Reply(body="<html>a</html>")
        src = write_sources(tmp_path / "s.toml", [{"id": "one", "homepage": srv.url("/"), "feeds": [srv.url("/rss")]}])
        out = tmp_path / "run-x"
        result = runner.invoke(app, ["crawl-only", "--sources", str(src), "--out", str(out), "--no-politeness",
                                     "--since", "2022-01-01"])
        assert result.exit_code == 0, result.output
        assert (out / "done").exists() and json.loads(result.output)["pages"] == 1


def test_sources_list_shows_verification() -> None:
    result = runner.invoke(app, ["sources", "list"])
    assert result.exit_code == 0, result.output
    line = {ln.split()[0]: ln for ln in result.output.splitlines() if ln.strip()}
    assert " evidence " in line["moet-portal"] and "evidence-notes" in line["moet-portal"]
    assert " guess " in line["htv"] and "none: URLs and selectors are guesses" in line["htv"]
    assert "still on guesses" in result.output.splitlines()[-1]
    as_json = {s["id"]: s for s in json.loads(runner.invoke(app, ["sources", "list", "--json"]).output)}
    assert as_json["tuoitre"]["verified"] == "evidence" and as_json["tuoitre"]["evidence"][0]["kind"] == "saved-page"
def test_crawl_shows_progress_per_source_when_not_on_a_terminal(tmp_path: Path) -> None:
    """`planwatch crawl` into a pipe: a plain line per source every PLANWATCH_PROGRESS_EVERY seconds (fetched,
    found, errors, current delay, ETA) while it runs, then one line per source with its totals."""
    import os
    import subprocess
    import sys

    n = 8
    with TestServer() as srv:
        items = "".join(f"<item><title>Bài {i}</title><link>{srv.url(f'/a-post{i}.html')}</link></item>"
                        for i in range(n))
        srv.routes["/rss"] = Reply(body=f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
        for i in range(n):
            srv.routes[f"/a-post{i}.html"] = Reply(body=f"<html><body><p>Bài {i}</p></body></html>")
        srv.routes["/broken.rss"] = Reply(500, b"oops")
        src = write_sources(tmp_path / "s.toml", [
            {"id": "slow", "homepage": srv.url("/"), "feeds": [srv.url("/rss")],
             "politeness": {"delay": 0.6, "concurrency": 1}},
            {"id": "broken", "homepage": srv.url("/"), "feeds": [srv.url("/broken.rss")],
             "politeness": {"delay": 0.6, "concurrency": 1}}])
        env = {**os.environ, "PLANWATCH_HOME": str(tmp_path / "home"), "PLANWATCH_PROGRESS_EVERY": "1"}
        proc = subprocess.run([str(Path(sys.executable).with_name("planwatch")), "crawl", "--sources", str(src)],
                              env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr.splitlines()
    live = [line for line in err if line.strip().startswith("slow: đã tải")]
    assert len(live) >= 2, proc.stderr  # lines while the crawl ran, not only at the end
    fetched = [int(line.split("đã tải ")[1].split(",")[0]) for line in live]
    assert fetched == sorted(fetched) and fetched[0] < n + 1 <= fetched[-1] + 1, fetched
    assert all("tìm thấy" in line and "lỗi" in line and "giãn cách" in line and "ước tính" in line
               for line in live)
    assert any("giãn cách 0.6 giây" in line or "giãn cách 0.7 giây" in line for line in live), live
    assert any("ước tính" in line and "ước tính chưa rõ" not in line for line in live)
    end = err.index(next(line for line in err if line.startswith("thu thập xong")))
    final = {line.strip().split(":")[0]: line for line in err[end + 1:end + 3]}
    assert f"lần tải, {n} tin tìm thấy, {n} trang bài, 0 lỗi" in final["slow"]
    assert sum(line.startswith("thu thập xong") for line in err) == 1
    assert "1 lỗi" in final["broken"] and "HTTP 500" in final["broken"]
    assert "\x1b[" not in proc.stderr  # no terminal codes into a pipe
    assert "Run " in proc.stdout and f"{n} article pages" in proc.stdout
    assert f"trích xuất trang: {n}/{n}" in proc.stderr and "phân loại tài liệu:" in proc.stderr
    again = subprocess.run([str(Path(sys.executable).with_name("planwatch")), "reprocess", "--sources", str(src)],
                           env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"trích xuất trang: {n}" in again.stderr and f"trích xuất trang: {n}/{n}" in again.stderr
