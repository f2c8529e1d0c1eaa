"""Short Vietnamese labels for a plan's activities, from what tells them apart.

Plan 661's activities 2a and 2b share their `content` (the title of Đề án 33); what differs is the `form`
line: "Triển khai tuyến thông tin về <subject> của … (dự kiến …)". The label is that subject:
"chủ trương chính sách", "mục tiêu, định hướng, nội dung, nhiệm vụ và giải pháp", "việc thực hiện Đề án 33"."""

from __future__ import annotations

import re

_PLANNED = re.compile(r"\((?:dự kiến|du kien)[^)]*\)", re.IGNORECASE)
_LEAD_IN = re.compile(r"^.*?\b(?:thông tin|tuyên truyền)\s+về\s+", re.IGNORECASE)
MAX_LABEL = 70


def activity_label(form: str | None, content: str | None = None) -> str:
    """The subject of an activity's `form` line (without the lead-in, the owner and the planned counts);
    its `content`, shortened, when there is no form line."""
    text = " ".join(_PLANNED.sub(" ", form or "").split())
    if text:
        text = _LEAD_IN.sub("", text, count=1)
        text = re.split(r"\s+của\s+", text, maxsplit=1)[0]
        text = re.sub(r"^(?:các|những)\s+", "", text, flags=re.IGNORECASE).strip(" ,.;:")
    if not text:
        text = " ".join((content or "").split())
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1].rstrip() + "…"


def labelled(activities: list[dict]) -> list[dict]:
    """Activity rows (review_activities) with a `label` added."""
    return [{**a, "label": activity_label(a.get("form"), a.get("content"))} for a in activities]
