"""The cheap first stage: one compiled alternation of folded subject terms over folded text.

A page is a candidate when its title, lead or text mentions the sector ("mầm non", "mẫu giáo", "GDMN", ...)
or the project itself ("Đề án 33", "33/QĐ-TTg"), with or without diacritics, in NFC or NFD. Everything else
is rejected here, without tokenizing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifiers.lexicon import Lexicon
from classifiers.textfold import fast_fold, term_regex


@dataclass(frozen=True)
class Prefilter:
    pattern: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Prefilter:
        keys = sorted(set(lexicon.prefilter_keys), key=len, reverse=True)
        return cls(re.compile("|".join(term_regex(k) for k in keys)))

    def first_hit(self, *parts: str | None) -> str | None:
        """The first prefilter term found (folded), or None: the page is not a candidate."""
        for part in parts:
            if part:
                m = self.pattern.search(fast_fold(part))
                if m:
                    return m.group(0)
        return None

    def is_candidate(self, *parts: str | None) -> bool:
        return self.first_hit(*parts) is not None
