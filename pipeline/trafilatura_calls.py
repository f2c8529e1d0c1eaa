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
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import Any

import trafilatura
from lxml import etree
from lxml.etree import _Element
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


def body_text(tree: _Element, url: str | None, *, fast: bool = False) -> str:
    """The body as trafilatura sees it ('' when it finds none or fails)."""
    try:
        doc: Any = trafilatura.bare_extraction(tree, url=url, options=_options(url, fast))
    except Exception:
        return ""
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
