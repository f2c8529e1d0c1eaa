"""A cheap "cannot match" test for the layouts' detect selectors, so layout detection on a page of an
unknown outlet does not scan the whole tree once per layout.

A selector made only of tag names, ``.class`` and ``#id`` parts and combinators (no attribute tests, no
pseudo-classes) can only match when every class and id it names is present somewhere in the page. The
page's classes and ids come from two attribute scans; a class attribute is split on every whitespace
character (at least what CSS splits on), so the test never rejects a selector that could match. Anything
else (``[href]``, ``:not()``, a selector this module cannot read) is always "may match".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.etree import _Element

_PLAIN = re.compile(r"^[\w\s.#>+~*,-]+$")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
# Plain strings, not lxml's "smart" ones (each remembers its element): half the time on a big page, same values
_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)
_ID_VALUES = etree.XPath("//@id", smart_strings=False)


@dataclass(frozen=True)
class Needs:
    """Per alternative of a selector list: the classes and ids it requires (None: cannot tell)."""
    alternatives: tuple[tuple[frozenset[str], frozenset[str]], ...] | None


@lru_cache(maxsize=1024)
def needs(selector: str) -> Needs:
    if not _PLAIN.match(selector):
        return Needs(None)
    alternatives = []
    for part in selector.split(","):
        alternatives.append((frozenset(_CLASS.findall(part)), frozenset(_ID.findall(part))))
    return Needs(tuple(alternatives))


class PageTokens:
    """The classes and ids present in a tree (read once, on first use)."""

    def __init__(self, tree: _Element) -> None:
        self._tree = tree
        self._classes: set[str] | None = None
        self._ids: set[str] | None = None

    def _load(self) -> tuple[set[str], set[str]]:
        if self._classes is None or self._ids is None:
            self._classes = set(" ".join(_CLASS_VALUES(self._tree)).split())
            self._ids = set(_ID_VALUES(self._tree))
        return self._classes, self._ids

    def may_match(self, selector: str) -> bool:
        alternatives = needs(selector).alternatives
        if alternatives is None:
            return True
        classes, ids = self._load()
        return any(c <= classes and i <= ids for c, i in alternatives)
