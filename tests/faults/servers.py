"""Misbehaving HTTP servers on 127.0.0.1 for the fault matrix, one implementation per fault.

Every site is a `FaultSite`: a small threaded server that serves `/robots.txt` (404: allow all), a feed or a
sitemap at `/feed.xml` / `/sitemap.xml`, one good article (`GOOD_PATH`) and whatever its fault needs. The
fault is either in discovery (the feed itself misbehaves) or in one article linked from a good feed, so
each case also shows that the rest of the source is still collected. Request loops are bounded on the
server side too (redirect chains stop at 1,000 hops, drips after 30 s, streams after 50 MB)."""

from __future__ import annotations

import gzip
import time
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any, ClassVar

import brotli

from crawlers.mirror_build import to_cp1258
from pipeline.encoding import _TCVN3
from tests.support.httpserver import Handler, LocalSite

GOOD_PATH = "/tin-tuc/boi-duong-giao-vien-mam-non-de-an-33.html"
BAD_PATH = "/tin-tuc/bai-viet-loi-phan-hoi.html"
MB = 1024 * 1024

TITLE = "Bồi dưỡng giáo viên mầm non theo Đề án 33 tại {where}"
PARAGRAPHS = (
    "Sở Giáo dục và Đào tạo {where} tổ chức lớp bồi dưỡng cho giáo viên mầm non và cán bộ quản lý giáo dục "
    "mầm non theo Đề án 33 về đào tạo, bồi dưỡng giáo viên và cán bộ quản lý cơ sở giáo dục mầm non giai "
    "đoạn 2018-2025.",
    "Lớp học giúp giáo viên cập nhật kiến thức về chương trình giáo dục mầm non, kỹ năng tổ chức hoạt động "
    "cho trẻ và phương pháp đánh giá sự phát triển của trẻ theo hướng lấy trẻ làm trung tâm.",
    "Theo kế hoạch, trong năm 2022 toàn tỉnh có hơn 1.200 lượt giáo viên tham gia các lớp bồi dưỡng "
    "thường xuyên, trong đó nhiều lớp được tổ chức trực tuyến để giáo viên vùng khó khăn dễ tham gia.",
)


def article_html(where: str, *, charset: str = "utf-8", extra: str = "", title: str | None = None) -> str:
    title = title or TITLE.format(where=where)
    body = "".join(f"<p>{p.format(where=where)}</p>\n" for p in PARAGRAPHS)
    return (f'<!doctype html><html lang="vi"><head><meta charset="{charset}"><title>{title}</title>'
            f'<meta property="article:published_time" content="2022-06-20T08:00:00+07:00"></head><body>'
            f"<article><h1>{title}</h1><p class=\"time\">20/06/2022 08:00</p>\n{body}{extra}</article></body></html>")


def rss(base: str, items: list[tuple[str, str]], *, extra_head: str = "") -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link>"
                      f"<pubDate>Mon, 20 Jun 2022 08:00:00 +0700</pubDate></item>" for p, t in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>{extra_head}<rss version="2.0"><channel><title>t</title>'
            f"<link>{base}/</link>{entries}</channel></rss>").encode()


def to_tcvn3(text: str) -> bytes:
    """TCVN3 (.Vn fonts): lower-case toned letters at 0xA1..0xFE; upper case drawn by a separate font,
    so an upper-case toned letter is written with its lower-case code (as real pages did)."""
    reverse = {letter: code for code, letter in _TCVN3.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(reverse[ch])
        elif ch.lower() in reverse and ch not in "ĂÂÊÔƠƯĐ":
            out.append(reverse[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


@cache
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * (64 * MB), compresslevel=9)


@cache
def brotli_bomb() -> bytes:
    return bytes(brotli.compress(b"\0" * (64 * MB), quality=5))


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                             .encode() for i in range(1, 10))
                  + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
                  + b"<link>http://127.0.0.1/x-y-z.html</link></item></channel></rss>")
XXE = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       b'<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title>'
       b"<description>&xxe;</description><link>http://127.0.0.1/xxe-leak-page.html</link></item>"
       b"</channel></rss>")


