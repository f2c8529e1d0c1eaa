"""The page measure of trafilatura's recall escalation (pipeline.trafilatura_calls.page_measure, issue 16): its
bound is never below html2txt's length, and body_text escalates the same pages and returns the same text with the
shortcut as with html2txt itself (real pages, test pages, and pages built to sit on either side of the gate)."""

from __future__ import annotations

import inspect
import random
from pathlib import Path
from typing import Any

import pytest
import trafilatura
import trafilatura.core as core
from lxml import html as lxml_html
from trafilatura.baseline import html2txt

from pipeline import trafilatura_calls
from pipeline.trafilatura_calls import body_text, measure_bound

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
PAGES = sorted([*(REPO / "tests" / "extraction" / "fixtures").rglob("*.html"), *(SHARED / "real-pages").rglob("*.html"),
                *sorted((REPO / "data" / "demo" / "site").rglob("*.html"))[:60]])
WORDS = ["giáo", "dục", "mầm", "non", "trường", "lớp", "học", "sinh", "viên", "đề", "án", "chương", "trình", "năm",
         "tỉnh", "thành", "phố"]


def _prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _built_pages() -> list[str]:
    """Short articles on pages with much other text (the gate opens) and long ones (it stays shut), minified or
    spaced, with the elements html2txt removes (their tails kept), control characters it drops, and characters
    lxml refuses to store (html2txt raises)."""
    rng = random.Random(16)
    pages = []
    for i in range(60):
        article = "".join(f"<p>{_prose(rng, rng.randint(5, 60))}</p>" for _ in range(rng.randint(1, 12)))
        other = "".join(
            rng.choice([f"<li><a href='/x{j}'>{_prose(rng, 6)}</a></li>", f"<div class='box'>{_prose(rng, 30)}</div>",
                        f"<aside>{_prose(rng, 20)}</aside>tail{j}", f"<script>var a{j} = 1;</script>{_prose(rng, 3)}",
                        f"<div class='footer'>{_prose(rng, 10)}</div>", f"<span>{_prose(rng, 4)}</span>",
                        "<p>a\x01b\u200bc</p>", "<td>x</td><td>y</td>"])
            for j in range(rng.choice([0, 5, 40, 200])))
        sep = "\n" if i % 2 else ""
        pages.append(f"<html><head><title>Bài {i}</title></head><body>{sep}<div class='menu'><ul>{other}</ul></div>"
                     f"{sep}<article><h1>Tiêu đề {i}</h1>{sep}{article}</article>{sep}<footer>{_prose(rng, 8)}</footer>"
                     "</body></html>")
    pages.append("<html><body><article><p>" + _prose(rng, 80) + "\x0b</p></article><div>" + _prose(rng, 900) +
                 "</div></body></html>")
    pages.append("<html><body><article><p>" + _prose(rng, 80) + "</p></article><p>x\x1cy</p></body></html>")
    pages.append("<div><p>" + _prose(rng, 80) + "</p><body><p>" + _prose(rng, 10) + "</p></body></div>")  # no <html>
    return pages


def _trees() -> list[Any]:
    return [*(lxml_html.document_fromstring(p.read_bytes()) for p in PAGES),
            *(lxml_html.document_fromstring(p) for p in _built_pages())]


def test_the_gate_is_the_one_the_shortcut_was_written_for() -> None:
    """page_measure answers for one expression of trafilatura 2.3.1: a trafilatura that changes it must be read
    again (the shortcut is off for any other version)."""
    assert trafilatura.__version__ == trafilatura_calls.MEASURED_VERSION and trafilatura_calls.SHORTCUT
    source = "\n".join(line for line in inspect.getsource(core.trafilatura_sequence).splitlines()
                       if not line.strip().startswith("#"))
    assert source.count("html2txt") == 1
    assert "0 < len(temp_text) < ESCALATION_MAX_LENGTH\n        and len(temp_text) < ESCALATION_PAGE_SHARE * " \
           "len(html2txt(tree))" in source
    assert core.html2txt is html2txt


def test_the_bound_is_never_below_the_measure() -> None:
    bounded = unknown = 0
    for tree in _trees():
        bound = measure_bound(tree)
        try:
            measure = len(html2txt(tree))
        except ValueError:
            assert bound is None  # html2txt raises there: the real one is called
            unknown += 1
            continue
        if bound is not None:
            assert bound >= measure
            bounded += 1
    assert bounded > 100 and unknown >= 1


def _runs(monkeypatch: pytest.MonkeyPatch, shortcut: bool) -> tuple[list[str], list[int], int]:
    """body_text of every tree, the recall retries it made for each, and the real measures taken."""
    monkeypatch.setattr(trafilatura_calls, "SHORTCUT", shortcut)
    retries = [0]
    measures = [0]
    retry = core._recall_retry

    def counted_retry(*args: Any) -> Any:
        retries[0] += 1
        return retry(*args)

    def counted_measure(tree: Any) -> str:
        measures[0] += 1
        return html2txt(tree)

    monkeypatch.setattr(core, "_recall_retry", counted_retry)
    monkeypatch.setattr(trafilatura_calls, "html2txt", counted_measure)  # what page_measure calls
    monkeypatch.setattr(core, "html2txt", counted_measure)  # what the gate calls without the shortcut
    texts, per_page = [], []
    for tree in _trees():
        before = retries[0]
        texts.append(body_text(tree, "https://example.vn/bai.html", fast=True))
        per_page.append(retries[0] - before)
        assert core.html2txt is counted_measure  # put back after each call
    return texts, per_page, measures[0]


def test_body_text_escalates_the_same_pages_with_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    plain_texts, plain_retries, plain_measures = _runs(monkeypatch, False)
    texts, retries, measures = _runs(monkeypatch, True)
    assert retries == plain_retries and texts == plain_texts
    assert sum(plain_retries) >= 5  # some pages open the gate ...
    assert measures < plain_measures / 2  # ... and most are answered by the bound


def test_options_are_a_copy_of_the_template_with_the_url() -> None:
    import copy

    for fast in (True, False):
        template = trafilatura_calls._template(fast)
        mine = trafilatura_calls._options("https://example.vn/bài-1.html", fast)
        former = copy.copy(template)
        former.url = former.source = "https://example.vn/bài-1.html"
        assert mine is not template and type(mine) is type(former)
        slots = trafilatura_calls._SLOTS
        assert len(slots) >= 27
        assert [getattr(mine, n) for n in slots] == [getattr(former, n) for n in slots]
        assert template.url is None  # the template is left as it was
