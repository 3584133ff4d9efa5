"""Inline SVG charts for the HTML report: review heatmap, forecast bars, retention line.

Why hand-written SVG: the report must be one self-contained file a teacher can
mail or open offline, so it cannot load a charting library, and a few rects and
a polyline are all these charts need. Every chart is an ``<svg class="chart">``
with a ``<title>`` per mark (the browser shows it as a tooltip) and an
``aria-label``; all text goes through :func:`html.escape`. Pure functions of the
figures, no I/O, so tests can parse their output.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Sequence

from trainer.progress import DayActivity, ForecastDay, WeekRetention, format_duration

CELL, GAP = 11, 2
#: Heatmap colours from "no reviews" to "busiest days" (GitHub's greens).
HEAT = ("#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39")
BAR = "#4e79a7"
LINE = "#e15759"
INK = "#555"
FONT = 'font-family="sans-serif" font-size="10"'


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start") -> str:
    return f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" fill="{INK}" {FONT}>{escape(text)}</text>'


def heat_level(reviews: int, busiest: int) -> int:
    """0 for no reviews, else 1-4 by share of the busiest day, so every learner's map uses the whole scale."""
    if reviews <= 0 or busiest <= 0:
        return 0
    return min(4, 1 + (4 * (reviews - 1)) // busiest)


def heatmap(days: Sequence[DayActivity], today: date, weeks: int = 53) -> str:
    """A calendar of the last ``weeks`` weeks: one column per week (Monday on top), shaded by reviews."""
    by_day = {d.day: d for d in days}
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    busiest = max((d.reviews for d in days if d.day >= first), default=0)
    left, top = 28, 14
    body = [_text(0, top + 1 * (CELL + GAP) + 9, "Mon"), _text(0, top + 3 * (CELL + GAP) + 9, "Wed"),
            _text(0, top + 5 * (CELL + GAP) + 9, "Fri")]
    labelled = -3  # column of the last month label; labels need three columns of room
    for offset in range((today - first).days + 1):
        day = first + timedelta(days=offset)
        column, row = offset // 7, day.weekday()
        x, y = left + column * (CELL + GAP), top + row * (CELL + GAP)
        if day.day <= 7 and row == 0 and column - labelled >= 3:
            body.append(_text(x, 10, day.strftime("%b")))
            labelled = column
        activity = by_day.get(day)
        count = activity.reviews if activity else 0
        spent = format_duration(activity.time_ms) if activity else "0s"
        body.append(
            f'<rect class="day" x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" '
            f'fill="{HEAT[heat_level(count, busiest)]}"><title>{day.isoformat()}: {count} reviews, '
            f"{escape(spent)}</title></rect>"
        )
    width = left + weeks * (CELL + GAP)
    return _svg(width, top + 7 * (CELL + GAP), "Reviews per day over the last year", body)


def forecast_bars(forecast: Sequence[ForecastDay], width: int = 420, height: int = 150) -> str:
    """Cards due on each of the next days (today first, overdue included)."""
    left, top, bottom = 34, 10, 20
    plot_h = height - top - bottom
    step = (width - left) / max(1, len(forecast))
    peak = max((f.due for f in forecast), default=0)
    scale = peak or 1
    body = [_axis(left, top, width, plot_h, peak, str(peak))]
    for i, day in enumerate(forecast):
        bar_h = plot_h * day.due / scale
        x = left + i * step + 1
        body.append(
            f'<rect class="bar" x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{max(1.0, step - 2):.1f}" '
            f'height="{bar_h:.1f}" fill="{BAR}"><title>{day.day.isoformat()}: {day.due} due</title></rect>'
        )
        if i % 7 == 0:
            body.append(_text(x + step / 2, height - 6, "today" if i == 0 else f"+{i}d", "middle"))
    return _svg(width, height, "Cards due in the next 30 days", body)


def retention_line(weeks: Sequence[WeekRetention], width: int = 420, height: int = 150) -> str:
    """Weekly true retention in percent; weeks without reviews of learned cards are left out."""
    left, top, bottom = 34, 10, 20
    plot_h = height - top - bottom
    points = [(w.week, w.retention) for w in weeks if w.retention is not None]
    body = [_axis(left, top, width, plot_h, 100, "100%")]
    if not points:
        body.append(_text((left + width) / 2, top + plot_h / 2, "no reviews of learned cards yet", "middle"))
        return _svg(width, height, "Weekly true retention", body)
    step = (width - left - 10) / max(1, len(points) - 1)
    coords = [(left + 5 + i * step, top + plot_h * (1 - value)) for i, (_, value) in enumerate(points)]
    body.append(f'<polyline fill="none" stroke="{LINE}" stroke-width="2" points="'
                + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
    for (week, value), (x, y) in zip(points, coords):
        body.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{LINE}">'
                    f"<title>week of {week.isoformat()}: {value * 100:.1f}%</title></circle>")
    body.append(_text(left + 5, height - 6, points[0][0].isoformat()))
    if len(points) > 1:
        body.append(_text(width - 5, height - 6, points[-1][0].isoformat(), "end"))
    return _svg(width, height, "Weekly true retention", body)


def _axis(left: int, top: int, width: int, plot_h: float, peak: int, label: str) -> str:
    """Baseline, a faint top gridline and the y-axis maximum."""
    base = top + plot_h
    return (
        f'<line x1="{left}" y1="{base:.1f}" x2="{width}" y2="{base:.1f}" stroke="{INK}"/>'
        f'<line x1="{left}" y1="{top}" x2="{width}" y2="{top}" stroke="#ddd"/>'
        + _text(left - 4, top + 4, label if peak else "0", "end")
        + _text(left - 4, base + 3, "0", "end")
    )