class FaultSite(LocalSite):
    """One source. Subclasses set `fault`, `where` and override `feed()` or `bad()`."""

    fault: ClassVar[str] = "healthy"
    where: ClassVar[str] = "Hà Nội"       # what the good article is about
    discovery: ClassVar[str] = "feed"     # feed | sitemap
    good_article: ClassVar[bool] = True   # the feed lists GOOD_PATH
    bad_article: ClassVar[bool] = True    # the feed lists BAD_PATH (the article-level fault)

    @property
    def source_id(self) -> str:
        return f"fault-{self.fault}"

    def source(self) -> dict[str, Any]:
        """The sources-file entry (tests.crawl.helpers.write_sources adds allow_private and politeness)."""
        entry: dict[str, Any] = {"id": self.source_id, "name": f"Fault {self.fault}", "homepage": self.base + "/"}
        entry["feeds" if self.discovery == "feed" else "sitemaps"] = [self.base + f"/{self.discovery}.xml"]
        return entry

    def items(self) -> list[tuple[str, str]]:
        items = []
        if self.good_article:
            items.append((GOOD_PATH, TITLE.format(where=self.where)))
        if self.bad_article:
            items.append((BAD_PATH, "Bài lỗi"))
        return items

    def handle(self, h: Handler) -> None:
        if h.path == "/robots.txt":
            h.reply(404, b"no robots")
        elif h.path == "/feed.xml":
            self.feed(h)
        elif h.path == GOOD_PATH:
            self.good(h)
        elif h.path.startswith(BAD_PATH):
            self.bad(h)
        else:
            self.other(h)

    def feed(self, h: Handler) -> None:
        h.reply(200, rss(self.base, self.items()), "application/rss+xml; charset=utf-8")

    def good(self, h: Handler) -> None:
        h.reply(200, article_html(self.where).encode())

    def bad(self, h: Handler) -> None:
        h.reply(404, b"gone")

    def other(self, h: Handler) -> None:
        h.reply(404, b"not found")

    def __enter__(self) -> FaultSite:
        super().__enter__()
        return self


# -- the healthy source --------------------------------------------------------------------------------

class Healthy(FaultSite):
    fault = "healthy"
    where = "Quảng Ninh"
    bad_article = False

    @property
    def source_id(self) -> str:
        return "healthy"

    def items(self) -> list[tuple[str, str]]:
        return [(GOOD_PATH, TITLE.format(where=self.where)), ("/tin-tuc/tap-huan-can-bo-quan-ly-mam-non.html", "x")]

    def other(self, h: Handler) -> None:
        if h.path == "/tin-tuc/tap-huan-can-bo-quan-ly-mam-non.html":
            h.reply(200, article_html("Hải Phòng").encode())
        else:
            h.reply(404, b"not found")


# -- sources that do not answer ----------------------------------------------------------------------

class Refused(FaultSite):
    """Nothing listens on the port: every connection is refused."""

    fault = "refused"

    def __enter__(self) -> FaultSite:
        self.httpd.server_close()  # free the port again: connecting gives ECONNREFUSED
        return self

    def __exit__(self, *exc: Any) -> None:
        pass


class Unresolvable(Refused):
    """A host name that never resolves (RFC 2606 .invalid)."""

    fault = "unresolvable"

    @property
    def base(self) -> str:
        return "http://nonexistent.invalid"


# -- HTTP-level faults ---------------------------------------------------------------------------------

class ServerErrors(FaultSite):
    """A burst of 5xx: the feed fails twice then works; the bad article fails every time."""

    fault = "5xx"

    def feed(self, h: Handler) -> None:
        if self.hits.get("/feed.xml", 0) <= 2:
            h.reply(503, b"busy")
        else:
            super().feed(h)

    def bad(self, h: Handler) -> None:
        h.reply(500 if self.hits.get(h.path, 0) % 2 else 502, b"<h1>Internal Server Error</h1>")


