"""A plan's numbered lines -> a draft plan: every field with the line it came from and a confidence.

The layout is that of Vietnamese administrative plans (Nghị định 30/2020/NĐ-CP): "Số: 661/KH-BGDĐT",
"<place>, ngày .. tháng .. năm ..", "KẾ HOẠCH" + title, a preamble naming what it implements, sections
I (mục đích, yêu cầu), II (nội dung, kênh truyền thông), III (the activities table), IV (kinh phí), the
signature block at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from classifiers.textfold import fast_fold
from pipeline.planimport.catalog import load_catalog
from pipeline.planimport.counts import parse_counts
from pipeline.planimport.timing import parse_window

SURE = 0.95
NEEDS_PERSON_BELOW = 0.8

_NUMBER = re.compile(r"^\s*Số\s*:?\s*(\d+)\s*/\s*([A-ZĐ][A-ZĐ0-9\-]*)", re.IGNORECASE)
_DATE = re.compile(r"^\s*([^,\d]{2,60}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_ROMAN = re.compile(r"^\s*(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(.+?)\s*$")
_SUB = re.compile(r"^\s*(\d+)\.\s+(.+?)\s*$")
_PREAMBLE = re.compile(r"^\s*(?:Triển khai thực hiện|Triển khai|Thực hiện|Căn cứ)\s+(.+?)"
                       r"(?:,\s+[^,]{0,80}?\s+(?:ban hành|xây dựng|triển khai)\s+Kế hoạch\b.*|;\s*)?$")
_PROJECT = re.compile(r"((?:Đề án|Chương trình|Dự án)\s+“[^”]+”(?:\s*\([^)]{1,40}\))?)")
_SIGN_PREFIX = re.compile(r"^(KT|TL|TM|Q|TUQ)\.\s*(.+)$")


@dataclass
class Field:
    value: Any
    line: int | None
    confidence: float
    note: str = ""


@dataclass
class Draft:
    fields: dict[str, Field] = field(default_factory=dict)
    channels: list[dict[str, Any]] = field(default_factory=list)  # plain values + "_line", "_confidence"
    activities: list[dict[str, Field]] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields not found -> exit 2

    def set(self, name: str, value: Any, line: int | None, confidence: float, note: str = "") -> None:
        self.fields[name] = Field(value, line, confidence, note)
        if confidence < NEEDS_PERSON_BELOW:
            where = f"dòng {line}" if line else "không có dòng nguồn"
            self.needs.append(f"{name}: {note or 'chưa chắc chắn'} ({where}, tin cậy {confidence:.2f})")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _sentence(text: str) -> str:
    """An upper-case heading -> sentence case ("BỘ TRƯỞNG" -> "Bộ trưởng")."""
    return _cap(text.lower()) if text.isupper() else text


def _fold_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fast_fold(text)).strip("-").upper()


def plan_id_for(number: str, year: int) -> str:
    """'12/KH-SGDĐT', 2022 -> '12-KH-SGDDT-2022'."""
    return f"{_fold_id(number)}-{year}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fast_fold(text)).strip("-")[:40] or "kenh"


class _Lines:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def numbered(self, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        return [(i + 1, s) for i, s in enumerate(self.lines[start:end], start) if s.strip()]

    def sections(self) -> list[tuple[int, str, str]]:
        """(0-based index, roman numeral, heading) of each top-level section."""
        return [(i, m.group(1), m.group(2)) for i, s in enumerate(self.lines) if (m := _ROMAN.match(s))]


def parse_plan(lines: list[str], plan_id: str | None = None) -> Draft:
    draft = Draft()
    doc = _Lines(lines)
    _header(doc, draft)
    _preamble(doc, draft)
    sections = doc.sections()
    _section_one(doc, draft, sections)
    _section_two(doc, draft, sections)
    _activities(doc, draft, sections)
    _funding(doc, draft, sections)
    _signature(doc, draft)
    number, issued = draft.fields.get("number"), draft.fields.get("issued_on")
    if plan_id:
        draft.fields = {"id": Field(plan_id, None, 1.0, "given with --id"), **draft.fields}
    elif number and issued:
        draft.fields = {"id": Field(plan_id_for(number.value, issued.value.year), number.line, SURE), **draft.fields}
    else:
        draft.missing.append("id (số và ngày ban hành không tìm thấy: dùng --id)")
    lex_id = draft.fields["id"].value if "id" in draft.fields else "?"
    draft.fields["lexicon"] = Field(lex_id, None, 1.0, "lexicon riêng của kế hoạch (planwatch plan lexicon)")
    return draft


def _header(doc: _Lines, draft: Draft) -> None:
    for n, s in doc.numbered(0, 40):
        if "number" not in draft.fields and (m := _NUMBER.match(s)):
            draft.set("number", f"{m.group(1)}/{m.group(2)}", n, SURE)
        elif "issued_on" not in draft.fields and (m := _DATE.match(s)):
            try:
                day = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
            except ValueError:
                continue
            draft.set("issued_on", day, n, SURE)
            draft.set("issued_at", m.group(1).strip(), n, SURE)
    if "number" not in draft.fields:
        draft.missing.append("number (dòng “Số: .../KH-...”)")
    if "issued_on" not in draft.fields:
        draft.missing.append("issued_on (dòng “..., ngày .. tháng .. năm ....”)")
    _issuer(doc, draft)
    _title(doc, draft)


def _issuer(doc: _Lines, draft: Draft) -> None:
    head = [(n, s.strip()) for n, s in doc.numbered(0, 15) if s.strip().isupper() and "CỘNG HÒA" not in s]
    parent = next((_place(s) for _, s in head if re.match(r"^(ỦY BAN NHÂN DÂN|UBND)\s+\S", s)), "")
    for n, s in head:
        if re.match(r"^(BỘ|SỞ)\s", s):
            name = _proper_unit(_sentence(s))
            if name.startswith("Sở ") and parent and fast_fold(parent.split()[-1]) not in fast_fold(name):
                name = f"{name} {parent}"
            draft.set("issuer", name, n, 0.85, "viết hoa lại từ dòng tiêu đề")
            return
    number = draft.fields.get("number")
    if number:
        code = number.value.split("-")[-1]
        known = load_catalog().issuers.get(code)
        if known:
            place = draft.fields.get("issued_at")
            if code.startswith("S") and place:
                draft.set("issuer", f"{known} {place.value}", number.line, 0.7, "từ mã cơ quan và nơi ban hành")
            else:
                draft.set("issuer", known, number.line, 0.9, f"từ mã cơ quan {code} trong số hiệu")
            return
    draft.set("issuer", "", None, 0.0, "không tìm thấy cơ quan ban hành")


def _place(line: str) -> str:
    """'UBND TỈNH THÁI NGUYÊN' -> 'tỉnh Thái Nguyên';
    'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH' -> 'Thành phố Hồ Chí Minh'."""
    rest = re.sub(r"^(ỦY BAN NHÂN DÂN|UBND)\s+", "", line).strip()
    m = re.match(r"^(TỈNH|THÀNH PHỐ)\s+(.+)$", rest)
    if not m:
        return " ".join(w.capitalize() for w in rest.lower().split())
    kind = "tỉnh" if m.group(1) == "TỈNH" else "Thành phố"
    return f"{kind} " + " ".join(w.capitalize() for w in m.group(2).lower().split())


def _proper_unit(name: str) -> str:
    """'Bộ giáo dục và đào tạo' -> 'Bộ Giáo dục và Đào tạo' (the usual capitalisation of unit names)."""
    words = name.split()
    out = [words[0]]
    for i, w in enumerate(words[1:], 1):
        prev = words[i - 1]
        out.append(_cap(w) if (i == 1 or prev == "và") else w)
    return " ".join(out)


def _title(doc: _Lines, draft: Draft) -> None:
    lines = doc.lines
    for i, s in enumerate(lines[:60]):
        if s.strip() == "KẾ HOẠCH":
            parts: list[tuple[int, str]] = []
            for j in range(i + 1, min(i + 8, len(lines))):
                t = lines[j].strip()
                if not t:
                    if parts:
                        break
                    continue
                if _PREAMBLE.match(t) or _ROMAN.match(t):
                    break
                parts.append((j + 1, t))
            if parts:
                text = " ".join(t for _, t in parts)
                upper = text.isupper()
                text = text.lower() if upper else text
                draft.set("title", f"Kế hoạch {text[:1].lower()}{text[1:]}", parts[0][0], 0.7 if upper else SURE,
                          "tiêu đề viết hoa: kiểm tra tên riêng" if upper else "")
                return
    draft.set("title", "", None, 0.0, "không tìm thấy dòng “KẾ HOẠCH” và tiêu đề")


def _preamble(doc: _Lines, draft: Draft) -> None:
    for n, s in doc.numbered(0, 80):
        m = _PREAMBLE.match(s.strip())
        if m and ("Quyết định" in s or "Kế hoạch" in s or "Đề án" in s or "Nghị quyết" in s or "Chỉ thị" in s):
            implements = m.group(1).strip().rstrip(";,.")
            draft.set("implements", implements, n, 0.9)
            project = _PROJECT.search(implements)
            if project:
                draft.set("project", project.group(1), n, 0.9)
            return
    draft.set("implements", "", None, 0.0, "không tìm thấy câu “Triển khai thực hiện/Căn cứ ...”")


def _section_body(doc: _Lines, sections: list[tuple[int, str, str]], word: str) -> tuple[int, int] | None:
    for k, (i, _, heading) in enumerate(sections):
        if word in fast_fold(heading):
            end = sections[k + 1][0] if k + 1 < len(sections) else len(doc.lines)
            return i + 1, end
    return None


def _subsection(doc: _Lines, span: tuple[int, int], word: str) -> list[tuple[int, str]]:
    """Non-empty lines of the numbered subsection whose heading contains `word` (folded)."""
    out: list[tuple[int, str]] = []
    inside = False
    for n, s in doc.numbered(*span):
        m = _SUB.match(s)
        if m and len(m.group(2)) < 80 and not s.strip().startswith("-"):
            inside = word in fast_fold(m.group(2))
            continue
        if inside:
            out.append((n, s.strip()))
    return out


def _bullet(s: str) -> str:
    return re.sub(r"^[-–•+]\s*", "", s).strip()


def _section_one(doc: _Lines, draft: Draft, sections: list[tuple[int, str, str]]) -> None:
    span = _section_body(doc, sections, "muc dich")
    if not span:
        draft.set("purpose", "", None, 0.0, "không tìm thấy mục I. MỤC ĐÍCH, YÊU CẦU")
        return
    purpose = _subsection(doc, span, "muc dich")
    if purpose:
        text = " ".join(_bullet(s) for _, s in purpose)
        draft.set("purpose", text, purpose[0][0], SURE if len(purpose) == 1 else 0.85)
    requirements = _subsection(doc, span, "yeu cau")
    if requirements:
        draft.set("requirements", [_bullet(s) for _, s in requirements], requirements[0][0], SURE)


def _section_two(doc: _Lines, draft: Draft, sections: list[tuple[int, str, str]]) -> None:
    span = _section_body(doc, sections, "kenh truyen thong") or _section_body(doc, sections, "noi dung")
    if not span:
        draft.needs.append("channels: không tìm thấy mục II (nội dung, kênh truyền thông)")
        return
    content = _subsection(doc, span, "noi dung")
    if content:
        draft.set("content", " ".join(_bullet(s) for _, s in content), content[0][0],
                  SURE if len(content) == 1 else 0.85)
    catalog = load_catalog()
    for n, s in _subsection(doc, span, "kenh"):
        text = _bullet(s)
        label, _, names = text.partition(":")
        if not names:
            continue
        tier = "main" if "chinh" in fast_fold(label) else "other"
        names = names.strip().rstrip(".;")
        parts = [names] if tier == "other" else [p.strip() for p in re.split(r",|;", names) if p.strip()]
        for name in parts:
            known = catalog.channel_for(name)
            entry: dict[str, Any] = {"id": known.id if known else _slug(name), "tier": tier, "name": _cap(name),
                                     "_line": n, "_confidence": SURE if known else 0.5}
            if known and (known.source_ids or not known.kinds):
                entry["source_ids"] = list(known.source_ids)
            if known and known.kinds:
                entry["kinds"] = list(known.kinds)
            if not known:
                draft.needs.append(f"channels: “{name}” (dòng {n}) chưa có trong data/plan-import.toml: "
                                   "đặt id và source_ids")
            elif not known.source_ids and not known.kinds:
                entry["_confidence"] = 0.7
                draft.needs.append(f"channels: “{name}” (dòng {n}) chưa có nguồn trong data/sources: thêm nguồn "
                                   "(docs/adding-an-outlet.md) rồi ghi source_ids")
            if any(c["id"] == entry["id"] for c in draft.channels):
                continue
            draft.channels.append(entry)
    if not draft.channels:
        draft.needs.append("channels: không tìm thấy dòng “Kênh truyền thông chính/khác: ...”")


# ----------------------------------------------------------------------------------------- the table
_COLUMNS = (("tt", ("tt", "stt")), ("content", ("noi dung",)), ("form", ("hinh thuc", "san pham")),
            ("lead_unit", ("chu tri",)), ("timing", ("thoi gian",)), ("coordinating_units", ("phoi hop", "ho tro")))


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for idx, cell in enumerate(cells):
        folded = fast_fold(cell).strip()
        for name, words in _COLUMNS:
            if name not in found and (folded in words if name == "tt" else any(w in folded for w in words)):
                found[name] = idx
                break
    return found if {"content", "form", "timing"} <= found.keys() else None


def _split(line: str) -> list[str]:
    if "\t" in line:
        return line.split("\t")
    if line.count("|") >= 3:
        return [c for c in line.strip().strip("|").split("|")]
    return [line]


def _activities(doc: _Lines, draft: Draft, sections: list[tuple[int, str, str]]) -> None:
    span = _section_body(doc, sections, "hoat dong") or (0, len(doc.lines))
    cols: dict[str, int] | None = None
    groups: list[dict[str, Any]] = []
    for n, s in doc.numbered(*span):
        cells = [c.strip() for c in _split(s)]
        if cols is None:
            cols = _header_columns(cells) if len(cells) >= 3 else None
            continue
        if re.fullmatch(r"[-–=\s|]*", s):
            continue
        if len(cells) < 3:
            continue
        row = {name: (cells[i] if i < len(cells) else "") for name, i in cols.items()}
        tt = row.get("tt", "")
        if re.fullmatch(r"\d+\.?", tt):
            groups.append({"line": tt.rstrip("."), "first": n, "subs": []})
            _new_sub(groups[-1], row, n)
        elif groups and row.get("form") and (row.get("timing") or row.get("lead_unit")):
            _new_sub(groups[-1], row, n)
        elif groups:
            _continue(groups[-1], row)
    if cols is None or not groups:
        draft.missing.append("activities (bảng mục III: TT, Nội dung, Hình thức, Đơn vị chủ trì, Thời gian, Phối hợp)")
        return
    year = draft.fields["issued_on"].value.year if "issued_on" in draft.fields else dt.date.today().year
    issued = draft.fields["issued_on"].value if "issued_on" in draft.fields else None
    channel_ids = [c["id"] for c in draft.channels]
    for g in groups:
        for k, sub in enumerate(g["subs"]):
            aid = g["line"] if len(g["subs"]) == 1 else f"{g['line']}{chr(ord('a') + k)}"
            draft.activities.append(_activity(draft, aid, g, sub, year, issued, channel_ids))


def _new_sub(group: dict[str, Any], row: dict[str, str], n: int) -> None:
    group["subs"].append({"own": {k: v for k, v in row.items() if v and k != "tt"}, "line_no": n})


def _continue(group: dict[str, Any], row: dict[str, str]) -> None:
    """A row that only continues cells: a cell the last line has of its own grows; an empty (merged) cell
    continues the value the line inherits from above."""
    last = group["subs"][-1]["own"]
    for key, value in row.items():
        if not value or key == "tt":
            continue
        if key in last:
            last[key] = f"{last[key]} {value}"
        else:
            for sub in reversed(group["subs"]):
                if key in sub["own"]:
                    sub["own"][key] = f"{sub['own'][key]} {value}"
                    break
            else:
                last[key] = value


def _inherited(group: dict[str, Any], index: int, key: str) -> tuple[str, bool]:
    for sub in reversed(group["subs"][: index + 1]):
        if key in sub["own"]:
            return sub["own"][key], sub is not group["subs"][index]
    return "", False


def _activity(draft: Draft, aid: str, group: dict[str, Any], sub: dict[str, Any], year: int,
              issued: dt.date | None, channel_ids: list[str]) -> dict[str, Field]:
    index = group["subs"].index(sub)
    n = sub["line_no"]
    out: dict[str, Field] = {"id": Field(aid, n, SURE), "line": Field(group["line"], n, SURE)}
    for key in ("content", "form", "lead_unit", "coordinating_units", "timing"):
        value, merged = _inherited(group, index, key)
        out[key] = Field(value, n, 0.9 if merged else SURE, "ô gộp: lấy từ dòng trên" if merged else "")
        if not value and key in ("content", "form", "lead_unit"):
            out[key] = Field("", n, 0.0)
            draft.needs.append(f"activities.{aid}.{key}: ô trống (dòng {n})")
    counts = parse_counts(out["form"].value) or parse_counts(out["content"].value)
    if counts is None:
        draft.missing.append(f"activities.{aid}.planned (không thấy “dự kiến NN bài báo, NN phóng sự”, dòng {n})")
        out["planned"] = Field({"article": 0, "report": 0}, n, 0.0)
    else:
        out["planned"] = Field(counts, n, SURE)
        if 0 in counts.values():
            draft.needs.append(f"activities.{aid}.planned: một định dạng bằng 0 ({counts}): kiểm tra (dòng {n})")
    window = parse_window(out["timing"].value, year, issued) if out["timing"].value else None
    if window is None:
        draft.missing.append(f"activities.{aid}.window (thời gian “{out['timing'].value}” không đọc được, dòng {n})")
        out["window"] = Field(None, n, 0.0)
    else:
        out["window"] = Field({"start": window.start, "end": window.end}, n, window.confidence, window.note)
        if window.confidence < NEEDS_PERSON_BELOW:
            draft.needs.append(f"activities.{aid}.window: {window.note or 'chưa chắc chắn'} (dòng {n})")
    out["channels"] = Field(list(channel_ids), None, 0.85, "mọi kênh của mục II (bảng không ghi kênh riêng)")
    return out


def _funding(doc: _Lines, draft: Draft, sections: list[tuple[int, str, str]]) -> None:
    span = _section_body(doc, sections, "kinh phi")
    if span:
        body = doc.numbered(*span)
        if body:
            draft.set("funding", " ".join(_bullet(s) for _, s in body), body[0][0], SURE if len(body) == 1 else 0.85)


def _signature(doc: _Lines, draft: Draft) -> None:
    tail = doc.numbered(max(0, len(doc.lines) - 40))
    names = [(n, s.strip()) for n, s in tail
             if not s.strip().isupper() and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+){1,5}", s.strip())]
    if not names:
        draft.set("signer", "", None, 0.0, "không tìm thấy tên người ký ở cuối văn bản")
        return
    n, name = names[-1]
    draft.set("signer", name, n, 0.9)
    titles = [(k, s.strip()) for k, s in tail if k < n and s.strip().isupper() and len(s.strip()) < 60
              and not s.strip().startswith(("-", "NƠI NHẬN"))]
    block = [t for t in titles if t[0] > n - 12]
    if not block:
        return
    first_line = block[0][0]
    texts = [t for _, t in block]
    m = _SIGN_PREFIX.match(texts[0])
    if m and len(texts) >= 2:
        title = f"{_sentence(texts[-1])} ({m.group(1)}. {_sentence(m.group(2))})"
    else:
        title = _sentence(texts[-1])
    draft.set("signer_title", title, first_line, 0.9)
