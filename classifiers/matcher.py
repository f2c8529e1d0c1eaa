"""All lexicon terms matched in one pass over a zone's syllables, respecting tone marks.

A zone is split once into syllables (runs of letters or of digits: "1BÀI" is "1", "BÀI"; "giáo_viên" of
word-segmented text is two syllables). Every term of every category is a path of syllables
in one trie; a walk from each syllable finds every term that starts there, in all categories at once.
There is no word segmentation: positions (for proximity) are syllable indexes.

Tone marks: a document written with diacritics is matched with them ("lương" is not "lượng", "tôi" is not
"tới", "khóa học" is not "khoa học", "trường" is not "trưởng"); only a document written without
diacritics (detected per document: `has_diacritics`) is matched on folded syllables. Both sides are NFC
with modern tone placement (pipeline.normalize.normalize_text), lower-cased.

Between two syllables of a term the text may have spaces, hyphens, dashes, slashes, commas and quotes
("33/QĐ-TTg", "2018 – 2025", "đào tạo, bồi dưỡng"); a sentence or clause break (. ! ? ; : or a new line)
ends a match. "[số]" in a term is an optional syllable run.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable

from classifiers.textfold import fast_fold
from pipeline.normalize import normalize_text

SYLLABLE = re.compile(r"[^\W\d_]+|\d+")
# SYLLABLE as a group: re.split gives separators and syllables in turn, their offsets summed from lengths in C
_SYLLABLE_SPLIT = re.compile(f"({SYLLABLE.pattern})")
# runs of word characters (letters, digits, "_"): one predicate a character where SYLLABLE has three; twice as fast
_WORD_SPLIT = re.compile(r"(\w+)")
_BREAK = re.compile(r"[.!?;:\n…]")
_OPTIONAL = re.compile(r"\[([^\]]+)\]")
# a Vietnamese letter that carries a mark (tone or vowel quality) or đ
_MARKED = re.compile(r"[à-ỹđÀ-ỸĐ]")
_END = ""  # trie key for "a term ends here": never a syllable

# share of syllables with a mark below which a document counts as written without diacritics
DIACRITIC_SHARE = 0.2


_MARKED_WORD = re.compile(r"\w*[à-ỹđÀ-ỸĐ]\w*")
_DIGITS = re.compile(r"\b\d+\b")
# The same counts from patterns that start with one character class, so the regex engine skips in C the positions
# where no match starts (the patterns above try every position: twice the time on a news text). A run of digits
# with no word character on either side, counted from its first digit; a word holding a marked letter, counted from
# its first marked letter (it takes the rest of the word): one match a word, as _MARKED_WORD, as long as every
# character of the class is a word character (_ODD_MARK finds the others, e.g. a combining mark or "÷": then the
# former pattern).
_DIGITS_FAST = re.compile(r"\d(?<!\w\d)\d*(?!\w)")
_MARKED_FAST = re.compile(r"[à-ỹđÀ-ỸĐ]\w*")
_ODD_MARK = re.compile(r"[à-ỹđÀ-ỸĐ](?<!\w)")


HEAD_CHARS = 20000  # has_diacritics reads this much of each text


def has_diacritics(*texts: str) -> bool:
    """True when the text is written with Vietnamese diacritics (per document, not per word): at least
    DIACRITIC_SHARE of its (non-numeric) syllables carry a mark."""
    return _share_marked([(text, None) for text in texts])


def has_diacritics_split(pairs: Iterable[tuple[str, Syllables]]) -> bool:
    """has_diacritics of the texts, each given with its Syllables (Syllables.of(text)): their syllables are
    counted from the split instead of a further regex scan (the same count: Syllables.of splits the lower-cased
    text, and lower-casing keeps every character's class of letter, digit or other, tests/classify).

    Most texts answer early: when the marked words of their first pieces already make DIACRITIC_SHARE of all their
    syllables (an upper bound of the count the share divides by), the share over the whole texts is at least that
    (more marked words, fewer syllables once the numbers are left out) and there is at least one syllable left
    (a syllable of letters); otherwise the whole count as before."""
    pairs = list(pairs)
    if all(len(text) <= HEAD_CHARS for text, _ in pairs):
        syllables = sum(len(syl) for _, syl in pairs)
        if syllables and any(not w.isdecimal() for _, syl in pairs for w in syl.exact) and _marked_reaches(
                [text for text, _ in pairs], syllables):
            return True
    return _share_marked(pairs)


PIECE_CHARS = 512  # _marked_reaches counts a text in pieces of about this size


def _marked_reaches(texts: list[str], syllables: int) -> bool:
    """True once the marked words counted make DIACRITIC_SHARE of `syllables` (the same division and comparison as
    _share_marked): _share_marked's count, piece by piece, each piece cut before a space (no match holds a space, so
    the counts of the pieces add up to the count of the text; a piece without an odd mark counts the same with
    either pattern)."""
    marked = 0
    for text in texts:
        start, n = 0, len(text)
        while start < n:
            cut = text.find(" ", start + PIECE_CHARS)
            if cut < 0:
                cut = n
            piece = text[start:cut]
            marked += len((_MARKED_WORD if _ODD_MARK.search(piece) else _MARKED_FAST).findall(piece))
            if marked / syllables >= DIACRITIC_SHARE:
                return True
            start = cut
    return False


def _share_marked(pairs: Iterable[tuple[str, Syllables | None]]) -> bool:
    marked = total = 0
    for text, syl in pairs:
        if not text:
            continue
        head = text[:HEAD_CHARS]
        if syl is None:
            total += len(SYLLABLE.findall(head))
        else:  # the syllables starting in the head (one cut by the head's end counts, as findall counts it)
            total += len(syl) if len(text) <= HEAD_CHARS else bisect.bisect_left(syl.starts, HEAD_CHARS)
        total -= len(_DIGITS_FAST.findall(head))
        marked += len((_MARKED_WORD if _ODD_MARK.search(head) else _MARKED_FAST).findall(head))
    return total > 0 and marked / total >= DIACRITIC_SHARE


def syllables_of(term: str) -> list[list[str]]:
    """The syllable sequences a term stands for, lower-cased NFC ("[số]" gives two variants)."""
    text = normalize_text(term).lower()
    variants = [""]
    pos = 0
    for m in _OPTIONAL.finditer(text):
        before = text[pos:m.start()]
        variants = [v + before for v in variants] + [v + before + " " + m.group(1) + " " for v in variants]
        pos = m.end()
    variants = [v + text[pos:] for v in variants]
    out: list[list[str]] = []
    for v in variants:
        sylls = SYLLABLE.findall(v)
        if sylls and sylls not in out:
            out.append(sylls)
    return out


class Syllables:
    """A zone's syllables: character spans, lower-cased forms (folded on demand) and clause breaks."""

    __slots__ = ("_folded", "breaks", "ends", "exact", "starts")

    def __init__(self, starts: list[int], ends: list[int], exact: list[str], breaks: list[bool]) -> None:
        self.starts, self.ends, self.exact, self.breaks = starts, ends, exact, breaks
        self._folded: list[str] | None = None

    @property
    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = [w if w.isascii() else fast_fold(w) for w in self.exact]
        return self._folded

    @classmethod
    def of(cls, text: str) -> Syllables:
        low = text.lower()
        if len(low) != len(text):  # a rare letter whose lower case is longer: keep offsets per syllable
            spans = [m.span() for m in SYLLABLE.finditer(text)]
            exact = [text[s:e].lower() for s, e in spans]
            starts = [s for s, _ in spans]
            ends = [e for _, e in spans]
        else:  # separator, syllable, separator, ...: the running sum of lengths gives each syllable's offsets
            parts = _syllable_parts(low)
            exact = parts[1::2]
            cum = list(itertools.accumulate(map(len, parts)))
            starts = cum[0:-1:2]
            ends = cum[1::2]
        breaks = [False] * len(starts)
        for m in _BREAK.finditer(text):
            j = bisect.bisect_left(starts, m.start())
            if j < len(breaks):
                breaks[j] = True
        return cls(starts, ends, exact, breaks)

    def index_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.starts)


