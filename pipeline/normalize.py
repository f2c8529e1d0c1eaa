"""Unicode and Vietnamese text normalization, shared by extraction, dedupe and classification.

Vietnamese arrives in NFC and NFD and with two tone-mark placements ("hoà" vs "hòa"). Everything that
hashes, deduplicates or matches text goes through `normalize_text` first; matching that must ignore
diacritics (text typed without them, "de an 33") uses `fold`.
"""

from __future__ import annotations

import re
import unicodedata

from planwatch.core.text import fold as fold  # the matching form lives in the shared core

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# Old-style placement puts the tone on the second vowel of open "oa", "oe", "uy" syllables
# ("hoà", "thuý"); the placement underthesea and most outlets use today puts it on the first
# ("hòa", "thúy"). Work on NFD so a tone is one combining mark after its base letter.
_OLD_STYLE = re.compile(
    rf"(?i)(?<![a-z\u0300-\u036f])([^\W\d_]*?)(o|u)([{_TONES}])?(a|e|y)([{_TONES}])(?![^\W\d_]|[\u0300-\u036f])"
)
# The lookahead also refuses a following combining mark: in NFD the dot below sorts before a breve or
# circumflex ("hoặc" is o, a, dot below, breve), and such a syllable is not an open "oa" syllable.
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# The runs of _WS that sub(" ") changes: a run starting with another space character, or two or more characters
# starting with " ". A lone " " (most of them in running text) is left where it is: same output, no rewrite.
_WS_TO_REWRITE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000][ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]*|"
                            r" [ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# The characters of _WS but " " (tests/extraction check them against _WS): a text with none of them and no "  " holds
# no run _WS_TO_REWRITE changes, and most texts are told so by these substring tests, three times faster than its scan.
WS_NOT_SPACE = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\u3000"


def collapse_spaces(text: str) -> str:
    """_WS_TO_REWRITE.sub(" ", text): every run of horizontal spaces as one " "."""
    if "  " in text:
        return _WS_TO_REWRITE.sub(" ", text)
    for ch in WS_NOT_SPACE:
        if ch in text:
            return _WS_TO_REWRITE.sub(" ", text)
    return text


def _move_tone(m: re.Match[str]) -> str:
    prefix, first, existing, second, tone = m.groups()
    # "qu" + "y" is a consonant cluster plus a vowel: "quý" keeps its tone on y.
    if existing or (first.lower() == "u" and prefix.lower().endswith("q")):
        return m.group(0)
    if first.lower() == "u" and second.lower() != "y":
        return m.group(0)
    return f"{prefix}{first}{tone}{second}"


# Necessary for any rewrite: in NFC, an o/u followed by a toned plain a/e/y ("oà", "uý"). Most text has none
# and skips the NFD round trip (the costliest step of normalizing a page).
_MAYBE_OLD = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\\W\\d_])")


# A match of _OLD_STYLE lies inside one word (a run of letters and combining marks): it is made of letters and
# marks and its lookarounds refuse a letter or mark on either side. So only the words around a _MAYBE_OLD hit
# need the NFD round trip, each with the character before it (its NFD can end with a mark the lookbehind
# sees: "≠" is "=" + U+0338); no character outside a word has an NFD that starts with a letter or mark, so
# nothing else can change a match. The rest of the text is left as it is (5x faster on news text, same output).
_WORD_CHAR = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])")
_WORD_REST = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])*")


def _modern(span: str) -> str:
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(_move_tone, unicodedata.normalize("NFD", span)))


def normalize_tone_placement(text: str) -> str:
    """Rewrite old-style tone placement ("hoà", "thuý") to the modern one ("hòa", "thúy")."""
    nfc = unicodedata.normalize("NFC", text)
    spans: list[list[int]] = []
    for hit in _MAYBE_OLD.finditer(nfc):
        start = hit.start()
        while start > 0 and _WORD_CHAR.match(nfc, start - 1):
            start -= 1
        start = max(start - 1, 0)  # with the character before the word
        end = _WORD_REST.match(nfc, hit.end()).end()  # type: ignore[union-attr]  # * always matches
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    if not spans:
        return nfc
    out: list[str] = []
    done = 0
    for start, end in spans:
        out += (nfc[done:start], _modern(nfc[start:end]))
        done = end
    out.append(nfc[done:])
    return "".join(out)


def normalize_text(text: str | None) -> str:
    """NFC, modern tone placement, one space between words, at most one blank line between paragraphs."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = normalize_tone_placement(text)
    # _WS never matches a line break: one pass over the whole text equals one pass per line
    lines = [line.strip() for line in collapse_spaces(text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


