"""The two trafilatura calls of pipeline.extract, made cheaper without changing what they return.

- ``body_text``: ``bare_extraction`` with an ``Extractor`` built once per process (building one per call reads
  its ConfigParser settings every time: about a tenth of trafilatura's time on a news page) and copied for
  each page's URL. Options: comments off, no metadata, tables on, python output; ``fast`` skips trafilatura's
  comparison with readability/justext (about a quarter of its time). pipeline.extract asks for it on pages
  that do not look like a listing: on the 1,439 pages of the before/after dump of docs/performance.md
  (demo site, ../shared/real-pages, test fixtures, bench pages) every article's output stayed the same; only
  section pages changed.
- ``author``: ``trafilatura.metadata.extract_author`` copies the whole tree, prunes it and runs three XPath
  scans over it. Every condition of those XPaths is about an element's own tag or attributes (or a <rel>
  child), and pruning only removes elements, so a page none of whose attribute values or tags carry any of
  their words cannot give an author: one scan over the attributes answers those pages without the copy.
- the page measure of trafilatura's recall escalation (``page_measure``): on an extraction shorter than 3,000
  characters, ``trafilatura.core.trafilatura_sequence`` escalates when it covers less than a fifth of the page
  text, measured by ``len(html2txt(tree))`` (a copy of the tree, cleaned, spaced at every block element, its text
  collapsed: 0.15 ms a page). An upper bound of that length from the tree as it is (its text, plus two spaces for
  every element) answers most pages: when the extraction is at least a fifth of the bound, it is at least a fifth
  of the measure, and the gate stays shut whatever the exact measure; the measure itself is taken only otherwise.
  During ``body_text``'s call the gate's module sees ``page_measure`` as its ``html2txt``; it returns the real
  measure except where the bound shuts the gate, and there "" (a length of 0 shuts it as well).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from operator import attrgetter
from typing import Any

import trafilatura
import trafilatura.core as _core
from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.baseline import html2txt
from trafilatura.settings import Extractor


@lru_cache(maxsize=2)
def _template(fast: bool) -> Extractor:
    return Extractor(output_format="python", fast=fast, comments=False, tables=True, with_metadata=False)


# Extractor keeps its settings in slots: a copy is a new instance given the template's values (copy.copy goes
# through __reduce_ex__ and a state dict: three times as long).
_SLOTS = tuple(name for klass in Extractor.__mro__ for name in getattr(klass, "__slots__", ()))
_VALUES = attrgetter(*_SLOTS)


def _options(url: str | None, fast: bool) -> Extractor:
    """The template's copy for one page (copy.copy of it, with the page's URL)."""
    template = _template(fast)
    options = Extractor.__new__(Extractor)
    for name, value in zip(_SLOTS, _VALUES(template), strict=True):
        setattr(options, name, value)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")  # as Extractor.__init__ does
    return options


# The trafilatura whose escalation gate page_measure was written for (tests/extraction/test_escalation_measure.py
# checks its source); any other version keeps html2txt as it is.
MEASURED_VERSION = "2.3.1"
SHORTCUT = trafilatura.__version__ == MEASURED_VERSION
_GATE_CODE = _core.trafilatura_sequence.__code__
_ELEMENTS = etree.XPath("count(descendant-or-self::*)")
_TEXT = etree.XPath("string()", smart_strings=False)
# What lxml refuses to store as an element's text or tail (html2txt raises there, so the gate's caller fails):
# a page whose text holds any of them gets the real measure.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def measure_bound(tree: _Element) -> int | None:
    """An upper bound of len(html2txt(tree)), or None where html2txt may raise. html2txt takes the first <body>
    (else the tree), removes elements (keeping their tails: no character is added), drops some control characters,
    puts one space before the text and one before the tail of every block element, and collapses the spaces of the
    text: at most the body's text plus two characters an element."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    text = _TEXT(body)
    if _UNSTORABLE.search(text):
        return None
    return len(text) + 2 * int(_ELEMENTS(body))


def page_measure(tree: _Element) -> str:
    """html2txt(tree) for the escalation gate of trafilatura_sequence (module docstring): "" when the extraction
    already made (the gate's ``temp_text``) is at least ESCALATION_PAGE_SHARE of the bound, which shuts the gate
    as the real measure would; the real measure otherwise, and for any other caller."""
    caller = sys._getframe(1)
    if caller.f_code is _GATE_CODE and isinstance(tree, HtmlElement):
        extracted = caller.f_locals.get("temp_text")
        if isinstance(extracted, str) and extracted:
            bound = measure_bound(tree)
            if bound is not None and len(extracted) >= _core.ESCALATION_PAGE_SHARE * bound:
                return ""
    return html2txt(tree)


def body_text(tree: _Element, url: str | None, *, fast: bool = False) -> str:
    """The body as trafilatura sees it ('' when it finds none or fails)."""
    previous = _core.html2txt
    if SHORTCUT:
        _core.html2txt = page_measure  # type: ignore[assignment]  # the same gate decisions (module docstring)
    try:
        doc: Any = trafilatura.bare_extraction(tree, url=url, options=_options(url, fast))
    except Exception:
        return ""
    finally:
        _core.html2txt = previous
    text = getattr(doc, "text", None) if doc is not None else None
    if isinstance(doc, dict):
        text = doc.get("text")
    return text or ""


# Every word the author XPaths of trafilatura.xpaths.AUTHOR_XPATHS test attribute values against (their
# regexes and equality tests, case-insensitively: a superset), and the tags they match on name alone.
_AUTHOR_WORDS = re.compile(
    r"author|byl|bbl|username|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name|"
    r"screenname|writer",
    re.I,
)
_ATTRS = "//@rel|//@id|//@class|//@itemprop|//@data-testid|//@data-component"
_ATTR_VALUES = etree.XPath(_ATTRS, smart_strings=False)  # plain strings: a quarter less time on a big page


def may_have_author(tree: _Element) -> bool:
    """False only when trafilatura's author XPaths cannot match anything in this tree."""
    if tree.find(".//author") is not None or tree.find(".//rel") is not None:
        return True
    values = _ATTR_VALUES(tree)
    return bool(values) and _AUTHOR_WORDS.search("\n".join(values)) is not None


def author(tree: _Element) -> str | None:
    """trafilatura.metadata.extract_author(tree), answered at once on pages that cannot have one."""
    if not may_have_author(tree):
        return None
    from trafilatura.metadata import extract_author

    return extract_author(tree)
