"""Golden tests: stored page + expected JSON per layout (Fundus style), plus the real VnExpress page."""

from __future__ import annotations

import json

import pytest

from pipeline.extract import extract_page, to_json
from pipeline.layouts import LAYOUT_DIR, load_layouts
from tests.extraction.goldens import FIXTURES, Case, fixture_cases, token_f1, vnexpress_case

CASES = fixture_cases()


def _run(case: Case) -> dict:
    doc = extract_page(case.html, case.url, source=case.source, hint=case.hint, fetched_at=case.fetched_at)
    return to_json(doc)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_fixture(case: Case) -> None:
    doc = _run(case)
    for key, want in case.expected.items():
        if key == "flags_include":
            assert set(want) <= set(doc["extraction_flags"]), doc["extraction_flags"]
        else:
            assert doc[key] == want, f"{key}: {doc[key]!r} != {want!r}"
    assert doc["text"] == "\n".join(case.gold_paragraphs or [])
    json.dumps(doc, ensure_ascii=False)  # the CLI prints it


def test_every_layout_has_a_fixture() -> None:
    covered = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    missing = sorted(set(load_layouts()) - covered)
    assert not missing, f"layouts without golden fixtures: {missing}"


def test_layout_files_are_versioned_ids() -> None:
    for path in LAYOUT_DIR.glob("*.toml"):
        assert path.stem.rsplit("-", 1)[-1].startswith("v"), path.name
    assert "gdtd-cms-v1" in load_layouts()


def test_real_vnexpress_page() -> None:
    case = vnexpress_case()
    if case is None:
        pytest.skip("../shared/real-pages not available")
    doc = _run(case)
    assert doc["title"] == case.expected["title"]
    assert doc["author"] == "Lê Phương"
    assert doc["published_at"].startswith("2025-10-22")
    assert doc["date_source"] == "meta"
    assert doc["lead"] == case.expected["lead"]
    assert token_f1(doc["text"], "\n".join(case.gold_paragraphs or [])) >= 0.9
    assert "Lê Phương" not in doc["text"]  # the byline is not body text
    assert doc["language"] == "vi" and doc["format"] == "article"


def test_real_vnexpress_page_without_layout_hint() -> None:
    """Layout detection by its selectors works for a copy of the page served from another host."""
    case = vnexpress_case()
    if case is None:
        pytest.skip("../shared/real-pages not available")
    doc = to_json(extract_page(case.html, "http://127.0.0.1:9/article.html"))
    assert doc["layout"] == "vnexpress-v1"
    assert token_f1(doc["text"], "\n".join(case.gold_paragraphs or [])) >= 0.9


def test_vnexpress_section_page_date() -> None:
    """htmldate's evaluation page: expected publication date 2023-11-02."""
    from tests.extraction.goldens import REAL_PAGES

    page = REAL_PAGES / "vnexpress-kinh-doanh.html"
    if not page.exists():
        pytest.skip("../shared/real-pages not available")
    doc = to_json(extract_page(page.read_bytes(), "https://vnexpress.net/kinh-doanh"))
    assert doc["published_at"].startswith("2023-11-02")


def test_content_hash_ignores_unicode_form_and_tone_style() -> None:
    case = next(c for c in CASES if c.name == "baoprovince-v1/nfd-boi-duong-2961")
    nfd = extract_page(case.html, case.url, source=case.source)
    nfc = extract_page(case.html.decode("utf-8"), case.url, source=case.source)
    assert nfd["content_hash"] == nfc["content_hash"]
    assert nfd["text"] == nfc["text"]


def test_garbage_input_does_not_raise() -> None:
    for junk in (b"", b"\x00\xff\xfe garbage", "<html>", "plain text, no markup"):
        doc = extract_page(junk, "https://x.invalid/a")
        assert isinstance(doc["text"], str)
        assert doc["extraction_quality"] < 0.4, junk  # junk is never mistaken for a good article
        assert doc["language"] == "unknown" and "no_title" in doc["extraction_flags"], doc["extraction_flags"]
        if junk in (b"", "<html>"):
            assert doc["text"] == "" and "empty_text" in doc["extraction_flags"]


def test_unknown_layout_in_registry_is_flagged_not_fatal() -> None:
    case = next(c for c in CASES if c.name == "gdtd-cms-v1/post464262")
    doc = extract_page(case.html, case.url, source={"layout": "gdtd-cms-v9"})
    assert "unknown_layout" in doc["extraction_flags"]
    assert doc["layout"] == "gdtd-cms-v1"  # detected instead


def test_generic_switch_turns_layouts_off() -> None:
    case = next(c for c in CASES if c.name == "gdtd-cms-v1/post464262")
    doc = extract_page(case.html, case.url, source={"layout": "generic"})
    assert doc["layout"] is None and "generic_layout" in doc["extraction_flags"]
    assert doc["published_at"] is not None


def test_listing_page_is_flagged_low_quality() -> None:
    items = "".join(
        f'<div class="item"><h3><a href="/bai-{i}.html">Tin giáo dục số {i} về giáo viên mầm non</a></h3>'
        f"<p>Tóm tắt tin số {i}: các địa phương triển khai bồi dưỡng giáo viên và cán bộ quản lý.</p></div>"
        for i in range(12)
    )
    doc = extract_page(f"<html><body><h1>Giáo dục</h1>{items}</body></html>", "https://x.vn/giao-duc/")
    assert "listing_like" in doc["extraction_flags"]
    assert doc["extraction_quality"] < 0.4
