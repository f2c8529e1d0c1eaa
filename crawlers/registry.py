"""The source registry: outlets as plain data in TOML files (data/sources/*.toml).

Each top-level *.toml file of the folder holds `[[source]]` entries (schema in docs/adding-an-outlet.md);
subfolders (data/sources/layouts/, ...) are not source files. `search_queries.toml` (backfill queries)
lives in the same folder and is recognised by its `[[query]]`/`queries` keys. Validation errors name the
file, the source id, the field and the fix, and every problem of a file is reported at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from planwatch.config import data_path

KINDS = ("portal", "newspaper", "tv", "radio", "fanpage", "department")
SCOPES = ("central", "provincial")
PLACEHOLDERS = ("page", "query")
QUERIES_FILE = "search_queries.toml"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_FIELDS = {
    "id", "name", "kind", "scope", "province_historical", "province_current", "homepage", "feeds", "sitemaps",
    "search", "article_url_pattern", "layout", "layout_check", "allow_private", "listings", "politeness",
    "notes", "enabled", "search_max_pages", "lang", "example_articles", "verified", "evidence",
}
# Where a source's facts come from (docs/adding-an-outlet.md): "live" (checked against the site by
# `planwatch sources check` from a network that reaches it), "evidence" (saved pages or other people's
# working crawlers of the site), "guess" (a lead nobody confirmed: the first run with internet decides).
VERIFIED = ("live", "evidence", "guess")
EVIDENCE_KINDS = ("saved-page", "public-code", "evidence-notes", "live-check")
_EVIDENCE_FIELDS = {"kind", "date", "what"}
_EVIDENCE_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_LISTING_FIELDS = {"url", "first_page", "max_pages", "notes"}
_POLITENESS_FIELDS = {"delay", "concurrency"}


class RegistryError(ValueError):
    """A sources file is invalid; the message lists every problem with its fix."""


@dataclass(frozen=True)
class Listing:
    url: str
    first_page: int = 1
    max_pages: int = 50

    def page_url(self, page: int) -> str:
        return fill_template(self.url, page=page)

    @property
    def paged(self) -> bool:
        """False for a one-page listing (a URL without {page}, e.g. moet.gov.vn's unpaginated table)."""
        return "{page}" in self.url


@dataclass(frozen=True)
class Politeness:
    delay: float = 3.0
    concurrency: int = 1


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence behind a source's facts: its kind, when it was seen, and what it showed."""

    kind: str
    date: str
    what: str = ""

    def label(self) -> str:
        return f"{self.kind} {self.date}" + (f": {self.what}" if self.what else "")


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: str
    scope: str
    homepage: str
    province_historical: str = ""
    province_current: str = ""
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    search: str = ""
    search_max_pages: int = 5
    article_url_pattern: str = ""
    layout: str = ""
    layout_check: str = ""
    example_articles: tuple[str, ...] = ()
    allow_private: bool = False
    enabled: bool = True
    politeness: Politeness = field(default_factory=Politeness)
    verified: str = "guess"
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    file: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("raw", None)
        return out

    def hosts(self) -> set[str]:
        """Host names this source's configured URLs live on (politeness slots, robots.txt)."""
        urls = [self.homepage, *self.feeds, *self.sitemaps, *(li.url for li in self.listings)]
        if self.search:
            urls.append(self.search)
        return {(urlsplit(fill_template(u, page=1, query="x")).hostname or "").lower() for u in urls} - {""}

    def layout_selector(self, layouts_dir: Path | None = None) -> str:
        """The CSS selector whose absence on an article page counts as a layout miss: `layout_check`, else
        the body selectors of data/sources/layouts/<layout>.toml (pipeline.extract's layout files)."""
        if self.layout_check:
            return self.layout_check
        if not self.layout:
            return ""
        return _layout_body_selector((layouts_dir or data_path("sources", "layouts")) / f"{self.layout}.toml")

    def article_re(self) -> re.Pattern[str] | None:
        return re.compile(self.article_url_pattern) if self.article_url_pattern else None

    def is_article(self, url: str) -> bool:
        """The URL matches article_url_pattern and lives on one of the source's hosts (ignoring www./m.):
        a listing's adverts for other sites' stories often have the same URL shape (dantri, websosanh.vn)."""
        rx = self.article_re()
        if rx is not None and not rx.search(url):
            return False
        host = _bare_host(urlsplit(url).hostname or "")
        own = self._bare_hosts
        return not host or not own or host in own

    @cached_property
    def _bare_hosts(self) -> frozenset[str]:
        """hosts() without www./m., made once per source (is_article asks for every candidate URL: a sitemap's
        3,306 entries each split and filled every configured URL again)."""
        return frozenset(_bare_host(h) for h in self.hosts())


def _bare_host(host: str) -> str:
    host = host.lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            return host[len(prefix):]
    return host


def _layout_body_selector(path: Path) -> str:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    body = data.get("selectors", {}).get("body") or data.get("detect") or []
    if isinstance(body, str):
        body = [body]
    return ", ".join(str(b) for b in body if b)


def fill_template(template: str, *, page: int | None = None, query: str | None = None) -> str:
    """Fill {page} and {query} (URL-encoded) in a listing or search template."""
    from urllib.parse import quote_plus

    out = template
    if page is not None:
        out = out.replace("{page}", str(page))
    if query is not None:
        out = out.replace("{query}", quote_plus(query))
    return out


# -- loading ---------------------------------------------------------------------------------------

def source_files(path: str | Path | None = None) -> list[Path]:
    """The TOML files a --sources value names: the file itself, or a folder's top-level *.toml."""
    target = Path(path) if path is not None else data_path("sources")
    if target.is_dir():
        return sorted(p for p in target.glob("*.toml") if p.is_file())
    if target.is_file():
        return [target]
    raise RegistryError(f"{target}: no such sources file or folder (give a .toml file or a folder of them)")


def load_sources(path: str | Path | None = None, *, include_disabled: bool = False) -> list[Source]:
    """Load and validate every source of a file or a folder (None: data/sources). Raises RegistryError."""
    problems: list[str] = []
    sources: list[Source] = []
    seen: dict[str, str] = {}
    for file in source_files(path):
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{file}: not valid TOML: {exc}. "
                            "Fix the syntax (strings in quotes, one [[source]] per entry).")
            continue
        entries = data.get("source")
        if entries is None:
            if _is_auxiliary(data):
                continue
            problems.append(f"{file}: no [[source]] entries. Add at least one [[source]] table, "
                            "or move the file out of the sources folder.")
            continue
        if not isinstance(entries, list):
            problems.append(f"{file}: 'source' must be an array of tables: write [[source]], not [source].")
            continue
        extra = set(data) - {"source"}
        if extra:
            problems.append(f"{file}: unknown top-level keys {sorted(extra)}; only [[source]] entries belong here.")
        for index, entry in enumerate(entries):
            src, errs = _validate(file, index, entry)
            if src is not None and src.scope == "provincial":
                errs = _check_provinces(file, src)
                src = None if errs else src
            problems.extend(errs)
            sid = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(sid, str):
                if sid in seen:
                    problems.append(f"{file}: source '{sid}': field 'id': duplicate id (also in {seen[sid]}). "
                                    "Fix: give each source a unique id.")
                    continue
                seen[sid] = str(file)
            if src is None:
                continue
            if src.enabled or include_disabled:
                sources.append(src)
    if problems:
        raise RegistryError("invalid sources:\n  - " + "\n  - ".join(problems))
    return sources


