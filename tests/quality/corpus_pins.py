"""Digests of the corpora the quality gates measure, pinned beside the real gate's in real_digests.toml.

A floor means something only on the corpus it was measured on: when data/demo (the mirror's pages and its
manifest) or the extraction fixtures change, the gates must say so instead of silently measuring another
corpus. `check(name)` gives the failure message (None when the corpus is the pinned one); re-pin with
`.venv/bin/python -m tests.quality.pin_digests --corpus` after re-measuring the floors."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable
from pathlib import Path

from crawlers.mirror_build import DEMO_DIR, fingerprint

HERE = Path(__file__).parent
PINS = HERE / "real_digests.toml"
FIXTURES = HERE.parent / "extraction" / "fixtures"
REPIN = ".venv/bin/python -m tests.quality.pin_digests --corpus"


def tree_sha256(root: Path) -> str:
    """sha256 over every file under root: relative path and bytes, in path order."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


# name -> (what it is, how to compute its digest)
CORPORA: dict[str, tuple[str, Callable[[], str]]] = {
    "demo_site": ("data/demo/site and data/demo/manifest.json (the demo and extraction gates' demo suites)",
                  lambda: fingerprint(DEMO_DIR)),
    "extraction_fixtures": ("tests/extraction/fixtures (the extraction gate's fixture suites)",
                            lambda: tree_sha256(FIXTURES)),
}


def pinned() -> dict[str, str]:
    return dict(tomllib.loads(PINS.read_text(encoding="utf-8")).get("corpus", {}))


def digests() -> dict[str, str]:
    return {name: compute() for name, (_, compute) in CORPORA.items()}


def check(name: str, digest: str | None = None, pins: dict[str, str] | None = None) -> str | None:
    """Why the corpus `name` is not the one the floors were measured on, or None when it is."""
    what = CORPORA[name][0]
    digest = digest if digest is not None else CORPORA[name][1]()
    want = (pins if pins is not None else pinned()).get(name)
    if want == digest:
        return None
    return (f"{what} changed since the gate's floors were measured (sha256 {digest[:12]}, pinned "
            f"{(want or 'nothing')[:12]}): the demo site was regenerated or edited. Re-measure the floors on the "
            f"new corpus, then re-pin with `{REPIN}`.")
