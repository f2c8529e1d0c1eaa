"""Article vs report ("phóng sự chuyên đề"): the rules of pipeline.fmt (docs/extraction.md)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from pipeline.fmt import detect_format

LONG = "Nội dung bài viết dài. " * 120
SHORT = "Nội dung ngắn đi kèm video."


def _tree(body: str, head: str = ""):
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


YT = '<iframe src="https://www.youtube.com/embed/abc"></iframe>'
VTV = '<iframe src="https://vtv.vn/embed/123"></iframe>'
VIDEO = '<video controls><source src="/a.mp4"></video>'
AUDIO = '<audio controls src="/a.mp3"></audio>'


@pytest.mark.parametrize(
    ("name", "body", "head", "kw", "expected"),
    [
        ("genre word in title", "", "", {"title": "Phóng sự: Cô giáo vùng cao", "text": LONG}, "report"),
        ("ky su in lead", "", "", {"title": "Cô giáo vùng cao", "lead": "Ký sự về giáo viên", "text": LONG}, "report"),
        ("player + tv source", VIDEO, "", {"title": "Tin giáo dục", "text": LONG, "source": {"kind": "tv"}}, "report"),
        ("audio + radio source", AUDIO, "", {"title": "Bản tin", "text": LONG, "source": {"kind": "radio"}}, "report"),
        ("youtube + 'video' in title", YT, "", {"title": "Video: Lớp học mầm non", "text": LONG}, "report"),
        ("vtv iframe + short text", VTV, "", {"title": "Giáo viên mầm non", "text": SHORT}, "report"),
        ("og:type video + short text", "", '<meta property="og:type" content="video.other">',
         {"title": "Giáo viên", "text": SHORT}, "report"),
        ("player + /video/ URL", VIDEO, "", {"title": "Giáo viên", "text": LONG, "url": "https://x.vn/video/a-1.html"},
         "report"),
        ("incidental clip in long article", YT, "", {"title": "Giáo viên mầm non thiếu", "text": LONG}, "article"),
        ("tv text news without player", "", "",
         {"title": "Tuyển dụng giáo viên", "text": LONG, "source": {"kind": "tv"}}, "article"),
        ("plain article", "<p>x</p>", "", {"title": "Ban hành kế hoạch", "text": LONG}, "article"),
        ("'video' word alone, no player", "", "", {"title": "Xem video hướng dẫn", "text": LONG}, "article"),
        ("ad iframe is not a player", '<iframe src="https://ads.example/banner.html"></iframe>', "",
         {"title": "Giáo viên", "text": SHORT}, "article"),
    ],
)
def test_format_rules(name: str, body: str, head: str, kw: dict, expected: str) -> None:
    fmt, evidence = detect_format(_tree(body, head), **kw)
    assert fmt == expected, evidence
    assert evidence


def test_longform_layout_with_video_word() -> None:
    tree = _tree('<div class="emagazine"><p>x</p></div>')
    layout = {"format": {"longform": [".emagazine"]}}
    assert detect_format(tree, title="Emagazine: Video hành trình", text=LONG, layout=layout)[0] == "report"
    assert detect_format(tree, title="Hành trình", text=LONG, layout=layout)[0] == "article"


def test_layout_player_selector() -> None:
    tree = _tree('<div class="video-detail"><div class="player"><video></video></div></div>')
    layout = {"format": {"player": [".video-detail .player video"]}}
    fmt, evidence = detect_format(tree, title="Giáo viên", text=LONG, layout=layout, source={"kind": "tv"})
    assert fmt == "report" and "layout player" in evidence


def test_without_tree() -> None:
    assert detect_format(None, title="Phóng sự chuyên đề về Đề án 33")[0] == "report"
    assert detect_format(None, title="Tin tức")[0] == "article"