def _is_auxiliary(data: dict[str, Any]) -> bool:
    return bool(data) and set(data) <= {"query", "queries", "defaults", "meta", "provinces"}


@dataclass(frozen=True)
class Provinces:
    """The 2025 merger as data (data/sources/provinces.toml): current units and what each absorbed."""

    current_of: dict[str, str]      # every pre-2025 unit -> its current unit
    current: frozenset[str]
    aliases: dict[str, str]

    def canonical(self, name: str) -> str:
        name = " ".join(unicodedata.normalize("NFC", name).split())
        return self.aliases.get(name, name)


_PROVINCES: dict[Path, Provinces | None] = {}


def load_provinces(path: Path | None = None) -> Provinces | None:
    """The merger table, or None when the file is missing (then provinces are not checked)."""
    file = path or data_path("sources", "provinces.toml")
    if file not in _PROVINCES:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8")).get("provinces", {})
        except (OSError, tomllib.TOMLDecodeError):
            _PROVINCES[file] = None
            return None
        current_of = {name: name for name in data.get("unchanged", [])}
        for new, absorbed in data.get("merged", {}).items():
            current_of[new] = new
            for old in absorbed:
                current_of[old] = new
        _PROVINCES[file] = Provinces(current_of=current_of, current=frozenset(current_of.values()),
                                     aliases=dict(data.get("aliases", {})))
    return _PROVINCES[file]


