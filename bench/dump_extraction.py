"""Dump what `extract_page` gives for every page at hand, to compare two versions of the extractor.

Pages: every .html under data/demo/site, ../shared/real-pages (read in place) and tests/, and every 7th
article of bench_pipeline's site in both markups. One JSON line per page, keys sorted, so two dumps compare
with `cmp`, or with `--compare OTHER` which lists the pages and fields that differ.

    .venv/bin/python bench/dump_extraction.py /tmp/before.jsonl            # on the old commit
    .venv/bin/python bench/dump_extraction.py /tmp/after.jsonl --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_pipeline import load_articles, render  # noqa: E402

from pipeline.extract import extract_page, to_json  # noqa: E402

ROOTS = (REPO / "data" / "demo" / "site", REPO.parent / "shared" / "real-pages", REPO / "tests")


def pages() -> Iterator[tuple[str, bytes, str]]:
    """(name, bytes, url) of every page; a file's URL is made of its last three path parts."""
    for root in ROOTS:
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".html", ".htm") and p.is_file()):
            yield f"{root.name}/{path.relative_to(root)}", path.read_bytes(), "https://" + "/".join(path.parts[-3:])
    articles = load_articles(None)
    for markup in ("generic", "gdtd"):
        for i in range(0, len(articles), 7):
            yield (f"bench-{markup}-{i}", render(i, articles[i], "http://127.0.0.1:1", markup),
                   f"http://127.0.0.1:1/bai-{i}-post{i}.html")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path, help="an earlier dump: print what differs")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        for name, body, url in pages():
            doc = to_json(extract_page(body, url))
            fh.write(json.dumps({"page": name, **doc}, ensure_ascii=False, sort_keys=True) + "\n")
    if args.compare:
        old = {r["page"]: r for r in map(json.loads, args.compare.read_text(encoding="utf-8").splitlines())}
        new = [json.loads(x) for x in args.out.read_text(encoding="utf-8").splitlines()]
        differ = [(r["page"], sorted(k for k in r if r[k] != old.get(r["page"], {}).get(k))) for r in new
                  if r != old.get(r["page"])]
        for name, keys in differ:
            print(f"{name}: {', '.join(keys)}")
        print(f"{len(differ)} of {len(new)} pages differ")


if __name__ == "__main__":
    main()
