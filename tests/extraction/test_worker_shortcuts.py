"""Extraction's shortcuts of issue 16 (workercpu) give what the plain ways give: normalize_text's spacing
(pipeline.normalize.collapse_spaces: the space regex runs only when a substring test says a run may change) and
the legacy-font test (pipeline.encoding.detect_legacy: one scan for the signs of both encodings first)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pipeline import encoding, normalize

SHARED = Path(__file__).resolve().parents[3] / "shared"


def test_the_characters_tested_are_every_space_of_the_regex_but_the_plain_space() -> None:
    spaces = {chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and normalize._WS.fullmatch(chr(c))}
    assert set(normalize.WS_NOT_SPACE) == spaces - {" "}


def _news() -> list[str]:
    path = SHARED / "corpora" / "vietnews-sample.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    with open(path, encoding="utf-8") as fh:
        return [t for x in list(fh)[:500] for t in (json.loads(x)["title"], json.loads(x)["text"])]


def test_collapse_spaces_is_the_regex_substitution() -> None:
    texts = _news()
    rng = random.Random(16)
    pieces = [" ", "  ", "\t", "\u00a0", "mầm", "non\n", "\u2003", " \u3000", "\u200b", "x y", "\u202f", " \n "]
    built = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    changed = 0
    for text in [*texts, *built, "", " ", "a  b", "a\tb", "a\u00a0b", "a \u205fb"]:
        expected = normalize._WS_TO_REWRITE.sub(" ", text)
        assert normalize.collapse_spaces(text) == expected, repr(text[:100])
        changed += expected != text
    assert changed > 100  # the regex path was taken, not only the shortcut
    assert normalize.normalize_text("Giáo  dục\u00a0 mầm non \n\n\n hoà") == "Giáo dục mầm non\n\nhòa"


def _reference_legacy(text: str) -> str | None:
    """detect_legacy as it was: each encoding's signs counted apart."""
    tcvn, vni = len(encoding._TCVN3_SIGN_RE.findall(text)), len(encoding._VNI_SIGN_RE.findall(text))
    if tcvn < 3 and vni < 3:
        return None
    letters = sum(1 for ch in text if ch.isalpha() or ch in encoding._TCVN3_SIGNS)
    if letters < 20:
        return None
    if tcvn >= 3 and tcvn / letters > 0.01:
        return "tcvn3"
    return "vni" if vni >= 3 and vni / letters > 0.01 else None


def test_the_legacy_font_test_is_the_same_with_one_scan_first() -> None:
    rng = random.Random(16)
    signs = sorted(encoding._TCVN3_SIGNS) + sorted(encoding._VNI_SIGNS)
    words = ["Gi¸o", "dôc", "vµ", "§µo", "t¹o", "Giaùo", "duïc", "mầm", "non", "trẻ", "em", "©", "·", "ø"]
    built = [" ".join(rng.choice(words + signs) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    found = set()
    for text in [*_news(), *built, "", "§", "§§§", "øøø" + "a" * 30]:
        expected = _reference_legacy(text)
        assert encoding.detect_legacy(text) == expected, text[:100]
        found.add(expected)
    assert found == {None, "tcvn3", "vni"}


def test_plain_string_xpaths_read_the_values_lxml_smart_strings_read() -> None:
    from lxml import html as lxml_html

    from pipeline import layout_tokens, trafilatura_calls

    repo = Path(__file__).resolve().parents[2]
    pages = sorted([*(repo / "tests" / "extraction" / "fixtures").rglob("*.html"),
                    *(SHARED / "real-pages").rglob("*.html")])
    assert pages
    for path in pages:
        tree = lxml_html.document_fromstring(path.read_bytes())
        assert layout_tokens._CLASS_VALUES(tree) == tree.xpath("//@class"), path
        assert layout_tokens._ID_VALUES(tree) == tree.xpath("//@id"), path
        assert trafilatura_calls._ATTR_VALUES(tree) == tree.xpath(trafilatura_calls._ATTRS), path
