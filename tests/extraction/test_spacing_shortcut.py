"""normalize_text's spacing shortcut (pipeline.normalize.collapse_spaces, issue 16, workercpu): a text is scanned by
the space regex only when a substring test says a run may change, and the result is the regex's."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pipeline import normalize

SHARED = Path(__file__).resolve().parents[3] / "shared"


def test_the_characters_tested_are_every_space_of_the_regex_but_the_plain_space() -> None:
    spaces = {chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and normalize._WS.fullmatch(chr(c))}
    assert set(normalize.WS_NOT_SPACE) == spaces - {" "}


def test_collapse_spaces_is_the_regex_substitution() -> None:
    path = SHARED / "corpora" / "vietnews-sample.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    with open(path, encoding="utf-8") as fh:
        texts = [t for x in list(fh)[:500] for t in (json.loads(x)["title"], json.loads(x)["text"])]
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
