"""The matcher's former forms, kept for tests only: occurrences as named tuples, the dictionary-trie walk and a
sort-based leftmost-longest. Production matching is `Matcher.spans` with leftmost-longest done inline in
`classifiers.scoring.match_zones`; tests/classify/test_speed_paths.py compares it with these."""

from __future__ import annotations

from typing import NamedTuple

from classifiers.matcher import _END, Matcher, Syllables


class Found(NamedTuple):
    """A term occurrence in a zone's syllables."""

    term: int      # index into Matcher.terms
    first: int     # syllable index of the first syllable
    last: int      # syllable index of the last syllable
    start: int     # character offsets in the zone text
    end: int


def spans_found(m: Matcher, syl: Syllables, *, folded: bool) -> list[Found]:
    """The production walk's occurrences (`Matcher.spans`) as Found tuples."""
    return [Found(t, i, j, syl.starts[i], syl.ends[j]) for i, j, t in m.spans(syl, folded=folded)]


def dictionary_walk(m: Matcher, syl: Syllables, *, folded: bool) -> list[Found]:
    """Matcher.find as it was: a walk over the dictionary tries."""
    words = syl.folded if folded else syl.exact
    root = m.folded if folded else m.exact
    out = []
    for i in range(len(words)):
        node, j = root.get(words[i]), i
        while node is not None:
            for t in node.get(_END, []):
                out.append(Found(t, i, j, syl.starts[i], syl.ends[j]))
            j += 1
            if j >= len(words) or syl.breaks[j]:
                break
            node = node.get(words[j])
    return out


def leftmost_longest(found: list[Found]) -> list[Found]:
    """Non-overlapping occurrences, longest first at each position."""
    kept: list[Found] = []
    upto = -1
    for f in sorted(found, key=lambda f: (f.first, -f.last)):
        if f.first > upto:
            kept.append(f)
            upto = f.last
    return kept
