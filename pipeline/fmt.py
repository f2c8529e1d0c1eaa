"""Media format of a page: "article" (bài báo) or "report" (phóng sự chuyên đề, usually TV/video).

Rules (documented in docs/extraction.md; each cue that fired is listed in ``format_evidence``):

1. A genre word in the title or lead — "phóng sự", "ký sự", "phim tài liệu", "talkshow", "tọa đàm truyền
   hình" — makes a report.
2. A player as the page's main content — ``<video>``/``<audio>``, an ``<iframe>`` from YouTube, VTV, VOV,
   Facebook video or a ``player``/``embed``/``video`` URL, ``og:type`` video, a JSON-LD ``VideoObject``,
   or the layout's ``[format] player`` selectors — makes a report when any of these also holds: the source
   is TV or radio, the title/lead says "video"/"clip"/"[video]", or the text is short (< 1,500 characters,
   i.e. the player carries the story).
3. A TV or radio source with a player, or a "/video/" URL with a player, is a report.
4. A longform layout (the layout's ``[format] longform`` selectors, or ``emagazine``/``longform`` classes)
   plus a "video"/"phóng sự" cue is a report.
5. Everything else is an article: a newspaper piece with an incidental embedded clip and long text stays
   an article; a TV station's text-only news item is an article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from lxml.etree import _Element

from pipeline.layouts import select
from pipeline.normalize import fold

_GENRE = re.compile(
    r"\b(phong su|ky su|phim tai lieu|talkshow|talk show|toa dam truyen hinh|chuong trinh truyen hinh)\b"
)
_VIDEO_WORD = re.compile(r"(^|[\s\[(|:-])(video|clip|emagazine|podcast)([\s\])|:-]|$)")
_PLAYER_SRC = re.compile(
    r"youtube\.com|youtu\.be|vtv\.vn|vtvgo|vov\.vn|vovtv|facebook\.com/plugins/video|player|/embed|video|vod"
    r"|\.mp4|\.m3u8",
    re.I,
)
_LONGFORM_CLASS = re.compile(r"emagazine|longform|long-form|e-magazine|megastory", re.I)
SHORT_TEXT = 1500


def _players(tree: _Element, layout: Mapping[str, Any] | None) -> list[str]:
    found: list[str] = []
    layout_players = list(((layout or {}).get("format") or {}).get("player") or [])
    if layout_players and select(tree, layout_players):
        found.append("layout player")
    if any(True for _ in tree.iter("video")):
        found.append("video tag")
    if any(True for _ in tree.iter("audio")):
        found.append("audio tag")
    for frame in tree.iter("iframe"):
        src = frame.get("src") or frame.get("data-src") or ""
        if _PLAYER_SRC.search(src):
            found.append(f"iframe {src[:60]}")
            break
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = (meta.get("content") or "").lower()
        if (key == "og:type" and content.startswith("video")) or key in ("og:video", "og:video:url"):
            found.append(f"{key} meta")
            break
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or "") and script.text and "VideoObject" in script.text:
            try:
                json.loads(script.text)
            except ValueError:
                continue
            found.append("json-ld VideoObject")
            break
    return found


def _longform(tree: _Element, layout: Mapping[str, Any] | None) -> bool:
    selectors = list(((layout or {}).get("format") or {}).get("longform") or [])
    if selectors and select(tree, selectors):
        return True
    body = tree.find(".//body")
    node = body if body is not None else tree
    return bool(_LONGFORM_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}"))


def detect_format(
    tree: _Element | None,
    *,
    title: str = "",
    lead: str = "",
    text: str = "",
    url: str = "",
    source: Mapping[str, Any] | None = None,
    layout: Mapping[str, Any] | None = None,
) -> tuple[str, str]:
    """("article"|"report", evidence): the rules in the module docstring, evidence as "; "-joined cues."""
    cues: list[str] = []
    headline = fold(f"{title} \n {lead}")
    genre = _GENRE.search(headline)
    video_word = _VIDEO_WORD.search(fold(title)) or _VIDEO_WORD.search(fold(lead))
    kind = str((source or {}).get("kind") or "").lower()
    broadcast = kind in ("tv", "radio")
    players = _players(tree, layout) if tree is not None else []
    video_url = bool(re.search(r"/(video|videos|clip|phong-su|podcast)(/|-)", url or "", re.I))
    short = len(text or "") < SHORT_TEXT
    longform = _longform(tree, layout) if tree is not None else False

    if genre:
        cues.append(f"title/lead says '{genre.group(1)}'")
    if players:
        cues.append("player: " + ", ".join(players))
    if broadcast:
        cues.append(f"{kind} source")
    if video_word:
        cues.append(f"title/lead says '{video_word.group(2)}'")
    if video_url:
        cues.append("video URL")
    if longform:
        cues.append("longform layout")

    report = bool(genre) or (
        bool(players) and (broadcast or bool(video_word) or short or video_url)
    ) or (longform and bool(video_word))
    if players and not report:
        cues.append("long text: incidental clip")
    if not cues:
        cues.append("no report cue")
    return ("report" if report else "article"), "; ".join(cues)
