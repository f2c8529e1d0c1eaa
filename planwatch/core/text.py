"""Diacritic folding: Vietnamese text lower-cased with every tone and vowel mark removed and đ -> d, so
"Đề án 33", "ĐỀ ÁN 33" and "de an 33" compare equal. How a text placed its marks (NFC or NFD, "hoà" or
"hòa") no longer matters once folded.

One operation, three spacings (pick by what the caller does with whitespace):

| function            | whitespace                                                 | used by                      |
|---------------------|------------------------------------------------------------|------------------------------|
| `fold`              | runs of spaces/tabs -> one space; line breaks kept         | matching, filters, search    |
| `fold_joined`       | the words joined by one space (line breaks too), stripped  | MinHash words and shingles   |
| `fold_keep_spacing` | untouched, except \\r -> \\n (the text splits into lines) | boilerplate paragraph hashes |

`classifiers.textfold.fast_fold` is a different operation on purpose: one character in, one character out
on NFC text (offsets survive), for the classifier's hot path.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Every character str.split() splits on but " " and "\n" (tests/stories check the list against str.isspace)
OTHER_SPACE = re.compile("[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def single_spaced(text: str) -> bool:
    """True when every line of `text` (split on "\n") is " ".join(line.split()) already: no other space than " "
    and "\n", no two spaces in a row, no space at a line's start or end. Substring tests and one character-class
    scan, so a caller can skip splitting every line into words (normalize_text's output nearly always is)."""
    return not ("  " in text or " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " "
                or OTHER_SPACE.search(text))


def clean_lines(text: str) -> list[str]:
    """[" ".join(line.split()) for line in text.split("\n")], without the empty ones."""
    if single_spaced(text):
        return [line for line in text.split("\n") if line]
    return [joined for joined in (" ".join(line.split()) for line in text.split("\n")) if joined]


def _drop_marks_table() -> dict[int, int | None]:
    """str.translate table: every combining mark of the BMP removed, đ/Đ -> d (one C-level pass)."""
    table: dict[int, int | None] = {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}
    table.update({ord("đ"): ord("d"), 0x0110: ord("d")})
    return table


_DROP_MARKS = _drop_marks_table()


def _marks_class() -> re.Pattern[str]:
    """The characters _DROP_MARKS removes, as one regex character class of ranges: removing them with re.sub
    and then mapping đ/Đ with str.replace gives what str.translate(_DROP_MARKS) gives, about twice as fast
    (translate looks every character up in the table's dict)."""
    removed = sorted(cp for cp, to in _DROP_MARKS.items() if to is None)
    ranges: list[list[int]] = []
    for cp in removed:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return re.compile("[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                                    for a, b in ranges) + "]+")


_MARKS = _marks_class()
# The runs of _HSPACE that sub(" ") changes: one starting with another space character, or " " and more. A lone
# " " (most of them) is left where it is.
_HSPACE_TO_REWRITE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000][ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]*|"
                                r" [ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


# The marks of Vietnamese letters in NFD (acute, grave, tilde, hook above, dot below, circumflex, breve, horn): removed
# with str.replace first (a C scan each), so the regex only runs on text that still has another mark (a quarter
# less time on a news text than the regex alone, which makes a match for every run of marks).
_VI_MARKS = ("\u0301", "\u0300", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b")


def _drop_marks(decomposed: str) -> str:
    """decomposed.translate(_DROP_MARKS), faster. đ/Đ are mapped before the other marks are looked for (removing
    marks and mapping đ commute): a text left ASCII then (a flag of the string, no scan) has no other mark, which
    spares most folded news texts the regex's scan (14 us of 44)."""
    for mark in _VI_MARKS:
        decomposed = decomposed.replace(mark, "")
    decomposed = decomposed.replace("đ", "d").replace("Đ", "d")
    if decomposed.isascii() or not _MARKS.search(decomposed):
        return decomposed
    return _MARKS.sub("", decomposed)


@lru_cache(maxsize=1)
def unit_folds() -> Any:
    """For every UTF-16 code unit (a numpy int32 array indexed by it): the code point its character folds to
    (_drop_marks of its NFD), -1 when it folds to nothing, -2 when it folds to more than one character (Hangul
    syllables) or is a surrogate. Built once a process (a few ms): the NFD of every BMP character from one
    normalisation of them all, each followed by a NUL (a starter: canonical reordering never crosses it, so each
    piece is that character's own NFD), one _drop_marks of the whole, and the pieces' lengths found by numpy."""
    import numpy as np

    cps = np.r_[np.arange(1, 0xD800), np.arange(0xE000, 0x10000)].astype(np.uint32)
    spaced = np.zeros(2 * len(cps), dtype=np.uint32)
    spaced[0::2] = cps
    folded = _drop_marks(unicodedata.normalize("NFD", spaced.tobytes().decode("utf-32-le")))
    units = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    ends = np.flatnonzero(units == 0)  # one NUL after each character's piece
    starts = np.r_[0, ends[:-1] + 1]
    lengths = ends - starts
    first = units[np.minimum(starts, len(units) - 1)].astype(np.int64)
    value = np.where(lengths == 0, -1, np.where(lengths == 1, first, -2))
    table = np.full(0x10000, -2, dtype=np.int32)
    table[cps] = value
    table[0] = 0
    return table


# Texts at least this long go the numpy way in _fold_lowered (below it numpy's fixed cost is more than it saves).
_NUMPY_FOLD = 200


def _fold_lowered(lowered: str) -> str:
    """_drop_marks(unicodedata.normalize("NFD", lowered)). On a long text without characters beyond the BMP, one
    table lookup a UTF-16 code unit (unit_folds) instead: NFD only reorders marks, and every mark it reorders is
    removed, so the fold of a text is the fold of each of its characters, in order."""
    if lowered.isascii():  # no mark, no đ: NFD and _drop_marks leave it as it is
        return lowered
    if len(lowered) >= _NUMPY_FOLD:
        try:
            encoded = lowered.encode("utf-16-le")
        except UnicodeEncodeError:  # a lone surrogate
            encoded = b""
        if encoded:
            import numpy as np

            mapped = unit_folds()[np.frombuffer(encoded, dtype=np.uint16)]
            if mapped.min() >= -1:  # no character beyond the BMP, none that folds to more than one
                return mapped[mapped >= 0].astype(np.uint16).tobytes().decode("utf-16-le")
    return _drop_marks(unicodedata.normalize("NFD", lowered))


def fold_keep_spacing(text: str | None) -> str:
    """Lower-case, diacritic-free, every other character kept where it was (\\r becomes \\n)."""
    if not text:
        return ""
    return _fold_lowered(text.replace("\r", "\n").lower())


def fold(text: str | None) -> str:
    """Lower-case, diacritic-free form for matching: "Đề án  33" -> "de an 33" (line breaks kept)."""
    if not text:
        return ""
    return _HSPACE_TO_REWRITE.sub(" ", _fold_lowered(text.lower()))


def fold_joined(text: str | None) -> str:
    """`fold` on one line: the folded words joined by single spaces, "Đề án\\n 33 " -> "de an 33"."""
    return " ".join(fold_keep_spacing(text).split())