def _check_provinces(file: Path, src: Source) -> list[str]:
    table = load_provinces()
    if table is None:
        return []
    errs: list[str] = []
    hist, cur = table.canonical(src.province_historical), table.canonical(src.province_current)
    prefix = f"{file}: source '{src.id}'"
    if hist in table.current_of and table.current_of[hist] != cur:
        errs.append(f"{prefix}: field 'province_current': {src.province_historical} became "
                    f"{table.current_of[hist]} in 2025, not {src.province_current}. "
                    f"Fix: province_current = \"{table.current_of[hist]}\".")
    elif cur not in table.current:
        errs.append(f"{prefix}: field 'province_current': {src.province_current!r} is not a provincial unit after "
                    "the 2025 merger. Fix: use one of the 34 names in data/sources/provinces.toml.")
    if hist not in table.current_of:
        errs.append(f"{prefix}: field 'province_historical': {src.province_historical!r} is not a provincial unit "
                    "of 2022. Fix: use one of the 63 names (or an alias) in data/sources/provinces.toml.")
    return errs


Err = Callable[[str, str, str], None]  # err(field, what is wrong, how to fix it)


def _validate(file: Path, index: int, entry: Any) -> tuple[Source | None, list[str]]:
    """One [[source]] table -> (Source, []) or (None, every error: file, source, field, what, fix). The checks
    run in the order the errors are listed."""
    if not isinstance(entry, dict):
        return None, [f"{file}: source #{index + 1}: each [[source]] must be a table"]
    sid = str(entry.get("id") or f"#{index + 1}")
    errs: list[str] = []

    def err(fieldname: str, msg: str, fix: str) -> None:
        errs.append(f"{file}: source '{sid}': field '{fieldname}': {msg}. Fix: {fix}.")

    _check_identity(entry, err)
    search = _check_entry_points(entry, err)
    listings = _listings(entry, err)
    pattern = entry.get("article_url_pattern", "")
    if pattern:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            err("article_url_pattern", f"bad regex: {exc}", "write a Python regex; escape dots and backslashes in TOML")
    politeness = _politeness(entry, err)
    _check_types(entry, err)
    _check_examples(entry, pattern, err, checkable=not errs)
    verified, evidence, notes = _provenance(entry, err)
    smax = entry.get("search_max_pages", 5)
    if not isinstance(smax, int) or smax < 1:
        err("search_max_pages", f"{smax!r} is not a positive integer", "use an integer >= 1")
        smax = 5
    if errs:
        return None, errs
    return Source(
        id=entry["id"], name=entry["name"].strip(), kind=entry["kind"], scope=entry["scope"],
        homepage=entry["homepage"].strip(),
        province_historical=str(entry.get("province_historical", "")).strip(),
        province_current=str(entry.get("province_current", "")).strip(),
        feeds=tuple(entry.get("feeds", [])), sitemaps=tuple(entry.get("sitemaps", [])), listings=tuple(listings),
        search=search or "", search_max_pages=smax, article_url_pattern=pattern or "",
        layout=entry.get("layout", ""), layout_check=entry.get("layout_check", ""),
        example_articles=tuple(entry.get("example_articles", [])),
        allow_private=bool(entry.get("allow_private", False)), enabled=bool(entry.get("enabled", True)),
        politeness=politeness, verified=verified, evidence=evidence, notes=notes, file=str(file), raw=dict(entry),
    ), []


