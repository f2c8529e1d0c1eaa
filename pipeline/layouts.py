"""Per-outlet page layouts as data: ``data/sources/layouts/<layout-id>.toml``.

A layout names CSS selectors for the parts of an article page (``title``, ``lead``, ``body``, ``date``,
``author``, ``tags``), elements to ``drop`` from the whole page before anything is read (ads, related-news
boxes, menus), elements to ``body_drop`` from the body only, and optional ``[format]`` cues (``player``,
``longform`` selectors). Ids are versioned (``gdtd-cms-v1``); a redesign adds ``-v2`` and keeps v1 and its
fixtures, because pages fetched before the redesign are re-extracted from the raw archive.

Versions of one site (the id without its ``-vN``) carry ``valid_from`` / ``valid_until`` (TOML dates or
date-times; a date is midnight in Vietnam; ``valid_until`` is exclusive), as Fundus dates its parser versions:
a page is read with the version that was live when it was fetched, whichever version the source names now.
The windows of one site's versions must not overlap.

Resolution order for a page: the source's ``layout`` id (or the version of its site valid at the page's fetch
time), then a layout valid at that time whose ``hosts`` and ``url_patterns`` match the URL and whose
``detect`` selectors are present, then any such layout whose ``detect`` selectors are all present, else the
generic path (trafilatura alone).
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lxml.etree import _Element

from pipeline.layout_tokens import PageTokens
from planwatch.core.vntime import VN_TZ

LAYOUT_DIR = Path(__file__).resolve().parent.parent / "data" / "sources" / "layouts"
PARTS = ("title", "lead", "body", "date", "author", "tags", "drop", "body_drop")
_VERSION = re.compile(r"-v\d+$")


def site_of(layout_id: str) -> str:
    """The site a layout version belongs to: its id without the trailing ``-vN`` (``gdtd-cms-v2`` ->
    ``gdtd-cms``)."""
    return _VERSION.sub("", layout_id)


def _instant(value: Any, path: Path, key: str) -> datetime | None:
    """A layout's ``valid_from``/``valid_until``: a TOML date (midnight in Vietnam) or date-time (Vietnam time
    when it has no offset)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=VN_TZ)
    if isinstance(value, date):
        return datetime.combine(value, time(), VN_TZ)
    raise ValueError(f"{path}: {key} must be a TOML date (2025-07-01) or date-time, not {value!r}")


