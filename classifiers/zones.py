"""A candidate document as zones (title, lead, body), each normalized and split into syllables.

No word segmentation: term matching (classifiers.matcher) and proximity work on syllables, found with one
regex scan per zone. Whether the document is written with diacritics is decided once for all its zones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from classifiers.matcher import Syllables, has_diacritics_split
from pipeline.normalize import normalize_text

_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


@dataclass
class Zone:
    name: str
    text: str
    syl: Syllables
    plain: bool = False  # the document is written without diacritics: match folded syllables

    def token_index(self, offset: int) -> int:
        """Index of the syllable at a character offset."""
        return self.syl.index_at(offset)

    @property
    def n_tokens(self) -> int:
        return len(self.syl)


def split_zones(doc: dict[str, Any], lead_chars: int) -> dict[str, str]:
    """Title, lead and body as normalized text. Without a lead, the first paragraph (or its first
    sentences, up to lead_chars) is the lead; a body that repeats the lead does not count it twice."""
    title = normalize_text(str(doc.get("title") or ""))
    lead = normalize_text(str(doc.get("lead") or ""))
    body = normalize_text(str(doc.get("text") or ""))
    if lead and body.startswith(lead):
        body = body[len(lead):].lstrip()
    elif not lead and body:
        first, _, rest = body.partition("\n")
        if len(first) <= lead_chars:
            lead, body = first, rest.lstrip()
        else:
            cut = 0
            for m in _SENTENCE_END.finditer(first):
                if m.end() > lead_chars:
                    break
                cut = m.end()
            cut = cut or lead_chars
            lead, body = first[:cut].strip(), (first[cut:] + "\n" + rest).strip()
    return {"title": title, "lead": lead, "body": body}



def prepare(doc: dict[str, Any], lead_chars: int) -> list[Zone]:
    """Zones of a candidate: normalized text split into syllables; `plain` when the whole document is
    written without diacritics."""
    parts = split_zones(doc, lead_chars)
    syls = {name: Syllables.of(text) for name, text in parts.items()}
    plain = not has_diacritics_split((text, syls[name]) for name, text in parts.items())
    return [Zone(name=name, text=text, syl=syls[name], plain=plain) for name, text in parts.items()]