class TooManyRequests(FaultSite):
    """429 with Retry-After: 1 s on the feed (honoured, then served); the bad article asks for a day."""

    fault = "429"

    def feed(self, h: Handler) -> None:
        if self.hits.get("/feed.xml", 0) == 1:
            h.reply(429, b"slow down", headers={"Retry-After": "1"})
        else:
            super().feed(h)

    def bad(self, h: Handler) -> None:
        h.reply(429, b"come back tomorrow", headers={"Retry-After": "86400"})


class SlowDrip(FaultSite):
    """Headers at once, then one byte every 0.3 s (stops after 30 s or when the client leaves)."""

    fault = "slow-drip"

    def bad(self, h: Handler) -> None:
        body = article_html("Đà Nẵng").encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        started = time.monotonic()
        for i in range(len(body)):
            if time.monotonic() - started > 30:
                break
            h.wfile.write(body[i:i + 1])
            h.wfile.flush()
            time.sleep(0.3)
        h.close_connection = True


class Truncated(FaultSite):
    """Content-Length says 40,000 bytes; 2,000 arrive and the connection closes."""

    fault = "truncated"

    def bad(self, h: Handler) -> None:
        body = article_html("Cần Thơ", extra="<p>" + "nội dung " * 5000 + "</p>").encode()
        h.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 40000\r\n"
              b"Connection: close\r\n\r\n" + body[:2000])


class BrokenChunked(FaultSite):
    """Transfer-Encoding: chunked with a valid first chunk, then a chunk size that is not hex."""

    fault = "broken-chunked"

    def bad(self, h: Handler) -> None:
        part = article_html("Huế").encode()[:1500]
        h.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
              b"Connection: close\r\n\r\n" + f"{len(part):x}\r\n".encode() + part + b"\r\nZZZZ\r\ngarbage\r\n")


class GzipBomb(FaultSite):
    """64 MB of zeros, gzip-compressed to ~64 KB."""

    fault = "gzip-bomb"

    def bad(self, h: Handler) -> None:
        h.reply(200, gzip_bomb(), headers={"Content-Encoding": "gzip"})


class BrotliBomb(FaultSite):
    fault = "brotli-bomb"

    def bad(self, h: Handler) -> None:
        h.reply(200, brotli_bomb(), headers={"Content-Encoding": "br"})


class GzipBombFeed(FaultSite):
    """The feed itself is a gzip bomb (discovery must not inflate it either)."""

    fault = "gzip-bomb-feed"
    good_article = False
    bad_article = False

    def feed(self, h: Handler) -> None:
        h.reply(200, gzip_bomb(), "application/rss+xml", headers={"Content-Encoding": "gzip"})


class EndlessRedirects(FaultSite):
    """/bad -> /bad?n=1 -> /bad?n=2 -> ... (the server stops at 1,000 hops)."""

    fault = "redirect-loop"

    def bad(self, h: Handler) -> None:
        n = int(h.path.rsplit("=", 1)[-1]) if "?n=" in h.path else 0
        if n >= 1000:
            h.reply(404, b"end")
            return
        h.reply(302, b"", headers={"Location": f"{BAD_PATH}?n={n + 1}"})


class HugePage(FaultSite):
    """A 50 MB page, streamed without Content-Length (the size is only known by reading it)."""

    fault = "50mb-page"

    def bad(self, h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(b"<html><body><article><p>")
        chunk = ("giáo viên mầm non " * 3500).encode()  # ~70 KB
        sent = 0
        while sent < 50 * MB:
            h.wfile.write(chunk)
            sent += len(chunk)
        h.close_connection = True


class HugePageDeclared(HugePage):
    """The same 50 MB page, with an honest Content-Length (refused before the body is read)."""

    fault = "50mb-declared"

    def bad(self, h: Handler) -> None:
        size = 50 * MB
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(size))
        h.end_headers()
        chunk = b"a" * (1 * MB)
        for _ in range(50):
            h.wfile.write(chunk)
        h.close_connection = True


# -- hostile XML ---------------------------------------------------------------------------------------

