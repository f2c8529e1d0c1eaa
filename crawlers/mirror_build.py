"""Generate the offline demo mirror (data/demo/site) and its truth manifest from data/demo/content.

Run ``python -m crawlers.mirror_build`` after editing the content or templates. The output is
deterministic: rerunning gives byte-identical files. It prints the expected truth totals.

Inputs:
  data/demo/mirror.toml            outlets (port, layout, robots_disallow)
  data/demo/content/stories.toml   hand-written stories (relevant items and hard negatives)
  data/demo/content/filler.toml    sentence banks for plainly unrelated education/local news
  data/demo/templates/<layout>.html
Outputs:
  data/demo/site/<outlet>/...      pages, listings, feeds, sitemaps, robots.txt
  data/demo/site/<outlet>/_routes.json   request key -> file, content type, status (read by crawlers.mirror)
  data/demo/site/giaoducthoidai/_search.json   search index for the server-rendered search page
  data/demo/manifest.json          truth per article page
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jinja2
from markupsafe import escape

from planwatch.core.text import fold
from planwatch.core.vntime import VN_TZ

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO_ROOT / "data" / "demo"

WINDOWS: dict[str, tuple[date, date]] = {
    "1": (date(2022, 4, 1), date(2022, 9, 30)),
    "2a": (date(2022, 4, 1), date(2022, 9, 30)),
    "2b": (date(2022, 4, 1), date(2022, 11, 30)),
}
PLAN_SPAN = (date(2022, 4, 1), date(2022, 11, 30))
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
PER_PAGE = {
    "moet-legacy": 10,
    "giaoducthoidai": 12,
    "nhandan-mirror": 20,
    "sgddt-vinhphuc": 10,
    "bao-thainguyen": 10,
    "thainguyen-tv": 9,
}
ID_BASE = {
    "moet-legacy": 7801,
    "giaoducthoidai": 590112,
    "nhandan-mirror": 6912040,
    "sgddt-vinhphuc": 3120,
    "bao-thainguyen": 301450,
    "thainguyen-tv": 12034,
}
FLAG_TRAPS = {
    "nometa": "no-date-meta",
    "related": "related-newer-dates",
    "nfd": "nfd-text",
    "cp1258": "windows-1258",
    "robots": "robots-disallowed",
    "broken": "broken",
    "error500": "server-error",
}
SHORT_NAMES = {
    "moet-legacy": "Cổng TTĐT Bộ GDĐT",
    "giaoducthoidai": "Báo Giáo dục và Thời đại",
    "nhandan-mirror": "Báo Nhân Dân",
    "sgddt-vinhphuc": "Sở GDĐT Vĩnh Phúc",
    "bao-thainguyen": "Báo Thái Nguyên",
    "thainguyen-tv": "Đài PT-TH Thái Nguyên",
}
SIGNIFICANT_PARAMS = ("itemid", "page", "q")


# ---------------------------------------------------------------- helpers


def slugify(text: str, max_words: int = 12) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(words[:max_words]) or "bai-viet"


def route_key(path: str, query: str = "") -> str:
    """Normalized lookup key for a request: lowercased path + sorted non-empty parameters."""
    params = sorted((k.lower(), v) for k, v in parse_qsl(query, keep_blank_values=True) if v != "")
    key = path.lower() or "/"
    if params:
        key += "?" + "&".join(f"{k}={v}" for k, v in params)
    return key


def significant_key(path: str, query: str) -> str:
    """The fallback key: only the parameters that select content (ItemID, page, q)."""
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() in SIGNIFICANT_PARAMS]
    return route_key(path, "&".join(f"{k}={v}" for k, v in params))


def file_for(path: str, query: str = "") -> str:
    rel = path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    elif "." not in rel.rsplit("/", 1)[-1]:
        rel += "/index.html"
    if query:
        stem, dot, ext = rel.rpartition(".")
        rel = f"{stem}.{re.sub(r'[^A-Za-z0-9]+', '-', query).strip('-')}{dot}{ext}"
    return rel


def to_cp1258(text: str) -> bytes:
    """Encode NFC Vietnamese as windows-1258 (base letters + combining tone marks where needed)."""
    out = bytearray()
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        marks = "".join(c for c in decomposed if c in tones)
        out += (base + marks).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


# ---------------------------------------------------------------- model


@dataclass
class Story:
    id: str
    title: str
    lead: str
    paras: list[str]
    when: datetime
    placements: list[str]
    activity: str | None = None
    format: str = "article"
    trap: str | None = None
    pending: bool = False
    author: str = ""
    tags: list[str] = field(default_factory=list)
    duration: str = ""
    alt_title: str = ""
    kind: str = "handwritten"
    plans: dict[str, dict[str, Any]] = field(default_factory=dict)  # other plans: id -> {activity, pending}


@dataclass
class Page:
    story: Story
    outlet: str
    when: datetime
    flags: set[str]
    copy_index: int
    id: int = 0
    path: str = ""
    query: str = ""
    title: str = ""
    lead: str = ""
    paras: list[str] = field(default_factory=list)

    @property
    def request(self) -> str:
        return self.path + (f"?{self.query}" if self.query else "")


def parse_when(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=VN_TZ)


def load_stories(path: Path) -> list[Story]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stories = []
    for raw in data.get("story", []):
        stories.append(
            Story(
                id=raw["id"],
                title=raw["title"],
                lead=raw["lead"],
                paras=[p.strip() for p in raw["body"].strip().split("\n\n") if p.strip()],
                when=parse_when(raw["date"]),
                placements=list(raw["at"]),
                activity=raw.get("activity") or None,
                format=raw.get("format", "article"),
                trap=raw.get("trap") or None,
                pending=bool(raw.get("pending", False)),
                author=raw.get("author", ""),
                tags=list(raw.get("tags", [])),
                duration=raw.get("duration", ""),
                alt_title=raw.get("alt_title", ""),
                plans={pid: ({"activity": v, "pending": False} if isinstance(v, str) else
                             {"activity": str(v["activity"]), "pending": bool(v.get("pending", False))})
                       for pid, v in raw.get("plans", {}).items()},
            )
        )
    return stories


def plan_windows(plan_id: str) -> dict[str, tuple[date, date]]:
    """Activity windows of another plan, read from data/plans/<id>.toml (the truth of its pages)."""
    raw = tomllib.loads((REPO_ROOT / "data" / "plans" / f"{plan_id}.toml").read_text(encoding="utf-8"))
    return {str(a["id"]): (a["window"]["start"], a["window"]["end"]) for a in raw["activities"]}


def expected_for(activity: str | None, pending: bool, in_window: bool, unreachable: bool, first: bool) -> str:
    if unreachable:
        return "unreachable"
    if activity is None:
        return "not_relevant"
    if not first:
        return "duplicate"
    if not in_window:
        return "out_of_window"
    return "pending" if pending else "counted"


def fill(template: str, slots: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)], template)


def filler_stories(path: Path, outlets: list[str]) -> list[Story]:
    """Plainly unrelated education and local news, built from sentence banks (deterministic)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rng = random.Random(661)
    slots_bank: dict[str, list[str]] = data["slots"]
    topics: list[dict[str, Any]] = data["topic"]
    stories: list[Story] = []
    start = datetime(2021, 6, 1, 7, 0, tzinfo=VN_TZ)
    span_days = (datetime(2023, 6, 30, tzinfo=VN_TZ) - start).days
    local = {
        "sgddt-vinhphuc": "Vĩnh Phúc",
        "bao-thainguyen": "Thái Nguyên",
        "thainguyen-tv": "Thái Nguyên",
    }
    n = int(data.get("count", 150))
    for i in range(n):
        topic = topics[i % len(topics)]
        outlet = outlets[(i * 7 + i // len(topics)) % len(outlets)]
        minutes = rng.choice([0, 5, 15, 20, 30, 40, 45])
        when = start + timedelta(days=rng.randrange(span_days), hours=rng.randrange(0, 12), minutes=minutes)
        months = topic.get("months")
        before = parse_when(topic["before"] + " 00:00") if "before" in topic else None
        for _ in range(60):
            if (not months or when.month in months) and (before is None or when < before):
                break
            when = start + timedelta(days=rng.randrange(span_days), hours=rng.randrange(0, 12), minutes=minutes)
        slots = {name: rng.choice(values) for name, values in slots_bank.items()}
        slots["tinh"] = local.get(outlet, rng.choice(slots_bank["tinh"]))
        districts = slots_bank.get(f"huyen_{slugify(slots['tinh']).replace('-', '_')}")
        if districts:
            slots["huyen"] = rng.choice(districts)
        year = when.year if when.month >= 8 else when.year - 1
        slots["nam_hoc"] = f"{year}-{year + 1}"
        slots["nam"] = str(when.year)
        slots["so"] = str(rng.randrange(12, 96))
        slots["so_nho"] = str(rng.randrange(3, 16))
        slots["so_lon"] = f"{rng.randrange(2, 40)}.{rng.randrange(1, 10)}00"
        slots["ty_le"] = f"{rng.randrange(90, 99)},{rng.randrange(10, 99)}"
        paras = [fill(rng.choice(bank), slots) for bank in topic["paras"]]
        pick = rng.randrange(len(topic["titles"]))
        placements = [outlet]
        if i % 9 == 4:  # a few syndicated copies of unrelated news too
            other = outlets[(outlets.index(outlet) + 2) % len(outlets)]
            placements.append(f"{other} +1d")
        stories.append(
            Story(
                id=f"filler-{i:03d}",
                title=fill(topic["titles"][pick], slots),
                lead=fill(topic["leads"][pick % len(topic["leads"])], slots),
                paras=paras,
                when=when,
                placements=placements,
                author=rng.choice(slots_bank["tac_gia"]),
                tags=list(topic.get("tags", [])),
                kind="filler",
                format="report" if outlet == "thainguyen-tv" and i % 3 == 0 else "article",
                duration=f"{rng.randrange(2, 9)}:{rng.randrange(10, 59)}",
            )
        )
    return stories


# ---------------------------------------------------------------- placement


def expand_pages(stories: list[Story]) -> list[Page]:
    pages: list[Page] = []
    for story in stories:
        for index, spec in enumerate(story.placements):
            parts = spec.split()
            outlet, flags = parts[0], set()
            when = story.when
            for part in parts[1:]:
                m = re.fullmatch(r"\+(\d+)([dh])", part)
                if m:
                    delta = int(m.group(1))
                    when = when + (timedelta(days=delta) if m.group(2) == "d" else timedelta(hours=delta))
                else:
                    flags.add(part)
            pages.append(Page(story=story, outlet=outlet, when=when, flags=flags, copy_index=index))
    return pages


def assign_paths(pages: list[Page], robots: dict[str, str]) -> None:
    by_outlet: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_outlet[page.outlet].append(page)
    for outlet, items in by_outlet.items():
        items.sort(key=lambda p: (p.when, p.story.id))
        step = 3 if outlet == "moet-legacy" else 7
        for n, page in enumerate(items):
            page.id = ID_BASE[outlet] + n * step + (n * n) % step
            prefix = robots[outlet].rstrip("/") if "robots" in page.flags else ""
            title = page.story.alt_title if page.copy_index > 0 and page.story.alt_title else page.story.title
            slug = slugify(title)
            if outlet == "moet-legacy":
                page.path = (prefix or "/tintuc/Pages/tin-tong-hop.aspx")
                page.query = f"ItemID={page.id}"
            elif outlet == "giaoducthoidai":
                page.path = f"{prefix and prefix + '/preview'}/{slug}-post{page.id}.html"
            elif outlet == "nhandan-mirror":
                page.path = f"{prefix}/{slug}-{page.id}.html"
            elif outlet == "sgddt-vinhphuc":
                page.path = f"{prefix}/tin-tuc/{slug}-{page.id}.html"
            elif outlet == "bao-thainguyen":
                page.path = f"{prefix}/giao-duc/{page.when:%Y%m}/{slug}-{page.id}/"
            elif outlet == "thainguyen-tv":
                section = "video/phong-su" if page.story.format == "report" else "tin-tuc"
                page.path = f"{prefix}/{section}/{slug}-{page.id}.html"
            else:  # pragma: no cover - mirror.toml and this table must agree
                raise ValueError(outlet)


def edit_copy(page: Page, outlet_names: dict[str, str]) -> None:
    """Light edits for syndicated copies: other title, shorter lead, source line."""
    story = page.story
    page.title = story.alt_title if page.copy_index > 0 and story.alt_title else story.title
    page.lead = story.lead
    page.paras = list(story.paras)
    if page.copy_index > 0:
        first = SHORT_NAMES.get(story.placements[0].split()[0], outlet_names[story.placements[0].split()[0]])
        if len(page.paras) > 3 and page.copy_index % 2 == 1:
            page.paras = page.paras[:-1]
        page.paras.append(f"(Theo {first})")
    if "nfd" in page.flags:
        page.title = unicodedata.normalize("NFD", page.title)
        page.lead = unicodedata.normalize("NFD", page.lead)
        page.paras = [unicodedata.normalize("NFD", p) for p in page.paras]


# ---------------------------------------------------------------- dates per layout


def date_display(layout: str, when: datetime) -> str:
    if layout in ("moet-sharepoint-v1", "provincial-tv-v1"):
        return f"{when:%d/%m/%Y | %H:%M}"
    if layout == "gdtd-cms-v1":
        return f"{when:%d/%m/%Y %H:%M}"
    if layout == "vnexpress-v1":
        return f"{WEEKDAYS[when.weekday()]}, {when.day}/{when.month}/{when.year}, {when:%H:%M} (GMT+7)"
    if layout == "sgddt-portal-v1":
        return f"{when:%d/%m/%Y %H:%M}"
    if layout == "baoprovince-v1":
        return f"{WEEKDAYS[when.weekday()]}, ngày {when.day} tháng {when.month} năm {when.year}"
    raise ValueError(layout)


def meta_published(layout: str, when: datetime, flags: set[str]) -> str | None:
    if "nometa" in flags:
        return None
    if layout == "gdtd-cms-v1":
        return f"{when:%Y-%m-%dT%H:%M:%S}+0700"
    if layout == "vnexpress-v1":
        return when.isoformat()
    return None


# ---------------------------------------------------------------- build


class Builder:
    def __init__(self, demo_dir: Path = DEMO_DIR) -> None:
        self.demo = demo_dir
        cfg = tomllib.loads((demo_dir / "mirror.toml").read_text(encoding="utf-8"))
        self.outlets: dict[str, dict[str, Any]] = cfg["outlets"]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(demo_dir / "templates"),
            autoescape=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["slug"] = slugify
        self.site = demo_dir / "site"
        self.routes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    def origin(self, outlet: str) -> str:
        return f"http://127.0.0.1:{self.outlets[outlet]['port']}"

    def layout(self, outlet: str) -> str:
        return str(self.outlets[outlet]["layout"])

    # -- output

    def write(
        self,
        outlet: str,
        path: str,
        query: str,
        body: str | bytes,
        *,
        ctype: str = "text/html",
        charset: str = "utf-8",
        kind: str = "page",
        status: int = 200,
        modified: datetime | None = None,
    ) -> None:
        rel = file_for(path, query)
        target = self.site / outlet / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        target.write_bytes(data)
        key = route_key(path, query)
        if key in self.routes[outlet]:
            raise ValueError(f"duplicate route {outlet} {key}")
        entry: dict[str, Any] = {"file": rel, "type": ctype, "charset": charset, "kind": kind, "status": status}
        if modified is not None:
            entry["last_modified"] = http_date(modified)
        self.routes[outlet][key] = entry

    def render(self, outlet: str, **ctx: Any) -> str:
        template = self.env.get_template(f"{self.layout(outlet)}.html")
        ctx.setdefault("charset", "utf-8")
        ctx.setdefault("form_action", "./tin-tong-hop.aspx")
        return template.render(origin=self.origin(outlet), **ctx)

    # -- pages

    def item_ctx(self, page: Page) -> dict[str, Any]:
        layout = self.layout(page.outlet)
        return {
            "id": page.id,
            "url": page.request,
            "title": page.title,
            "lead": page.lead,
            "date_display": date_display(layout, page.when),
            "date_short": f"{page.when:%d/%m/%Y}",
            "datetime_attr": page.when.isoformat(),
            "is_video": page.story.format == "report",
            "thumb": f"/PublishingImages/{page.id}.jpg" if page.id % 3 else "",
        }

    def article(self, page: Page, related: list[Page]) -> None:
        layout = self.layout(page.outlet)
        story = page.story
        video = None
        if story.format == "report":
            embed = page.outlet != "thainguyen-tv" or "embed" in page.flags
            video = {
                "src": f"/media/video/{page.when:%Y/%m}/{page.id}.mp4",
                "embed": embed,
                "embed_url": f"/embed/player.html?v=tnrtv-{page.id}",
                "duration": story.duration or "10:00",
                "caption": "Video: " + page.title,
            }
        charset = "windows-1258" if "cp1258" in page.flags else "utf-8"
        ctx_page = {
            "id": page.id,
            "path": page.request,
            "title": page.title,
            "lead": page.lead,
            "paras": page.paras,
            "author": story.author,
            "tags": story.tags,
            "date_display": date_display(layout, page.when),
            "datetime_attr": page.when.isoformat(),
            "meta_published": meta_published(layout, page.when, page.flags),
            "views": 100 + (page.id * 37) % 900,
            "video": video,
            "related": [self.item_ctx(r) for r in related],
            "related_top": "related" in page.flags,
        }
        html = self.render(page.outlet, kind="article", p=ctx_page, charset=charset,
                           form_action=f"./{page.path.rsplit('/', 1)[-1]}?{page.query}")
        status = 200
        body: str | bytes = html
        if "broken" in page.flags:
            anchor = str(escape(page.paras[min(1, len(page.paras) - 1)]))
            start = html.index(anchor)
            body = html[: start + len(anchor) // 2]
        if "error500" in page.flags:
            status = 500
            body = (
                "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1>"
                "<h2><i>Runtime Error</i></h2><p>An application error occurred on the server.</p></body></html>\n"
            )
        if charset == "windows-1258" and isinstance(body, str):
            body = to_cp1258(body)
        self.write(page.outlet, page.path, page.query, body, charset=charset, kind="article", status=status,
                   modified=page.when)

    def listing(
        self,
        outlet: str,
        items: list[Page],
        url_for: Any,
        heading: str,
        *,
        per_page: int,
        kind: str = "listing",
        max_pages: int | None = None,
    ) -> None:
        pages = max(1, -(-len(items) // per_page))
        if max_pages:
            pages = min(pages, max_pages)
        links = [(n, url_for(n)) for n in range(1, pages + 1)]
        for n in range(1, pages + 1):
            chunk = items[(n - 1) * per_page : n * per_page]
            l_ctx = {
                "heading": heading,
                "entries": [self.item_ctx(p) for p in chunk],
                "page": n,
                "pages": pages,
                "page_links": links,
                "prev_url": url_for(n - 1) if n > 1 else "",
                "next_url": url_for(n + 1) if n < pages else "",
                "canonical": url_for(n),
            }
            html = self.render(outlet, kind="listing", l=l_ctx)
            parts = urlsplit(url_for(n))
            modified = max((p.when for p in chunk), default=datetime(2023, 6, 30, tzinfo=VN_TZ))
            self.write(outlet, parts.path, parts.query, html, kind=kind, modified=modified)

    # -- feeds and sitemaps

    def rss(self, outlet: str, path: str, title: str, items: list[Page], gmt7_every: int = 0) -> None:
        origin = self.origin(outlet)
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
            "<channel>",
            f"<title>{title}</title>",
            f"<link>{origin}/</link>",
            f"<description>{title}</description>",
            "<language>vi-VN</language>",
            f'<atom:link href="{origin}{path}" rel="self" type="application/rss+xml"/>',
        ]
        if items:
            lines.append(f"<lastBuildDate>{items[0].when:%a, %d %b %Y %H:%M:%S} +0700</lastBuildDate>")
        for n, page in enumerate(items):
            if gmt7_every and n % gmt7_every == 2:
                pub = f"{page.when:%a, %d %b %Y %H:%M:%S} GMT+7"
            else:
                pub = f"{page.when:%a, %d %b %Y %H:%M:%S} +0700"
            lines += [
                "<item>",
                f"<title><![CDATA[{page.title}]]></title>",
                f"<link>{origin}{page.request}</link>",
                f'<guid isPermaLink="true">{origin}{page.request}</guid>',
                f"<description><![CDATA[{page.lead}]]></description>",
                f"<pubDate>{pub}</pubDate>",
                "</item>",
            ]
        lines += ["</channel>", "</rss>", ""]
        modified = items[0].when if items else None
        self.write(outlet, path, "", "\n".join(lines), ctype="application/rss+xml", kind="feed", modified=modified)

    def sitemaps(self, outlet: str, items: list[Page]) -> None:
        origin = self.origin(outlet)
        by_month: dict[str, list[Page]] = defaultdict(list)
        for page in items:
            by_month[f"{page.when:%Y-%m}"].append(page)
        index = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                 f"<sitemap><loc>{origin}/sitemap-news.xml</loc><lastmod>{items[0].when.isoformat()}</lastmod></sitemap>"]
        for month in sorted(by_month, reverse=True):
            newest = max(p.when for p in by_month[month])
            index.append(f"<sitemap><loc>{origin}/sitemaps/sitemap-article-{month}.xml</loc>"
                         f"<lastmod>{newest.isoformat()}</lastmod></sitemap>")
            urls = ['<?xml version="1.0" encoding="UTF-8"?>',
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
            for page in by_month[month]:
                urls.append(f"<url><loc>{origin}{page.request}</loc><lastmod>{page.when.isoformat()}</lastmod>"
                            "<changefreq>monthly</changefreq><priority>0.7</priority></url>")
            urls += ["</urlset>", ""]
            self.write(outlet, f"/sitemaps/sitemap-article-{month}.xml", "", "\n".join(urls),
                       ctype="application/xml", kind="sitemap", modified=newest)
        index += ["</sitemapindex>", ""]
        self.write(outlet, "/sitemap.xml", "", "\n".join(index), ctype="application/xml", kind="sitemap",
                   modified=items[0].when)
        news = ['<?xml version="1.0" encoding="UTF-8"?>',
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
        for page in items[:30]:
            news.append(
                f"<url><loc>{origin}{page.request}</loc><news:news><news:publication>"
                "<news:name>Báo Nhân Dân</news:name><news:language>vi</news:language></news:publication>"
                f"<news:publication_date>{page.when.isoformat()}</news:publication_date>"
                f"<news:title><![CDATA[{page.title}]]></news:title></news:news></url>"
            )
        news += ["</urlset>", ""]
        self.write(outlet, "/sitemap-news.xml", "", "\n".join(news), ctype="application/xml", kind="sitemap",
                   modified=items[0].when)

    def robots(self, outlet: str) -> None:
        lines = ["User-agent: *", f"Disallow: {self.outlets[outlet]['robots_disallow']}"]
        if outlet == "nhandan-mirror":
            lines.append(f"Sitemap: {self.origin(outlet)}/sitemap.xml")
        self.write(outlet, "/robots.txt", "", "\n".join(lines) + "\n", ctype="text/plain", kind="robots")

    # -- whole site

    def build(self) -> dict[str, Any]:
        content = self.demo / "content"
        outlet_ids = list(self.outlets)
        stories = load_stories(content / "stories.toml") + filler_stories(content / "filler.toml", outlet_ids)
        ids = Counter(s.id for s in stories)
        dup = [k for k, v in ids.items() if v > 1]
        if dup:
            raise ValueError(f"duplicate story ids: {dup}")
        pages = expand_pages(stories)
        assign_paths(pages, {o: str(c["robots_disallow"]) for o, c in self.outlets.items()})
        names = {o: str(c["name"]) for o, c in self.outlets.items()}
        for page in pages:
            edit_copy(page, names)
        if self.site.exists():
            shutil.rmtree(self.site)
        self.site.mkdir(parents=True)

        by_outlet: dict[str, list[Page]] = defaultdict(list)
        for page in pages:
            by_outlet[page.outlet].append(page)
        for outlet in outlet_ids:
            items = sorted(by_outlet[outlet], key=lambda p: (p.when, p.id), reverse=True)
            self.build_outlet(outlet, items)
        manifest = self.manifest(pages)
        (self.demo / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        for outlet in outlet_ids:
            routes = dict(sorted(self.routes[outlet].items()))
            (self.site / outlet / "_routes.json").write_text(
                json.dumps(routes, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        return manifest

    def build_outlet(self, outlet: str, items: list[Page]) -> None:
        # related lists: older neighbours, or NEWER ones for pages flagged "related"
        for n, page in enumerate(items):
            related = items[max(0, n - 4):n] if "related" in page.flags else items[n + 1:n + 5]
            self.article(page, related)
        self.robots(outlet)
        listed = [p for p in items if "error500" not in p.flags or outlet == "moet-legacy"]
        per = PER_PAGE[outlet]
        self.listing(outlet, listed[:per], lambda n: "/", "Trang chủ", per_page=per, kind="home", max_pages=1)
        if outlet == "moet-legacy":
            base = "/tintuc/Pages/tin-tong-hop.aspx"
            self.listing(outlet, listed, lambda n: f"{base}?Page={n}", "Tin tổng hợp", per_page=per)
            self.write(outlet, base, "", (self.site / outlet / file_for(base, "Page=1")).read_bytes(), kind="listing",
                       modified=listed[0].when)
        elif outlet == "giaoducthoidai":
            self.listing(outlet, listed, lambda n: f"/giao-duc/?page={n}", "Giáo dục", per_page=per)
            self.write(outlet, "/giao-duc/", "", (self.site / outlet / file_for("/giao-duc/", "page=1")).read_bytes(),
                       kind="listing", modified=listed[0].when)
            self.rss(outlet, "/rss/giao-duc.rss", "Giáo dục - Báo Giáo dục và Thời đại", listed[:40], gmt7_every=7)
            index = [{k: v for k, v in self.item_ctx(p).items() if k != "thumb"} for p in listed
                     if "robots" not in p.flags and "broken" not in p.flags]
            (self.site / outlet / "_search.json").write_text(
                json.dumps(index, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        elif outlet == "nhandan-mirror":
            self.listing(outlet, listed[:per], lambda n: "/giao-duc", "Giáo dục", per_page=per, max_pages=1)
            self.sitemaps(outlet, listed)
        elif outlet == "sgddt-vinhphuc":
            self.listing(outlet, listed, lambda n: f"/tin-tuc?page={n}", "Tin tức - Sự kiện", per_page=per)
            self.write(outlet, "/tin-tuc", "", (self.site / outlet / file_for("/tin-tuc", "page=1")).read_bytes(),
                       kind="listing", modified=listed[0].when)
        elif outlet == "bao-thainguyen":
            self.listing(outlet, listed, lambda n: f"/giao-duc/?page={n}", "Giáo dục", per_page=per)
            self.write(outlet, "/giao-duc/", "", (self.site / outlet / file_for("/giao-duc/", "page=1")).read_bytes(),
                       kind="listing", modified=listed[0].when)
            self.rss(outlet, "/rss/giao-duc.rss", "Báo Thái Nguyên - Giáo dục", listed[:30])
        elif outlet == "thainguyen-tv":
            videos = [p for p in listed if p.story.format == "report"]
            news = [p for p in listed if p.story.format != "report"]
            self.listing(outlet, videos, lambda n: f"/video/phong-su?page={n}", "Phóng sự", per_page=per)
            self.listing(outlet, news, lambda n: f"/tin-tuc/giao-duc?page={n}", "Giáo dục", per_page=per)

    # -- truth

    def manifest(self, pages: list[Page]) -> dict[str, Any]:
        by_story: dict[str, list[Page]] = defaultdict(list)
        for page in pages:
            by_story[page.story.id].append(page)
        first_of: dict[str, Page] = {}
        for sid, copies in by_story.items():
            reachable = [p for p in copies if not p.flags & {"robots", "broken", "error500"}]
            if reachable:
                first_of[sid] = min(reachable, key=lambda p: (p.when, p.copy_index))
        other_plans = sorted({pid for page in pages for pid in page.story.plans})
        other_windows = {pid: plan_windows(pid) for pid in other_plans}
        records = []
        for page in sorted(pages, key=lambda p: (p.outlet, p.when, p.id)):
            story = page.story
            day = page.when.date()
            lo, hi = WINDOWS.get(story.activity or "", PLAN_SPAN)
            in_window = lo <= day <= hi
            traps = [story.trap] if story.trap else []
            traps += [FLAG_TRAPS[f] for f in sorted(page.flags) if f in FLAG_TRAPS]
            layout = self.layout(page.outlet)
            if layout == "baoprovince-v1":
                traps.append("footer-year")
            years = re.findall(r"năm học (20\d\d)-20\d\d", " ".join(page.paras))
            if any(int(y) != page.when.year for y in years):
                traps.append("school-year-in-body")
            if page.flags & {"robots", "broken", "error500"}:
                expected = "unreachable"
            elif story.activity is None:
                expected = "not_relevant"
            elif first_of.get(story.id) is not page:
                expected = "duplicate"
            elif not in_window:
                expected = "out_of_window"
            elif story.pending:
                expected = "pending"
            else:
                expected = "counted"
            records.append({
                "outlet": page.outlet,
                "path": page.request,
                "story": story.id,
                "activity": story.activity,
                "format": story.format,
                "published": day.isoformat(),
                "published_at": page.when.isoformat(),
                "in_window": in_window,
                "expected": expected,
                "trap": traps[0] if traps else None,
                "traps": traps,
                "status": 500 if "error500" in page.flags else 200,
                "charset": "windows-1258" if "cp1258" in page.flags else "utf-8",
                "kind": story.kind,
                "title": unicodedata.normalize("NFC", page.title),
                "plans": self.other_truth(page, other_windows, first_of.get(story.id) is page),
            })
        outlets = {o: {"port": int(c["port"]), "layout": str(c["layout"]), "name": str(c["name"]),
                       "robots_disallow": str(c["robots_disallow"])} for o, c in self.outlets.items()}
        plans = {pid: {"windows": {a: [w[0].isoformat(), w[1].isoformat()] for a, w in wins.items()},
                       "totals": plan_totals(records, pid, wins)} for pid, wins in other_windows.items()}
        return {"outlets": outlets, "windows": {a: [w[0].isoformat(), w[1].isoformat()] for a, w in WINDOWS.items()},
                "totals": totals(records), "plans": plans, "pages": records}

    @staticmethod
    def other_truth(page: Page, windows: dict[str, dict[str, tuple[date, date]]], first: bool) -> dict[str, Any]:
        """The page's truth for every other plan (stories.toml `plans`): activity, in_window, expected."""
        out: dict[str, Any] = {}
        unreachable = bool(page.flags & {"robots", "broken", "error500"})
        for pid, wins in windows.items():
            label = page.story.plans.get(pid)
            activity = label["activity"] if label else None
            lo, hi = wins.get(activity or "", (min(w[0] for w in wins.values()), max(w[1] for w in wins.values())))
            in_window = lo <= page.when.date() <= hi
            out[pid] = {"activity": activity, "in_window": in_window,
                        "expected": expected_for(activity, bool(label and label["pending"]), in_window, unreachable,
                                                 first)}
        return out


def totals(records: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for act in WINDOWS:
        for fmt in ("article", "report"):
            sel = [r for r in records if r["activity"] == act and r["format"] == fmt]
            out[f"{act}/{fmt}"] = {
                "counted": sum(r["expected"] == "counted" for r in sel),
                "pending": sum(r["expected"] == "pending" for r in sel),
                "duplicate": sum(r["expected"] == "duplicate" for r in sel),
                "out_of_window": sum(r["expected"] == "out_of_window" for r in sel),
                "unreachable": sum(r["expected"] == "unreachable" for r in sel),
            }
    out["pages"] = len(records)
    out["stories"] = len({r["story"] for r in records})
    out["by_expected"] = dict(sorted(Counter(r["expected"] for r in records).items()))
    out["by_outlet"] = dict(sorted(Counter(r["outlet"] for r in records).items()))
    return out


def plan_totals(records: list[dict[str, Any]], plan_id: str, windows: dict[str, tuple[date, date]]) -> dict[str, Any]:
    """totals() for another plan, from each page's `plans` truth."""
    out: dict[str, Any] = {}
    for act in windows:
        for fmt in ("article", "report"):
            sel = [r["plans"][plan_id]["expected"] for r in records
                   if r["plans"][plan_id]["activity"] == act and r["format"] == fmt]
            out[f"{act}/{fmt}"] = {k: sel.count(k) for k in ("counted", "pending", "duplicate", "out_of_window",
                                                           "unreachable")}
    return out


def fingerprint(demo_dir: Path = DEMO_DIR) -> str:
    """sha256 over every generated file (to check that a rebuild is byte-identical)."""
    h = hashlib.sha256()
    for path in sorted((demo_dir / "site").rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(demo_dir)).encode())
            h.update(path.read_bytes())
    h.update((demo_dir / "manifest.json").read_bytes())
    return h.hexdigest()


def main() -> None:
    manifest = Builder().build()
    t = manifest["totals"]
    print(f"pages: {t['pages']}  stories: {t['stories']}")
    print("by outlet:", ", ".join(f"{k}={v}" for k, v in t["by_outlet"].items()))
    print("by expected:", ", ".join(f"{k}={v}" for k, v in t["by_expected"].items()))
    print(f"{'activity/format':16} counted pending duplicate out_of_window unreachable")
    for key in (f"{a}/{f}" for a in WINDOWS for f in ("article", "report")):
        row = t[key]
        print(f"{key:16} {row['counted']:7} {row['pending']:7} {row['duplicate']:9} {row['out_of_window']:13} "
              f"{row['unreachable']:11}")
    print("fingerprint:", fingerprint())


if __name__ == "__main__":
    main()
