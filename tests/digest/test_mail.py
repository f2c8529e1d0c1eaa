"""The saved .eml: multipart/alternative (text/plain + multipart/related(text/html + image/png)),
UTF-8, encoded headers, the chart referenced by Content-ID."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

import pytest

from pipeline.digest.mail import build_message, header_value

SUBJECT = "[planwatch] Tuần 2022-W37 · Kế hoạch 661/KH-BGDĐT: đạt 0/6 chỉ tiêu (4/20 bài báo, 1/8 phóng sự)"


def parse(raw: bytes) -> EmailMessage:
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def parts(msg: EmailMessage) -> list[EmailMessage]:
    found = list(msg.iter_parts())
    assert all(isinstance(p, EmailMessage) for p in found)
    return found  # type: ignore[return-value]


def check_digest_message(msg: EmailMessage) -> None:
    """Shared by the SMTP tests: what a recipient gets."""
    assert msg["Subject"] == SUBJECT
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = parts(msg)
    assert plain.get_content_type() == "text/plain" and plain.get_content_charset() == "utf-8"
    assert related.get_content_type() == "multipart/related"
    html_part, image = parts(related)
    assert html_part.get_content_type() == "text/html" and html_part.get_content_charset() == "utf-8"
    assert image.get_content_type() == "image/png"
    cid = image["Content-ID"].strip("<>")
    html = html_part.get_content()
    assert f'src="cid:{cid}"' in html
    assert image.get_content()[:8] == b"\x89PNG\r\n\x1a\n"
    text = plain.get_content()
    assert "4/20" in text and "1/8" in text and "Chậm tiến độ" in text
    assert "Tiến độ theo hoạt động" in html and "&lt;script&gt;" in html and "<script" not in html


@pytest.fixture
def files(w37_digest):
    return w37_digest


def test_files_written(files):
    names = sorted(p.name for p in files.eml.parent.iterdir())
    stem = "661-KH-BGDDT-2022-2022-W37"
    assert names == [f"{stem}.eml", f"{stem}.html", f"{stem}.png", f"{stem}.txt"]
    assert files.subject == SUBJECT
    assert f'src="{stem}.png"' in files.html.read_text(encoding="utf-8")  # the copy on disk opens in a browser
    assert files.txt.read_text(encoding="utf-8").startswith("BẢN TIN TIẾN ĐỘ TRUYỀN THÔNG — TUẦN 2022-W37")


def test_eml_structure_and_headers(files):
    raw = files.eml.read_bytes()
    msg = parse(raw)
    check_digest_message(msg)
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()  # encoded words, no raw UTF-8 in headers
    assert b"evil@example.com" not in head and b"Bcc" not in head
    assert b"=?utf-8?" in head.lower()
    assert msg["Content-Language"] == "vi" and msg["Auto-Submitted"] == "auto-generated"


def test_headers_never_carry_cr_lf():
    assert header_value("a\r\nBcc: x@y\n z") == "a Bcc: x@y z"
    msg = build_message(subject="Tuần\r\nBcc: evil@example.com", text="t", html="<p>h</p>", png=None,
                        content_id=None, sender="planwatch <p@example.org>", recipients=["a@example.org\r\nX: y"])
    raw = msg.as_bytes()
    parsed = parse(raw)
    assert parsed["Bcc"] is None and parsed["X"] is None
    assert parsed["Subject"] == "Tuần Bcc: evil@example.com"
