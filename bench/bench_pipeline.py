"""The whole pipeline against bare trafilatura, on the same pages, in the same run (issue 16).

Builds a static site on 127.0.0.1 from the real Vietnamese news text in ../shared/corpora (read in place:
vietnews-sample.jsonl, then vietnews-mamnon-dev.jsonl), one HTML page per article with a sitemap, then:

1. `planwatch init` and a fresh `planwatch crawl --no-politeness` of the site (fetch included);
2. the same crawl again, nothing changed: article pages fetched again (must be 0);
3. `planwatch reprocess` (no fetching), then `planwatch reprocess --full`;
4. `trafilatura.extract` over the same pages' HTML, in this process;
5. cost that grows with the work, not the warehouse: the state is copied twice, grown to --small-docs and
   --big-docs documents (rounds of copies of the stored rows under new ids, each round's texts rewritten through a
   bijection of the vocabulary and the rows derived from them computed again, so the copies fall in stories of
   their own of the crawled stories' sizes: bench/grown_texts.py; the story index's delta then merged as the
   writer's maintenance would merge it, not inside the measured crawl), 500 new pages appear on the site, and each
   copy crawls them (the grown copies' known-URL index is rebuilt from their snapshot first, timed, so that the
   crawls find it fresh as they find a writer-kept one); then the same with the lake (PLANWATCH_LAKE=sqlite, a copy
   of each grown state migrated to it first), unless --no-lake.

Prints pages/s of each, the ratios, per-stage seconds (from the `run_stages` table), peak RSS of the
planwatch process tree (crawl subprocess and workers included), the CPU it used (in all and by part: the planwatch
process with its writer thread and the publish, the workers with their fork server, the crawl subprocess), the
overlap (the serial start before the workers' first CPU, the cores used while they ran, the serial tail after
their last) and the machine's CPU load from everyone else during the run.

    .venv/bin/python bench/bench_pipeline.py [--pages N] [--markup generic|gdtd] [--new-pages 500]
        [--small-docs 5000] [--big-docs 50000] [--no-lake]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
PLANWATCH = Path(sys.executable).with_name("planwatch")
sys.path.insert(0, str(REPO))

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} | Báo Thử Nghiệm</title>
<meta property="og:title" content="{title}"><meta property="article:published_time" content="{date}">
<link rel="canonical" href="{url}"></head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/giao-duc">Giáo dục</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
<main><article><h1 class="{title_class}">{title}</h1><div class="article__meta">{date_vn}</div>
<div class="{body_class}">{body}</div></article>
<aside class="related"><h3>Tin liên quan</h3><ul>{related}</ul></aside></main>
<footer><p>Báo Thử Nghiệm — Giấy phép số 01/GP-BTTTT. Địa chỉ: 1 Phố Huế, Hà Nội.</p></footer></body></html>"""