def _check_identity(entry: dict[str, Any], err: Err) -> None:
    """Known fields only; id, name, homepage, kind, scope, and both provinces of a provincial source."""
    unknown = sorted(set(entry) - _FIELDS)
    for name in unknown:
        err(name, "unknown field", f"remove it or use one of {sorted(_FIELDS)}")
    if "id" not in entry:
        err("id", "missing", 'add id = "short-lowercase-id"')
    elif not isinstance(entry["id"], str) or not _ID.match(entry["id"]):
        err("id", f"{entry['id']!r} is not a valid id", "use 1-64 chars of a-z, 0-9, '-' or '_'")
    for name in ("name", "homepage"):
        if not isinstance(entry.get(name), str) or not entry.get(name, "").strip():
            err(name, "missing", f'add {name} = "..."')
    kind = entry.get("kind")
    if kind not in KINDS:
        err("kind", f"unknown kind {kind!r}" if kind else "missing", f"use one of {', '.join(KINDS)}")
    scope = entry.get("scope")
    if scope not in SCOPES:
        err("scope", f"unknown scope {scope!r}" if scope else "missing", f"use one of {', '.join(SCOPES)}")
    if scope == "provincial":
        for name in ("province_historical", "province_current"):
            if not str(entry.get(name) or "").strip():
                err(name, "missing for a provincial source",
                    "give the province as it was in 2022 and as it is after the 2025 merger (docs/adding-an-outlet.md)")
    if isinstance(entry.get("homepage"), str) and entry["homepage"].strip():
        _check_url(entry["homepage"], "homepage", err, allowed=())


def _check_entry_points(entry: dict[str, Any], err: Err) -> Any:
    """Feeds and sitemaps (lists of URLs) and the search template; returns the search value as given."""
    for name in ("feeds", "sitemaps"):
        value = entry.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            err(name, "must be a list of URLs", f'write {name} = ["https://..."]')
            continue
        for url in value:
            _check_url(url, name, err, allowed=())
    search = entry.get("search", "")
    if search:
        if not isinstance(search, str):
            err("search", "must be a URL template string", 'write search = "https://host/tim-kiem?q={query}&page={page}"')
        else:
            _check_url(search, "search", err, allowed=PLACEHOLDERS)
            if "{query}" not in search:
                err("search", "template has no {query}", "put {query} where the search words go")
    return search


def _listings(entry: dict[str, Any], err: Err) -> list[Listing]:
    """[[source.listings]]: a URL with {page} (or max_pages = 1), first_page >= 0, max_pages >= 1."""
    listings: list[Listing] = []
    raw_listings = entry.get("listings", [])
    if not isinstance(raw_listings, list):
        err("listings", "must be an array of tables", "write [[source.listings]] with url = ... and {page}")
        raw_listings = []
    for li_index, li in enumerate(raw_listings):
        label = f"listings[{li_index}]"
        if not isinstance(li, dict) or not isinstance(li.get("url"), str):
            err(label, "needs url", 'add url = "https://host/section?page={page}"')
            continue
        for name in sorted(set(li) - _LISTING_FIELDS):
            err(f"{label}.{name}", "unknown field", f"use one of {sorted(_LISTING_FIELDS)}")
        url = li["url"]
        _check_url(url, f"{label}.url", err, allowed=("page",))
        first, most = li.get("first_page", 1), li.get("max_pages", 50)
        if "{page}" not in url and most != 1:
            err(f"{label}.url", "listing URL has no {page}",
                "put {page} where the page number goes (e.g. ...&Page={page}), or set max_pages = 1 for a "
                "listing that is one unpaginated page")
        if not isinstance(first, int) or first < 0:
            err(f"{label}.first_page", f"{first!r} is not a page number", "use an integer >= 0")
            first = 1
        if not isinstance(most, int) or most < 1:
            err(f"{label}.max_pages", f"{most!r} is not a positive integer", "use an integer >= 1")
            most = 1
        listings.append(Listing(url=url, first_page=first, max_pages=most))
    return listings


