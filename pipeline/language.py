"""Cheap language identification without models: "vi", "en" or "unknown".

underthesea's ``lang_detect`` downloads a model at first use and fails offline, so this is a ratio heuristic:
the share of running words that are frequent Vietnamese function words (with or without diacritics), the
share of letters that carry Vietnamese diacritics, and the share of English function words. Pages that are
keyword lists, spam or too short have few function words in either language and come out "unknown".
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


def _has_vi_mark(ch: str) -> bool:
    if ch in _VI_LETTERS:
        return True
    decomposed = unicodedata.normalize("NFD", ch)
    return len(decomposed) > 1 and any(m in decomposed for m in "\u0300\u0301\u0303\u0309\u0323")


def language_scores(text: str) -> dict[str, float]:
    """The ratios the decision uses (exposed for tests and for tuning)."""
    words = _WORD.findall(text.lower())
    if not words:
        return {"words": 0, "vi_stop": 0.0, "vi_folded_stop": 0.0, "en_stop": 0.0, "vi_marks": 0.0, "distinct": 0.0,
                "spam": 0.0}
    n = len(words)
    letters = [ch for w in words for ch in w]
    folded = fold(" ".join(words)).split()
    return {
        "words": n,
        "vi_stop": sum(w in _VI_STOP for w in words) / n,
        "vi_folded_stop": sum(w in _VI_STOP_FOLDED for w in folded) / n,
        "en_stop": sum(w in _EN_STOP for w in words) / n,
        "vi_marks": sum(_has_vi_mark(ch) for ch in letters) / max(len(letters), 1),
        "distinct": len(set(words)) / n,
        "spam": len(_SPAM.findall(" ".join(folded))) / n,
    }


def detect_language(text: str | None, *, min_words: int = 15) -> str:
    """ "vi", "en" or "unknown" for a page's text (title + lead + body works best)."""
    if not text:
        return "unknown"
    s = language_scores(text[:20000])
    if s["words"] < min_words:
        return "unknown"
    # Spam and keyword stuffing: the same few words over and over.
    if s["words"] >= 60 and s["distinct"] < 0.15:
        return "unknown"
    if s["spam"] >= 0.02:
        return "unknown"  # gambling/SEO spam pages are not Vietnamese-language news, whatever their letters
    if s["vi_marks"] >= 0.08 and s["en_stop"] < 0.08 and (s["vi_stop"] >= 0.05 or s["vi_marks"] >= 0.15):
        return "vi"
    if s["vi_stop"] >= 0.08 and s["vi_marks"] >= 0.08 and s["vi_stop"] > s["en_stop"]:
        return "vi"  # Vietnamese with English names and terms
    if s["vi_folded_stop"] >= 0.12 and s["en_stop"] < 0.05:
        return "vi"  # Vietnamese typed without diacritics
    if s["en_stop"] >= 0.12 and s["vi_marks"] < 0.05:
        return "en"
    return "unknown"
