"""Discovery parsers: feeds, sitemaps, listing and search pages -> candidate article links.

Pure functions over bytes/text, so they are tested without a crawler. XML is parsed defensively: any
entity declaration (billion laughs, external entities) is refused before feedparser or ElementTree see
the document, and the refusal is an error for that source, never a crash."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from crawlers.dates import date_from_url, find_date, parse_date

MAX_XML_BYTES = 50 * 1024 * 1024
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ARTICLE_SUFFIX = re.compile(r"\.(?:html?|ldo|tpo|vov|bbg|aspx|php)$", re.IGNORECASE)


class DiscoveryError(ValueError):
    """A discovery document could not be used (unsafe or malformed); the message says which."""


@dataclass
class Candidate:
    url: str
    title: str = ""
    published: dt.datetime | None = None
    date_origin: str = ""  # feed | sitemap | listing | url
    summary: str = ""

    def hint(self) -> dict[str, Any]:
        return {"title": self.title or None,
                "published": self.published.isoformat() if self.published else None,
                "published_origin": self.date_origin or None,
                "summary": self.summary or None}


# -- XML safety ----------------------------------------------------------------------------------------

def maybe_gunzip(body: bytes, limit: int = MAX_XML_BYTES) -> bytes:
    """Gunzip a .xml.gz body (bounded: a gzip bomb is refused)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise DiscoveryError(f"gzip body expands beyond {limit} bytes: refused (decompression bomb)")
    return data


def check_xml_safety(body: bytes) -> Any:
    """Parse with defusedxml (no entities, no external references). Returns the root element, or None when
    the document is merely malformed; raises DiscoveryError when it is unsafe."""
    if _ENTITY_DECL.search(body[:65536]):
        raise DiscoveryError("XML declares entities (entity expansion / external entity attack?): refused")
    try:
        return SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise DiscoveryError(f"unsafe XML refused: {type(exc).__name__}: {exc}") from exc
    except SafeET.ParseError:
        return None


# -- feeds ---------------------------------------------------------------------------------------------

@dataclass
class Feed:
    items: list[Candidate]
    warning: str = ""  # malformed XML whose items feedparser still recovered


def parse_feed(body: bytes, base_url: str) -> Feed:
    """RSS/Atom items. Dates are parsed from the raw strings ("GMT+7", "ICT", dd/mm/yyyy understood).
    Malformed XML: the items feedparser recovers are used and a warning is returned; none -> error."""
    import feedparser  # here, not at the top: about 0.1 s of the crawl's start, for sources with a feed only

    body = maybe_gunzip(body)
    root = check_xml_safety(body)
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base_url},
                              sanitize_html=False, resolve_relative_uris=False)
    if root is None and not parsed.entries:
        detail = getattr(parsed, "bozo_exception", None)
        raise DiscoveryError(f"malformed feed XML: {detail or 'no items could be read'}")
    if root is not None and not parsed.entries and not _looks_like_feed(root):
        raise DiscoveryError(f"not an RSS/Atom feed (root element <{_local(root.tag)}>)")
    out: list[Candidate] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            for alt in entry.get("links", []):
                if alt.get("href"):
                    link = alt["href"]
                    break
        if not link.strip():  # urljoin(feed, "") is the feed itself: an item without a link is skipped
            continue
        link = urljoin(base_url, link.strip())
        if not link.startswith(("http://", "https://")):
            continue
        raw_date = entry.get("published") or entry.get("updated") or entry.get("dc_date") or entry.get("created")
        published = parse_date(raw_date)
        origin = "feed" if published else ""
        if published is None:
            published = date_from_url(link)
            origin = "url" if published else ""
        summary = re.sub(r"<[^>]+>", " ", entry.get("summary", "") or "")
        out.append(Candidate(url=link, title=(entry.get("title") or "").strip(), published=published,
                             date_origin=origin, summary=" ".join(summary.split())[:1000]))
    warning = ""
    if root is None:
        detail = getattr(parsed, "bozo_exception", None)
        warning = f"malformed feed XML, {len(out)} item(s) recovered: {detail}"
    return Feed(items=out, warning=warning)


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _looks_like_feed(root: Any) -> bool:
    return _local(root.tag) in ("rss", "feed", "rdf")


