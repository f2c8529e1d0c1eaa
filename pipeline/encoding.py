"""Decoding fetched bytes into text, and spotting Vietnamese legacy-font text (TCVN3, VNI).

Order for bytes: a BOM, then the charset the HTTP response declared, then a ``<meta charset>`` /
``http-equiv`` declaration in the first 4 KB, then UTF-8; when the chosen codec fails strictly we fall back
to windows-1258 (Python ``cp1258``), the legacy Vietnamese Windows code page, and flag it. Every result is
NFC: windows-1258 decodes tones as combining marks, and some outlets serve NFD.

Legacy fonts: pages typed with the old ".Vn" (TCVN3/ABC) or VNI fonts carry Vietnamese letters as Latin-1
symbols ("Bé Gi¸o dôc vµ §µo t¹o" is TCVN3 for "Bộ Giáo dục và Đào tạo"). ``detect_legacy`` tells them
apart from real Unicode; ``tcvn3_to_unicode`` converts TCVN3 with the table below (written from the
TCVN 5712:1993 VN3 code chart). VNI is only detected and flagged.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)

_ALIASES = {
    "windows-1258": "cp1258",
    "x-cp1258": "cp1258",
    "cp-1258": "cp1258",
    "utf8": "utf-8",
    "iso-8859-1": "cp1252",  # browsers treat latin-1 labels as windows-1252 (WHATWG encoding spec)
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """``text/html; charset=windows-1258`` -> ``cp1258`` (a Python codec name) or None."""
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return _codec(m.group(1)) if m else None


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or ``http-equiv``)."""
    m = _META_CHARSET.search(data[:4096])
    return _codec(m.group(1).decode("ascii", "ignore")) if m else None


def decode_html(data: bytes | str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Bytes -> (NFC text, codec used, flags). ``declared`` is the HTTP charset or Content-Type, if known."""
    flags: list[str] = []
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data), "str", flags
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return unicodedata.normalize("NFC", data.decode(name, "replace").lstrip("\ufeff")), name, flags
    http = charset_from_content_type(declared) if declared and "=" in declared else _codec(declared)
    candidates = [c for c in (http, sniff_meta_charset(data), "utf-8") if c]
    for i, name in enumerate(dict.fromkeys(candidates)):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if i > 0 and http:
            flags.append("charset_mismatch")
        return unicodedata.normalize("NFC", text), name, flags
    flags.append("encoding_fallback")
    return unicodedata.normalize("NFC", data.decode("cp1258", "replace")), "cp1258", flags


# --- UTF-8 read as windows-1252 ("GiÃ¡o dá»¥c") -----------------------------------------------------
_DOUBLE_UTF8 = re.compile(
    "[ÃÄÆá][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def repair_double_utf8(text: str) -> tuple[str, bool]:
    """Undo UTF-8 bytes decoded as windows-1252/latin-1, when the text clearly is that; (text, repaired)."""
    hits = len(_DOUBLE_UTF8.findall(text))
    if hits < 5 or hits < len(text) / 200:
        return text, False
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return text, False
            raw.append(ord(ch))  # bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    fixed = raw.decode("utf-8", errors="replace")
    if fixed.count("\ufffd") > len(fixed) / 500:
        return text, False
    return unicodedata.normalize("NFC", fixed), True


# --- TCVN3 (ABC) -> Unicode ---------------------------------------------------------------------------
# Code points 0xA1..0xFE of TCVN 5712:1993 VN3 (the ".Vn" fonts). Upper-case toned letters were drawn with
# separate upper-case fonts on the same codes, so they come back lower case.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TABLE = {code: letter for code, letter in _TCVN3.items()}
# Symbols that are letters only in TCVN3: never inside a word of real Unicode Vietnamese.
_TCVN3_SIGNS = set("¸µ¶·¹¨©ª«¬®§")
# Letters VNI uses as tone/diacritic carriers that Unicode Vietnamese never has.
_VNI_SIGNS = set("øïûäåëüñöÑÖØÏÛ")
_WORD = re.compile(r"[^\W\d_]+|[¸µ¶·¹¨©ª«¬®§\u00ad]+")
_TCVN3_SIGN_RE = re.compile("[" + "".join(sorted(_TCVN3_SIGNS)) + "]")
_VNI_SIGN_RE = re.compile("[" + "".join(sorted(_VNI_SIGNS)) + "]")
_ANY_SIGN_RE = re.compile("[" + "".join(sorted(_TCVN3_SIGNS | _VNI_SIGNS)) + "]")


def detect_legacy(text: str) -> str | None:
    """"tcvn3", "vni" or None: does this text look typed in a legacy Vietnamese font encoding?"""
    # The sign counts are one C-level regex each; the letter count (a Python pass over every character) is only
    # needed when one of them could reach the threshold, which Unicode text almost never does: fewer than 3 signs of
    # either kind in all (one scan) tells most pages.
    if len(_ANY_SIGN_RE.findall(text)) < 3:
        return None
    tcvn = len(_TCVN3_SIGN_RE.findall(text))
    vni = len(_VNI_SIGN_RE.findall(text))
    if tcvn < 3 and vni < 3:
        return None
    letters = sum(1 for ch in text if ch.isalpha() or ch in _TCVN3_SIGNS)
    if letters < 20:
        return None
    if tcvn >= 3 and tcvn / letters > 0.01:
        return "tcvn3"
    if vni >= 3 and vni / letters > 0.01:
        return "vni"
    return None


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 (ABC) text to NFC Unicode with the table above."""
    return unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))
