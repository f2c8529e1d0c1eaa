"""Queue filters are checked before they filter: an unknown outlet, activity or plan is an error that lists
the valid values (instead of an empty queue that looks like "nothing to review")."""

from __future__ import annotations

from typing import Any

from pipeline import sql
from pipeline.normalize import fold
from pipeline.review.labels import activity_label


class FilterError(ValueError):
    """A filter value that matches nothing known; the message (Vietnamese) lists the valid ones."""


def known_sources(conn: Any) -> list[tuple[str, str]]:
    return [(r[0], r[1] or r[0]) for r in conn.execute(sql.query("review_sources")).fetchall()]


def source_matches(wanted: str, source_id: str, name: str) -> bool:
    """The queue's rule (pipeline.review.queue.Filters): the id or the name contains the value, folded."""
    key = fold(wanted).strip()
    return any(key in fold(v) for v in (source_id, name))


def check_filters(activities: list[dict[str, Any]], sources: list[tuple[str, str]], *, activity: str | None = None,
                  source: str | None = None, plan: str | None = None) -> None:
    plans = sorted({a["plan_id"] for a in activities})
    if plan and plan not in plans:
        raise FilterError(f"không có kế hoạch '{plan}'. Các kế hoạch: {', '.join(plans) or 'chưa có'}")
    if activity:
        mine = [a for a in activities if not plan or a["plan_id"] == plan]
        if activity not in {a["activity_id"] for a in mine}:
            valid = ", ".join(f"{a['activity_id']} ({activity_label(a.get('form'), a.get('content'))})"
                              for a in mine)
            raise FilterError(f"không có hoạt động '{activity}'{f' trong kế hoạch {plan}' if plan else ''}. "
                              f"Các hoạt động: {valid}")
    if source and source.strip() and not any(source_matches(source, sid, name) for sid, name in sources):
        raise FilterError(f"không có báo/đài nào khớp '{source}' (mã hoặc một phần tên). Các mã báo/đài: "
                          f"{', '.join(sid for sid, _ in sources) or 'chưa có'} (xem 'planwatch sources list')")
