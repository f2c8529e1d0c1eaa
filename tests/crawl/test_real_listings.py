"""Discovery on real section pages: each registered outlet's article_url_pattern plus listing discovery picks
exactly the story links a reader sees (tests/crawl/real_listings.toml, written by reading the saved pages in
../shared/real-pages/vn-outlets-2026): no videos, adverts, section or tag links, and none missed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from crawlers.discovery import parse_listing
from crawlers.registry import find_source, load_sources
from planwatch.config import REPO_ROOT

REAL = REPO_ROOT.parent / "shared" / "real-pages" / "vn-outlets-2026"
PAGES = tomllib.loads((Path(__file__).parent / "real_listings.toml").read_text(encoding="utf-8"))["page"]
SOURCES = load_sources(None, include_disabled=True)


@pytest.mark.parametrize("page", PAGES, ids=[p["source"] for p in PAGES])
def test_listing_discovery_picks_exactly_the_stories(page: dict) -> None:
    path = REAL / page["file"]
    if not path.exists():
        pytest.skip("../shared/real-pages not available")
    src = find_source(SOURCES, page["source"])
    assert src is not None, f"{page['source']} is not in data/sources"
    assert src.verified == "evidence" and any(e.kind == "saved-page" for e in src.evidence), src.id
    found = {c.url for c in parse_listing(path.read_bytes().decode("utf-8"), page["url"], src.is_article)}
    want = set(page["articles"])
    assert want, page["file"]
    assert not found - want, f"{src.id}: picked links that are not stories: {sorted(found - want)[:5]}"
    assert not want - found, f"{src.id}: missed stories: {sorted(want - found)[:5]}"


def test_every_saved_section_page_has_a_golden() -> None:
    if not REAL.exists():
        pytest.skip("../shared/real-pages not available")
    saved = {p.name for p in REAL.glob("*_list.html")}
    assert saved == {p["file"] for p in PAGES}


def test_adverts_on_other_hosts_are_not_the_outlets_articles() -> None:
    """dantri's page advertises websosanh.vn stories whose URLs have dantri's id shape."""
    dantri = find_source(SOURCES, "dantri")
    assert dantri is not None
    advert = "https://websosanh.vn/tin-tuc/gia-tivi-sony-85-inch-k-85s30-c52-20260130110720265.htm"
    assert dantri.article_re().search(advert)  # type: ignore[union-attr]
    assert not dantri.is_article(advert)
    assert dantri.is_article("https://m.dantri.com.vn/giao-duc/thi-tot-nghiep-thpt-2026-co-gi-moi-20260209101533221.htm")


def test_a_sources_hosts_are_worked_out_once_for_every_url_it_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """is_article keeps the source's own hosts (without www./m.) once made: a sitemap's thousands of entries each
    re-split every configured URL before; the answers are the same."""
    from crawlers.registry import Source

    calls: list[str] = []
    hosts = Source.hosts
    monkeypatch.setattr(Source, "hosts", lambda self: calls.append(self.id) or hosts(self))
    dantri = find_source(load_sources(None, include_disabled=True), "dantri")
    assert dantri is not None
    urls = ["https://m.dantri.com.vn/giao-duc/thi-tot-nghiep-thpt-2026-co-gi-moi-20260209101533221.htm",
            "https://websosanh.vn/tin-tuc/gia-tivi-sony-85-inch-k-85s30-c52-20260130110720265.htm",
            "https://www.dantri.com.vn/giao-duc/hoc-sinh-20260209101533222.htm"] * 50
    assert [dantri.is_article(u) for u in urls] == [True, False, True] * 50
    assert calls == ["dantri"]
