"""normalize_text (stored text) agrees with underthesea.text_normalize on tone placement, without its
re-spacing of punctuation; and the 'hoặc' fix: closed syllables keep their tone where it is."""

from __future__ import annotations

import re

import pytest
import underthesea

from pipeline.normalize import normalize_text

SAMPLES = [
    "Thuý hoà hoặc khoẻ, quý.",
    "Toà án xoá bỏ; loạt bài về Đề án 33 (năm học 2022-2023).",
    "Chương trình giáo dục mầm non: hoạt động trải nghiệm, xoắn ốc.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_same_words_as_underthesea(text: str) -> None:
    words = re.findall(r"\w+", normalize_text(text))
    assert words == re.findall(r"\w+", underthesea.text_normalize(text))
    assert normalize_text(text).count(" ,") == 0  # punctuation is not re-spaced


@pytest.mark.parametrize(
    ("text", "expected"),
    [("hoặc", "hoặc"), ("Hoặc", "Hoặc"), ("xoắn", "xoắn"), ("hoạt", "hoạt"), ("hoà", "hòa"), ("thuý", "thúy")],
)
def test_tone_placement(text: str, expected: str) -> None:
    assert normalize_text(text) == expected
