"""The HTML parser of pipeline.extract: lxml.html's element classes, chosen in C.

``lxml.html.HTMLParser`` picks the class of every element proxy through ``HtmlElementClassLookup.lookup``, a
Python method lxml calls each time it wraps a node for Python code: about 130 calls a page at the bench (our
field readers, trafilatura's passes and its copies of the tree), 1.6% of a worker's instructions. The parser
here gives the same classes from lxml's C lookups instead: ``ElementNamespaceClassLookup`` with the tag classes
of ``HtmlElementClassLookup`` (form, input, select, textarea, label) registered for elements without a namespace,
falling back to ``ElementDefaultClassLookup`` with ``HtmlElement``, ``HtmlComment``,
``HtmlProcessingInstruction`` and ``HtmlEntity``, which is what ``HtmlElementClassLookup.lookup`` answers for
every other node. lxml's HTML parser gives lower-case tag names, so its ``name.lower()`` changes nothing here;
an element a caller creates later with an upper-case tag (``SubElement(el, "FORM")``) would be a plain
``HtmlElement`` here (nothing in the pipeline or in trafilatura does that, and no method of theirs is used).
Options are the caller's (pipeline.extract: comments and processing instructions removed).
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml import html as lxml_html


def class_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes by tag, looked up in C."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity))
    tags = lookup.get_namespace(None)
    for tag, klass in TAG_CLASSES.items():
        tags[tag] = klass
    return lookup


# lxml.html's public element classes by tag, as HtmlElementClassLookup gives them (tests/extraction/test_html_parser.py
# compares every node's class with lxml.html's own parser, so a new lxml that adds one fails there)
TAG_CLASSES = {"form": lxml_html.FormElement, "input": lxml_html.InputElement, "select": lxml_html.SelectElement,
               "textarea": lxml_html.TextareaElement, "label": lxml_html.LabelElement}


def html_parser(**options: Any) -> lxml_html.HTMLParser:
    """An lxml.html.HTMLParser with `options`, its element classes found by class_lookup."""
    parser = lxml_html.HTMLParser(**options)
    parser.set_element_class_lookup(class_lookup())
    return parser
