"""Publication dates with provenance.

``find_published`` tries, in order, and reports which one answered and how far to trust it:

| source      | where                                                              | confidence |
|-------------|--------------------------------------------------------------------|------------|
| meta        | ``article:published_time``, ``itemprop=datePublished``, ``pubdate``  | 0.95       |
| jsonld      | ``datePublished`` in ``application/ld+json``                       | 0.95       |
| visible     | the layout's date selectors (``time[datetime]`` first)             | 0.90       |
| visible     | a short date-like line near the title (generic pages)              | 0.75       |
| url         | ``/2022/06/15/``, ``-20251201163412554.htm`` (day) / ``/202206/`` (month) | 0.60 / 0.40 |
| feed        | what discovery saw (feed 0.70, sitemap 0.65, listing 0.50)         | 0.50-0.70  |
| first_seen  | when the crawler first fetched the page                            | 0.20       |

The visible search never reads the whole page: only the outlet's date block or a window of short text
lines around the title, skipping footers, navigation, sidebars and related-news boxes, and only full
day-month-year shapes parse, so a footer "© 1997-2023" or "năm học 2025-2026" in the body cannot win.
Times without an offset are Vietnam time (UTC+07:00; no daylight saving since 1975). Every date string (meta,
JSON-LD, date block, URL, discovery's hint) is read by ``planwatch.core.dates``, the parser the crawler's
feeds, sitemaps and listings use too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from lxml import html as lxml_html
from lxml.etree import _Element

from planwatch.core.dates import parse_vn_datetime as parse_vn_datetime  # the one date-string parser
from planwatch.core.dates import url_date as core_url_date
from planwatch.core.vntime import VN_TZ as VN_TZ

CONFIDENCE = {
    "meta": 0.95,
    "jsonld": 0.95,
    "visible_layout": 0.9,
    "visible_near_title": 0.75,
    "url_day": 0.6,
    "url_month": 0.4,
    "feed": 0.7,
    "sitemap": 0.65,
    "listing": 0.5,
    "first_seen": 0.2,
}


# --- the page ------------------------------------------------------------------------------------------
_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_SKIP_BLOCK = re.compile(
    r"related|relate|lien-?quan|lienquan|tin-?khac|tinkhac|other|more-news|morenews|xem-?them|xemthem|"
    r"footer|copyright|sidebar|side-bar|aside|widget|menu|nav|breadcrumb|comment|binh-?luan|most|"
    r"top-?news|hot-?news|box-?news|list-?news|tin-?moi|tin-?cung|cung-?chuyen-?muc|banner|ads?\b|adsweb",
    re.I,
)
# not "form": ASP.NET portals wrap the whole page in one
_SKIP_TAGS = {"footer", "nav", "aside", "script", "style", "noscript", "select", "option"}
_DATEY_CLASS = re.compile(r"date|time|publish|posted|ngay|thoi-?gian|meta|info|byline", re.I)


def as_tree(page: Any) -> _Element | None:
    if page is None:
        return None
    if isinstance(page, _Element):
        return page
    if isinstance(page, bytes):
        page = page.decode("utf-8", "replace")
    if not str(page).strip():
        return None
    try:
        return lxml_html.fromstring(page)
    except Exception:
        return None


def _meta_found(tree: _Element) -> tuple[datetime | None, str | None]:
    """The publication time of the first date meta tag that parses, and its raw value (to tell whether it carries
    an offset): one read of the meta tags, each value parsed once."""
    found = _meta_values(tree)
    for key in _META_KEYS:
        if key in found:
            dt = parse_vn_datetime(found[key])
            if dt:
                return dt, found[key]
    return None, None


_HAS_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$", re.I)


def _meta_values(tree: _Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if not key or not content:
            continue
        if key in _META_KEYS and key not in found:
            found[key] = content
        prop = (el.get("itemprop") or "").lower()
        if prop == "datepublished" and "datepublished" not in found:
            found["datepublished"] = content
    return found


def _walk_jsonld(obj: Any) -> Iterable[str]:
    if isinstance(obj, Mapping):
        value = obj.get("datePublished")
        if isinstance(value, str):
            yield value
        for v in obj.values():
            if isinstance(v, (dict, list)):
                yield from _walk_jsonld(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk_jsonld(v)


def _jsonld_date(tree: _Element) -> datetime | None:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        for value in _walk_jsonld(data):
            dt = parse_vn_datetime(value)
            if dt:
                return dt
    return None


def _css(tree: _Element, selector: str) -> list[_Element]:
    try:
        return list(tree.cssselect(selector))
    except Exception:
        return []


def _element_date(el: _Element) -> datetime | None:
    for attr in ("datetime", "content", "data-time", "data-date", "title"):
        value = el.get(attr)
        if value:
            dt = parse_vn_datetime(value)
            if dt:
                return dt
    return parse_vn_datetime(" ".join(el.itertext()))


def _skipped(el: _Element, stop: set[_Element] | None = None) -> bool:
    """Inside a footer, menu, sidebar or related-news box? Only the boxes between the element and the part
    of the page it shares with the title count: a page whose main column is called "sidebar-1" still works."""
    node: _Element | None = el
    while node is not None and (stop is None or node not in stop):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS:
            return True
        marker = f"{node.get('class') or ''} {node.get('id') or ''}"
        if marker.strip() and _SKIP_BLOCK.search(marker):
            return True
        node = node.getparent()
    return False


def _datey(el: _Element) -> bool:
    node: _Element | None = el
    for _ in range(3):
        if node is None:
            break
        marker = f"{node.get('class') or ''} {node.get('id') or ''} {node.tag if isinstance(node.tag, str) else ''}"
        if _DATEY_CLASS.search(marker):
            return True
        node = node.getparent()
    return False


def _near_title_date(tree: _Element, title_el: _Element | None) -> datetime | None:
    """A short date line close to the title: the outlet's date block on a page without a layout."""
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    if title_el is None:
        h1 = [el for el in elements if el.tag == "h1"]
        title_el = h1[0] if h1 else None
    if title_el is None:
        return None
    index = {id(el): i for i, el in enumerate(elements)}
    t = index.get(id(title_el))
    if t is None:
        return None
    # the elements themselves (not id()s): holding them keeps lxml's proxies, and so identity, stable
    title_line: set[_Element] = {title_el, *title_el.iterancestors()}
    candidates: list[tuple[int, int, datetime]] = []
    for i in range(max(0, t - 40), min(len(elements), t + 60)):
        el = elements[i]
        if el.tag == "time" and el.get("datetime"):
            dt = parse_vn_datetime(el.get("datetime"))
        else:
            own = " ".join((el.text or "").split())
            if not own or len(own) > 90 or not re.search(r"\d{4}", own):
                continue
            dt = parse_vn_datetime(own)
        if dt is None or _skipped(el, title_line):
            continue
        # prefer elements that look like a date block, then the nearest to the title; after beats before
        distance = i - t if i >= t else (t - i) * 2
        candidates.append((0 if (_datey(el) or el.tag == "time") else 1, distance, dt))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def url_date(url: str | None) -> tuple[datetime | None, float]:
    """A date written in the URL (planwatch.core.dates.url_date), with its confidence (day 0.6, month 0.4)."""
    found, precision = core_url_date(url)
    if found is None:
        return None, 0.0
    return found, CONFIDENCE["url_day" if precision == "day" else "url_month"]


