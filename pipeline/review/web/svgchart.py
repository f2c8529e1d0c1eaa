"""A cumulative chart as inline SVG (no script, no style attribute: fits the page's strict CSP): the plan's
pace (expected by each day: each activity's planned count spread over its window) against the stories
counted by each day, for one format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 14, 28


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    planned: int


def expected_by(day: dt.date, windows: list[Window]) -> float:
    total = 0.0
    for w in windows:
        span = (w.end - w.start).days + 1
        done = min(max((day - w.start).days + 1, 0), span)
        total += w.planned * done / span
    return total


def cumulative_svg(key: str, title: str, windows: list[Window], published: list[dt.date], as_of: dt.date) -> str:
    """SVG text: x = days from the first window start to the last window end; y = count."""
    if not windows:
        return ""
    first, last = min(w.start for w in windows), max(w.end for w in windows)
    days = max((last - first).days, 1)
    planned = sum(w.planned for w in windows)
    counted = sorted(d for d in published if first <= d <= min(as_of, last))
    top = max(planned, len(counted), 1)

    def x(day: dt.date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / days

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)

    step = max(days // 60, 1)
    pace = " ".join(f"{x(first + dt.timedelta(days=i)):.1f},{y(expected_by(first + dt.timedelta(days=i), windows)):.1f}"
                    for i in range(0, days + 1, step))
    pace += f" {x(last):.1f},{y(planned):.1f}"
    points, n = [f"{x(first):.1f},{y(0):.1f}"], 0
    for day in counted:
        points.append(f"{x(day):.1f},{y(n):.1f}")
        n += 1
        points.append(f"{x(day):.1f},{y(n):.1f}")
    end = min(as_of, last)
    if end >= first:
        points.append(f"{x(end):.1f},{y(n):.1f}")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
             f'class="chart" aria-labelledby="chart-{key}">',
             f'<title id="chart-{key}">{escape(title)}: thực tế {n}, kế hoạch {planned}</title>',
             f'<line x1="{LEFT}" y1="{y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0):.1f}" stroke="#9aa3af"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{y(0):.1f}" stroke="#9aa3af"/>',
             f'<line x1="{LEFT}" y1="{y(planned):.1f}" x2="{WIDTH - RIGHT}" y2="{y(planned):.1f}" stroke="#d9dee6" '
             f'stroke-dasharray="2 3"/>',
             f'<text x="{LEFT - 4}" y="{y(planned) + 4:.1f}" text-anchor="end" font-size="11" fill="#5b6575">'
             f'{planned}</text>',
             f'<text x="{LEFT - 4}" y="{y(0) + 4:.1f}" text-anchor="end" font-size="11" fill="#5b6575">0</text>']
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            parts.append(f'<line x1="{x(month):.1f}" y1="{y(0):.1f}" x2="{x(month):.1f}" y2="{y(0) + 4:.1f}" '
                         f'stroke="#9aa3af"/><text x="{x(month):.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
                         f'font-size="11" fill="#5b6575">T{month.month}</text>')
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if first <= as_of <= last:
        parts.append(f'<line x1="{x(as_of):.1f}" y1="{TOP}" x2="{x(as_of):.1f}" y2="{y(0):.1f}" stroke="#f0b400" '
                     f'stroke-dasharray="4 3"/>')
    parts += [f'<polyline class="pace" points="{pace}" fill="none" stroke="#5b6575" stroke-width="2" '
              f'stroke-dasharray="6 4"/>',
              f'<polyline class="actual" points="{" ".join(points)}" fill="none" stroke="#0b5cad" '
              f'stroke-width="2.5"/>',
              "</svg>"]
    return "".join(parts)
