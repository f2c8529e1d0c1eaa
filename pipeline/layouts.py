"""Per-outlet page layouts as data: ``data/sources/layouts/<layout-id>.toml``.

A layout names CSS selectors for the parts of an article page (``title``, ``lead``, ``body``, ``date``,
``author``, ``tags``), elements to ``drop`` from the whole page before anything is read (ads, related-news
boxes, menus), elements to ``body_drop`` from the body only, and optional ``[format]`` cues (``player``,
``longform`` selectors). Ids are versioned (``gdtd-cms-v1``); a redesign adds ``-v2`` and keeps v1 and its
fixtures, because pages fetched before the redesign are re-extracted from the raw archive.

Resolution order for a page: the source's ``layout`` id, then a layout whose ``hosts`` and ``url_patterns``
match the URL and whose ``detect`` selectors are present, then any layout whose ``detect`` selectors are all
present, else the generic path (trafilatura alone).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lxml.etree import _Element

from pipeline.layout_tokens import PageTokens

LAYOUT_DIR = Path(__file__).resolve().parent.parent / "data" / "sources" / "layouts"
PARTS = ("title", "lead", "body", "date", "author", "tags", "drop", "body_drop")


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
    }
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
    return layouts


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


def detect_layout(tree: _Element, url: str | None, directory: str | None = None) -> dict[str, Any] | None:
    """The layout a page most likely uses, or None for the generic path."""
    layouts = load_layouts(directory)
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
