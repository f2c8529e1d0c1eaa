"""Registry-wide checks, parametrized over every source (Fundus style): article patterns match the
outlet's example article URLs, and never its homepage, feeds, sitemaps, listing or search pages."""

from __future__ import annotations

import pytest

from crawlers.registry import Source, fill_template, load_sources
from crawlers.urls import canonical_url

SOURCES = load_sources(None)
WITH_PATTERN = [s for s in SOURCES if s.article_url_pattern]


@pytest.mark.parametrize("source", WITH_PATTERN, ids=[s.id for s in WITH_PATTERN])
def test_article_pattern_on_examples_and_non_articles(source: Source) -> None:
    assert source.example_articles, f"{source.id}: add example_articles for its article_url_pattern"
    for url in source.example_articles:
        assert source.is_article(url) and source.is_article(canonical_url(url)), url
    others = [source.homepage, *source.feeds, *source.sitemaps,
              *(li.page_url(li.first_page) for li in source.listings), *(li.page_url(2) for li in source.listings)]
    if source.search:
        others.append(fill_template(source.search, page=1, query="mầm non"))
    for url in others:
        assert not source.is_article(url), f"{source.id}: {url} looks like an article to {source.article_url_pattern}"


def test_every_provincial_source_has_both_provinces() -> None:
    for s in SOURCES:
        if s.scope == "provincial":
            assert s.province_historical and s.province_current, s.id


def test_plan_channels_reference_registry_ids() -> None:
    import tomllib

    from planwatch.config import data_path

    ids = {s.id for s in SOURCES}
    for plan in data_path("plans").glob("*.toml"):
        for channel in tomllib.loads(plan.read_text(encoding="utf-8")).get("channels", []):
            missing = set(channel.get("source_ids", [])) - ids
            assert not missing, f"{plan.name} channel {channel.get('id')}: unknown source ids {missing}"


def test_every_source_says_where_its_facts_come_from() -> None:
    """Each [[source]] of data/sources writes `verified` itself (no silent default) and backs 'evidence' or
    'live' with dated evidence; the sources the December 2026 evidence corrected are on evidence."""
    import tomllib

    from planwatch.config import data_path

    for path in sorted(data_path("sources").glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("source", []):
            assert entry.get("verified") in ("evidence", "live", "guess"), f"{path.name}: {entry['id']}"
    every = load_sources(None, include_disabled=True)
    for s in every:
        if s.verified != "guess":
            assert s.evidence and all(e.date[:4].isdigit() for e in s.evidence), s.id
    on_evidence = {s.id for s in every if s.verified == "evidence"}
    assert {"moet-portal", "moet-portal-legacy", "giaoducthoidai", "tuoitre", "vtv", "thanhnien", "vov", "vietnamnet",
            "baonghean", "hanoimoi", "hanoitv", "baothainguyen", "baokhanhhoa", "baochinhphu", "nld"} <= on_evidence


def test_corrections_from_the_december_2026_evidence() -> None:
    by_id = {s.id: s for s in load_sources(None, include_disabled=True)}
    moet = by_id["moet-portal"]
    press = next(li for li in moet.listings if "thong-tin-bao-chi-ve-giao-duc" in li.url)
    assert not press.paged and press.max_pages == 1 and "page=" not in press.url  # one unpaginated table
    assert by_id["moet-portal-legacy"].is_article(
        "https://moet.gov.vn/GiaoDucQuocDan/giao-duc-mam-non/pages/tin-tuc.aspx?itemid=7001")
    assert by_id["tuoitre"].is_article("https://tuoitre.vn/a-b-c-202603070701149.htm")  # 15 digits
    assert by_id["vtv"].is_article("https://vtv.vn/a-b-c-2026030707011493.htm")  # 16 digits
    assert by_id["thanhnien"].is_article("https://thanhnien.vn/giao-duc/a-b-949624.html")
    assert by_id["vov"].is_article("https://vov.vn/xa-hoi/a-b-824212.vov")
    assert by_id["giaoducthoidai"].is_article("http://giaoducthoidai.vn/khoa-hoc/a-b-2903321-l.html")
    assert "https://giaoducthoidai.vn/rss/giao-duc-17.rss" in by_id["giaoducthoidai"].feeds
    assert by_id["vietnamnet"].feeds == ("https://vietnamnet.vn/giao-duc.rss",)
    assert all(not f.endswith(".rss") for f in by_id["baonghean"].feeds + by_id["hanoimoi"].feeds)
    assert all("/rss/" in f for f in by_id["hanoitv"].feeds)
    for sid in ("baothainguyen", "baokhanhhoa"):
        assert by_id[sid].is_article(f"https://{sid}.vn/xa-hoi/202408/mot-bai-viet-3ac6d79/")
    assert by_id["hanoimoi"].layout == "hanoimoi-v1"


def test_one_page_listing_needs_max_pages_1(tmp_path) -> None:
    from crawlers.registry import RegistryError
    from tests.crawl.helpers import write_sources

    ok = write_sources(tmp_path / "ok.toml", [{"id": "a", "homepage": "https://a.vn/",
                                                "listings": [{"url": "https://a.vn/bang-tin", "max_pages": 1}]}])
    assert not load_sources(ok)[0].listings[0].paged
    bad = write_sources(tmp_path / "bad.toml", [{"id": "b", "homepage": "https://b.vn/",
                                                 "listings": [{"url": "https://b.vn/bang-tin", "max_pages": 5}]}])
    with pytest.raises(RegistryError, match="max_pages = 1"):
        load_sources(bad)
    wrong = write_sources(tmp_path / "w.toml", [{"id": "c", "homepage": "https://c.vn/", "verified": "evidence"}])
    with pytest.raises(RegistryError, match="needs its evidence"):
        load_sources(wrong)
