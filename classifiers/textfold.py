"""Fast diacritic folding and term patterns.

`fast_fold` is `planwatch.core.text.fold` as one `str.translate` call (the table is built from `fold`
itself; ~50 us per KB). On NFC text it keeps offsets: one character in, one character out, so positions
found in the folded zone text are positions in the normalized text (scoring relies on it).
Combining marks (NFD input) are dropped, which makes NFD text fold to the same letters as NFC text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from planwatch.core.text import fold

_RANGES = ((0x41, 0x5B), (0xC0, 0x250), (0x1E00, 0x1F00))


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            folded = fold(chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = folded
    for cp in range(0x300, 0x370):  # combining diacritics (NFD input)
        table[cp] = None
    table[0x110] = "d"
    table[0x111] = "d"
    return table


def fast_fold(text: str) -> str:
    """Lower-case, diacritic-free text; equal to `fold` for Vietnamese, without collapsing spaces."""
    return text.translate(_table()).lower() if not text.isascii() else text.lower()


_OPTIONAL = re.compile(r"\[([^\]]+)\]")
_PIECE = re.compile(r"\s+|[-‐‑–—]|/|[^\s\-‐‑–—/]+")


def term_key(text: str) -> str:
    """The folded, whitespace-collapsed form of a term: what identifies it in evidence."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())


def term_regex(text: str) -> str:
    """A regex source (no groups) matching the folded term in folded text.

    Spaces match any whitespace; hyphens/dashes and slashes match with optional spaces around them;
    "[word]" is an optional word; commas and other punctuation are optional. Word boundaries on both ends.
    """
    key = term_key(text)
    out: list[str] = []
    pos = 0
    for m in _OPTIONAL.finditer(key):
        before = key[pos:m.start()].rstrip()
        optional = _pieces(m.group(1).strip())
        if before:  # "quyet dinh [so] 33" -> quyet\s+dinh(?:\s+so)?\s+33
            out.append(_pieces(before))
            out.append(f"(?:\\s+{optional})?")
            pos = m.end()
        else:  # "[so] 33" at the start -> (?:so\s+)?33
            out.append(f"(?:{optional}\\s+)?")
            pos = m.end()
            while pos < len(key) and key[pos] == " ":
                pos += 1
    out.append(_pieces(key[pos:]))
    body = "".join(out)
    body = re.sub(r"(\\s\+)+", r"\\s+", body)
    return rf"(?<![\w]){body}(?![\w])"


def _pieces(segment: str) -> str:
    parts: list[str] = []
    for tok in _PIECE.findall(segment):
        if tok.isspace():
            parts.append(r"\s+")
        elif tok in "-‐‑–—":
            parts.append(r"\s*[-‐‑–—]\s*")
        elif tok == "/":
            parts.append(r"\s*/\s*")
        else:
            word = re.escape(tok.rstrip(",.;:"))
            trail = tok[len(tok.rstrip(",.;:")):]
            parts.append(word + (r"[,.;:]?" if trail else ""))
    joined = "".join(parts)
    # "đào tạo, bồi dưỡng" also matches "đào tạo bồi dưỡng" / "đào tạo - bồi dưỡng"
    return joined.replace(r"[,.;:]?\s+", r"[,.;:]?\s*(?:[-–—]\s*)?")


def initials(text: str) -> str:
    """Initials of a multi-word term, folded: "giáo dục mầm non" -> "gdmn"."""
    words = term_key(text).replace("[", "").replace("]", "").split()
    return "".join(w[0] for w in words if w[:1].isalpha())
