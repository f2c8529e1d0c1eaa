"""The cheap first stage: one compiled alternation of subject terms, matched on the raw text.

A page is a candidate when its title, lead or text mentions the sector ("mầm non", "mẫu giáo", "GDMN", ...)
or the project itself ("Đề án 33", "33/QĐ-TTg"), with or without diacritics, in any case, NFC or NFD.
Everything else is rejected here, without normalizing, folding or tokenizing.

The pattern is generated from the folded prefilter terms: each letter becomes a class of every letter that
folds to it (upper and lower case, all tone and vowel marks) followed by optional combining marks, so the
raw text needs no folding pass. Terms that contain another prefilter term ("giáo dục mầm non" contains
"mầm non") are dropped: they cannot add a candidate. A leading look-behind would disable the regex
engine's first-character scan (10x slower), so the left boundary is a plain \\b.
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


@dataclass(frozen=True)
class Prefilter:
    pattern: re.Pattern[str]
    keys: tuple[str, ...]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Prefilter:
        keys = minimal_keys(lexicon.prefilter_keys)
        alternation = "|".join(raw_regex(k) for k in sorted(keys, key=len, reverse=True))
        return cls(re.compile(rf"\b(?:{alternation}){_TRAIL}"), tuple(keys))

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
