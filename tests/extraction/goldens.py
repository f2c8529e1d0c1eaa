"""Golden fixtures for extraction: tests/extraction/fixtures/<layout>/<name>.html + <name>.json.

The JSON holds the page's ``url``, optional ``source``/``hint``/``fetched_at``, the ``expected`` fields
(compared exactly; ``flags_include`` lists flags that must be present) and ``gold_paragraphs`` (the body,
compared by token F1 in the quality gate and exactly in the golden test). The real VnExpress page is read
from ../shared/real-pages (never copied into the repository).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from planwatch.config import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
REAL_PAGES = REPO_ROOT.parent / "shared" / "real-pages"  # the shared folder beside the checkout
REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"


@dataclass
class Case:
    name: str
    layout: str
    html: bytes
    url: str
    expected: dict[str, Any]
    gold_paragraphs: list[str] | None
    source: dict[str, Any] = field(default_factory=dict)
    hint: dict[str, Any] | None = None
    fetched_at: datetime | None = None


def fixture_cases() -> list[Case]:
    cases = []
    for meta_path in sorted(FIXTURES.glob("*/*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        fetched = meta.get("fetched_at")
        cases.append(
            Case(
                name=f"{meta_path.parent.name}/{meta_path.stem}",
                layout=meta_path.parent.name,
                html=meta_path.with_suffix(".html").read_bytes(),
                url=meta["url"],
                expected=meta["expected"],
                gold_paragraphs=meta.get("gold_paragraphs"),
                source=meta.get("source") or {},
                hint=meta.get("hint"),
                fetched_at=datetime.fromisoformat(fetched) if fetched else None,
            )
        )
    return cases


def vnexpress_case() -> Case | None:
    page = REAL_PAGES / "vnexpress-2025-10-22.html"
    gold_path = REAL_PAGES / "vnexpress-2025-10-22.gold.json"
    if not page.exists() or not gold_path.exists():
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["V1"]
    paragraphs = [p for s in gold["body"]["sections"] for p in s["paragraphs"]]
    return Case(
        name="real/vnexpress-2025-10-22",
        layout="vnexpress-v1",
        html=page.read_bytes(),
        url="https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html",
        expected={
            "title": gold["title"],
            "lead": gold["body"]["summary"][0],
            "author": gold["authors"][0],
            "published_at": "2025-10-22T19:25:52+07:00",
            "date_source": "meta",
            "format": "article",
            "language": "vi",
            "layout": "vnexpress-v1",
        },
        gold_paragraphs=paragraphs,
        source={"id": "vnexpress", "kind": "newspaper"},
    )


REAL_OUTLETS = REAL_PAGES / "vn-outlets-2026"
REAL_OUTLETS_GOLD = Path(__file__).parent / "real_outlets.json"


def real_outlet_cases() -> list[Case]:
    """The nine real article pages of eight outlets (../shared/real-pages/vn-outlets-2026, read in place) with
    the goldens of real_outlets.json (written by reading each page). Empty when ../shared is absent."""
    from crawlers.registry import find_source, load_sources

    gold = json.loads(REAL_OUTLETS_GOLD.read_text(encoding="utf-8"))["pages"]
    sources = load_sources(None, include_disabled=True)
    cases = []
    for page in gold:
        path = REAL_OUTLETS / page["file"]
        if not path.exists():
            return []
        src = find_source(sources, page["source"])
        expected = {k: page[k] for k in ("title", "published_at", "author", "lead")}
        expected["format"], expected["language"] = "article", "vi"
        cases.append(Case(
            name=f"real/{page['file'].removesuffix('.html')}", layout=(src.layout if src else "") or "generic",
            html=path.read_bytes(), url=page["url"], expected=expected, gold_paragraphs=page["gold_paragraphs"],
            source={"id": page["source"], "kind": "newspaper",
                    **({"layout": src.layout} if src and src.layout else {})},
        ))
    return cases


def demo_cases() -> list[Case]:
    """Article pages of the offline demo mirror listed in data/demo/manifest.json (when the mirror is built).

    Files are found through each outlet's ``site/<outlet>/_routes.json``; layout and source kind come from
    data/demo/sources.toml, the truth (day, format, title) from the manifest.
    """
    manifest_path = DEMO / "manifest.json"
    if not manifest_path.exists():
        return []
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entries = manifest.get("pages", []) if isinstance(manifest, dict) else manifest
    sources = _demo_sources()
    story_paras = _demo_story_paragraphs()
    routes: dict[str, dict[str, Any]] = {}
    cases = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("status", 200) != 200:
            continue
        outlet = entry["outlet"]
        if outlet not in routes:
            routes_path = DEMO / "site" / outlet / "_routes.json"
            routes[outlet] = json.loads(routes_path.read_text(encoding="utf-8")) if routes_path.exists() else {}
        route = routes[outlet].get(entry["path"]) or routes[outlet].get(entry["path"].lower())
        if not route or route.get("kind", "article") != "article":
            continue
        path = DEMO / "site" / outlet / route["file"]
        if not path.exists():
            continue
        expected: dict[str, Any] = {}
        for key, field_name in (("published", "published_at"), ("format", "format"), ("title", "title")):
            if entry.get(key):
                expected[field_name] = entry[key]
        source = dict(sources.get(outlet, {"id": outlet}))
        cases.append(
            Case(
                name=f"demo/{outlet}{entry['path']}",
                layout=str(source.get("layout") or "generic"),
                html=path.read_bytes(),
                url=f"http://127.0.0.1{entry['path']}",
                expected=expected,
                gold_paragraphs=entry.get("paras") or story_paras.get(entry.get("story", "")),
                source=source,
                hint={"encoding": route["charset"]} if route.get("charset") else None,
            )
        )
    return cases


def _demo_story_paragraphs() -> dict[str, list[str]]:
    """Body paragraphs of the hand-written demo stories (copies on other outlets add a credit line or drop
    the last paragraph, so their F1 against this is a little below 1)."""
    import tomllib

    path = DEMO / "content" / "stories.toml"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {
        s["id"]: [p.strip() for p in str(s["body"]).strip().split("\n\n") if p.strip()]
        for s in data.get("story", [])
        if isinstance(s, dict) and "id" in s and s.get("body")
    }


def _demo_sources() -> dict[str, dict[str, Any]]:
    import tomllib

    path = DEMO / "sources.toml"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {
        s["id"]: {k: s[k] for k in ("id", "kind", "layout") if k in s}
        for s in data.get("source", [])
        if isinstance(s, dict) and "id" in s
    }


_TOKEN = re.compile(r"\w+")


def token_f1(predicted: str | None, gold: str | None) -> float:
    """Bag-of-tokens F1 (lower-cased words), the usual body-extraction score."""
    a = Counter(_TOKEN.findall((predicted or "").lower()))
    b = Counter(_TOKEN.findall((gold or "").lower()))
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def same_day(predicted: Any, expected: str | None) -> bool:
    """Publication dates compared as the local (Vietnam) calendar day, which is what windows compare."""
    from pipeline.dates import VN_TZ, parse_vn_datetime

    if expected is None:
        return predicted is None
    if predicted is None:
        return False
    exp = parse_vn_datetime(expected)
    pred = predicted if isinstance(predicted, datetime) else parse_vn_datetime(str(predicted))
    if exp is None or pred is None:
        return False
    return pred.astimezone(VN_TZ).date() == exp.astimezone(VN_TZ).date()