def find_published(
    page: Any,
    url: str | None = None,
    hint: Mapping[str, Any] | None = None,
    layout: Mapping[str, Any] | str | None = None,
    *,
    title_el: _Element | None = None,
    fetched_at: datetime | None = None,
    notes: list[str] | None = None,
) -> tuple[datetime | None, str | None, float]:
    """(published_at, date_source, confidence) for a page (lxml tree, HTML str or bytes).

    ``layout`` is a layout id or dict (see pipeline.layouts) whose ``date`` selectors name the date block;
    ``hint`` is what discovery knew (``published`` and ``published_origin``/``origin``: feed, sitemap, listing).
    A meta date without an offset, or any meta date on a layout with ``[dates] prefer_visible = true``, gives
    way to the visible date block; ``notes`` (when given) then receives why (``meta_date_without_offset``,
    ``meta_date_misleading``), which extraction turns into flags.
    """
    if isinstance(layout, str):
        from pipeline.layouts import get_layout

        layout = get_layout(layout)
    tree = as_tree(page)
    if tree is not None:
        dt, raw = _meta_found(tree)
        prefer_visible = bool((layout or {}).get("dates", {}).get("prefer_visible"))
        if dt and (prefer_visible or (raw and not _HAS_OFFSET.search(raw.strip()))):
            # a meta date without an offset (cafef: local time) or one the layout says is misleading
            # (hanoimoi: US month/day order): the visible date block decides when there is one
            seen = _visible_date(tree, layout, title_el)
            if seen is not None:
                if notes is not None:
                    notes.append("meta_date_misleading" if prefer_visible else "meta_date_without_offset")
                return seen, "visible", CONFIDENCE["visible_layout"]
            if prefer_visible:
                dt = None  # never trusted: fall through to JSON-LD, URL, feed
            elif notes is not None:
                notes.append("meta_date_without_offset")
        if dt:
            return dt, "meta", CONFIDENCE["meta"]
        dt = _jsonld_date(tree)
        if dt:
            return dt, "jsonld", CONFIDENCE["jsonld"]
        selectors = list((layout or {}).get("date") or [])
        for selector in selectors:
            for el in _css(tree, selector):
                dt = _element_date(el)
                if dt:
                    return dt, "visible", CONFIDENCE["visible_layout"]
        if title_el is None and layout and layout.get("title"):
            for selector in layout["title"]:
                found = _css(tree, selector)
                if found:
                    title_el = found[0]
                    break
        dt = _near_title_date(tree, title_el)
        if dt:
            return dt, "visible", CONFIDENCE["visible_near_title"]
    dt, conf = url_date(url)
    if dt:
        return dt, "url", conf
    if hint:
        value = hint.get("published") or hint.get("published_at")
        dt = value if isinstance(value, datetime) else parse_vn_datetime(value)
        if dt is not None:
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=VN_TZ)
            origin = str(hint.get("published_origin") or hint.get("origin") or "feed")
            if origin == "url":  # discovery read it from a URL shape we do not know
                return dt, "url", CONFIDENCE["url_month"]
            return dt, "feed", CONFIDENCE.get(origin, CONFIDENCE["feed"])
    if fetched_at is not None:
        if fetched_at.tzinfo is None:
            fetched_at = fetched_at.replace(tzinfo=UTC)
        return fetched_at, "first_seen", CONFIDENCE["first_seen"]
    return None, None, 0.0


def _visible_date(tree: _Element, layout: Mapping[str, Any] | None, title_el: _Element | None) -> datetime | None:
    """The date shown on the page: the layout's date block, else a short date line near the title."""
    for selector in list((layout or {}).get("date") or []):
        for el in _css(tree, selector):
            dt = _element_date(el)
            if dt:
                return dt
    if title_el is None and layout and layout.get("title"):
        for selector in layout["title"]:
            found = _css(tree, selector)
            if found:
                title_el = found[0]
                break
    return _near_title_date(tree, title_el)
