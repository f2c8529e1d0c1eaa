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

_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _drop_marks_table() -> dict[int, int | None]:
    """str.translate table: every combining mark of the BMP removed, đ/Đ -> d (one C-level pass)."""
    table: dict[int, int | None] = {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}
    table.update({ord("đ"): ord("d"), 0x0110: ord("d")})
    return table


_DROP_MARKS = _drop_marks_table()


def fold_keep_spacing(text: str | None) -> str:
    """Lower-case, diacritic-free, every other character kept where it was (\\r becomes \\n)."""
    if not text:
        return ""
    return unicodedata.normalize("NFD", text.replace("\r", "\n").lower()).translate(_DROP_MARKS)


def fold(text: str | None) -> str:
    """Lower-case, diacritic-free form for matching: "Đề án  33" -> "de an 33" (line breaks kept)."""
    if not text:
        return ""
    return _HSPACE.sub(" ", unicodedata.normalize("NFD", text.lower()).translate(_DROP_MARKS))


def fold_joined(text: str | None) -> str:
    """`fold` on one line: the folded words joined by single spaces, "Đề án\\n 33 " -> "de an 33"."""
    return " ".join(fold_keep_spacing(text).split())