def _politeness(entry: dict[str, Any], err: Err) -> Politeness:
    """[source.politeness]: delay 0-120 s, concurrency 1-4 (defaults where wrong or absent)."""
    pol = entry.get("politeness", {})
    if not isinstance(pol, dict):
        err("politeness", "must be a table", "write [source.politeness] with delay and concurrency")
        return Politeness()
    for name in sorted(set(pol) - _POLITENESS_FIELDS):
        err(f"politeness.{name}", "unknown field", "use delay (seconds) and concurrency (1-2)")
    delay, conc = pol.get("delay", 3.0), pol.get("concurrency", 1)
    if not isinstance(delay, int | float) or delay < 0 or delay > 120:
        err("politeness.delay", f"{delay!r} is out of range", "use seconds between 0 and 120")
        delay = 3.0
    if not isinstance(conc, int) or not 1 <= conc <= 4:
        err("politeness.concurrency", f"{conc!r} is out of range", "use 1 or 2 (4 at most)")
        conc = 1
    return Politeness(delay=float(delay), concurrency=conc)


def _check_types(entry: dict[str, Any], err: Err) -> None:
    for name in ("allow_private", "enabled"):
        if name in entry and not isinstance(entry[name], bool):
            err(name, "must be true or false", f"write {name} = false")
    for name in ("layout", "layout_check", "province_historical", "province_current"):
        if name in entry and not isinstance(entry[name], str):
            err(name, "must be a string", f'write {name} = "..."')


def _check_examples(entry: dict[str, Any], pattern: Any, err: Err, *, checkable: bool) -> None:
    """example_articles is a list of URLs, each matched by article_url_pattern (checked only when nothing
    before it failed: a bad pattern would flag every example)."""
    examples = entry.get("example_articles", [])
    if not isinstance(examples, list) or not all(isinstance(v, str) for v in examples):
        err("example_articles", "must be a list of article URLs", 'write example_articles = ["https://..."]')
    elif pattern and checkable:
        rx = re.compile(pattern)
        for url in examples:
            if not rx.search(url):
                err("example_articles", f"{url!r} does not match article_url_pattern {pattern!r}",
                    "fix the pattern (or the example)")


def _provenance(entry: dict[str, Any], err: Err) -> tuple[Any, tuple[Evidence, ...], str]:
    """(verified, evidence, notes): "evidence" and "live" need their evidence listed."""
    verified = entry.get("verified", "guess")
    if verified not in VERIFIED:
        err("verified", f"{verified!r} is not one of {', '.join(VERIFIED)}",
            'write verified = "evidence" (saved pages, public crawlers), "live" (checked live) or "guess"')
    evidence = _evidence(entry.get("evidence", []), err)
    if verified in ("evidence", "live") and not evidence:
        err("evidence", f'verified = "{verified}" needs its evidence',
            'add evidence = [{kind = "saved-page", date = "2026-03-07", what = "..."}] (docs/adding-an-outlet.md)')
    notes = entry.get("notes", "")
    if not isinstance(notes, str):
        err("notes", "must be a string", 'write notes = "..."')
        notes = ""
    return verified, evidence, notes


def _evidence(value: Any, err: Any) -> tuple[Evidence, ...]:
    if not isinstance(value, list):
        err("evidence", "must be a list of tables", 'write evidence = [{kind = "saved-page", date = "2026-03-07"}]')
        return ()
    out: list[Evidence] = []
    for index, item in enumerate(value):
        label = f"evidence[{index}]"
        if not isinstance(item, dict):
            err(label, "must be a table", 'write {kind = "public-code", date = "2026-12", what = "..."}')
            continue
        for name in sorted(set(item) - _EVIDENCE_FIELDS):
            err(f"{label}.{name}", "unknown field", f"use one of {sorted(_EVIDENCE_FIELDS)}")
        kind, date = item.get("kind"), str(item.get("date", ""))
        if kind not in EVIDENCE_KINDS:
            err(f"{label}.kind", f"unknown kind {kind!r}", f"use one of {', '.join(EVIDENCE_KINDS)}")
            continue
        if not _EVIDENCE_DATE.match(date):
            err(f"{label}.date", f"{date!r} is not a date", 'write date = "2026-12" or "2026-12-05"')
            continue
        out.append(Evidence(kind=kind, date=date, what=str(item.get("what", "")).strip()))
    return tuple(out)


