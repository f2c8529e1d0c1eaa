"""The fault matrix: the nightly recipe against one misbehaving local server per fault, next to a healthy
source. Every case: the run completes, the healthy source is stored, the failure is recorded for its
source (fetch_log and source_health), no partial or duplicate rows, and a rerun adds nothing."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipeline.bootstrap import initialize
from pipeline.plans import list_plans
from planwatch.config import Paths
from tests.crawl.helpers import write_sources
from tests.faults import servers as S
from tests.faults.harness import Stored, nightly, record, stored

Check = Callable[[Stored, S.FaultSite], None]


@dataclass
class Case:
    site: type[S.FaultSite]
    docs: int                      # documents expected from the fault source
    failure: bool = True           # a failure must be recorded for the source
    options: dict[str, Any] = field(default_factory=dict)
    check: Check | None = None
    where: str = "article"         # where the fault is injected (for the report)


def _no_doc_for_bad(s: Stored, site: S.FaultSite) -> None:
    assert not [d for d in s.documents if S.BAD_PATH in d["url"]]


def _retry_after_honoured(s: Stored, site: S.FaultSite) -> None:
    statuses = [f["status"] for f in s.fetches_of(site.source_id) if f["kind"] == "feed"]
    assert 429 in statuses and 200 in statuses
    assert site.hits.get(S.BAD_PATH, 0) <= 2  # a day-long Retry-After is not waited for, nor hammered


def _bounded_redirects(s: Stored, site: S.FaultSite) -> None:
    hops = sum(n for p, n in site.hits.items() if p.startswith(S.BAD_PATH))
    assert hops <= 12  # redirect_max (5) per attempt, retries included


def _no_entities(s: Stored, site: S.FaultSite) -> None:
    for d in s.documents:
        assert "root:" not in (d["text"] or "") and "lollol" not in (d["title"] or "")
    assert not s.docs_of(site.source_id)


def _vietnamese_text(where: str) -> Check:
    def check(s: Stored, site: S.FaultSite) -> None:
        (doc,) = s.docs_of(site.source_id)
        text = f"{doc['title']}\n{doc['text']}"
        assert unicodedata.is_normalized("NFC", text)
        assert "giáo viên mầm non" in text.lower() and "Đề án 33" in text
        assert where.lower() in text.lower()
    return check


def _tcvn3(s: Stored, site: S.FaultSite) -> None:
    (doc,) = s.docs_of(site.source_id)
    text = doc["text"]
    assert unicodedata.is_normalized("NFC", text)
    assert "giáo viên mầm non" in text.lower() and "đề án 33" in text.lower()
    assert "¸" not in text and "µ" not in text


def _ten_thousand(s: Stored, site: S.FaultSite) -> None:
    h = [r for r in s.health_log if r["source_id"] == site.source_id]
    assert max(r["items_found"] for r in h) >= S.HugeFeed.N
    assert 1 <= len(s.docs_of(site.source_id)) <= 25


def _own_host_only(s: Stored, site: S.FaultSite) -> None:
    assert [d["url"] for d in s.docs_of(site.source_id)] == [site.base + S.GOOD_PATH]
    assert not [f for f in s.fetch_log if "nonexistent.invalid" in f["url"]]


CASES: dict[str, Case] = {
    "refused": Case(S.Refused, 0, where="connect"),
    "unresolvable": Case(S.Unresolvable, 0, where="DNS"),
    "5xx": Case(S.ServerErrors, 1, options={"retry_times": 2}, check=_no_doc_for_bad,
                where="feed (burst) + article (always)"),
    "429": Case(S.TooManyRequests, 1, check=_retry_after_honoured, where="feed (1 s) + article (1 day)"),
    "slow-drip": Case(S.SlowDrip, 1, check=_no_doc_for_bad),
    "truncated": Case(S.Truncated, 1, check=_no_doc_for_bad),
    "broken-chunked": Case(S.BrokenChunked, 1, check=_no_doc_for_bad),
    "gzip-bomb": Case(S.GzipBomb, 1, options={"max_bytes": 2 * S.MB}, check=_no_doc_for_bad),
    "brotli-bomb": Case(S.BrotliBomb, 1, options={"max_bytes": 2 * S.MB}, check=_no_doc_for_bad),
    "gzip-bomb-feed": Case(S.GzipBombFeed, 0, options={"max_bytes": 2 * S.MB}, where="feed"),
    "redirect-loop": Case(S.EndlessRedirects, 1, check=_bounded_redirects),
    "50mb-page": Case(S.HugePage, 1, check=_no_doc_for_bad, where="article (no Content-Length)"),
    "50mb-declared": Case(S.HugePageDeclared, 1, check=_no_doc_for_bad, where="article (Content-Length)"),
    "malformed-xml": Case(S.MalformedFeed, 1, where="feed"),
    "garbage-feed": Case(S.GarbageFeed, 0, where="feed"),
    "billion-laughs": Case(S.BillionLaughs, 0, check=_no_entities, where="feed"),
    "xxe": Case(S.ExternalEntity, 0, check=_no_entities, where="feed"),
    "windows-1258": Case(S.Windows1258, 1, failure=False, check=_vietnamese_text("Nghệ An"), where="article charset"),
    "tcvn3": Case(S.Tcvn3, 1, failure=False, check=_tcvn3, where="article charset"),
    "nfd": Case(S.Nfd, 1, failure=False, check=_vietnamese_text("Lạng Sơn"), where="article Unicode form"),
    "10k-items": Case(S.HugeFeed, 1, failure=False, options={"max_articles_per_source": 25},
                      check=_ten_thousand, where="feed"),
    "foreign-sitemap": Case(S.ForeignSitemap, 1, failure=False, check=_own_host_only, where="sitemap"),
}


@pytest.fixture(scope="module")
def healthy() -> Any:
    with S.Healthy() as site:
        yield site


def _failure_recorded(s: Stored, site: S.FaultSite) -> None:
    fetches = s.fetches_of(site.source_id)
    failed = [f for f in fetches if f["error"] or f["status"] is None or f["status"] >= 400]
    assert failed, f"no failed fetch recorded for {site.source_id}: {fetches}"
    health = s.health[site.source_id]
    assert health["errors"] > 0 or health["last_error"], health
    if not s.docs_of(site.source_id):
        assert health["health"] == "failing", health


def _no_partial_rows(s: Stored) -> None:
    for d in s.documents:
        flagged = bool(d["extraction_flags"])
        assert (d["text"] and len(d["text"]) > 100) or flagged, d
        assert d["title"] or flagged, d
    assert s.classifications == len(s.documents) * len(list_plans())  # one classification per document and plan


@pytest.mark.parametrize("name", list(CASES))
def test_fault(name: str, home: Paths, tmp_path: Path, healthy: S.FaultSite) -> None:
    case = CASES[name]
    started = time.monotonic()
    with case.site() as site, S.OtherHost() as other:
        if isinstance(site, S.ForeignSitemap):
            site.other_base = other.base
        # `init` knew only the healthy outlet: the fault source was added to the sources file afterwards.
        initialize(home, str(write_sources(tmp_path / "init.toml", [healthy.source()])))
        sources = write_sources(tmp_path / "sources.toml", [healthy.source(), site.source()])
        first = nightly(home, sources, **case.options)
        s = stored(home)

        assert len(s.docs_of("healthy")) == 2, "the healthy source must be stored"
        assert s.health["healthy"]["health"] == "ok"
        assert len(s.docs_of(site.source_id)) == case.docs, s.docs_of(site.source_id)
        if case.failure:
            _failure_recorded(s, site)
        assert site.source_id in s.health
        _no_partial_rows(s)
        assert s.duplicates() == 0
        if case.check:
            case.check(s, site)
        assert not other.hits, "a page of another host was fetched"

        second = nightly(home, sources, **case.options)
        again = stored(home)
        assert [d["doc_id"] for d in again.documents] == [d["doc_id"] for d in s.documents]
        assert again.duplicates() == 0
        assert second.documents_new == 0
    record(name, fault=name, where=case.where, site=type(site).__name__, survived=True, runs=2,
           documents=len(s.documents), fault_docs=case.docs, duplicates=again.duplicates(), rows_lost=0,
           fetches=first.fetches, failure_recorded=case.failure,
           last_error=(s.health[site.source_id]["last_error"] or "")[:160],
           seconds=round(time.monotonic() - started, 1))
