"""Cheap language identification without models: "vi", "en" or "unknown".

underthesea's ``lang_detect`` downloads a model at first use and fails offline, so this is a ratio heuristic:
the share of running words that are frequent Vietnamese function words (with or without diacritics), the
share of letters that carry Vietnamese diacritics, and the share of English function words. Pages that are
keyword lists, spam or too short have few function words in either language and come out "unknown".

Speed (docs/performance.md): every ratio is one C-level pass (lower-casing, the word regex, one character
class of every tone-marked letter) or a count over the distinct words (Counter); the per-character Python
generator it replaces was a third of the extraction time. Most pages are clearly Vietnamese from tone-marked
letters and function words alone, and decided without the folded (diacritic-free) pass once an upper bound on
the gambling-spam phrases, taken from the distinct words, is below the spam threshold; the rest take the full
path, with the same decision as before.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter

from pipeline.normalize import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VI_STOP = _words(
    """của và các là có được cho những trong với này người không một đã để năm theo từ đến về khi
    cũng như tại đó nhiều sẽ vào ra nên thì mà hay hoặc bị do trên dưới sau trước giữa bằng nhưng còn
    đang rất hơn vì lại đây việc nhằm cùng tới qua nếu các"""
)
# The same words typed without diacritics ("de an 33" pages); only the unambiguous ones.
_VI_STOP_FOLDED = _words(
    "cua va cac duoc nhung trong voi nguoi khong mot nay de theo tu den ve khi cung nhu tai nhieu se vao"
)
_EN_STOP = _words(
    """the of and to in is for that with on as by are was be this it from at or an have has not which
    their will its were been more also can than they who new said"""
)
_WORD = re.compile(r"[^\W\d_]+")
# Gambling / SEO spam vocabulary, matched on the folded text; only phrases whose folded form is not also an
# ordinary word ("ca cuoc" is also "cả cuộc", "lo de" also "lo để", so they are left out).
_SPAM = re.compile(r"\b(nha cai|no hu|tai xiu|soi cau|game bai|doi thuong|casino|slot|jackpot|ca do bong da)\b")
# Letters only Vietnamese uses among Latin scripts (after NFC): ă â đ ê ô ơ ư and the tone-marked vowels.
_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _has_vi_mark(ch: str) -> bool:
    if ch in _VI_LETTERS:
        return True
    decomposed = unicodedata.normalize("NFD", ch)
    return len(decomposed) > 1 and any(m in decomposed for m in _TONE_MARKS)


def _marked_class() -> re.Pattern[str]:
    """One character class holding every BMP character `_has_vi_mark` accepts (built once at import). A test of each
    of the 63k characters in Python took about 13 ms of CPU in every process that imports this module (the worker
    pool's fork server); here their NFD forms come from one normalisation of them all, each character followed by a
    NUL (a starter: canonical reordering never crosses it, so each piece is that character's own NFD), and a regex
    finds the tone marks, each in the piece of its character."""
    cps = array("I", range(0x80, 0xD800))
    cps.extend(range(0xE000, 0x10000))
    spaced = array("I", bytes(8 * len(cps)))
    spaced[0::2] = cps
    pieces = unicodedata.normalize("NFD", spaced.tobytes().decode("utf-32-le"))
    found = set(_VI_LETTERS)
    index = last = 0
    for m in re.finditer(f"[{_TONE_MARKS}]", pieces):
        index += pieces.count("\0", last, m.start())  # the NULs before the mark: its character's index
        last = m.start()
        if pieces.find("\0", last) - pieces.rfind("\0", 0, last) > 2:  # an NFD of more than one character
            found.add(chr(cps[index]))
    return re.compile("[" + "".join(re.escape(c) for c in sorted(found)) + "]")


_VI_MARKED = _marked_class()
# Every character that is neither ASCII nor tone-marked: a page has few of them (quotes, dashes, spaces), so
# the marked ones are counted as the non-ASCII characters less these, without a list of every marked one.
_NON_ASCII_UNMARKED = re.compile("[^\\x00-\\x7f" + _VI_MARKED.pattern[1:-1] + "]")


def _marked_count(text: str) -> int:
    """len(_VI_MARKED.findall(text)), three times faster."""
    return len(text) - len(text.encode("ascii", "ignore")) - len(_NON_ASCII_UNMARKED.findall(text))


def _letter_ranges() -> str:
    """_WORD's letters in the BMP as one explicit character class body (ranges): the runs of letters among every BMP
    character in code point order (decoded from one array; a surrogate is no letter), found by one regex pass (a
    test of each character in Python took about 9 ms at import)."""
    every = array("I", range(0x10000)).tobytes().decode("utf-32-le", "surrogatepass")
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b - 1)) if b - 1 > a else "")
                   for a, b in (m.span() for m in re.finditer(r"[^\W\d_]+", every)))


# The same words as _WORD on text without characters beyond the BMP: one table lookup per character instead of
# three category tests (a third faster). Text with astral characters takes _WORD itself.
_WORD_BMP = re.compile("[" + _letter_ranges() + "]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPAM_PHRASES = tuple(tuple(p.split()) for p in _SPAM.pattern.split("(", 1)[1].rsplit(")", 1)[0].split("|"))
_SPAM_WORDS = frozenset(w for phrase in _SPAM_PHRASES for w in phrase)
# Letters outside the Latin blocks: a few of other scripts fold to a letter plus a non-word mark, which would
# put a word boundary inside a folded word (the bound below assumes none).
_NOT_LATIN = re.compile("[^ \x00-\u024f\u1e00-\u1eff]")


def _words_of(lowered: str) -> list[str]:
    return (_WORD if _has_astral(lowered) else _WORD_BMP).findall(lowered)


def _has_astral(text: str) -> bool:
    """_ASTRAL.search(text) is not None: in UTF-16 a character beyond the BMP takes 4 bytes, every other one 2
    (a lone surrogate too, with surrogatepass). One C copy: 1 against 6 us on a news page."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _spam_bound(counts: Counter[str]) -> int | None:
    """An upper bound on len(_SPAM.findall(fold(" ".join(words)))) from the distinct words and their counts, or
    None for text with letters outside the Latin blocks.

    On Latin letters, a folded word is made of word characters only, so a _SPAM match is a run of whole folded
    words equal to a phrase's words; each match uses its own occurrence of every word of its phrase, so a phrase
    matches at most as often as its least frequent word occurs. A word folds to a phrase word only if its NFD
    with every non-ASCII character dropped (đ -> d first) is that word, so counting those over-counts at most."""
    joined = " ".join(counts)
    if _NOT_LATIN.search(joined):
        return None
    plain = unicodedata.normalize("NFD", joined.replace("đ", "d").replace("Đ", "d")).encode("ascii", "ignore")
    occurrences = dict.fromkeys(_SPAM_WORDS, 0)
    for word, folded in zip(counts, plain.decode("ascii").split(" "), strict=True):
        if folded in occurrences:
            occurrences[folded] += counts[word]
    return sum(min(occurrences[w] for w in phrase) for phrase in _SPAM_PHRASES)


def language_scores(text: str) -> dict[str, float]:
    """The ratios the decision uses (exposed for tests and for tuning)."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if not words:
        return {"words": 0, "vi_stop": 0.0, "vi_folded_stop": 0.0, "en_stop": 0.0, "vi_marks": 0.0, "distinct": 0.0,
                "spam": 0.0}
    return _scores(lowered, words, folded=True)


def _scores(lowered: str, words: list[str], *, folded: bool) -> dict[str, float]:
    n = len(words)
    scores: dict[str, float] = {
        "words": n,
        "vi_stop": sum(map(_VI_STOP.__contains__, words)) / n,
        "en_stop": sum(map(_EN_STOP.__contains__, words)) / n,
        # every marked character is a letter of some word, so counting them in the whole text is the same
        "vi_marks": len(_VI_MARKED.findall(lowered)) / max(sum(map(len, words)), 1),
        "distinct": len(set(words)) / n,
    }
    if folded:  # the diacritic-free form: only text typed without diacritics, and the spam vocabulary, need it
        plain = fold(" ".join(words))
        scores["vi_folded_stop"] = sum(map(_VI_STOP_FOLDED.__contains__, plain.split())) / n
        scores["spam"] = len(_SPAM.findall(plain)) / n
    return scores


def detect_language(text: str | None, *, min_words: int = 15) -> str:
    """ "vi", "en" or "unknown" for a page's text (title + lead + body works best)."""
    if not text:
        return "unknown"
    lowered = text[:20000].lower()
    words = _words_of(lowered)
    n = len(words)
    if n < min_words:
        return "unknown"
    counts = Counter(words)
    # the ratios of _scores(folded=False), counted over the distinct words
    # (the stop words found by one intersection of sets in C: the words in both, looked up once each)
    s = {"words": n, "vi_stop": sum(map(counts.__getitem__, counts.keys() & _VI_STOP)) / n,
         "en_stop": sum(map(counts.__getitem__, counts.keys() & _EN_STOP)) / n,
         "vi_marks": _marked_count(lowered) / max(sum(map(len, words)), 1), "distinct": len(counts) / n}
    # Spam and keyword stuffing: the same few words over and over.
    if s["words"] >= 60 and s["distinct"] < 0.15:
        return "unknown"
    clear = _clearly_vietnamese(s)
    if clear and unicodedata.is_normalized("NFC", lowered):
        bound = _spam_bound(counts)
        if bound is not None and bound < 0.02 * n:
            return "vi"  # most pages: decided without the folded pass (too few spam phrases can be there)
    s = _scores(lowered, words, folded=True)
    if s["spam"] >= 0.02:
        return "unknown"  # gambling/SEO spam pages are not Vietnamese-language news, whatever their letters
    if clear:
        return "vi"
    if s["vi_folded_stop"] >= 0.12 and s["en_stop"] < 0.05:
        return "vi"  # Vietnamese typed without diacritics
    if s["en_stop"] >= 0.12 and s["vi_marks"] < 0.05:
        return "en"
    return "unknown"


def _clearly_vietnamese(s: dict[str, float]) -> bool:
    if s["vi_marks"] >= 0.08 and s["en_stop"] < 0.08 and (s["vi_stop"] >= 0.05 or s["vi_marks"] >= 0.15):
        return True
    return s["vi_stop"] >= 0.08 and s["vi_marks"] >= 0.08 and s["vi_stop"] > s["en_stop"]  # with English terms
