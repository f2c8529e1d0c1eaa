"""The corpus pins fail, and say how to re-pin, when the demo site is regenerated differently."""

from __future__ import annotations

import shutil
from pathlib import Path

from crawlers.mirror_build import DEMO_DIR, fingerprint
from tests.quality.corpus_pins import CORPORA, REPIN, check, pinned, tree_sha256


def test_every_corpus_is_pinned() -> None:
    assert set(pinned()) == set(CORPORA)


def test_a_changed_demo_site_fails_the_pin_and_says_how_to_repin(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    shutil.copytree(DEMO_DIR / "site", demo / "site")
    shutil.copy(DEMO_DIR / "manifest.json", demo / "manifest.json")
    assert check("demo_site", fingerprint(demo)) is None  # an identical copy is the pinned corpus
    page = next(p for p in sorted((demo / "site").rglob("*.html")))
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>Regenerated.</p></body>", 1) + b"\n")
    problem = check("demo_site", fingerprint(demo))
    assert problem is not None
    assert "data/demo/site" in problem and "regenerated" in problem and REPIN in problem


def test_tree_digest_sees_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"x")
    first = tree_sha256(tmp_path)
    (tmp_path / "a.html").rename(tmp_path / "b.html")
    assert tree_sha256(tmp_path) != first
    (tmp_path / "b.html").write_bytes(b"y")
    assert len({first, tree_sha256(tmp_path)}) == 2
