"""Cheap language identification without models: "vi", "en" or "unknown".

underthesea's ``lang_detect`` downloads a model at first use and fails offline, so this is a ratio heuristic:
the share of running words that are frequent Vietnamese function words (with or without diacritics), the
share of letters that carry Vietnamese diacritics, and the share of English function words. Pages that are
keyword lists, spam or too short have few function words in either language and come out "unknown".

Speed (docs/performance.md): every ratio is one C-level pass (lower-casing, the word regex, one character
class of every tone-marked letter, set lookups through map); the per-character Python generator it replaces
was a third of the extraction time. Most pages are clearly Vietnamese from tone-marked letters and function
words alone, and decided without the folded (diacritic-free) pass, once a regex over the text itself shows
that no gambling-spam phrase can be there; the rest take the full path, with the same decision as before.
"""

from __future__ import annotations

import re
import unicodedata

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
    """One character class holding every BMP character `_has_vi_mark` accepts (built once at import)."""
    chars = sorted(chr(cp) for cp in range(0x80, 0x10000) if not 0xD800 <= cp < 0xE000 and _has_vi_mark(chr(cp)))
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


_VI_MARKED = _marked_class()


def _letter_classes() -> dict[str, str]:
    """For each ASCII letter, a regex class of every lower-case BMP letter that folds to it (đ -> d, ố -> o)."""
    found: dict[str, list[str]] = {}
    for cp in range(0x41, 0x10000):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000 or not ch.isalpha() or ch.lower() != ch:
            continue
        base = fold(ch)
        if len(base) == 1 and "a" <= base <= "z":
            found.setdefault(base, []).append(ch)
    return {k: "[" + "".join(re.escape(c) for c in v) + "]" for k, v in found.items()}


def _spam_prefilter() -> re.Pattern[str]:
    """A necessary condition for a _SPAM match, checked on the lower-cased text itself (no folding): the
    phrase's words, each letter any letter that folds to it, separated by what separates words."""
    letters = _letter_classes()
    phrases = _SPAM.pattern.split("(", 1)[1].rsplit(")", 1)[0].split("|")
    alternatives = [r"[\W\d_]+".join("".join(letters[c] for c in word) for word in phrase.split())
                    for phrase in phrases]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(alternatives) + r")(?![^\W\d_])")


_MAYBE_SPAM = _spam_prefilter()


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
    words = _WORD.findall(lowered)
    if len(words) < min_words:
        return "unknown"
    s = _scores(lowered, words, folded=False)
    # Spam and keyword stuffing: the same few words over and over.
    if s["words"] >= 60 and s["distinct"] < 0.15:
        return "unknown"
    clear = _clearly_vietnamese(s)
    if clear and unicodedata.is_normalized("NFC", lowered) and not _MAYBE_SPAM.search(lowered):
        return "vi"  # most pages: decided without the folded pass (no spam word can be there)
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
