"""Extraction: one stored page -> one document dict (docs/architecture.md, docs/extraction.md).

``extract_page`` decodes the bytes, parses the page once, picks the outlet's layout (data/sources/layouts),
drops ads and related-news boxes, reads title, lead, body, author and tags through the layout's selectors,
and falls back to trafilatura (``bare_extraction``, comments off, no metadata/date search) for the body
when no layout applies or its body selector misses. Dates come from ``pipeline.dates`` (meta, JSON-LD,
the date block near the title, URL, feed hint, first seen), the format from ``pipeline.fmt``, the language
from ``pipeline.language``. Text is NFC with modern tone placement (``pipeline.normalize``).

``extract_page`` itself is a short recipe: ``decode_page``, ``choose_layout`` (by the page's fetch time among a
site's layout versions), then one function per field (``extract_title``, ``extract_lead``, ``extract_author``,
``extract_body``, ``extract_tags``, ``extract_date``, ``extract_format``), each returning its value with its
evidence and the flags it raised (``FieldResult``, ``DateResult``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from lxml.etree import _Element

from pipeline import trafilatura_calls
from pipeline.dates import find_published, parse_vn_datetime
from pipeline.encoding import decode_html, detect_legacy, repair_double_utf8, tcvn3_to_unicode
from pipeline.fmt import detect_format
from pipeline.html_parser import html_parser
from pipeline.language import detect_language
from pipeline.layouts import detect_layout, layout_for, select
from pipeline.normalize import normalize_text
from pipeline.rows import content_hash_of
from planwatch.core.text import clean_lines

EXTRACTOR_VERSION = "extract-1"
GENERIC = "generic"  # source layout id that turns layouts off (trafilatura alone): for checking a layout
SHORT_TEXT = 400
T = TypeVar("T")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BLOCK = _words(
    "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote "
    "figure figcaption table thead tbody tfoot tr td th pre center address hr"
)
_SKIP = _words(
    "script style noscript iframe video audio source picture img svg button form input select textarea "
    "template object embed canvas map head title meta link"
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PARSER = html_parser(remove_comments=True, remove_pis=True)  # lxml.html's element classes, looked up in C
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{2,60}$")


def _parse(text: str) -> _Element | None:
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except Exception:
        return None


def _remove(el: _Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _drop(tree: _Element, selectors: list[str]) -> None:
    for selector in selectors:
        for el in select(tree, [selector]):
            _remove(el)


def block_text(el: _Element) -> list[str]:
    """The element's text as paragraphs: one per block element or <br> line, scripts and players skipped."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        if tag == "br":
            parts.append("\n")
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _first_text(tree: _Element, selectors: list[str]) -> tuple[str, _Element | None]:
    for el in select(tree, selectors):
        text = " ".join(" ".join(el.itertext()).split())
        if text:
            return text, el
    return "", None


def _meta(tree: _Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content:
            found.setdefault(key, []).append(content)
    return found


def _jsonld_author(tree: _Element) -> str:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict):
                continue
            author = item.get("author")
            if isinstance(author, list) and author:
                author = author[0]
            if isinstance(author, dict):
                author = author.get("name")
            if isinstance(author, str) and author.strip():
                return author.strip()
    return ""


def _canonical(tree: _Element, url: str) -> str:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return urljoin(url, link.get("href", "").strip())
    for el in tree.iter("meta"):
        if (el.get("property") or "").lower() == "og:url" and el.get("content"):
            return urljoin(url, el.get("content", "").strip())
    return url


_TITLE_TAGS = ("h1", "h2", "h3", "div", "span", "p", "a", "strong")


def _find_title_element(tree: _Element, title: str) -> _Element | None:
    """The element showing the title (an h1, or an h2/div with the same text): where the date block is near."""
    wanted = " ".join(title.split())
    best: _Element | None = None
    for el in tree.iter(*_TITLE_TAGS):
        # headings by their whole text; other elements by their own text only (cheap on big containers)
        text = el.text_content() if el.tag in ("h1", "h2", "h3") else (el.text or "")
        if " ".join(text.split()) != wanted:
            continue
        if el.tag == "h1":
            return el
        if best is None or (el.tag in ("h2", "h3") and best.tag not in ("h2", "h3")):
            best = el
    return best


