"""A draft plan -> TOML text in the schema of data/plans/*.toml, each field followed by its provenance
(“# dòng N · tin cậy 0.95”), and the list of what needs a person at the end."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pipeline.planimport.parse import Draft, Field

TOP_ORDER = ("id", "number", "issued_on", "issued_at", "issuer", "signer", "signer_title", "title", "implements",
             "project", "funding", "lexicon", "purpose", "requirements", "content")
ACTIVITY_ORDER = ("id", "line", "content", "form", "planned", "timing", "window", "lead_unit", "coordinating_units",
                  "channels")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _origin(f: Field) -> str:
    where = f"dòng {f.line}" if f.line else "suy ra"
    note = f" · {f.note}" if f.note else ""
    return f"  # {where} · tin cậy {f.confidence:.2f}{note}"


def render(draft: Draft, source: str) -> str:
    out = [f"# BẢN NHÁP do `planwatch plan import` tạo từ {source}. Một người cần đọc lại trước khi dùng.",
           "# Mỗi trường ghi dòng nguồn và độ tin cậy; phần “Cần người kiểm tra” ở cuối tệp."]
    for key in TOP_ORDER:
        f = draft.fields.get(key)
        if f is None or f.value in ("", None):
            continue
        if key == "requirements" and isinstance(f.value, list):
            out.append(f"requirements = [{_origin(f)}")
            out.extend(f"  {toml_value(v)}," for v in f.value)
            out.append("]")
        else:
            out.append(f"{key} = {toml_value(f.value)}{_origin(f)}")
    out.append("")
    out.append("# Mục II.2. Kênh truyền thông; id là tên mà nguồn tin và báo cáo dùng.")
    for ch in draft.channels:
        out.append("[[channels]]")
        for key in ("id", "tier", "name", "source_ids", "kinds"):
            if key in ch:
                origin = f"  # dòng {ch['_line']} · tin cậy {ch['_confidence']:.2f}" if key == "id" else ""
                out.append(f"{key} = {toml_value(ch[key])}{origin}")
        out.append("")
    out.append("# Mục III. Các hoạt động triển khai.")
    for act in draft.activities:
        out.append("[[activities]]")
        for key in ACTIVITY_ORDER:
            f = act.get(key)
            if f is None or f.value in ("", None):
                continue
            out.append(f"{key} = {toml_value(f.value)}{_origin(f)}")
        out.append("")
    out.extend(needs_lines(draft))
    return "\n".join(out).rstrip() + "\n"


def needs_lines(draft: Draft) -> list[str]:
    items = [f"THIẾU (bắt buộc): {m}" for m in draft.missing] + list(draft.needs)
    if not items:
        return ["# Cần người kiểm tra: không có mục nào."]
    return ["# Cần người kiểm tra (needs a person):"] + [f"#   - {i}" for i in items]