def load_articles(limit: int | None) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in ("vietnews-sample.jsonl", "vietnews-mamnon-dev.jsonl"):
        with open(CORPORA / name, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


# generic: markup no layout in data/sources/layouts knows (the trafilatura path of pipeline.extract);
# gdtd: the article markup of Báo Giáo dục và Thời đại, the plan's main outlet (its layout, gdtd-cms-v1).
MARKUP = {"generic": ("article-heading", "article-content"),
          "gdtd": ("article__title cms-title", "article__body cms-body")}


def render(i: int, art: dict[str, str], base: str, markup: str = "generic") -> bytes:
    day = i % 28 + 1
    url = f"{base}/bai-{i}-post{i}.html"
    paras = [p.strip() for p in art["text"].split("\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    related = "".join(f'<li><a href="/bai-{j}-post{j}.html">Tin số {j}</a></li>' for j in range(i + 1, i + 4))
    title_class, body_class = MARKUP[markup]
    return PAGE.format(title=html.escape(art["title"]), title_class=title_class, body_class=body_class,
                       date=f"2022-06-{day:02d}T08:00:00+07:00",
                       date_vn=f"Thứ Hai, {day:02d}/06/2022 08:00", url=url, body=body, related=related).encode()


class Site:
    """The static site: robots.txt, one sitemap (ETag for conditional GET), `visible` article pages."""

    def __init__(self, articles: list[dict[str, str]], markup: str = "generic") -> None:
        self.articles = articles
        self.visible = len(articles)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.pages = [render(i, a, self.base, markup) for i, a in enumerate(articles)]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # TCP_NODELAY: headers and body are two writes; with Nagle on, the body waited for the client's delayed ACK
            # (about 40 ms on loopback) on every keep-alive response, capping 16 connections near 400 pages/s
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                ctype, status, body = "text/html; charset=utf-8", 200, b""
                etag = f'"sm{site.visible}"'
                if self.path == "/robots.txt":
                    ctype, body = "text/plain", b"User-agent: *\nAllow: /\n"
                elif self.path == "/sitemap.xml":
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    urls = "".join(f"<url><loc>{site.base}/bai-{i}-post{i}.html</loc><lastmod>2022-06-{i % 28 + 1:02d}"
                                   "</lastmod></url>" for i in range(site.visible))
                    ctype = "application/xml"
                    body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                            f'sitemap/0.9">{urls}</urlset>').encode()
                elif self.path.startswith("/bai-") and self.path.split("-")[1].isdigit() \
                        and int(self.path.split("-")[1]) < site.visible:
                    body = site.pages[int(self.path.split("-")[1])]
                else:
                    status, body = 404, b"not found"
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if self.path == "/sitemap.xml":
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def sources_file(self, path: Path) -> Path:
        path.write_text(f"""[[source]]
id = "bench"
name = "Báo Thử Nghiệm"
kind = "newspaper"
scope = "central"
homepage = "{self.base}/"
sitemaps = ["{self.base}/sitemap.xml"]
article_url_pattern = "-post\\\\d+\\\\.html$"
allow_private = true
[source.politeness]
delay = 0.0
concurrency = 4
""", encoding="utf-8")
        return path


# -- measuring a process tree through /proc -------------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree(root: int) -> list[int]:
    tree, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += tree.get(pid, [])
    return out


def _proc_sample(pid: int) -> tuple[float, int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        rss_kb = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK, rss_kb


def _machine_busy() -> tuple[float, float]:
    cpu = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = cpu[3] + cpu[4]
    return (sum(cpu) - idle) / TICK, sum(cpu) / TICK


@dataclass
class Measured:
    wall: float
    cpu_s: float          # CPU seconds of the planwatch process tree
    peak_rss_mb: float    # peak of the tree's summed RSS
    machine_busy: float   # share of all cores busy on the whole machine during the run (0..1)
    stdout: str
    roles: dict[str, float] | None = None  # CPU seconds by role: planwatch (parent: writer, publish), workers, crawl
    # (seconds since start, CPU seconds so far by role) every sample: when each part ran (overlap())
    samples: list[tuple[float, dict[str, float]]] = field(default_factory=list)

    def cpu_share(self) -> float:
        """Share of the machine's cores the tree used (1.0 = all cores busy)."""
        return self.cpu_s / self.wall / (os.cpu_count() or 1)

    def others(self) -> float:
        """Share of all cores busy with other processes (other engineers) during the run."""
        return max(self.machine_busy - self.cpu_share(), 0.0)

    def overlap(self) -> str:
        """When the work ran in parallel: the start before the workers' first CPU (imports, snapshot reads, the
        fork server, the crawl's start), the middle while workers ran (cores used by the tree on average), and
        the tail after their last CPU (the last chunk, the run's rows, checkpoint and publish: one process)."""
        if len(self.samples) < 2:
            return "no samples"
        busy = [t for (t, now), (_, before) in zip(self.samples[1:], self.samples, strict=False)
                if now.get("pool", 0.0) > before.get("pool", 0.0)]
        if not busy:
            return "the workers never ran (inline)"
        first, last = busy[0], busy[-1]
        cpu_at = {t: sum(v for k, v in c.items() if k != "pool") for t, c in self.samples}
        middle = (cpu_at[last] - cpu_at[first]) / max(last - first, 1e-9)
        tail_cpu = self.cpu_s - cpu_at[last]
        d = 1 if SAMPLE[0] >= 0.1 else 2  # decimals: as fine as the samples
        return (f"start {first:.{d}f} s (CPU {cpu_at[first]:.{d}f} s), middle {last - first:.1f} s at "
                f"{middle:.2f} cores, tail {self.wall - last:.{d}f} s (CPU {tail_cpu:.{d}f} s)")


# seconds between two samples of the process tree (--sample): the start and tail figures are at this resolution
SAMPLE = [0.2]


def run_measured(args: list[str], env: dict[str, str]) -> Measured:
    busy0, total0 = _machine_busy()
    started = time.monotonic()
    proc = subprocess.Popen([str(PLANWATCH), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    cpu: dict[int, float] = {}
    role: dict[int, str] = {}
    samples: list[tuple[float, dict[str, float]]] = []
    peak = 0
    out: list[str] = []
    def read() -> None:
        for line in proc.stdout or []:
            out.append(f"[{time.monotonic() - started:6.1f} s] {line}")

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while proc.poll() is None:
        rss = 0
        for pid in _tree(proc.pid):
            sample = _proc_sample(pid)
            if sample:
                cpu[pid] = max(cpu.get(pid, 0.0), sample[0])
                rss += sample[1]
                if role.get(pid, "other") == "other":  # (looked at again: a process seen mid-exec has no cmdline yet)
                    role[pid] = _role(pid, proc.pid)
        peak = max(peak, rss)
        by_role: dict[str, float] = {}
        for pid, seconds in cpu.items():
            by_role[role[pid]] = by_role.get(role[pid], 0.0) + seconds
            if role[pid] == "workers" and _parent(pid) != proc.pid:  # a pool worker (not the fork server)
                by_role["pool"] = by_role.get("pool", 0.0) + seconds
        samples.append((time.monotonic() - started, by_role))
        time.sleep(SAMPLE[0])
    wall = time.monotonic() - started
    reader.join()
    busy1, total1 = _machine_busy()
    text = "".join(out)
    if proc.returncode != 0:
        raise SystemExit(f"planwatch {' '.join(args)} failed ({proc.returncode}):\n{text[-3000:]}")
    roles: dict[str, float] = {}
    for pid, seconds in cpu.items():
        roles[role[pid]] = roles.get(role[pid], 0.0) + seconds
    return Measured(wall, sum(cpu.values()), peak / 1024, (busy1 - busy0) / max(total1 - total0, 1e-9), text,
                    roles, samples)


_PARENTS: dict[int, int] = {}


def _parent(pid: int) -> int:
    if pid not in _PARENTS:
        try:
            _PARENTS[pid] = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            _PARENTS[pid] = -1
    return _PARENTS[pid]


def _role(pid: int, root: int) -> str:
    """Which part of the pipeline a process of the tree is: the crawl subprocess, a worker (or the fork server
    they start from), or the planwatch process itself (the writer thread, publish)."""
    if pid == root:
        return "planwatch"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "other"
    if "crawlers.run" in cmd:
        return "crawl"
    return "workers" if "multiprocessing" in cmd else "other"


# -- the warehouse ----------------------------------------------------------------------------------------

def stages_of(home: Path, run_like: str) -> dict[str, tuple[float, int]]:
    import duckdb

    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        rows = conn.execute("SELECT stage, seconds, items FROM run_stages WHERE run_id = (SELECT max(run_id) "
                            "FROM crawl_runs WHERE run_id LIKE ?) ORDER BY position", [f"%{run_like}%"]).fetchall()
    finally:
        conn.close()
    return {r[0]: (float(r[1]), int(r[2])) for r in rows}


def kept_documents(home: Path) -> int:
    """documents_kept of the latest reprocess (the documents whose classification rows it kept)."""
    import duckdb

    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        row = conn.execute("SELECT json_extract(summary_json, '$.documents_kept') FROM crawl_runs "
                           "WHERE kind = 'reprocess' ORDER BY run_id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    return int(row[0]) if row and row[0] is not None else 0


def latest_run(home: Path, kind: str) -> Path:
    return sorted(p for p in (home / "runs").iterdir() if f"-{kind}-" in p.name)[-1]


def article_fetches(run_dir: Path) -> int:
    rows = [json.loads(x) for x in (run_dir / "fetches.jsonl").read_text(encoding="utf-8").splitlines() if x]
    return sum(1 for r in rows if r.get("kind") == "article" and r.get("status") == 200)


# what grow_warehouse computes for the copies from their rewritten texts instead of copying the originals' rows
GROWN_DERIVED = ("document_texts", "doc_signatures", "story_bands", "paragraph_docs", "search_index_docs",
                 "search_index_postings")
GROW_BATCH = 4_000


def sql_pick() -> str:
    """The crawled documents of the first stories (by story id) holding at least ? documents: whole stories, so a
    round's copies keep their stories whole (a representative never left out of its members' round)."""
    return ("CREATE OR REPLACE TEMP TABLE pick AS "
            "WITH sizes AS (SELECT COALESCE(story_id, doc_id) AS s, count(*) AS k FROM documents "
            "WHERE doc_id NOT LIKE '%-copy%' GROUP BY ALL), "
            "firsts AS (SELECT s FROM sizes QUALIFY sum(k) OVER (ORDER BY s) - k < ?) "
            "SELECT doc_id FROM documents WHERE doc_id NOT LIKE '%-copy%' "
            "AND COALESCE(story_id, doc_id) IN (SELECT s FROM firsts)")


def _copy_rows(conn: Any, tables: list[str], copy: int) -> None:
    """Every row keyed by doc_id of the picked documents under the copy's ids, and their stories under the copy's
    story ids (the keys the schema derives from the ids, migrations 015 and 016, derived again: a CHECK holds
    them to it)."""
    import duckdb

    new_id = f"doc_id || '-copy{copy}'"
    new_story = f"story_id || '-copy{copy}'"
    for table in tables:
        cols = {r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        replace = [f"{new_id} AS doc_id"]
        replace += [f"{c} || '?copy{copy}' AS {c}" for c in ("url", "canonical_url") if c in cols]
        if "story_id" in cols:
            replace.append(f"{new_story} AS story_id")
        if "doc_key" in cols:
            replace.append(f"CAST(md5_number_lower({new_id}) & 4294967295 AS UINTEGER) AS doc_key")
        if "story_key" in cols:
            replace.append(f"CASE WHEN story_key IS NOT NULL THEN CAST(md5_number_lower("
                           f"COALESCE({new_story}, {new_id})) & 4294967295 AS UINTEGER) END AS story_key")
        select = f"SELECT * REPLACE ({', '.join(replace)}) FROM {table} WHERE doc_id IN (SELECT doc_id FROM pick)"
        try:
            conn.execute(f"INSERT OR IGNORE INTO {table} {select}")
        except duckdb.BinderException:  # no key to conflict on: a plain insert
            conn.execute(f"INSERT INTO {table} {select}")
    conn.execute(f"INSERT INTO stories SELECT * REPLACE ({new_story} AS story_id, first_doc_id || "
                 f"'-copy{copy}' AS first_doc_id) FROM stories WHERE first_doc_id IN (SELECT doc_id FROM pick)")


def _derive_rows(conn: Any, rewriter: Any, copy: int) -> None:
    """The copies' rewritten title, lead and text, and what the pipeline derives from them, by its own functions:
    content hash (pipeline.rows), signature, story-index bands and paragraphs (pipeline.stories.Prepared and
    pipeline.story_store's row builders), search postings (pipeline.search_kept.index)."""
    import numpy as np
    import pyarrow as pa

    from pipeline import keyed_rows, search_kept, story_store
    from pipeline.minhash import NUM_PERM
    from pipeline.rows import content_hash_of
    from pipeline.stories import Prepared
    from pipeline.syndication import as_doc

    searched = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [search_kept.DOCS]).fetchone()[0]  # the writer's search index (made at its first job)
    originals = conn.execute(
        "SELECT d.doc_id, d.title, t.lead, t.text, d.published_at, d.source_id, d.content_hash "
        "FROM documents d JOIN document_texts t USING (doc_id) WHERE d.doc_id IN (SELECT doc_id FROM pick) "
        "ORDER BY d.doc_id").fetchall()
    for start in range(0, len(originals), GROW_BATCH):
        rows = []
        for doc_id, title, lead, text, published_at, source_id, chash in originals[start : start + GROW_BATCH]:
            title, lead, text = (rewriter.rewrite(v, copy) for v in (title, lead, text))
            rows.append({"doc_id": f"{doc_id}-copy{copy}", "title": title, "lead": lead, "text": text,
                         "published_at": published_at, "source_id": source_id,
                         "content_hash": None if chash is None else content_hash_of(title or "", text or "")})
        batch = pa.table({k: [r[k] for r in rows] for k in ("doc_id", "title", "content_hash")})
        conn.register("_grown", batch)
        try:
            conn.execute("UPDATE documents SET title = g.title, content_hash = g.content_hash FROM _grown g "
                         "WHERE documents.doc_id = g.doc_id")
        finally:
            conn.unregister("_grown")
        story_store._load(conn, "document_texts", pa.table({k: [r[k] for r in rows] for k in
                                                            ("doc_id", "lead", "text")}))
        prepared = Prepared.of([as_doc(r) for r in rows])
        story_store._load(conn, "story_bands", story_store._band_rows(prepared))
        story_store._load(conn, "paragraph_docs", story_store._paragraph_rows(prepared.docs))
        sigs = np.ascontiguousarray(prepared.signatures, dtype=np.uint64)
        keyed_rows.store(conn, "doc_signatures", pa.table({
            "doc_id": pa.array([r["doc_id"] for r in rows], pa.string()),
            "minhash": pa.FixedSizeListArray.from_arrays(pa.array(sigs.reshape(-1), pa.uint64()), NUM_PERM)
            .cast(pa.list_(pa.uint64()))}), replace=True)
        if searched:
            search_kept.index(conn, rows)  # type: ignore[arg-type]


def grow_warehouse(home: Path, target_docs: int) -> int:
    """Grow the warehouse to at least `target_docs` documents with rounds of copies of the crawled documents under
    new ids (every row keyed by doc_id), whole stories at a time; then publish, so the next crawl knows them.
    Returns the document count.

    A copy's title, lead and text are its original's rewritten word for word (bench/grown_texts.py: each round
    a bijection of the corpus's vocabulary), and what the pipeline derives from them (content hash, signature,
    story-index bands and paragraphs, search postings) is computed again by the pipeline's own functions: a
    round's copies fall in stories of their own, copies of the crawled stories and of their sizes, not in their
    originals' stories (a real archive's stories, not every story N times larger)."""
    import duckdb

    from bench.grown_texts import Rewriter
    from pipeline.publish import publish_snapshot
    from pipeline.store import run_maintenance
    from planwatch.config import Paths

    conn = duckdb.connect(str(home / "warehouse.duckdb"))
    try:
        have = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'doc_id' AND table_schema = 'main' "
            "AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')"
        ).fetchall() if r[0] not in GROWN_DERIVED]
        rewriter = Rewriter(t for row in conn.execute(
            "SELECT d.title, t.lead, t.text FROM documents d JOIN document_texts t USING (doc_id) "
            "WHERE d.doc_id NOT LIKE '%-copy%'").fetchall() for t in row)
        copy = 0
        while have < target_docs:
            copy += 1
            conn.execute(sql_pick(), [target_docs - have])
            _copy_rows(conn, tables, copy)
            _derive_rows(conn, rewriter, copy)
            have = conn.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        # the copies' story-index rows went to the delta (story_bands, paragraph_docs) behind the writer's back: a
        # writer that grew the warehouse would have merged them into the base as the delta filled (MERGE_ROWS), so
        # the merge due runs here, as the writer's maintenance runs it, not in the first measured job
        run_maintenance(conn)
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    publish_snapshot(Paths(home))
    return int(have)


def build_known_index(home: Path) -> float:
    """Rebuild the crawler's known-URL index (pipeline/known_index.py) of a grown state, as the first crawl after
    such a copy would; the crawls measured after it then find it fresh, as a writer-kept index is. Seconds."""
    from pipeline.known_index import ensure_fresh
    from planwatch.config import Paths

    started = time.perf_counter()
    ensure_fresh(Paths(home))
    return time.perf_counter() - started


# -- main -------------------------------------------------------------------------------------------------

def bare_trafilatura(pages: list[bytes]) -> tuple[float, float]:
    """Wall and CPU seconds of trafilatura.extract over the pages, in this process."""
    import trafilatura

    trafilatura.extract(pages[0].decode())  # imports and caches outside the timing
    started, cpu = time.perf_counter(), time.process_time()
    for body in pages:
        trafilatura.extract(body.decode("utf-8"))
    return time.perf_counter() - started, time.process_time() - cpu


def fmt_stages(stages: dict[str, tuple[float, int]]) -> str:
    return ", ".join(f"{k} {v[0]:.1f} s ({v[1]})" for k, v in stages.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=None, help="site size (default: every corpus article)")
    ap.add_argument("--new-pages", type=int, default=500, help="pages that appear for the warehouse-size test")
    ap.add_argument("--small-docs", type=int, default=5000)
    ap.add_argument("--big-docs", type=int, default=50000)
    ap.add_argument("--markup", choices=sorted(MARKUP), default="generic",
                    help="generic (no site layout: trafilatura extracts the body) or gdtd (the GD&TĐ layout)")
    ap.add_argument("--verbose", action="store_true", help="print the commands' output, with times")
    ap.add_argument("--keep", action="store_true", help="keep the temporary state folder")
    ap.add_argument("--no-lake", action="store_true", help="step 5 with the default publish only (not the lake too)")
    ap.add_argument("--no-growth", action="store_true", help="skip step 5 (a quicker A/B of steps 1-4)")
    ap.add_argument("--sample", type=float, default=0.2,
                    help="seconds between samples of the process tree (the start and tail figures' resolution; "
                         "each sample reads /proc: 0.05 costs the bench process a few %% of a core)")
    args = ap.parse_args()
    SAMPLE[0] = args.sample

    articles = load_articles(args.pages)
    new = min(args.new_pages, max(len(articles) // 5, 1))
    site = Site(articles, args.markup)
    site.visible = len(articles) - new
    n = site.visible
    tmp = Path(tempfile.mkdtemp(prefix="bench_pipeline_"))
    home = tmp / "state"
    env = {**os.environ, "PLANWATCH_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1"}
    sources = str(site.sources_file(tmp / "bench.toml"))
    print(f"machine: {os.cpu_count()} cores, load average before: {Path('/proc/loadavg').read_text().split()[:3]}")
    print(f"site: {n} pages of real news text, {args.markup} markup, on {site.base} ({new} more held back for step 5)")
    run_measured(["init", "--sources", sources], env)

    crawl = run_measured(["crawl", "--sources", sources, "--no-politeness"], env)
    if args.verbose:
        print(crawl.stdout)
    first = latest_run(home, "nightly")
    fresh_stages = stages_of(home, first.name)
    again = run_measured(["crawl", "--sources", sources, "--no-politeness"], env)
    refetched = article_fetches(latest_run(home, "nightly"))
    # the default reprocess keeps what an unchanged document's inputs give (docs/decisions.md entry 26): the
    # cache-hit path of a reprocess that finds every text as stored; --full computes everything again
    reproc = run_measured(["reprocess", "--sources", sources], env)
    if args.verbose:
        print(reproc.stdout)
    reproc_stages, kept = stages_of(home, "reprocess"), kept_documents(home)
    reproc_full = run_measured(["reprocess", "--sources", sources, "--full"], env)
    full_stages = stages_of(home, "reprocess")
    bare_s, bare_cpu = bare_trafilatura(site.pages[:n])

    bare_rate, crawl_rate, reproc_rate, full_rate = n / bare_s, n / crawl.wall, n / reproc.wall, n / reproc_full.wall
    cores = os.cpu_count() or 1
    print(f"\ntrafilatura.extract, one process: {n} pages in {bare_s:.1f} s = {bare_rate:.0f} pages/s; "
          f"CPU {bare_cpu * 1000 / n:.2f} ms/page")
    for label, m, rate, stages in (
            ("fresh crawl (fetch included, politeness off)", crawl, crawl_rate, fresh_stages),
            (f"reprocess (no fetching; default: {kept} of {n} documents kept their rows)", reproc, reproc_rate,
             reproc_stages),
            ("reprocess --full (no fetching; everything computed again)", reproc_full, full_rate, full_stages)):
        print(f"{label}: {m.wall:.1f} s = {rate:.0f} pages/s = {rate / bare_rate:.2f}x trafilatura; "
              f"peak RSS {m.peak_rss_mb:.0f} MB; CPU {m.cpu_s:.0f} s = {m.cpu_share():.0%} of the machine's cores; "
              f"others used {m.others():.0%} of them meanwhile")
        # what the CPU alone allows: the tree's CPU per page against trafilatura's, spread over every core
        print(f"  CPU of the tree {m.cpu_s * 1000 / n:.2f} ms/page = {m.cpu_s / bare_cpu:.2f}x trafilatura's; "
              f"on {cores} idle cores at most {cores * bare_cpu / m.cpu_s:.2f}x trafilatura's pages/s")
        parts = sorted((m.roles or {}).items())
        print("  CPU by part (ms/page): " + ", ".join(f"{k} {v * 1000 / n:.2f}" for k, v in parts))
        print(f"  overlap: {m.overlap()}")
        print(f"  stages: {fmt_stages(stages)}")
    print(f"unchanged second crawl: {refetched} article pages fetched again ({again.wall:.1f} s)")
    if not args.no_growth:
        grow_and_crawl(args, site, env, sources, home, tmp, len(articles), new)
    site.server.shutdown()
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"state kept in {tmp}")


def grow_and_crawl(args: argparse.Namespace, site: Site, env: dict[str, str], sources: str, home: Path, tmp: Path,
                   total: int, new: int) -> None:
    """Step 5: the held-back pages appear and grown copies of the state crawl them."""

    # 5. cost that grows with the work, not with the warehouse: with the default publish (copy and rename) and,
    # unless --no-lake, with the lake (PLANWATCH_LAKE=sqlite: publishes what changed, docs/decisions.md entry 7)
    small, big = tmp / "state-small", tmp / "state-big"
    shutil.copytree(home, small)
    shutil.copytree(home, big)
    docs_small = grow_warehouse(small, args.small_docs)
    docs_big = grow_warehouse(big, args.big_docs)
    for docs, state in ((docs_small, small), (docs_big, big)):  # rows copied behind the writer's back: the index
        print(f"known-URL index rebuilt from the snapshot (once; the writer keeps it up after): "  # is rebuilt here
              f"{build_known_index(state):.2f} s at {docs} documents")
    states: list[tuple[str, int, Path, dict[str, str]]] = [("copy", docs_small, small, {}), ("copy", docs_big, big, {})]
    if not args.no_lake:
        lake_env = {"PLANWATCH_LAKE": "sqlite"}
        for docs, state in ((docs_small, small), (docs_big, big)):
            copy = state.with_name(state.name + "-lake")
            shutil.copytree(state, copy)
            subprocess.run([sys.executable, "-m", "pipeline.lake", "migrate"], env={**env, **lake_env,
                           "PLANWATCH_HOME": str(copy)}, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
            states.append(("lake", docs, copy, lake_env))
    site.visible = total
    print(f"\n{new} new pages, warehouse of {docs_small} vs {docs_big} documents "
          "(publish: copy = the default snapshot copy, lake = PLANWATCH_LAKE=sqlite):")
    measured: dict[tuple[str, int], Measured] = {}
    for publish, label, state, extra in states:
        m = run_measured(["crawl", "--sources", sources, "--no-politeness"],
                         {**env, **extra, "PLANWATCH_HOME": str(state)})
        measured[(publish, label)] = m
        got = article_fetches(latest_run(state, "nightly"))
        parts = ", ".join(f"{k} {v:.1f}" for k, v in sorted((m.roles or {}).items()))
        print(f"  {publish}, {label} documents: {got} pages fetched, {m.wall:.1f} s, CPU {m.cpu_s:.1f} s ({parts}); "
              f"stages: {fmt_stages(stages_of(state, latest_run(state, 'nightly').name))}")
    for line in growth_lines(measured, docs_small, docs_big):
        print(line)


def growth_lines(measured: dict[tuple[str, int], Measured], small: int, big: int) -> list[str]:
    """Point 4 of issue 16 in one line per publish mode: what the same 500 new pages cost at `big` documents
    against `small` (CPU of the whole tree and of the planwatch process, the part that holds the store and publish;
    the crawl subprocess and the workers do the same work at both sizes)."""
    lines = []
    for publish in dict.fromkeys(p for p, _ in measured):
        a, b = measured.get((publish, small)), measured.get((publish, big))
        if a is None or b is None or not a.cpu_s:
            continue
        pa, pb = (a.roles or {}).get("planwatch", 0.0), (b.roles or {}).get("planwatch", 0.0)
        lines.append(f"  growth, {publish}: CPU {a.cpu_s:.1f} -> {b.cpu_s:.1f} s = {b.cpu_s / a.cpu_s:.2f}x "
                     f"({small} -> {big} documents); planwatch process {pa:.1f} -> {pb:.1f} s ({pb - pa:+.1f} s)")
    return lines


if __name__ == "__main__":
    main()
