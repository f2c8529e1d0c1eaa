"""A small PNG: cumulative actual vs planned over the plan's window, one panel per format.

Uses matplotlib's object API with the Agg canvas (no pyplot, no global backend switch) and DejaVu Sans,
which has the Vietnamese glyphs."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pipeline.labels import FORMAT_LABELS

FORMATS = tuple(FORMAT_LABELS.items())
ACTUAL_COLOR = "#1565c0"
PLANNED_COLOR = "#9e9e9e"


def planned_curve(rows: Iterable[Mapping[str, Any]], fmt: str, days: Sequence[dt.date]) -> list[float]:
    """Planned cumulative count per day: each activity's target spread evenly over its window
    (the same share-of-window rule as the coverage view's expected_by_now)."""
    spans = []
    for r in rows:
        if r["format"] != fmt:
            continue
        start, end = _day(r["window_start"]), _day(r["window_end"])
        spans.append((start, (end - start).days + 1, r["planned"]))
    return [sum(p * min(1.0, max(0.0, ((d - s).days + 1) / n)) for s, n, p in spans) for d in days]


def actual_curve(daily: Sequence[tuple[dt.date, int]], days: Sequence[dt.date]) -> list[int]:
    by_day: dict[dt.date, int] = {}
    for day, n in daily:
        by_day[day] = by_day.get(day, 0) + n
    total, out = 0, []
    for d in days:
        total += by_day.get(d, 0)
        out.append(total)
    return out


def render_chart(rows: Sequence[Mapping[str, Any]], daily: Mapping[str, Sequence[tuple[dt.date, int]]],
                 as_of: dt.date) -> bytes:
    """PNG bytes (about 640x250 px). `daily` holds stories counted toward the targets (each activity x format
    capped at its plan), so the line never rises above the plan on another target's surplus; the title leads
    with the targets met."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter, MonthLocator
    from matplotlib.figure import Figure

    start = min(_day(r["window_start"]) for r in rows)
    end = max(_day(r["window_end"]) for r in rows)
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    shown = [d for d in days if d <= as_of]

    with rc_context({"font.family": "DejaVu Sans", "font.size": 8, "axes.titlesize": 9}):
        fig = Figure(figsize=(6.4, 2.5), dpi=100)
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, 2)
        for ax, (fmt, label) in zip(axes, FORMATS, strict=True):
            planned = planned_curve(rows, fmt, days)
            ax.plot(days, planned, linestyle="--", color=PLANNED_COLOR, linewidth=1.2, label="Kế hoạch")
            actual = actual_curve(daily.get(fmt, ()), shown)
            if shown:
                ax.step(shown, actual, where="post", color=ACTUAL_COLOR, linewidth=1.8, label="Thực tế")
            if start <= as_of <= end:
                ax.axvline(as_of, color="#e65100", linewidth=0.8, linestyle=":")
            total = sum(r["planned"] for r in rows if r["format"] == fmt)
            ax.set_title(f"{label} (kế hoạch {total})")
            ax.set_ylim(0, max(total, *actual, 1) * 1.1)
            ax.xaxis.set_major_locator(MonthLocator())
            ax.xaxis.set_major_formatter(DateFormatter("%m/%Y"))
            ax.tick_params(axis="x", labelrotation=45, labelsize=7)
            ax.grid(True, linewidth=0.3, alpha=0.6)
            ax.legend(loc="upper left", fontsize=7, frameon=False)
        met = sum(1 for r in rows if int(r["actual"]) >= int(r["planned"]))
        fig.suptitle(f"Đạt {met}/{len(rows)} chỉ tiêu, đến {as_of.day:02d}/{as_of.month:02d}/{as_of.year}\n"
                     "Lũy kế thực tế (mỗi chỉ tiêu tính tối đa bằng kế hoạch) so với kế hoạch", fontsize=9)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