# Boxes that are never the article body on a page without a layout (pruned before trafilatura, unless they
# hold the title): related news, "tin khác", comments, footers.
_GENERIC_PRUNE = re.compile(
    r"related|relate\b|lien-?quan|tin-?khac|tinkhac|other-?news|news-?other|box-?other|xem-?them|"
    r"cung-?chuyen-?muc|tin-?cung|footer|copyright|comment|binh-?luan",
    re.I,
)
_LEAD_CLASS = re.compile(r"sapo|lead|desc|summary|chapeau|intro|tom-?tat|teaser", re.I)


# The only elements _prune_generic can remove: a footer, nav or aside, or one with a class or id to match (one XPath
# instead of a Python test of every element).
_PRUNE_CANDIDATES = etree.XPath("//footer | //nav | //aside | //*[@class or @id]")


def _marker(el: _Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _prune_generic(tree: _Element, title_el: _Element | None) -> None:
    # a set of the elements themselves: it keeps their lxml proxies alive, so identity is stable (id() of
    # short-lived proxies is reused and would match unrelated elements)
    keep: set[_Element] = {title_el, *title_el.iterancestors()} if title_el is not None else set()
    doomed = [
        el
        for el in _PRUNE_CANDIDATES(tree)  # in document order, as tree.iter() gave them
        if el.tag not in ("html", "body")
        and el not in keep
        and (el.tag in ("footer", "nav", "aside") or (_marker(el) and _GENERIC_PRUNE.search(_marker(el))))
    ]
    for el in doomed:
        if el.getparent() is not None:
            _remove(el)


def _generic_lead(tree: _Element, title_el: _Element | None) -> str:
    """A short sapo/lead/description block just after the title, on a page without a layout."""
    if title_el is None:
        return ""
    seen = 0
    for el in title_el.itersiblings():
        for node in el.iter():
            seen += 1
            if seen > 40:
                return ""
            if isinstance(node.tag, str) and _LEAD_CLASS.search(_marker(node)):
                text = " ".join(node.text_content().split())
                if 20 <= len(text) <= 600:
                    return text
    return ""


_META_LINE = re.compile(r"lượt xem|lượt đọc|bình luận|chia sẻ|cỡ chữ|in bài|views?\b", re.I)


def _strip_page_furniture(paragraphs: list[str], title: str, lead: str) -> list[str]:
    """trafilatura's text of a page without a layout can start with the title, a date line, a view counter
    or the lead (sometimes run together on one line): cut them off the top."""
    for _ in range(6):
        if not paragraphs:
            break
        first = paragraphs[0]
        repeated = first in (title, lead) or bool(lead and lead.startswith(first))
        meta_line = len(first) <= 90 and (parse_vn_datetime(first) is not None or bool(_META_LINE.search(first)))
        if repeated or meta_line:
            paragraphs.pop(0)
        elif lead and len(lead) >= 40 and lead in first and not first.endswith(lead):
            paragraphs[0] = first.split(lead, 1)[1].strip()
        elif title and first.startswith(title) and parse_vn_datetime(first[len(title) : len(title) + 90]):
            paragraphs[0] = first[len(title) :].strip()  # a header run together: title, byline, date, ...
        else:
            break
    return [p for p in paragraphs if p]


def _common_ancestor(a: _Element | None, b: _Element | None) -> _Element | None:
    if a is None or b is None:
        return a if b is None else b
    ancestors: set[_Element] = {a, *a.iterancestors()}
    node: _Element | None = b
    while node is not None:
        if node in ancestors:
            return node
        node = node.getparent()
    return None


def _trafilatura_text(tree: _Element, url: str, fast: bool = False) -> str:
    """The body as trafilatura sees it (comments off, no metadata: its date search is the slow part; fast:
    without its readability/justext comparison, see pipeline.trafilatura_calls)."""
    return trafilatura_calls.body_text(tree, url or None, fast=fast)


def _generic_author(tree: _Element, meta: dict[str, list[str]], site_names: set[str]) -> str:
    for key in ("article:author", "author", "dc.creator", "parsely-author"):
        for value in meta.get(key, []):
            if value.startswith("http"):
                continue
            if " " in value and value.lower() not in site_names:
                return value
    author = _jsonld_author(tree)
    if author and author.lower() not in site_names:
        return author
    try:
        found = trafilatura_calls.author(tree)
    except Exception:
        found = None
    return found or ""


def split_tags(value: str) -> list[str]:
    """One tag string as its tags: "a, b;c" -> ["a", "b", "c"]."""
    return [t.strip() for t in re.split(r"[,;]", value) if t.strip()]


# UI text that sits inside author blocks: "và 1 tác giả khác", "Theo dõi", "Tác giả:".
_AUTHOR_UI = re.compile(
    r"\bvà\s+\d+\s+tác\s+giả\s+khác\b|\btheo\s+dõi\b|^\s*(?:tác\s+giả|bài|người\s+viết)\s*:\s*|^\s*theo\s+(?=\w)",
    re.I,
)
_AUTHOR_LINK = re.compile(r"/(?:tac-gia|author|tacgia)/", re.I)


def author_names(el: _Element | None, text: str) -> str:
    """The author names of an author block, comma-separated, without UI text and duplicates. Names come from
    the block's author-profile links when it has them (one link per name), else from its text."""
    names: list[str] = []
    if el is not None:
        for a in el.iter("a"):
            name = " ".join(a.text_content().split())
            if name and _AUTHOR_LINK.search(a.get("href") or ""):
                names.append(name)
    if not names:
        cleaned = " ".join(_AUTHOR_UI.sub(" ", text).split())
        names = [n.strip() for n in re.split(r"\s*(?:,|;|\s-\s)\s*", cleaned) if n.strip()]
    unique: dict[str, str] = {}
    for name in names:
        name = _AUTHOR_UI.sub(" ", name).strip(" .-–")
        if name:
            unique.setdefault(normalize_text(name).casefold(), " ".join(name.split()))
    return ", ".join(unique.values())


LISTING_HEADLINES = 8


def _listing_like(tree: _Element, meta: dict[str, list[str]]) -> bool:
    """A section/listing page rather than an article: many linked headlines left after pruning, and no
    article markup (og:type article, a publication-time meta)."""
    if "article" in (meta.get("og:type") or [""])[0].lower() or "article:published_time" in meta:
        return False
    headlines = sum(1 for h in tree.iter("h2", "h3", "h4") if h.find(".//a") is not None)
    return headlines >= LISTING_HEADLINES


def _quality(title: str, text: str, date_source: str | None, date_conf: float, language: str,
             flags: list[str], link_density: float) -> float:
    score = 0.0
    score += 0.2 if title else 0.0
    score += 0.4 * min(len(text) / 1500, 1.0)
    score += 0.15 * (date_conf if date_source not in (None, "first_seen") else 0.0)
    score += 0.15 if language == "vi" else (0.05 if language == "en" else 0.0)
    score += 0.1 if "generic_layout" not in flags and "layout_miss" not in flags else 0.05
    if link_density > 0.5:
        score *= 0.5
    if "legacy_encoding" in flags:
        score *= 0.8
    if "listing_like" in flags:
        score *= 0.4
    return round(max(0.0, min(score, 1.0)), 3)


def content_hash(title: str, text: str) -> str:
    """sha256 of the normalized title and text (what exact-duplicate detection compares)."""
    return content_hash_of(normalize_text(title), normalize_text(text))


@dataclass(frozen=True)
class FieldResult(Generic[T]):
    """One field of a page as read: its value, where it came from (``evidence``: "layout", "og:title",
    "trafilatura", ...), the extraction flags it raised, and the element it was read from when a later field
    needs it (the title's element places the date block; the body's bounds the format cues)."""

    value: T
    evidence: str | None = None
    flags: tuple[str, ...] = ()
    element: _Element | None = None


@dataclass(frozen=True)
class DateResult:
    """The publication time, its source (meta, json-ld, visible, url, feed, first_seen or None: the evidence)
    and confidence, with the flags the date search raised."""

    value: datetime | None
    source: str | None
    confidence: float
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Page:
    """A parsed page: the lxml tree (the layout's ``drop`` applied once chosen), its URL and its meta tags
    (read before the drop)."""

    tree: _Element
    url: str
    meta: dict[str, list[str]]


def decode_page(html: bytes | str, source: Mapping[str, Any],
                hint: Mapping[str, Any]) -> FieldResult[_Element]:
    """Bytes -> the lxml tree (evidence: the codec used). Flags: the decoder's, double_utf8_repaired,
    unparseable (junk gives an empty page)."""
    flags: list[str] = []
    declared = hint.get("encoding") or hint.get("content_type") or source.get("encoding")
    text_html, codec, enc_flags = decode_html(html, declared)
    flags += enc_flags
    text_html, repaired = repair_double_utf8(text_html)
    if repaired:
        flags.append("double_utf8_repaired")
    tree = _parse(text_html)
    if tree is None:
        tree = _parse("<html><body></body></html>")
        flags.append("unparseable")
    assert tree is not None
    return FieldResult(tree, codec, tuple(flags))


def choose_layout(tree: _Element, url: str, source: Mapping[str, Any],
                  fetched_at: datetime | None = None) -> FieldResult[dict[str, Any] | None]:
    """The layout to read the page with: the source's ``layout`` id (or the version of its site that was live
    at ``fetched_at``: pipeline.layouts), else detection, else None for the generic path (evidence: "source",
    "source_site" for another version of the source's site, "detected" or "generic"). Flags: unknown_layout,
    generic_layout."""
    forced = str(source.get("layout") or "")
    flags: list[str] = []
    if forced and forced != GENERIC:
        try:
            layout = layout_for(forced, fetched_at)
        except KeyError:  # a registry naming a layout file that does not exist: detect, and say so
            flags.append("unknown_layout")
        else:
            if layout is not None:
                return FieldResult(layout, "source" if layout["id"] == forced else "source_site")
    layout = detect_layout(tree, url, fetched_at=fetched_at) if forced != GENERIC else None
    if layout is None:
        flags.append("generic_layout")
    return FieldResult(layout, "detected" if layout else "generic", tuple(flags))


def extract_title(page: _Page, layout: Mapping[str, Any] | None, hint: Mapping[str, Any]) -> FieldResult[str]:
    """The layout's title selector, og:title, the first h1, <title> without the site suffix, the discovery
    hint. Element: where the title shows on the page (the date block is searched near it)."""
    tree, evidence = page.tree, "layout"
    title, title_el = _first_text(tree, layout["title"]) if layout else ("", None)
    if not title:
        title, evidence = (page.meta.get("og:title") or [""])[0], "og:title"
    if not title:
        (title, title_el), evidence = _first_text(tree, ["h1"]), "h1"
    if not title:
        t = tree.find(".//title")
        title, evidence = _TITLE_SUFFIX.sub("", " ".join((t.text_content() if t is not None else "").split())), "title"
    if not title and hint.get("title"):
        title, evidence = str(hint["title"]), "hint"
    if title_el is None and title:
        title_el = _find_title_element(tree, title)
    return FieldResult(title, evidence if title else None, element=title_el)


def extract_lead(page: _Page, layout: Mapping[str, Any] | None, title_el: _Element | None) -> FieldResult[str]:
    """The layout's lead selector; without a layout, a sapo-like block after the title, then the description
    meta. A short date line is never a lead."""
    lead, _lead_el = _first_text(page.tree, layout["lead"]) if layout else ("", None)
    evidence = "layout"
    if not lead and not layout:
        lead, evidence = _generic_lead(page.tree, title_el), "lead_block"
    if lead and len(lead) <= 60 and parse_vn_datetime(lead) is not None:
        lead = ""  # a date line with a lead-like class name (dantri's "Thứ bảy, 07/03/2026 - 08:07")
    if not lead and not layout:
        lead, evidence = (page.meta.get("og:description") or page.meta.get("description") or [""])[0], "description"
        lead = re.sub(r"\s+-\s+\w+$", "", lead) if lead.endswith(("VnExpress", "Express")) else lead
    return FieldResult(lead, evidence if lead else None)


def extract_author(page: _Page, layout: Mapping[str, Any] | None) -> FieldResult[str]:
    """The layout's author block (names from its author-profile links, else its text), then author metas,
    JSON-LD and trafilatura's author search, never the site's own name. Read before the body, so that its
    line can be cut off the text."""
    author, author_el = _first_text(page.tree, layout["author"]) if layout else ("", None)
    author = author_names(author_el, author)
    if author:
        return FieldResult(author, "layout", element=author_el)
    site_names = {v.lower() for k in ("og:site_name", "copyright", "source") for v in page.meta.get(k, [])}
    author = author_names(None, _generic_author(page.tree, page.meta, site_names | {"vnexpress"}))
    return FieldResult(author, "generic" if author else None)


def extract_body(page: _Page, layout: Mapping[str, Any] | None, title: FieldResult[str], lead: str,
                 author: str) -> FieldResult[str]:
    """The layout's body block minus ``body_drop``; else trafilatura on the page pruned of related-news boxes,
    footers and comments. The title, lead and author lines are cut off its ends. Flags: layout_miss,
    trafilatura_fallback. Element: the layout's body block (None on the generic path)."""
    tree, flags, evidence = page.tree, [], "layout"
    found = select(tree, layout["body"]) if layout else []
    body_el = found[0] if found else None
    paragraphs: list[str] = []
    if body_el is not None:
        body_copy = deepcopy(body_el)
        _drop(body_copy, layout["body_drop"] if layout else [])
        paragraphs = block_text(body_copy)
    elif layout is not None:
        flags.append("layout_miss")
    if not paragraphs:
        evidence = "trafilatura"
        _prune_generic(tree, title.element)
        raw = _trafilatura_text(tree, page.url, fast=not _listing_like(tree, page.meta))
        paragraphs = _strip_page_furniture(clean_lines(raw), title.value, lead)
        if layout is not None:
            flags.append("trafilatura_fallback")
    while paragraphs and (paragraphs[0] in (title.value, lead) or (lead and lead.startswith(paragraphs[0]))):
        paragraphs.pop(0)
    if author and paragraphs and paragraphs[-1].strip(" .-–") in (author, f"Theo {author}"):
        paragraphs.pop()
    return FieldResult("\n".join(paragraphs), evidence, tuple(flags), element=body_el)


def extract_tags(page: _Page, layout: Mapping[str, Any] | None) -> FieldResult[list[str]]:
    """The layout's tag links, else article:tag metas (several comma-joined in one, as Tuổi Trẻ and VnExpress
    write them) and news_keywords/keywords; '#' and duplicates removed, NFC."""
    tags: list[str] = []
    evidence = "layout"
    if layout and layout["tags"]:
        tags = [" ".join(el.text_content().split()) for el in select(page.tree, layout["tags"])]
    if not tags:
        evidence = "meta"
        tags = [t for value in page.meta.get("article:tag", []) for t in split_tags(value)]
        for key in ("news_keywords", "keywords"):
            if key in page.meta:
                tags += split_tags(page.meta[key][0])
                break
    unique: dict[str, str] = {}
    for tag in (normalize_text(t.strip().lstrip("#").strip()) for t in tags if t and t.strip().lstrip("#").strip()):
        unique.setdefault(tag.casefold(), tag)
    return FieldResult(list(unique.values()), evidence if unique else None)


def _legacy_fonts(title: str, lead: str, text: str, author: str,
                  tags: list[str]) -> tuple[tuple[str, str, str, str, list[str]], tuple[str, ...]]:
    """Text typed in a legacy font encoding: flagged, and converted when it is TCVN3."""
    legacy = detect_legacy(f"{title}\n{lead}\n{text}")
    if not legacy:
        return (title, lead, text, author, tags), ()
    flags = ["legacy_encoding", f"legacy_{legacy}"]
    if legacy == "tcvn3":
        title, lead, text, author = (tcvn3_to_unicode(s) for s in (title, lead, text, author))
        tags = [tcvn3_to_unicode(t) for t in tags]
        flags.append("legacy_converted")
    return (title, lead, text, author, tags), tuple(flags)


def extract_date(page: _Page, layout: Mapping[str, Any] | None, hint: Mapping[str, Any],
                 title_el: _Element | None, fetched_at: datetime | None) -> DateResult:
    """pipeline.dates.find_published with the layout's date selectors. Flags: the date search's notes, no_date,
    date_from_url/feed/first_seen."""
    notes: list[str] = []
    published_at, date_source, confidence = find_published(
        page.tree, page.url, hint,
        {"date": layout["date"], "title": layout["title"], "dates": layout.get("dates", {})} if layout else None,
        title_el=title_el, fetched_at=fetched_at, notes=notes,
    )
    if date_source is None:
        notes.append("no_date")
    elif date_source in ("url", "feed", "first_seen"):
        notes.append(f"date_from_{date_source}")
    return DateResult(published_at, date_source, confidence, tuple(notes))


def extract_format(page: _Page, layout: Mapping[str, Any] | None, source: Mapping[str, Any], *, title: str,
                   lead: str, text: str, title_el: _Element | None,
                   body_el: _Element | None) -> FieldResult[str]:
    """pipeline.fmt.detect_format over the article's region (title to body) when a layout placed them, else
    over the whole page; evidence: the cues, "; "-joined."""
    region = _common_ancestor(title_el, body_el) if layout else None
    fmt, evidence = detect_format(
        region if region is not None else page.tree,
        title=title, lead=lead, text=text, url=page.url, source=source, layout=layout,
    )
    return FieldResult(fmt, evidence)


def _text_flags(page: _Page, title: str, text: str, body_el: _Element | None) -> tuple[float, tuple[str, ...]]:
    """(link density of the body block, flags): empty_text, short_text, no_title, link_heavy, listing_like."""
    flags: list[str] = []
    if not text:
        flags.append("empty_text")
    elif len(text) < SHORT_TEXT:
        flags.append("short_text")
    if not title:
        flags.append("no_title")
    link_density = 0.0
    if body_el is not None:
        body_chars = len(" ".join(body_el.itertext())) or 1
        link_chars = sum(len(" ".join(a.itertext())) for a in body_el.iter("a"))
        link_density = link_chars / body_chars
        if link_density > 0.5:
            flags.append("link_heavy")
    elif _listing_like(page.tree, page.meta):
        flags.append("listing_like")
    return link_density, tuple(flags)


def extract_page(
    html: bytes | str,
    url: str,
    *,
    source: Mapping[str, Any] | None = None,
    hint: Mapping[str, Any] | None = None,
    fetched_at: datetime | None = None,
    known_language: Callable[[str, str, str], str | None] | None = None,
) -> dict[str, Any]:
    """One page -> the document dict of docs/architecture.md: a recipe over one function per field, each
    returning its value with its evidence and flags (the flags are joined in this order). known_language: the
    language of a title, lead and text already decided (a reprocess: the stored one, when the stored document
    has the same three and the same language code, pipeline.reuse.known_language), else None: detected."""
    source = source or {}
    hint = hint or {}
    decoded = decode_page(html, source, hint)
    tree = decoded.value
    chosen = choose_layout(tree, url, source, fetched_at)
    layout = chosen.value
    canonical_url = _canonical(tree, url)
    page = _Page(tree, url, _meta(tree))
    _drop(tree, (layout or {}).get("drop", []))

    title = extract_title(page, layout, hint)
    lead = extract_lead(page, layout, title.element)
    author = extract_author(page, layout)
    body = extract_body(page, layout, title, lead.value, author.value)
    tags = extract_tags(page, layout)
    (title_s, lead_s, text, author_s, tag_list), legacy_flags = _legacy_fonts(
        title.value, lead.value, body.value, author.value, tags.value)
    title_s, lead_s, text, author_s = (normalize_text(s) for s in (title_s, lead_s, text, author_s))
    date = extract_date(page, layout, hint, title.element, fetched_at)
    language = (known_language and known_language(title_s, lead_s, text)) or detect_language(
        f"{title_s}\n{lead_s}\n{text}")
    fmt = extract_format(page, layout, source, title=title_s, lead=lead_s, text=text,
                         title_el=title.element, body_el=body.element)
    link_density, text_flags = _text_flags(page, title_s, text, body.element)
    flags = [*decoded.flags, *chosen.flags, *body.flags, *legacy_flags, *date.flags,
             *(["not_vietnamese"] if language != "vi" else []), *text_flags]

    return {
        "url": url,
        "canonical_url": canonical_url,
        "title": title_s,
        "lead": lead_s,
        "text": text,
        "author": author_s or None,
        "tags": tag_list,
        "language": language,
        "published_at": date.value,
        "date_source": date.source,
        "date_confidence": round(date.confidence, 3),
        "format": fmt.value,
        "format_evidence": fmt.evidence,
        "extraction_quality": _quality(title_s, text, date.source, date.confidence, language, flags, link_density),
        "extraction_flags": flags,
        "content_hash": content_hash_of(title_s, text),  # both went through normalize_text above
        "layout": layout["id"] if layout else None,
        "encoding": decoded.evidence,
        "extractor_version": EXTRACTOR_VERSION,
    }


def to_json(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The document with ``published_at`` as ISO 8601 (with offset) or null: what the CLI prints."""
    out = dict(doc)
    value = out.get("published_at")
    out["published_at"] = value.isoformat() if isinstance(value, datetime) else None
    return out
