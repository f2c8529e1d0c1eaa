"""Property-based fuzzing (hypothesis) of every parser that takes outside input: HTML decoding and extraction,
date parsing, feed, sitemap and listing parsing, the sources TOML loader, the review CSV import and the SQL
guard. Each either succeeds or raises its own clear error type; nothing else escapes, nothing hangs.

The budget is fixed so CI time is bounded: derandomized (the same examples every run), at most
MAX_EXAMPLES per property, inputs capped at a few KB, no example database written to disk."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawlers.dates import date_from_url, find_date, parse_date
from crawlers.discovery import DiscoveryError, default_article_test, parse_feed, parse_listing, parse_sitemap
from crawlers.registry import RegistryError, load_sources
from pipeline.dates import find_published, parse_vn_datetime, url_date
from pipeline.encoding import decode_html
from pipeline.extract import extract_page
from pipeline.review.csvio import ImportResult, import_decisions
from pipeline.review.queue import ReviewState
from pipeline.snapshot import open_snapshot
from pipeline.sqlguard import SqlRefused, check_query, lock_down
from planwatch.config import Paths
from tests.support.warehouse import classification, document, seed

MAX_EXAMPLES = 60
FUZZ = settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# -- building blocks --------------------------------------------------------------------------------------
VI = "àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐ"
text = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(VI), max_size=120)
small_text = st.text(max_size=40)
numbers = st.integers(min_value=-5, max_value=10_000).map(str)
date_like = st.builds(
    lambda d, m, y, h, mi, sep, tz: f"{d}{sep}{m}{sep}{y} {h}:{mi} {tz}",
    numbers, numbers, numbers, numbers, numbers, st.sampled_from(["/", "-", ".", " tháng "]),
    st.sampled_from(["", "GMT+7", "GMT+07:00", "+0700", "ICT", "UTC", "Z", "(GMT+7)", "SA", "CH", "GMT+99"]))
dates = st.one_of(text, date_like, st.sampled_from(["Thứ hai, 20/06/2022 08:30 (GMT+7)", "2022-06-20T08:30:00+07:00",
                                                    "31/02/2022", "00/00/0000", "20/6/22", "2022-13-45"]))
urls = st.one_of(st.builds(lambda p, q: f"http://127.0.0.1/{p}?{q}", small_text, small_text), small_text,
                 st.sampled_from(["http://x.vn/2022/06/20/a.html", "https://x.vn/a-20220620.html", "//x", ":"]))

TAGS = ["p", "div", "h1", "article", "time", "span", "script", "meta", "a", "title", "table", "br", "!--"]
ATTRS = ['charset="{}"', 'content="{}"', 'datetime="{}"', 'property="article:published_time"', 'href="{}"',
         'class="{}"', 'http-equiv="Content-Type"', 'name="pubdate"', 'type="application/ld+json"']


@st.composite
def html_docs(draw: Any) -> bytes:
    parts = ['<!doctype html><html><head>' if draw(st.booleans()) else ""]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        attrs = " ".join(a.format(draw(st.one_of(small_text, dates))) for a in
                         draw(st.lists(st.sampled_from(ATTRS), max_size=3)))
        inner = draw(st.one_of(text, dates))
        parts.append(f"<{tag} {attrs}>{inner}</{tag}>" if draw(st.booleans()) else f"<{tag} {attrs}>{inner}")
    doc = "".join(parts)
    codec = draw(st.sampled_from(["utf-8", "windows-1258", "utf-16", "latin-1", "utf-8-sig"]))
    return doc.encode(codec, errors="replace")


html_input = st.one_of(st.binary(max_size=3000), html_docs())


@st.composite
def feeds(draw: Any) -> bytes:
    items = "".join(
        f"<item><title>{draw(text)}</title><link>{draw(urls)}</link><pubDate>{draw(dates)}</pubDate>"
        f"<description>{draw(text)}</description></item>" for _ in range(draw(st.integers(0, 6))))
    body = draw(st.sampled_from([
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{}</channel></rss>',
        '<feed xmlns="http://www.w3.org/2005/Atom">{}</feed>', "<rss><channel>{}", "{}",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss>{}</rss>']))
    return body.replace("{}", items).encode("utf-8", errors="replace")


@st.composite
def sitemaps(draw: Any) -> bytes:
    entries = "".join(f"<url><loc>{draw(urls)}</loc><lastmod>{draw(dates)}</lastmod></url>"
                      for _ in range(draw(st.integers(0, 6))))
    wrapper = draw(st.sampled_from([
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>',
        '<sitemapindex><sitemap><loc>{}</loc></sitemap></sitemapindex>', "<urlset>{}", "{}"]))
    return wrapper.replace("{}", entries).encode("utf-8", errors="replace")


# -- HTML decoding and extraction ---------------------------------------------------------------------------

@FUZZ
@given(html_input, st.one_of(st.none(), st.sampled_from(["utf-8", "text/html; charset=windows-1258", "bogus",
                                                         "text/html; charset=", "utf-16"]), small_text))
def test_decode_html_always_returns_text(data: bytes, declared: str | None) -> None:
    text_, codec, flags = decode_html(data, declared)
    assert isinstance(text_, str) and isinstance(codec, str) and isinstance(flags, list)


@FUZZ
@given(html_input, urls)
def test_extract_page_always_returns_a_document(data: bytes, url: str) -> None:
    doc = extract_page(data, url)
    assert isinstance(doc, dict) and isinstance(doc.get("text"), str)
    published = doc.get("published_at")
    assert published is None or isinstance(published, dt.datetime)


# -- dates --------------------------------------------------------------------------------------------------

@FUZZ
@given(dates)
def test_date_parsers_return_a_date_or_none(value: str) -> None:
    for parse in (parse_vn_datetime, parse_date, find_date):
        got = parse(value)
        assert got is None or isinstance(got, dt.datetime)


@FUZZ
@given(urls)
def test_url_dates_return_a_date_or_none(url: str) -> None:
    found, confidence = url_date(url)
    assert found is None or isinstance(found, dt.datetime)
    assert 0.0 <= confidence <= 1.0
    assert date_from_url(url) is None or isinstance(date_from_url(url), dt.datetime)


@FUZZ
@given(html_docs(), urls)
def test_find_published_returns_a_date_or_none(data: bytes, url: str) -> None:
    published, source, confidence = find_published(data.decode("utf-8", errors="replace"), url)
    assert published is None or (isinstance(published, dt.datetime) and isinstance(source, str))
    assert 0.0 <= confidence <= 1.0


# -- feeds, sitemaps, listings ----------------------------------------------------------------------------

@FUZZ
@given(st.one_of(st.binary(max_size=2000), feeds()))
def test_parse_feed_succeeds_or_raises_discovery_error(body: bytes) -> None:
    try:
        feed = parse_feed(body, "http://127.0.0.1/rss")
    except DiscoveryError:
        return
    assert all(isinstance(item.url, str) for item in feed.items)


@FUZZ
@given(st.one_of(st.binary(max_size=2000), sitemaps()))
def test_parse_sitemap_succeeds_or_raises_discovery_error(body: bytes) -> None:
    try:
        sitemap = parse_sitemap(body)
    except DiscoveryError:
        return
    assert all(isinstance(entry.url, str) for entry in sitemap.entries)


@FUZZ
@given(html_docs())
def test_parse_listing_returns_candidates(data: bytes) -> None:
    base = "http://127.0.0.1/tin-tuc/"
    found = parse_listing(data.decode("utf-8", errors="replace"), base, default_article_test(base))
    assert all(isinstance(c.url, str) for c in found)


# -- the sources TOML loader ------------------------------------------------------------------------------

KEYS = ["id", "name", "kind", "scope", "province", "homepage", "feeds", "sitemaps", "search", "allow_private",
        "enabled", "verified", "evidence", "listings", "politeness", "layout", "article_url_pattern", "bogus"]
toml_values = st.one_of(st.text(max_size=30).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"')
                                                  .replace("\n", "\\n") + '"'),
                        st.integers(-3, 10**6).map(str), st.sampled_from(["true", "false", "[]", '["http://x.vn/"]',
                                                                          '"http://127.0.0.1:1/"', "{}", '"newspaper"',
                                                                          '"central"', "1979-05-27"]))


@st.composite
def sources_toml(draw: Any) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        lines.append(draw(st.sampled_from(["[[source]]", "[[source.listings]]", "[source.politeness]", "[source]"])))
        for key in draw(st.lists(st.sampled_from(KEYS), max_size=8, unique=True)):
            lines.append(f"{key} = {draw(toml_values)}")
    return "\n".join(lines)


@FUZZ
@given(st.one_of(sources_toml(), st.text(max_size=500)))
def test_sources_loader_succeeds_or_raises_registry_error(content: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.toml"
        path.write_text(content, encoding="utf-8", errors="surrogatepass") if _encodable(content) else \
            path.write_bytes(content.encode("utf-8", errors="replace"))
        try:
            sources = load_sources(path)
        except RegistryError as exc:
            assert str(exc)
            return
    assert all(s.id for s in sources)


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- review CSV import and the SQL guard (on a small real snapshot) ------------------------------------------

@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Paths, Any]]:
    paths = Paths(tmp_path_factory.mktemp("fuzz") / "state").ensure()
    seed(paths, documents=[document("d1", "2022-06-01"), document("d2", "2022-07-01")],
         classifications=[classification("d1", "1", "review"), classification("d2", "2b", "review")])
    with open_snapshot(paths) as conn:
        lock_down(conn)
        yield paths, conn


CSV_HEADERS = ["id", "decision", "activity", "format", "date", "note", "bogus", "ID", "Quyết định"]
CSV_CELLS = st.one_of(small_text, st.sampled_from(["confirm", "xác nhận", "reject", "loại", "reopen", "x", "1",
                                                   "2b", "report", "phóng sự", "20/06/2022", "2022-02-30",
                                                   "31/31/2022", "", '"', ";", "\t"]))


@st.composite
def review_csvs(draw: Any) -> bytes:
    sep = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.lists(st.sampled_from(CSV_HEADERS), min_size=0, max_size=7))
    rows = [sep.join(header)]
    for _ in range(draw(st.integers(0, 8))):
        rows.append(sep.join(draw(st.lists(CSV_CELLS, max_size=len(header) + 2))))
    body = "\n".join(rows).encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"])), errors="replace")
    return body


@FUZZ
@given(st.one_of(review_csvs(), st.binary(max_size=1500)))
def test_review_csv_import_reports_bad_rows_and_never_raises(snapshot: tuple[Paths, Any], body: bytes) -> None:
    paths, conn = snapshot
    recorded: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "filled.csv"
        path.write_bytes(body)
        result = import_decisions(path, "Lan", lambda: ReviewState.load(conn, paths), recorded.append)
    assert isinstance(result, ImportResult)
    assert len(result.applied) == len(recorded)
    assert all(isinstance(line, int) and isinstance(msg, str) and msg for line, msg in result.errors)


SQL_WORDS = ["SELECT", "FROM", "WITH", "COPY", "ATTACH", "PRAGMA", "SET", "LOAD", "INSTALL", "EXPORT", "IMPORT",
             "CALL", "documents", "coverage", "read_csv('/etc/passwd')", "(", ")", ";", "'", "--", "/*", "*/", "1",
             "*", "TO", "'/tmp/x'", "DATABASE", "DESCRIBE", "SHOW", "VALUES", "EXPLAIN", "CREATE", "TABLE", "x"]


@FUZZ
@given(st.one_of(st.lists(st.sampled_from(SQL_WORDS), max_size=12).map(" ".join), st.text(max_size=200)))
def test_sql_guard_allows_only_reads_or_raises_sql_refused(snapshot: tuple[Paths, Any], query: str) -> None:
    _, conn = snapshot
    try:
        allowed = check_query(conn, query)
    except SqlRefused as exc:
        assert "\n" not in str(exc)
        return
    (statement,) = conn.extract_statements(allowed)
    assert statement.type.name == "SELECT"
    first = query.lstrip(" \t\n(").split(None, 1)[0].upper() if query.strip(" \t\n(") else ""
    assert not first.startswith(("COPY", "ATTACH", "PRAGMA", "SET", "LOAD", "INSTALL", "EXPORT", "IMPORT", "CALL"))
