"""The shortcuts of issue 16 give what the slow ways give: each is checked against a plain reference
(the way it was computed before) on real pages and texts, plus cases built to break it."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html
from trafilatura.metadata import extract_author

from pipeline import language, minhash, normalize
from pipeline.layout_tokens import PageTokens
from pipeline.layouts import load_layouts, select
from pipeline.trafilatura_calls import may_have_author
from planwatch.core import text as core_text
from planwatch.core.text import fold_joined, fold_keep_spacing

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
PAGES = sorted([*(REPO / "tests" / "extraction" / "fixtures").rglob("*.html"), *(SHARED / "real-pages").rglob("*.html"),
                *sorted((REPO / "data" / "demo" / "site").rglob("*.html"))[:60]])


def _tree(path: Path):  # type: ignore[no-untyped-def]
    return lxml_html.document_fromstring(path.read_bytes())


def _texts() -> list[str]:
    path = SHARED / "corpora" / "vietnews-sample.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpora not present")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()[:300]]
    return [t for r in rows for t in (r["title"], r["text"])]


def test_the_author_shortcut_only_skips_pages_where_trafilatura_finds_no_author() -> None:
    skipped = 0
    for path in PAGES:
        tree = _tree(path)
        if not may_have_author(tree):
            skipped += 1
            assert extract_author(tree) is None, path
    assert skipped > 0  # the shortcut is taken on some of these pages
    page = lxml_html.document_fromstring("<html><body><span class='post-Author'>Lan Anh</span><p>x</p></body></html>")
    assert may_have_author(page) and extract_author(page)


def test_prune_candidates_hold_every_element_the_generic_prune_can_remove() -> None:
    from pipeline.extract import _GENERIC_PRUNE, _PRUNE_CANDIDATES, _marker

    def removable(el) -> bool:  # type: ignore[no-untyped-def]
        return el.tag in ("footer", "nav", "aside") or bool(_marker(el) and _GENERIC_PRUNE.search(_marker(el)))

    seen = 0
    for path in PAGES:
        tree = _tree(path)
        every = [el for el in tree.iter() if isinstance(el.tag, str) and removable(el)]
        assert [el for el in _PRUNE_CANDIDATES(tree) if removable(el)] == every, path
        seen += len(every)
    assert seen > 0


def test_layout_tokens_never_reject_a_selector_that_matches() -> None:
    selectors = {s for layout in load_layouts().values() for part in ("detect", "title", "body", "date")
                 for s in layout[part]}
    rejected = 0
    for path in PAGES:
        tree = _tree(path)
        tokens = PageTokens(tree)
        for selector in selectors:
            if not tokens.may_match(selector):
                rejected += 1
                assert select(tree, [selector]) == [], (path, selector)
    assert rejected > 0
    page = lxml_html.document_fromstring("<html><body><div class='a\tb' id='x'><p class='c'>t</p></div></body></html>")
    tokens = PageTokens(page)
    assert tokens.may_match("div.a.b #x")  # "may": every class and id it names is on the page (a tab splits too)
    assert tokens.may_match("div.b p.c") and not tokens.may_match("div.d p.c") and not tokens.may_match("#y")
    assert tokens.may_match("div:not(.d)") and tokens.may_match("a[href]")  # not read: always "may"


_OLD_STYLE_REFERENCE = normalize._OLD_STYLE


def _tone_reference(text: str) -> str:
    """The whole-text way: NFD, the old-style regex over everything, NFC."""
    return unicodedata.normalize("NFC", _OLD_STYLE_REFERENCE.sub(normalize._move_tone,
                                                                unicodedata.normalize("NFD", text)))


def test_tone_placement_matches_the_whole_text_rewrite() -> None:
    texts = _texts()
    texts += [unicodedata.normalize("NFD", t) for t in texts[:100]]
    texts += ["hoà thuý Thuỷ quý", "≠hoà", "=\u0338hoà", "5\u0301hoà", "đoà", "HOÀ, khoẻ; loà-xoà", "quỳ hoạ"]
    rng = random.Random(7)
    alphabet = list("oOuUaAeEyYqQhHtT đĐ.,1_\n=") + list("àáảãạèéẻẽẹỳýỷỹỵÀÁÝ") + [
        "\u0300", "\u0301", "\u0323", "\u0306", "\u0302", "\u0338", "ư", "ơ", "ă", "≠", "≮", "\u0483"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(20000)]
    for text in texts:
        assert normalize.normalize_tone_placement(text) == _tone_reference(text), repr(text)
    assert normalize.normalize_tone_placement("Hoà bình, thuý") == "Hòa bình, thúy"


def test_spacing_rewrites_only_runs_that_change_and_gives_the_same_text() -> None:
    texts = _texts()
    rng = random.Random(11)
    alphabet = [" ", " ", "\t", "\u00a0", "\u2000", "\u2003", "\u200b", "\u200c", "\u202f", "\u205f", "\u3000",
                "a", "b", "\n", "\r"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16))) for _ in range(50000)]
    for text in texts:
        assert normalize._WS_TO_REWRITE.sub(" ", text) == normalize._WS.sub(" ", text), repr(text)
    assert normalize.normalize_text("a \u00a0 b\tc  d\u3000\u3000e f") == "a b c d e f"


def _language_reference(text: str) -> str:
    """The decision with every ratio computed the plain way (language_scores: the folded pass on every page)."""
    if not text:
        return "unknown"
    s = language.language_scores(text[:20000])
    if s["words"] < 15:
        return "unknown"
    if s["words"] >= 60 and s["distinct"] < 0.15:
        return "unknown"
    if s["spam"] >= 0.02:
        return "unknown"
    if language._clearly_vietnamese(s):
        return "vi"
    if s["vi_folded_stop"] >= 0.12 and s["en_stop"] < 0.05:
        return "vi"
    if s["en_stop"] >= 0.12 and s["vi_marks"] < 0.05:
        return "en"
    return "unknown"


def test_marked_letters_counted_without_listing_them() -> None:
    rng = random.Random(19)
    texts = [*_texts(), "a\ud800b\U0001f600ạ“Đ”\u00a0ế", ""]
    texts += ["".join(chr(rng.choice([rng.randrange(0, 0x300), rng.randrange(0x1e00, 0x1f00), rng.randrange(0x110000)]))
                      for _ in range(30)) for _ in range(20000)]
    for text in texts:
        assert language._marked_count(text) == len(language._VI_MARKED.findall(text)), repr(text)


def test_language_shortcuts_decide_as_the_plain_ratios() -> None:
    texts = _texts()
    texts = [f"{a}\n{b}" for a, b in zip(texts[::2], texts[1::2], strict=True)] + texts[1:200:2]
    rng = random.Random(13)
    spam = ["nhà cái", "Nhà Cái", "nổ hũ", "tài xỉu", "soi cầu", "game bài", "đổi thưởng", "casino", "slot", "jackpot",
            "cá độ bóng đá", "nha cai", "NHÀ-CÁI", "nhà\u00a0cái", "ca\u0301 độ bóng đá", "tàixỉu"]
    odd = ["ß", "ø", "ǆ", "Ꭰ", "\u0b94", "\u0f43", "\U0001109a", "𝐚", "İ", "đ", "Đ", "ḍ", "1", "_", "-", " ", "\n"]
    for base in texts[:300]:
        words = base.split()
        for _ in range(3):  # news text with spam phrases and odd letters put in
            cut = rng.randrange(len(words) + 1)
            extra = [rng.choice(spam + odd) for _ in range(rng.randrange(1, 40))]
            texts.append(" ".join(words[:cut] + extra + words[cut:]))
    vocab = [w for t in texts[:50] for w in t.split()][:3000] + spam + odd
    texts += [" ".join(rng.choice(vocab) for _ in range(rng.randrange(10, 200))) for _ in range(3000)]
    for text in texts:
        assert language.detect_language(text) == _language_reference(text), text[:200]
    assert language.detect_language(" ".join(["nhà cái uy tín, cá độ bóng đá và nổ hũ đổi thưởng"] * 20)) == "unknown"


def test_folding_by_regex_gives_what_the_translate_table_gives() -> None:
    table = core_text._DROP_MARKS

    def keep_reference(text: str) -> str:
        return unicodedata.normalize("NFD", text.replace("\r", "\n").lower()).translate(table) if text else ""

    def fold_reference(text: str) -> str:
        return core_text._HSPACE.sub(" ", unicodedata.normalize("NFD", text.lower()).translate(table)) if text else ""

    rng = random.Random(17)
    chars = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and (cp < 0x10000 or cp % 97 == 0)]
    texts = _texts() + chars + ["".join(rng.choice(chars[:0x2100]) for _ in range(60)) for _ in range(3000)]
    texts += ["Đề án  33\r\n\t\u00a0 ĐỀ ÁN", "", " ", "  \u3000x"]
    for text in texts:
        assert fold_keep_spacing(text) == keep_reference(text), repr(text)
        assert core_text.fold(text) == fold_reference(text), repr(text)


def test_folded_words_skip_a_second_fold_without_changing_the_words() -> None:
    rng = random.Random(3)
    texts = _texts() + ["".join(chr(rng.choice([rng.randrange(32, 0x2000), rng.randrange(0x300, 0x370), 0x111,
                                                0x110, 13, 10])) for _ in range(50)) for _ in range(2000)]
    for text in texts:
        for line in fold_keep_spacing(text).split("\n"):
            folded = " ".join(line.split())
            assert fold_joined(folded) == folded
            assert minhash.folded_words(folded) == minhash.words(folded)


def test_signatures_are_the_minimum_of_each_affine_map() -> None:
    rng = np.random.default_rng(5)
    sets = [np.unique(rng.integers(0, 2**63, int(n), dtype=np.int64).astype(np.uint64))
            for n in rng.integers(0, 9000, 40)]
    sets[3] = np.empty(0, dtype=np.uint64)
    got = minhash.signatures(sets)
    for row, shingles in zip(got, sets, strict=True):
        if not len(shingles):
            assert (row == np.iinfo(np.uint64).max).all()
            continue
        expected = (shingles[:, None] * minhash._A[None, :] + minhash._B[None, :]).min(axis=0)
        assert (row == expected).all()


def test_folded_words_on_ascii_lines_are_the_regex_words() -> None:
    rng = random.Random(9)
    lines = [" ".join(line.split()) for text in _texts() for line in fold_keep_spacing(text).split("\n")]
    lines += ["".join(chr(rng.randrange(0, 128)) for _ in range(rng.randrange(0, 60))) for _ in range(5000)]
    lines += ["a_b 1,2 x-y\x1c\x1fz\x0b w", "ca\u0301 tv\u00e9", "  ", ""]
    assert sum(line.isascii() for line in lines) > len(lines) // 2  # the shortcut is what is tested here
    for line in lines:
        assert minhash.folded_words(line) == minhash.TOKEN.findall(line), repr(line)


def test_sorted_distinct_is_numpy_unique() -> None:
    rng = np.random.default_rng(11)
    for n in [0, 1, 2, 3, *rng.integers(4, 3000, 60)]:
        values = rng.integers(0, 2**63, int(n), dtype=np.int64).astype(np.uint64)
        values = np.concatenate([values, values[: int(n) // 3]])  # repeats
        got = minhash.sorted_distinct(values)
        assert got.dtype == np.uint64 and np.array_equal(got, np.unique(values))


def test_in_sorted_is_numpy_isin() -> None:
    """minhash.in_sorted (a binary search a value, for a table sorted_distinct already: the story store's keys not
    probed yet) gives np.isin's mask, keys of 2^63 and above, the ends of the table and an empty table included."""
    rng = np.random.default_rng(12)
    sizes = rng.integers(1, 3000, (40, 2)).tolist()
    for n, m in [(0, 0), (5, 0), (0, 5), (1, 1), *sizes]:
        table = minhash.sorted_distinct(rng.integers(0, 2**64 - 1, int(m), dtype=np.uint64))
        values = rng.integers(0, 2**64 - 1, int(n), dtype=np.uint64)
        if table.size and values.size:
            values[: values.size // 2] = rng.choice(table, values.size // 2)
            values[-1] = table[-1]
            values[0] = table[0]
        values = np.concatenate([values, np.array([0, 2**64 - 1], dtype=np.uint64)])
        got = minhash.in_sorted(values, table)
        assert got.dtype == bool and np.array_equal(got, np.isin(values, table)), (n, m)