class MalformedFeed(FaultSite):
    """Broken XML: an unclosed tag and a stray '&'. feedparser may recover the items."""

    fault = "malformed-xml"
    bad_article = False

    def feed(self, h: Handler) -> None:
        body = rss(self.base, self.items()).replace(b"</channel>", b"<item><title>A & B</title><link>")
        h.reply(200, body, "application/rss+xml; charset=utf-8")


class GarbageFeed(FaultSite):
    """Not XML at all (an HTML error page served as the feed)."""

    fault = "garbage-feed"
    good_article = False
    bad_article = False

    def feed(self, h: Handler) -> None:
        h.reply(200, b"\x00\x01<html><body>Trang \xff\xfe l\xe1\xbb\x97i</body>", "application/rss+xml")


class BillionLaughs(FaultSite):
    fault = "billion-laughs"
    good_article = False
    bad_article = False

    def feed(self, h: Handler) -> None:
        h.reply(200, BILLION_LAUGHS, "application/rss+xml")


class ExternalEntity(FaultSite):
    fault = "xxe"
    good_article = False
    bad_article = False

    def feed(self, h: Handler) -> None:
        h.reply(200, XXE, "application/rss+xml")


# -- encodings -----------------------------------------------------------------------------------------

class Windows1258(FaultSite):
    """The good article is sent in windows-1258 (combining tone marks), declared in the header."""

    fault = "windows-1258"
    where = "Nghệ An"
    bad_article = False

    def good(self, h: Handler) -> None:
        h.reply(200, to_cp1258(article_html(self.where, charset="windows-1258")), "text/html; charset=windows-1258")


class Tcvn3(FaultSite):
    """The good article typed in the old TCVN3 (.Vn) font encoding, declared as windows-1252 as such
    pages were (no charset says TCVN3)."""

    fault = "tcvn3"
    where = "Thái Bình"
    bad_article = False

    def good(self, h: Handler) -> None:
        html = article_html(self.where, charset="windows-1252")
        h.reply(200, to_tcvn3(html), "text/html; charset=windows-1252")


class Nfd(FaultSite):
    """The good article in UTF-8 but decomposed (NFD), title and text alike."""

    fault = "nfd"
    where = "Lạng Sơn"
    bad_article = False

    def good(self, h: Handler) -> None:
        h.reply(200, unicodedata.normalize("NFD", article_html(self.where)).encode())


# -- size and scope ------------------------------------------------------------------------------------

class HugeFeed(FaultSite):
    """A feed with 10,000 items (the first is the good article, the rest 404 if fetched)."""

    fault = "10k-items"
    bad_article = False
    N = 10_000

    def feed(self, h: Handler) -> None:
        items = [(GOOD_PATH, TITLE.format(where=self.where))]
        items += [(f"/tin-tuc/bai-so-{i}-trong-nguon-tin.html", f"Bài {i}") for i in range(1, self.N)]
        h.reply(200, rss(self.base, items), "application/rss+xml; charset=utf-8")


class ForeignSitemap(FaultSite):
    """A sitemap on this host listing its own article and pages on other hosts (another local server
    and an unresolvable name): a source's sitemap may only speak for its own host."""

    fault = "foreign-sitemap"
    discovery = "sitemap"
    bad_article = False
    other_base = ""  # set by the test: the base URL of another local server

    def handle(self, h: Handler) -> None:
        if h.path == "/sitemap.xml":
            urls = [self.base + GOOD_PATH, f"{self.other_base}/tin-tuc/trang-cua-may-chu-khac-1.html",
                    "http://nonexistent.invalid/tin-tuc/trang-cua-may-chu-khac-2.html"]
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    + "".join(f"<url><loc>{u}</loc><lastmod>2022-06-20</lastmod></url>" for u in urls)
                    + "</urlset>").encode()
            h.reply(200, body, "application/xml")
        else:
            super().handle(h)


class OtherHost(FaultSite):
    """The host a foreign sitemap points at: serves a page to whoever asks (and counts the asks)."""

    fault = "other-host"

    def handle(self, h: Handler) -> None:
        h.reply(200, article_html("Nơi khác").encode())


SiteFactory = Callable[[], FaultSite]
