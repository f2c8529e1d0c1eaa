"""`python -m pipeline.review.sync --wait SECONDS`: wait for the writer lock, fold the review journal into
the warehouse and publish. Started in the background by pipeline.review.decisions.sync() when a reviewer
decides while another job (the nightly crawl) holds the writer."""

from __future__ import annotations

import argparse
import datetime as dt

from pipeline.review.decisions import wait_and_sync
from planwatch.config import Paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wait", type=float, default=6 * 3600, help="seconds to wait for the writer lock")
    args = parser.parse_args(argv)
    result = wait_and_sync(Paths.from_env(), args.wait)
    print(f"{dt.datetime.now(dt.UTC).isoformat()} review sync: {result}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
