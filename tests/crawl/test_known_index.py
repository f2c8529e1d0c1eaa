"""The known-URL index (crawlers/known_index.py, pipeline/known_index.py): the crawl looks each candidate up in a
SQLite index kept by the writer instead of reading every stored URL. An unchanged second crawl fetches no article,
a stored URL is recognized under another spelling, new pages are fetched and added without a rebuild, a missing or
stale index is rebuilt from the snapshot, and a write job that dies between storing documents and updating the
index leaves no gap and no duplicate after a rerun."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crawlers import known_index
from crawlers.urls import canonical_url
from pipeline import known_index as pipeline_index
from pipeline.bootstrap import initialize
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths
from tests.crawl.helpers import write_sources
from tests.faults import servers as S
from tests.faults.harness import nightly, stored

pytestmark = pytest.mark.slow


class Outlet(S.FaultSite):
    """A feed of `count` articles; `spelling` is appended to every link (another spelling of the same URL)."""

    fault = "known-index"

    def __init__(self) -> None:
        super().__init__()
        self.count = 3
        self.spelling = ""

    @property
    def source_id(self) -> str:
        return "outlet"

    def feed(self, h: S.Handler) -> None:
        items = [(f"/tin-tuc/bai-so-{i}-mam-non.html{self.spelling}", f"Bài {i}") for i in range(1, self.count + 1)]
        h.reply(200, S.rss(self.base, items), "application/rss+xml; charset=utf-8")

    def other(self, h: S.Handler) -> None:
        if not h.path.startswith("/tin-tuc/bai-so-"):
            h.reply(404, b"not found")
            return
        n = int(h.path.split("-so-")[1].split("-")[0])
        h.reply(200, S.article_html(f"xã số {n}", title=f"Bài số {n}: bồi dưỡng giáo viên mầm non").encode())


@pytest.fixture
def outlet() -> Iterator[Outlet]:
    site = Outlet()
    with site:
        yield site


def _setup(home: Paths, tmp_path: Path, outlet: Outlet) -> Path:
    sources = write_sources(tmp_path / "sources.toml", [outlet.source()])
    initialize(home, str(sources))
    return sources


def _article_fetches(home: Paths) -> int:
    with open_snapshot(home) as conn:
        row = conn.execute("SELECT count(*) FROM fetch_log WHERE kind = 'article'").fetchone()
    return int(row[0]) if row else 0


def _indexed(home: Paths) -> tuple[set[str], int | None]:
    conn = known_index.connect_rw(home.known_index)
    try:
        return {r[0] for r in conn.execute("SELECT url FROM known")}, known_index.reflected(conn)
    finally:
        conn.close()


def test_second_crawl_fetches_nothing_and_new_pages_go_in_without_a_rebuild(home: Paths, tmp_path: Path,
                                                                              outlet: Outlet) -> None:
    sources = _setup(home, tmp_path, outlet)
    nightly(home, sources)
    first = stored(home)
    assert len(first.documents) == 3 and _article_fetches(home) == 3
    urls, count = _indexed(home)
    assert count == 3 and {canonical_url(d["canonical_url"]) for d in first.documents} <= urls

    outlet.spelling = "?utm_source=rss"  # the same pages under another spelling
    nightly(home, sources)
    assert _article_fetches(home) == 3, "an unchanged second crawl fetched an article page again"

    outlet.count = 5
    nightly(home, sources)
    after = stored(home)
    assert len(after.documents) == 5 and after.duplicates() == 0
    assert _article_fetches(home) == 5, "only the two new pages are fetched"
    assert pipeline_index.ensure_fresh(home) == (False, 5), "the writer kept the index in step: no rebuild"
    urls, count = _indexed(home)
    assert count == 5 and {canonical_url(d["url"]) for d in after.documents} <= urls


def test_missing_or_stale_index_is_rebuilt_from_the_snapshot(home: Paths, tmp_path: Path, outlet: Outlet) -> None:
    sources = _setup(home, tmp_path, outlet)
    nightly(home, sources)
    home.known_index.unlink()
    nightly(home, sources)
    assert _article_fetches(home) == 3 and _indexed(home)[1] == 3

    conn = known_index.connect_rw(home.known_index)  # an index that lost rows and records a wrong count
    conn.execute("DELETE FROM known")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'documents'")
    conn.close()
    assert pipeline_index.ensure_fresh(home) == (True, 3)
    assert len(_indexed(home)[0]) == 3
    assert pipeline_index.ensure_fresh(home) == (False, 3)
    conn = known_index.connect_rw(home.known_index)  # built under other canonicalization rules
    conn.execute("UPDATE meta SET value = 'older-rules' WHERE key = 'canon'")
    conn.close()
    assert pipeline_index.ensure_fresh(home) == (True, 3)
    nightly(home, sources)
    assert _article_fetches(home) == 3


def test_write_job_dying_before_the_index_update_leaves_no_gap_and_no_duplicate(
        home: Paths, tmp_path: Path, outlet: Outlet, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _setup(home, tmp_path, outlet)
    nightly(home, sources)
    outlet.count = 5

    def die(*args: object, **kwargs: object) -> bool:
        raise RuntimeError("killed between the documents' commit and the index update")

    monkeypatch.setattr(pipeline_index, "after_store", die)
    with pytest.raises(RuntimeError):
        nightly(home, sources)
    urls, count = _indexed(home)
    assert count == 3 and len(urls) == 3, "the index never runs ahead of what was published"
    monkeypatch.undo()

    nightly(home, sources)  # recovers the pending run, then crawls
    after = stored(home)
    assert len(after.documents) == 5 and after.duplicates() == 0
    assert {d["url"].rsplit("/", 1)[1] for d in after.documents} == {f"bai-so-{i}-mam-non.html" for i in range(1, 6)}
    nightly(home, sources)
    with open_snapshot(home) as conn:
        per_url = conn.execute("SELECT max(n) FROM (SELECT url, count(*) AS n FROM fetch_log "
                               "WHERE kind = 'article' AND status = 200 GROUP BY url)").fetchone()
    assert _indexed(home)[1] == 5
    assert per_url is not None and per_url[0] <= 2, "after the rebuild no stored page is fetched again"


def test_a_crawl_sees_the_index_as_it_was_when_it_started(tmp_path: Path) -> None:
    path = tmp_path / "known.sqlite"
    a, b, c = (canonical_url(f"https://bao.example.vn/tin/{x}.html") for x in "abc")
    conn = known_index.connect_rw(path)
    known_index.replace_all(conn, [a], 1)
    reader = known_index.KnownUrls({c}, path)
    assert known_index.add(conn, [b], 2, expect=1)
    assert not known_index.add(conn, [c], 9, expect=1), "an add onto a stale index changes nothing"
    conn.close()
    assert a in reader and c in reader and b not in reader
    assert b in known_index.KnownUrls(None, path)
    assert a not in known_index.KnownUrls(None, tmp_path / "missing.sqlite")
    reader.close()


def test_among_is_membership_for_many_urls_at_once(tmp_path: Path) -> None:
    """KnownUrls.among gives what `in` gives, URL by URL (file set, index rows of the crawl's generation, newer rows
    unknown, more URLs than one query asks for), with one query per LOOKUP_BATCH URLs."""
    path = tmp_path / "known.sqlite"
    urls = [canonical_url(f"https://bao.example.vn/tin/{i}.html") for i in range(2 * known_index.LOOKUP_BATCH + 7)]
    conn = known_index.connect_rw(path)
    known_index.replace_all(conn, urls[::3], 1)
    reader = known_index.KnownUrls({urls[1], "https://other.example/"}, path)
    assert known_index.add(conn, urls[2::3], 2, expect=1)  # after the crawl started: not known to it
    conn.close()
    asked: list[str] = []
    assert reader.conn is not None
    reader.conn.set_trace_callback(asked.append)
    found = reader.among([*urls, urls[0], ""])
    queries = len(asked)
    assert found == {u for u in [*urls, ""] if u in reader}
    assert urls[0] in found and urls[1] in found and urls[2] not in found and "https://other.example/" not in found
    assert queries == 3  # 2 * LOOKUP_BATCH + 7 URLs and "" asked, less urls[1] (in the file set)
    assert known_index.KnownUrls({urls[5]}, tmp_path / "missing.sqlite").among(urls) == {urls[5]}
    reader.close()


def test_the_spider_asks_the_index_once_per_group_of_candidates(tmp_path: Path) -> None:
    """A sitemap's candidates are looked up in the known-URL index KNOWN_BATCH at a time, not one query each, and
    the known ones are still skipped (counted as such), the rest requested in their order."""
    from crawlers import spider as spider_mod
    from crawlers.discovery import Candidate
    from crawlers.job import CrawlJob
    from crawlers.registry import Source

    path = tmp_path / "known.sqlite"
    urls = [f"https://bao.example.vn/tin/bai-{i}.html" for i in range(spider_mod.KNOWN_BATCH + 44)]
    conn = known_index.connect_rw(path)
    known_index.replace_all(conn, [canonical_url(u) for u in urls[::2]], 1)
    conn.close()
    source = Source(id="bao", name="Báo", kind="newspaper", scope="central", homepage="https://bao.example.vn/")
    job = CrawlJob(run_id="r1", out_dir=str(tmp_path / "run"), raw_dir=str(tmp_path / "raw"),
                   known_index_file=str(path))
    spider = spider_mod.PlanwatchSpider(job=job, sources=[source], queries=[])
    asked: list[str] = []
    assert spider.known.conn is not None
    spider.known.conn.set_trace_callback(asked.append)
    requests = list(spider._articles(source, [Candidate(url=u) for u in [*urls, urls[1]]], "sitemap"))
    assert [r.url for r in requests] == urls[1::2]
    health = spider.health["bao"]
    assert (health.items_found, health.skipped_known) == (len(urls), len(urls[::2]))
    assert len(asked) == 2  # KNOWN_BATCH + 45 candidates: two groups
    spider.run.close()
    spider.known.close()