def _syllable_parts(text: str) -> list[str]:
    """_SYLLABLE_SPLIT.split(text), from the faster split on runs of word characters: a run of letters only (or of
    decimal digits only) is one syllable; the few other runs ("1bài", "giáo_viên", "x²") are split by
    _SYLLABLE_SPLIT in place, their leading and trailing separators ("", "_") joined to the neighbours."""
    parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    odd = [k for k in itertools.compress(range(len(words)), map(operator.not_, map(str.isalpha, words)))
           if not words[k].isdecimal()]
    for k in reversed(odd):
        at = 2 * k + 1
        sub = _SYLLABLE_SPLIT.split(parts[at])
        if len(sub) == 1:  # no syllable in the run ("___"): one separator with its neighbours
            parts[at - 1:at + 2] = [parts[at - 1] + sub[0] + parts[at + 1]]
        else:
            parts[at - 1:at + 2] = [parts[at - 1] + sub[0], *sub[1:-1], sub[-1] + parts[at + 1]]
    return parts


class Matcher:
    """One trie of all terms (exact and folded); `find` returns every term occurrence in one walk."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms: list[str] = list(terms)
        self.exact: dict[str, dict] = {}
        self.folded: dict[str, dict] = {}
        for i, term in enumerate(self.terms):
            for sylls in syllables_of(term):
                self._add(self.exact, sylls, i)
                self._add(self.folded, [fast_fold(s) for s in sylls], i)
        # the tries as `find` walks them: each node a pair (terms ending there, children by syllable)
        self._walk_exact = {s: self._pair(child) for s, child in self.exact.items()}
        self._walk_folded = {s: self._pair(child) for s, child in self.folded.items()}

    @classmethod
    def _pair(cls, node: dict) -> tuple[tuple[int, ...], dict]:
        return tuple(node.get(_END, ())), {s: cls._pair(child) for s, child in node.items() if s != _END}

    @staticmethod
    def _add(root: dict, sylls: list[str], index: int) -> None:
        node = root
        for s in sylls:
            node = node.setdefault(s, {})
        node.setdefault(_END, []).append(index)

    def spans(self, syl: Syllables, *, folded: bool) -> list[tuple[int, int, int]]:
        """Every term occurrence as (first, last, term) syllable indexes, in the walk's order: by first syllable,
        then by last, then by term (the terms ending at a node are in term order)."""
        words = syl.folded if folded else syl.exact
        root = self._walk_folded if folded else self._walk_exact
        breaks = syl.breaks
        n = len(words)
        out: list[tuple[int, int, int]] = []
        nodes = list(map(root.get, words))  # the trie node of each syllable, None where no term starts
        for i in itertools.compress(range(n), nodes):
            ends, kids = nodes[i]  # type: ignore[misc]  # compress() passes only the nodes that exist
            j = i
            while True:
                for t in ends:
                    out.append((i, j, t))
                j += 1
                if not kids or j >= n or breaks[j]:
                    break
                node = kids.get(words[j])
                if node is None:
                    break
                ends, kids = node
        return out
