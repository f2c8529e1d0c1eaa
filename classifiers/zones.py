"""A candidate document as zones (title, lead, body), each normalized, folded and word-tokenized.

Only candidates come here: tokenizing costs ~18 ms per 3 KB (underthesea.word_tokenize).
Term hits are found with regexes on the folded zone text; their word-token index (for proximity) comes
from aligning the tokens with the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from classifiers.textfold import fast_fold
from pipeline.normalize import normalize_text

_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


@dataclass
class Zone:
    name: str
    text: str
    folded: str
    token_starts: list[int] = field(default_factory=list)
    tokenized_upto: int = 0  # text beyond this offset was not tokenized (very long pages, tokenizer errors)

    def token_index(self, offset: int) -> int:
        """Index of the word token at a character offset; past the tokenized part, words are counted."""
        if offset >= self.tokenized_upto or not self.token_starts:
            base = len(self.token_starts) if self.token_starts else 0
            return base + len(self.folded[self.tokenized_upto:offset].split())
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    @property
    def n_tokens(self) -> int:
        return len(self.token_starts) if self.token_starts else len(self.folded.split())


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


def tokenize(text: str) -> list[int]:
    """Start offsets of underthesea word tokens in `text`."""
    if not text:
        return []
    from underthesea import word_tokenize

    starts: list[int] = []
    cursor = 0
    try:
        tokens = word_tokenize(text)
    except Exception:  # the tokenizer must never sink a page: fall back to counting words
        return []
    for tok in tokens:
        pos = text.find(tok, cursor)
        if pos < 0:  # the tokenizer changed the token: keep the cursor, skip it
            continue
        starts.append(pos)
        cursor = pos + len(tok)
    return starts


def prepare(doc: dict[str, Any], lead_chars: int, *, max_tokenize_chars: int = 20000) -> list[Zone]:
    """Zones of a candidate. Only the first `max_tokenize_chars` of a zone are word-tokenized (cost is
    linear, ~6 ms/KB); positions further on are estimated by counting words."""
    parts = split_zones(doc, lead_chars)
    zones = []
    for name, text in parts.items():
        head = text[:max_tokenize_chars]
        if len(head) < len(text):  # cut at a space so the last token is whole
            head = head[: head.rfind(" ") + 1 or len(head)]
        starts = tokenize(head)
        zones.append(Zone(name=name, text=text, folded=fast_fold(text), token_starts=starts,
                          tokenized_upto=len(head) if starts else 0))
    return zones
