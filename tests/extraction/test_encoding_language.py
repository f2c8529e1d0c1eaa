"""Decoding (HTTP/meta charset, windows-1258, NFD), legacy fonts (TCVN3, VNI) and language detection."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.encoding import (
    charset_from_content_type,
    decode_html,
    detect_legacy,
    repair_double_utf8,
    sniff_meta_charset,
    tcvn3_to_unicode,
)
from pipeline.extract import extract_page
from pipeline.language import detect_language

VI = (
    "Bộ Giáo dục và Đào tạo vừa ban hành kế hoạch truyền thông về Đề án đào tạo, bồi dưỡng giáo viên mầm non. "
    "Theo kế hoạch, các cơ quan báo chí sẽ thực hiện nhiều tin, bài và phóng sự chuyên đề trong năm 2022 để "
    "tuyên truyền chủ trương của Đảng, chính sách của Nhà nước về phát triển đội ngũ nhà giáo."
)
EN = (
    "The Ministry of Education and Training has issued a communication plan for the project on training "
    "preschool teachers. Under the plan, the press will publish a number of articles and special reports in "
    "2022 to explain the policies of the Party and the State on the development of teachers."
)


def test_windows_1258_declared_in_meta() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
    data = page.encode("ascii") + b"<body>Gi" + b"a\xeco du\xf2c</body></html>"  # cp1258 bytes
    text, codec, flags = decode_html(data)
    assert codec == "cp1258" and not flags
    assert "Giáo dục" in text and unicodedata.is_normalized("NFC", text)


def test_http_charset_wins_and_utf8_is_default() -> None:
    body = "<html><body>Giáo dục</body></html>"
    assert decode_html(body.encode("utf-8"))[1] == "utf-8"
    assert decode_html(body.encode("utf-8"), "text/html; charset=UTF-8")[1] == "utf-8"
    _text, codec, _flags = decode_html(body.encode("utf-8"), "text/html; charset=windows-1258")
    assert codec == "cp1258"  # the server said so; bytes decode without error in cp1258
    assert charset_from_content_type("text/html; charset=windows-1258") == "cp1258"
    assert sniff_meta_charset(b'<meta charset="utf-8">') == "utf-8"


def test_undecodable_declared_charset_falls_back() -> None:
    data = "<html><body>Giáo dục</body></html>".encode()
    _text, codec, flags = decode_html(b"\x81\x8d" + data, "text/html; charset=ascii")
    assert codec == "cp1258" and "encoding_fallback" in flags


def test_nfd_page_comes_out_nfc() -> None:
    page = unicodedata.normalize("NFD", f"<html><body><h1>Đề án 33</h1><p>{VI}</p></body></html>")
    doc = extract_page(page.encode("utf-8"), "https://x.vn/a.html")
    assert doc["title"] == "Đề án 33"
    assert unicodedata.is_normalized("NFC", doc["text"])


def test_tcvn3_known_string() -> None:
    assert tcvn3_to_unicode("Bé Gi¸o dôc vµ §µo t¹o") == "Bộ Giáo dục và Đào tạo"
    assert tcvn3_to_unicode("Thùc hiÖn kÕ ho¹ch") == "Thực hiện kế hoạch"
    assert detect_legacy("Bé Gi¸o dôc vµ §µo t¹o ban hµnh kÕ ho¹ch truyÒn th«ng") == "tcvn3"


def test_vni_detected_not_unicode() -> None:
    vni = "Boä Giaùo duïc vaø Ñaøo taïo ban haønh keá hoaïch truyeàn thoâng ñeà aùn"
    assert detect_legacy(vni) == "vni"
    assert detect_legacy(VI) is None
    assert detect_legacy(EN) is None


def test_double_utf8_repair() -> None:
    def as_cp1252(b: int) -> str:
        try:
            return bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(b)

    broken = "".join(as_cp1252(b) for b in VI.encode("utf-8"))
    fixed, repaired = repair_double_utf8(broken)
    assert repaired
    assert "Giáo dục" in fixed
    assert repair_double_utf8(VI) == (VI, False)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (VI, "vi"),
        (EN, "en"),
        ("de an 33 dao tao boi duong giao vien mam non cua bo giao duc va dao tao duoc trien khai trong nhung "
         "nam qua voi nhieu ket qua tich cuc tai cac dia phuong", "vi"),
        ("nha cai uy tin keo nha cai ty le keo casino online slot game no hu " * 8, "unknown"),
        ("casino casino slot slot bet bet " * 30, "unknown"),
        ("Đề án 33", "unknown"),  # too short to tell
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_detect_language(text: str | None, lang: str) -> None:
    assert detect_language(text) == lang


def test_underthesea_text_normalize_is_not_applied_to_stored_text() -> None:
    """underthesea.text_normalize inserts spaces around punctuation; stored text keeps the original."""
    doc = extract_page(f"<html><body><h1>Tiêu đề</h1><p>{VI}</p></body></html>", "https://x.vn/a.html")
    assert "giáo viên mầm non." in doc["text"] and " ." not in doc["text"]


def test_vietnamese_spam_with_diacritics_is_not_vi() -> None:
    spam = (
        "Nhà cái uy tín hàng đầu Việt Nam, tặng ngay 100 nghìn khi đăng ký tài khoản cá cược. Chơi nổ hũ, "
        "tài xỉu, game bài đổi thưởng với tỷ lệ trả thưởng cao nhất. Nạp tiền nhanh, rút tiền trong 5 phút, "
        "hỗ trợ 24/7 cho mọi người chơi tại nhà cái."
    )
    assert detect_language(spam) == "unknown"


def test_formal_vietnamese_with_few_function_words_is_vi() -> None:
    text = (
        "Những nội dung chính của Đề án đào tạo, bồi dưỡng nhà giáo mầm non giai đoạn 2018-2025. Đề án xác định "
        "các nhóm nhiệm vụ: đào tạo, đào tạo lại giáo viên mầm non; bồi dưỡng thường xuyên; bồi dưỡng cán bộ "
        "quản lý; nâng cao năng lực cơ sở đào tạo giáo viên mầm non; hoàn thiện chính sách."
    )
    assert detect_language(text) == "vi"