def _flatten(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    layout_id = raw.get("id") or path.stem
    if layout_id != path.stem:
        raise ValueError(f"{path}: id {layout_id!r} must match the file name")
    selectors = raw.get("selectors") or {}
    layout: dict[str, Any] = {
        "id": layout_id,
        "description": raw.get("description", ""),
        "hosts": list(raw.get("hosts") or []),
        "url_patterns": [re.compile(p) for p in raw.get("url_patterns") or []],
        "detect": list(raw.get("detect") or []),
        "format": dict(raw.get("format") or {}),
        # [dates] prefer_visible = true: the visible date block wins over a misleading meta tag
        "dates": dict(raw.get("dates") or {}),
        "site": site_of(layout_id),
        "valid_from": _instant(raw.get("valid_from"), path, "valid_from"),
        "valid_until": _instant(raw.get("valid_until"), path, "valid_until"),
    }
    if layout["valid_from"] and layout["valid_until"] and layout["valid_from"] >= layout["valid_until"]:
        raise ValueError(f"{path}: valid_from must come before valid_until")
    for part in PARTS:
        value = selectors.get(part) or []
        layout[part] = [value] if isinstance(value, str) else list(value)
    return layout


@lru_cache(maxsize=8)
def load_layouts(directory: str | None = None) -> dict[str, dict[str, Any]]:
    """All layouts in the folder, by id (read once per process and folder)."""
    folder = Path(directory) if directory else LAYOUT_DIR
    layouts: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            layouts[path.stem] = _flatten(tomllib.load(fh), path)
    _check_windows(layouts)
    return layouts


def _check_windows(layouts: dict[str, dict[str, Any]]) -> None:
    """Two versions of one site whose windows overlap (a dated one and an undated one included) leave the
    choice for a fetch time ambiguous: refuse them, naming the fix."""
    dated = [v for v in layouts.values() if v["valid_from"] or v["valid_until"]]
    for a in dated:
        for b in layouts.values():
            if b["id"] == a["id"] or b["site"] != a["site"]:
                continue
            if _overlap(a, b):
                raise ValueError(
                    f"layouts {a['id']!r} and {b['id']!r} are versions of {a['site']!r} with overlapping "
                    "valid_from/valid_until windows: end the older one (valid_until) where the newer starts"
                )


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a_before_b_ends = a["valid_from"] is None or b["valid_until"] is None or a["valid_from"] < b["valid_until"]
    b_before_a_ends = b["valid_from"] is None or a["valid_until"] is None or b["valid_from"] < a["valid_until"]
    return a_before_b_ends and b_before_a_ends


def valid_at(layout: dict[str, Any], when: datetime | None) -> bool:
    """Was this layout version live at ``when`` (a fetch time; naive means UTC)? Any version is, for no time."""
    if when is None:
        return True
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (layout["valid_from"] is None or layout["valid_from"] <= when) and (
        layout["valid_until"] is None or when < layout["valid_until"]
    )


def layout_for(layout_id: str, fetched_at: datetime | None, directory: str | None = None) -> dict[str, Any] | None:
    """The layout a source names, or the version of its site that was live when the page was fetched (a source
    switched to ``<site>-v2`` still reads its pages fetched before the switch with v1). KeyError for an unknown
    id; the named layout when no version of its site covers that time."""
    layout = get_layout(layout_id, directory)
    if layout is None or valid_at(layout, fetched_at):
        return layout
    for other in load_layouts(directory).values():
        if other["site"] == layout["site"] and valid_at(other, fetched_at):
            return other
    return layout


def get_layout(layout_id: str | None, directory: str | None = None) -> dict[str, Any] | None:
    if not layout_id:
        return None
    layouts = load_layouts(directory)
    if layout_id not in layouts:
        raise KeyError(f"unknown layout {layout_id!r} (known: {', '.join(sorted(layouts))})")
    return layouts[layout_id]


@lru_cache(maxsize=4096)
def _compiled(selector: str) -> Any:
    """The selector compiled once per process (lxml compiles CSS to XPath on every .cssselect() call, which
    was most of layout detection's time); None for a selector lxml cannot read."""
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(selector, translator="html")
    except Exception:
        return None


def select(tree: _Element, selectors: list[str]) -> list[_Element]:
    """Elements matching the first selector that matches anything."""
    for selector in selectors:
        compiled = _compiled(selector) if hasattr(tree, "cssselect") else None
        if compiled is None:
            continue
        try:
            found = compiled(tree)
        except Exception:
            continue
        if found:
            return list(found)
    return []


def _detected(tree: _Element, layout: dict[str, Any], tokens: PageTokens | None = None) -> bool:
    """All detect selectors match (tokens: skips the tree scan of a selector whose classes/ids are absent)."""
    return bool(layout["detect"]) and all((tokens is None or tokens.may_match(s)) and select(tree, [s])
                                          for s in layout["detect"])


def detect_layout(tree: _Element, url: str | None, directory: str | None = None,
                  fetched_at: datetime | None = None) -> dict[str, Any] | None:
    """The layout a page most likely uses (among the versions live at its fetch time), or None for the generic
    path."""
    layouts = {k: v for k, v in load_layouts(directory).items() if valid_at(v, fetched_at)}
    tokens = PageTokens(tree)
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    path = url or ""
    for layout in layouts.values():
        if host and any(host == h or host.endswith("." + h) for h in layout["hosts"]) and (
            not layout["url_patterns"] or any(p.search(path) for p in layout["url_patterns"])
        ) and (not layout["detect"] or _detected(tree, layout, tokens)):
            return layout
    for layout in layouts.values():
        if _detected(tree, layout, tokens):
            return layout
    return None
