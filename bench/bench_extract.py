"""Benchmark of the extraction step (prints figures; not a timed test).

Pages: the golden fixtures (tests/extraction/fixtures), the demo mirror's article pages (data/demo, when
built) and the real VnExpress page (../shared/real-pages, when present). For the same pages in one process:
- ``extract_page`` (decode, parse, layout, dates, format, language, normalization, hash): pages/s
- the same with layouts off (``source["layout"] = "generic"``: the body from trafilatura): pages/s
- plain ``trafilatura.extract`` (defaults): pages/s, and the ratio
- ``trafilatura.bare_extraction(with_metadata=True)`` (the metadata/date search extract_page avoids): pages/s
- peak traced Python memory during extract_page (tracemalloc) and the process's max RSS.

Usage: .venv/bin/python bench/bench_extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura

from pipeline.extract import extract_page
from tests.extraction.goldens import demo_cases, fixture_cases, vnexpress_case

Page = tuple[bytes, str, dict[str, Any], dict[str, Any] | None]


def _pages() -> list[Page]:
    cases = fixture_cases() + demo_cases()
    real = vnexpress_case()
    if real is not None:
        cases.append(real)
    return [(c.html, c.url, c.source, c.hint) for c in cases]


def _rate(fn: Callable[..., Any], pages: list[Page], rounds: int) -> float:
    for html, url, source, hint in pages[:5]:  # warm-up (imports, caches)
        fn(html, url, source, hint)
    gc.collect()
    start = time.perf_counter()
    for _ in range(rounds):
        for html, url, source, hint in pages:
            fn(html, url, source, hint)
    return rounds * len(pages) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    pages = _pages()
    total_kb = sum(len(p[0]) for p in pages) / 1024

    ours = _rate(lambda h, u, s, hi: extract_page(h, u, source=s, hint=hi), pages, args.rounds)
    generic = _rate(
        lambda h, u, s, hi: extract_page(h, u, source={**s, "layout": "generic"}, hint=hi), pages, args.rounds
    )
    plain = _rate(lambda h, u, s, hi: trafilatura.extract(h, url=u), pages, args.rounds)
    meta = _rate(
        lambda h, u, s, hi: trafilatura.bare_extraction(h, url=u, with_metadata=True, include_comments=False),
        pages,
        1,
    )

    tracemalloc.start()
    for html, url, source, hint in pages:
        extract_page(html, url, source=source, hint=hint)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pages: {len(pages)} ({total_kb:.0f} KB), rounds: {args.rounds}")
    print(f"extract_page:                               {ours:8.1f} pages/s")
    print(f"extract_page, layouts off (trafilatura):    {generic:8.1f} pages/s")
    print(f"trafilatura.extract (defaults):             {plain:8.1f} pages/s")
    print(f"ratio extract_page / trafilatura.extract:   {ours / plain:8.2f}")
    print(f"ratio layouts off / trafilatura.extract:    {generic / plain:8.2f}")
    print(f"trafilatura.bare_extraction(with_metadata): {meta:8.1f} pages/s")
    print(f"peak traced memory during extract_page:     {peak / 1024 / 1024:8.1f} MB")
    print(f"process max RSS:                            {rss_mb:8.1f} MB")


if __name__ == "__main__":
    main()