# -- sitemaps ------------------------------------------------------------------------------------------

@dataclass
class Sitemap:
    kind: str  # index | urlset
    entries: list[Candidate]


def parse_sitemap(body: bytes) -> Sitemap:
    """A sitemap index (child sitemaps with lastmod) or a urlset (with news:publication_date / lastmod)."""
    body = maybe_gunzip(body)
    root = check_xml_safety(body)
    if root is None:
        raise DiscoveryError("malformed sitemap XML")
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        raise DiscoveryError(f"not a sitemap (root element <{kind}>)")
    entries: list[Candidate] = []
    for node in root:
        if _local(node.tag) not in ("sitemap", "url"):
            continue
        loc = lastmod = pubdate = title = ""
        for child in node.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and not loc:
                loc = text
            elif name == "lastmod":
                lastmod = text
            elif name == "publication_date":
                pubdate = text
            elif name == "title" and not title:
                title = text
        if not loc.startswith(("http://", "https://")):
            continue
        published = parse_date(pubdate) or parse_date(lastmod)
        entries.append(Candidate(url=loc, title=title, published=published,
                                 date_origin="sitemap" if published else ""))
    return Sitemap(kind="index" if kind == "sitemapindex" else "urlset", entries=entries)


# -- listing and search pages -------------------------------------------------------------------------------

def default_article_test(base_url: str) -> Callable[[str], bool]:
    """When a source gives no article_url_pattern: same host, and a path that looks like a story
    (a slug with hyphens ending in .html/.htm/... or a long numeric id), or an ItemID/id query."""
    base_host = (urlsplit(base_url).hostname or "").lower()

    def test(url: str) -> bool:
        parts = urlsplit(url)
        if (parts.hostname or "").lower() != base_host:
            return False
        if re.search(r"(?:^|&)(?:itemid|id|newsid)=\d+", parts.query, re.IGNORECASE):
            return True
        last = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return last.count("-") >= 2 and bool(_ARTICLE_SUFFIX.search(last) or re.search(r"\d{5,}", last))

    return test


def parse_listing(html: str, base_url: str, is_article: Callable[[str], bool]) -> list[Candidate]:
    """Article links of a listing or search-results page, each with the date its item shows (the nearest
    date inside the link's own item block: a <time datetime> or a visible date), else a date in its URL."""
    import lxml.html

    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found: dict[str, Candidate] = {}
    anchors: list[tuple[Any, str]] = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        if url.startswith(("http://", "https://")) and is_article(url):
            anchors.append((a, url))
    article_urls_of: dict[Any, set[str]] = {}

    def urls_under(node: Any) -> set[str]:
        cached = article_urls_of.get(node)
        if cached is None:
            cached = set()
            for a in node.iter("a"):
                href = (a.get("href") or "").strip()
                if href:
                    url = urljoin(base_url, href).split("#", 1)[0]
                    if is_article(url):
                        cached.add(url)
            article_urls_of[node] = cached
        return cached

    for a, url in anchors:
        title = " ".join((a.text_content() or a.get("title") or "").split())
        cand = found.get(url)
        if cand is None:
            cand = found[url] = Candidate(url=url)
        if len(title) > len(cand.title):
            cand.title = title
        if cand.published is not None:
            continue
        node = a
        for _ in range(6):
            date = _node_date(node)
            if date is not None:
                cand.published, cand.date_origin = date, "listing"
                break
            parent = node.getparent()
            if parent is None or len(urls_under(parent) - {url}) > 0:
                break
            node = parent
        if cand.published is None:
            date = date_from_url(url)
            if date is not None:
                cand.published, cand.date_origin = date, "url"
    return list(found.values())


def _node_date(node: Any) -> dt.datetime | None:
    for t in node.iter("time"):
        value = t.get("datetime") or t.text_content()
        date = parse_date(value)
        if date is not None:
            return date
    try:
        text = " ".join(node.itertext())  # keep text nodes apart: "Bài 9" + "03/06/2022" is not "903/06"
    except ValueError:
        return None
    return find_date(text) if text else None
