"""The extractor's HTML parser (pipeline.html_parser, issue 16: full16) gives every node the class lxml.html's own
parser gives it, with the class lookup done in C: the same trees, so the same extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from pipeline import extract
from pipeline.html_parser import html_parser

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[2] / "shared"

# every tag lxml.html gives a class of its own, in the cases the HTML parser writes, with a comment, a processing
# instruction and entities around them
FORMS = (b"<html><head><title>t</title><!-- c --></head><body><?pi x?><FORM action='/'><Input name=a value=1>"
         b"<select name=s><option>x</option></select><TEXTAREA>t</TEXTAREA><label for=a>L</label></form>"
         b"<p>&amp; &nbsp; &#x1EA1;</p><svg><path d='M0'/></svg><math><mi>x</mi></math></body></html>")


def _pages() -> list[bytes]:
    pages = [FORMS, b"<p>only a fragment</p>", b"<html><body></body></html>"]
    pages += [p.read_bytes() for p in sorted((TESTS / "fixtures").rglob("*.html"))]
    if (SHARED / "real-pages").exists():
        pages += [p.read_bytes() for p in sorted((SHARED / "real-pages").rglob("*.html"))]
    return pages


@pytest.mark.parametrize("options", [{}, {"remove_comments": True, "remove_pis": True}])
def test_every_node_gets_lxml_htmls_class(options: dict[str, bool]) -> None:
    pages = _pages()
    assert len(pages) > 20
    kinds: set[str] = set()
    for page in pages:
        ours = lxml_html.document_fromstring(page, parser=html_parser(**options))
        theirs = lxml_html.document_fromstring(page, parser=lxml_html.HTMLParser(**options))
        assert [(type(n), n.tag) for n in ours.iter()] == [(type(n), n.tag) for n in theirs.iter()]
        assert lxml_html.tostring(ours) == lxml_html.tostring(theirs)
        kinds |= {type(n).__name__ for n in ours.iter()}
    assert {"FormElement", "InputElement", "SelectElement", "TextareaElement", "LabelElement"} <= kinds
    if not options:
        assert "HtmlComment" in kinds  # (lxml's HTML parser keeps no processing instruction: "<?pi x?>" is dropped)


def test_copies_keep_the_classes() -> None:
    """trafilatura copies the tree it is given (copy.copy): the copy looks its classes up the same way."""
    from copy import copy, deepcopy

    tree = lxml_html.document_fromstring(FORMS, parser=extract._PARSER)
    for twin in (copy(tree), deepcopy(tree)):
        assert [type(n) for n in twin.iter()] == [type(n) for n in tree.iter()]
        assert isinstance(twin, lxml_html.HtmlElement)


def test_extract_page_is_the_same_with_lxml_htmls_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages()
    ours = [extract.extract_page(page, f"https://example.vn/bai-{i}.html") for i, page in enumerate(pages)]
    monkeypatch.setattr(extract, "_PARSER", lxml_html.HTMLParser(remove_comments=True, remove_pis=True))
    theirs = [extract.extract_page(page, f"https://example.vn/bai-{i}.html") for i, page in enumerate(pages)]
    assert ours == theirs
