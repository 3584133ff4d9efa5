"""Small pure pieces: formatting, heat levels, day and week numbering."""

from __future__ import annotations

from datetime import date

from trainer.progress import day_date, format_duration, format_percent, ratio, week_start
from trainer.svg_charts import heat_level


def test_day_and_week_numbers() -> None:
    assert day_date(0) == date(1970, 1, 1)
    assert week_start(0) == date(1969, 12, 29) and week_start(0).weekday() == 0
    day = (date(2026, 1, 7) - date(1970, 1, 1)).days
    assert week_start((day + 3) // 7) == date(2026, 1, 5)


def test_formatting() -> None:
    assert [format_duration(ms) for ms in (0, 45_000, 12 * 60_000, 3 * 3_600_000 + 5 * 60_000)] == [
        "0s", "45s", "12m", "3h05"]
    assert format_percent(None) == "–" and format_percent(0.625) == "62.5%"
    assert ratio(1, 0) is None and ratio(1, 4) == 0.25


def test_heat_levels_use_the_whole_scale() -> None:
    assert heat_level(0, 10) == 0 and heat_level(1, 10) == 1 and heat_level(10, 10) == 4
    assert [heat_level(n, 4) for n in range(5)] == [0, 1, 2, 3, 4]
    assert heat_level(3, 0) == 0