def _check_url(url: str, fieldname: str, err: Any, *, allowed: Sequence[str]) -> None:
    names = set(re.findall(r"\{([^{}]*)\}", url))
    bad = names - set(allowed)
    if bad:
        fix = f"only {{{'}, {'.join(allowed)}}} may appear here" if allowed else "remove the braces"
        err(fieldname, f"bad URL template {url!r}: unknown placeholder(s) {sorted(bad)}", fix)
        return
    if url.count("{") != url.count("}"):
        err(fieldname, f"bad URL template {url!r}: unbalanced braces", "close every {placeholder}")
        return
    probe = fill_template(url, page=1, query="x")
    try:
        parts = urlsplit(probe)
        _ = parts.port
    except ValueError as exc:
        err(fieldname, f"bad URL {url!r}: {exc}", "write an absolute http(s) URL")
        return
    if parts.scheme not in ("http", "https") or not parts.hostname:
        err(fieldname, f"{url!r} is not an absolute http(s) URL", "start it with https:// and a host name")


# -- search queries ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchQuery:
    text: str
    note: str = ""


def load_queries(path: str | Path | None = None) -> list[SearchQuery]:
    """Backfill search queries (data/sources/search_queries.toml): [[query]] text = "..." entries,
    or a plain `queries = [...]` list."""
    file = Path(path) if path is not None else data_path("sources", QUERIES_FILE)
    if not file.exists():
        return []
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{file}: not valid TOML: {exc}") from exc
    out: list[SearchQuery] = []
    for item in data.get("queries", []):
        out.append(SearchQuery(text=str(item)))
    for index, item in enumerate(data.get("query", [])):
        if not isinstance(item, dict) or not str(item.get("text", "")).strip():
            raise RegistryError(f"{file}: query #{index + 1}: field 'text': missing. Fix: write text = \"mầm non\".")
        out.append(SearchQuery(text=str(item["text"]).strip(), note=str(item.get("note", ""))))
    return out


# -- database ------------------------------------------------------------------------------------------

def source_rows(sources: Iterable[Source], *, updated_at: dt.datetime | None = None) -> list[dict[str, Any]]:
    stamp = updated_at or dt.datetime.now(dt.UTC)
    return [{
        "source_id": s.id, "name": s.name, "kind": s.kind, "scope": s.scope,
        "province_historical": s.province_historical or None, "province_current": s.province_current or None,
        "homepage": s.homepage, "config_json": json.dumps(s.raw or s.as_dict(), ensure_ascii=False, sort_keys=True),
        "updated_at": stamp,
    } for s in sources]


def sync_sources(writer: Any, sources: Iterable[Source]) -> int:
    """Upsert the registry into the `sources` table (one row per source, replaced on every sync)."""
    return int(writer.insert("sources", source_rows(sources), on_conflict="replace"))


def find_source(sources: Iterable[Source], source_id: str) -> Source | None:
    return next((s for s in sources if s.id == source_id), None)


def source_for_url(sources: Iterable[Source], url: str) -> Source | None:
    """The source whose hosts include the URL's host (ignoring a www./m. prefix), or None."""
    host = (urlsplit(url).hostname or "").lower()

    def bare(h: str) -> str:
        for prefix in ("www.", "m."):
            if h.startswith(prefix):
                return h[len(prefix):]
        return h

    for s in sources:
        if bare(host) in {bare(h) for h in s.hosts()}:
            return s
    return None
