"""The cheap first stage: one compiled alternation of subject terms, matched on the raw text.

A page is a candidate when its title, lead or text mentions the sector ("mầm non", "mẫu giáo", "GDMN", ...)
or the project itself ("Đề án 33", "33/QĐ-TTg"), with or without diacritics, in any case, NFC or NFD.
Everything else is rejected here, without normalizing, folding or tokenizing.

The pattern is generated from the folded prefilter terms: each letter becomes a class of every letter that
folds to it (upper and lower case, all tone and vowel marks) followed by optional combining marks, so the
raw text needs no folding pass. Terms that contain another prefilter term ("giáo dục mầm non" contains
"mầm non") are dropped: they cannot add a candidate.

The compiled pattern starts with one character class, every character a term can start with, so the regex
engine's search skips in C the positions no term can start at (a pattern starting with a boundary, a
look-behind or an alternation of classes tries the whole pattern at every position: twice the time on news
text). The word boundary is checked behind that first character, and a look-behind on it picks the terms
that start with it (`charset_pattern`); it matches exactly what the plain alternation (`plain_pattern`) does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from classifiers.lexicon import Lexicon
from classifiers.textfold import _table, fast_fold, term_regex

_LEAD, _TRAIL = r"(?<![\w])", r"(?![\w])"


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    groups: dict[str, set[str]] = {}
    for cp, base in _table().items():
        if base and len(base) == 1:
            groups.setdefault(base, set()).add(chr(cp))
    out = {}
    for ch in "abcdefghijklmnopqrstuvwxyz":
        letters = {ch, ch.upper()} | groups.get(ch, set())
        out[ch] = "[" + "".join(sorted(letters)) + "][\u0300-\u036f]*"
    return out


def raw_regex(key: str) -> str:
    """A regex for raw (unfolded) text from a folded term."""
    src = term_regex(key)
    assert src.startswith(_LEAD) and src.endswith(_TRAIL)
    body = src[len(_LEAD):-len(_TRAIL)]
    classes = _variants()
    # letters outside escapes (\s, \w are escapes: the letter follows a backslash)
    body = re.sub(r"(?<!\\)[a-z]", lambda m: classes[m.group(0)], body)
    return body


def minimal_keys(keys: tuple[str, ...]) -> list[str]:
    """Drop terms that contain another term (word-bounded): they cannot add a candidate."""
    uniq = sorted(set(keys), key=len)
    kept: list[str] = []
    for k in uniq:
        if not any(re.search(term_regex(o), k.replace("[", "").replace("]", "")) for o in kept):
            kept.append(k)
    return kept


# The first piece of a term's raw_regex: a letter's class with its optional marks, or one literal character
_FIRST_CLASS = re.compile("\\[([^\\]\\\\]+)\\](\\[\u0300-\u036f\\]\\*)")
_FIRST_LITERAL = re.compile("[0-9]")


def plain_pattern(keys: list[str]) -> re.Pattern[str]:
    """The prefilter as one alternation of the terms' raw regexes, longest first, between word boundaries."""
    alternation = "|".join(raw_regex(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation}){_TRAIL}")


def _first_piece(src: str) -> tuple[str, str, str] | None:
    """(the characters a term's regex starts with, as a class body; the marks that may follow; the rest), or
    None when it starts otherwise (an optional word, an escape)."""
    m = _FIRST_CLASS.match(src)
    if m:
        return m.group(1), m.group(2), src[m.end():]
    if _FIRST_LITERAL.match(src):
        return src[0], "", src[1:]
    return None


def charset_pattern(keys: list[str]) -> re.Pattern[str] | None:
    """plain_pattern's matches, from a pattern that starts with one character class (see the module's doc).
    The terms are grouped by their first piece in their plain order; a group is tried only on a first character
    of its own class, and the classes are disjoint, so at most one group applies at a position, and within it
    the terms keep their order: the same leftmost match, the same text. None when a term starts with anything
    but a letter's class or a digit, is a single character, or two groups' classes share a character."""
    groups: dict[tuple[str, str], list[str]] = {}
    for key in sorted(keys, key=len, reverse=True):
        piece = _first_piece(raw_regex(key))
        if piece is None or not piece[2] or piece[2][0] in "(?*\u0300":
            return None  # a rest that could match at a mark would try the marks in another order
        groups.setdefault(piece[:2], []).append(piece[2])
    seen: set[str] = set()
    for chars, _marks in groups:
        if seen & set(chars) or "\\" in chars:
            return None
        seen |= set(chars)
    alternatives = [f"(?<=[{chars}]){marks}(?:{'|'.join(rests)})" for (chars, marks), rests in groups.items()]
    first = "".join(chars for chars, _marks in groups)
    return re.compile(rf"[{first}](?<=\b.)(?:{'|'.join(alternatives)}){_TRAIL}")


@dataclass(frozen=True)
class Prefilter:
    pattern: re.Pattern[str]
    keys: tuple[str, ...]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Prefilter:
        keys = minimal_keys(lexicon.prefilter_keys)
        return cls(charset_pattern(keys) or plain_pattern(keys), tuple(keys))

    def first_hit(self, *parts: str | None) -> str | None:
        """The first prefilter term found (folded), or None: the page is not a candidate."""
        for part in parts:
            if part:
                m = self.pattern.search(part)
                if m:
                    return " ".join(fast_fold(m.group(0)).split())
        return None

    def is_candidate(self, *parts: str | None) -> bool:
        return self.first_hit(*parts) is not None
