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
