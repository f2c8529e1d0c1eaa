"""Benchmark the one writer: Arrow batch loads vs row-by-row executemany, and snapshot publish time.

    .venv/bin/python bench/bench_store.py [--rows 20000] [--executemany-rows 2000] [--publish 1000,5000,20000]

Prints figures; it is not a timed test. Both load paths get the same rows (plain dicts, as the pipeline
produces them), into a fresh warehouse each, in the same process: `Writer.insert` (dicts -> Arrow table ->
one INSERT ... BY NAME) against `executemany` of one parameterized INSERT per row. Row-by-row is measured on
the first --executemany-rows rows only (it is slow); the figure compared is rows per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb

from pipeline.publish import publish_snapshot
from pipeline.store import open_writer
from planwatch.config import Paths
from planwatch.core.vntime import VN_TZ as VN

SENTENCES = [
    "Bộ Giáo dục và Đào tạo triển khai Đề án 33 về đào tạo, bồi dưỡng giáo viên mầm non.",
    "Các Sở GDĐT phối hợp với cơ sở đào tạo tổ chức bồi dưỡng cán bộ quản lý cơ sở giáo dục mầm non.",
    "Năm học 2022-2023, nhiều địa phương thiếu giáo viên mầm non, nhất là vùng khó khăn.",
    "Phóng sự chuyên đề phản ánh đời sống của cô giáo mầm non ở vùng cao.",
    "Cục Nhà giáo và Cán bộ quản lý giáo dục hướng dẫn thực hiện chương trình bồi dưỡng thường xuyên.",
    "Hội nghị sơ kết đánh giá kết quả thực hiện Đề án giai đoạn 2018-2021 và nhiệm vụ giai đoạn 2022-2025.",
    "Giáo viên được tập huấn về phát triển chương trình giáo dục mầm non lấy trẻ làm trung tâm.",
    "Tỷ lệ giáo viên mầm non đạt chuẩn trình độ đào tạo tăng so với năm trước.",
]
SOURCES = ["moet-portal", "giaoducthoidai", "vnexpress", "vtv", "so-gddt-ha-noi", "baocamau", "baohagiang"]


def make_documents(n: int, seed: int = 661) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    start = dt.date(2022, 1, 1)
    rows = []
    for i in range(n):
        text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(15, 40)))  # ~1.5-4 KB
        day = start + dt.timedelta(days=rng.randrange(365))
        source = rng.choice(SOURCES)
        url = f"https://{source}.example.vn/tin-tuc/bai-{i}.html"
        rows.append({
            "doc_id": hashlib.sha1(url.encode()).hexdigest(), "url": url, "canonical_url": url,
            "source_id": source, "title": f"Bài {i}: " + rng.choice(SENTENCES)[:80], "lead": rng.choice(SENTENCES),
            "text": text, "author": None, "tags": ["giáo dục", "mầm non"], "language": "vi",
            "published_at": dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=VN), "published_date": day,
            "date_source": "meta", "date_confidence": 0.95, "format": "report" if i % 9 == 0 else "article",
            "format_evidence": None, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
            "story_id": f"s{i // 3}", "raw_sha256": None, "extraction_quality": 0.9, "extraction_flags": [],
            "extractor_version": "bench", "first_seen_at": now, "extracted_at": now, "run_id": "bench",
        })
    return rows


def bench_arrow(rows: list[dict[str, Any]], home: Path) -> float:
    paths = Paths(home).ensure()
    with open_writer(paths, publish=False) as writer:  # migrations and views before the clock starts
        pass
    with open_writer(paths, publish=False) as writer:
        started = time.perf_counter()
        writer.insert("documents", rows)
        elapsed = time.perf_counter() - started
        assert writer.count("documents") == len(rows)
    return len(rows) / elapsed


def bench_executemany(rows: list[dict[str, Any]], home: Path) -> float:
    paths = Paths(home).ensure()
    with open_writer(paths, publish=False) as writer:
        cols = list(rows[0])
        statement = f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        params = [[row[c] for c in cols] for row in rows]
        started = time.perf_counter()
        writer.conn.executemany(statement, params)
        elapsed = time.perf_counter() - started
        assert writer.count("documents") == len(rows)
    return len(rows) / elapsed


def bench_publish(rows: list[dict[str, Any]], home: Path) -> tuple[float, float, float]:
    paths = Paths(home).ensure()
    with open_writer(paths, publish=False) as writer:
        writer.insert("documents", rows)
    started = time.perf_counter()
    publish_snapshot(paths)
    elapsed = time.perf_counter() - started
    with duckdb.connect(str(paths.snapshot), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (len(rows),)
    return elapsed, paths.warehouse.stat().st_size / 1e6, paths.snapshot.stat().st_size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000, help="rows for the Arrow batch load")
    parser.add_argument("--executemany-rows", type=int, default=2000, help="rows for row-by-row executemany")
    parser.add_argument("--publish", default="1000,5000,20000", help="document counts for the publish timing")
    args = parser.parse_args()

    sizes = [int(s) for s in args.publish.split(",") if s]
    rows = make_documents(max(args.rows, args.executemany_rows, *sizes))
    avg_kb = sum(len(r["text"].encode()) for r in rows[: args.rows]) / args.rows / 1024
    print(f"duckdb {duckdb.__version__}, Python {platform.python_version()}, {platform.machine()}; "
          f"documents ~{avg_kb:.1f} KB of text each")
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as tmp:
        arrow = bench_arrow(rows[: args.rows], Path(tmp) / "arrow")
        many = bench_executemany(rows[: args.executemany_rows], Path(tmp) / "many")
        print(f"Writer.insert (Arrow batch), {args.rows} documents: {arrow:,.0f} rows/s")
        print(f"executemany (row by row),    {args.executemany_rows} documents: {many:,.0f} rows/s")
        print(f"ratio: Arrow batch is {arrow / many:.0f}x faster")
        for n in sizes:
            seconds, warehouse_mb, snapshot_mb = bench_publish(rows[:n], Path(tmp) / f"publish-{n}")
            print(f"publish_snapshot (copy + full-text index + atomic rename), {n} documents: "
                  f"{seconds:.2f} s; warehouse {warehouse_mb:.0f} MB, snapshot {snapshot_mb:.0f} MB")


if __name__ == "__main__":
    main()
