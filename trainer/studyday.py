"""The study day: when "today" starts and ends for a learner.

Like Anki, a day does not end at midnight but at a fixed local hour (04:00 by
default), so that a late-night session still counts for the day it belongs to.
A card is due today when its due time falls before the end of the study day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo


def study_day_bounds(now: datetime, start_hour: int = 4, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the study day containing ``now``.

    ``tz`` defaults to the machine's local time zone, with its daylight-saving
    rules: the day after clocks go forward lasts 23 hours, not 24.
    """
    day = study_date(now, start_hour, tz)
    return day_start(day, start_hour, tz), day_start(day + timedelta(days=1), start_hour, tz)


def study_date(moment: datetime, start_hour: int = 4, tz: tzinfo | None = None) -> date:
    """The calendar date of the study day a moment belongs to (before the
    start hour, the day before's)."""
    if not 0 <= start_hour <= 23:
        raise ValueError(f"start_hour must be 0-23, got {start_hour}")
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    return local.date() if local.hour >= start_hour else local.date() - timedelta(days=1)


def day_start(day: date, start_hour: int = 4, tz: tzinfo | None = None) -> datetime:
    """When (UTC) the study day of a calendar date begins: its start hour in
    ``tz``, or in the machine's zone with the offset in force on that date
    (a naive local time, which :meth:`datetime.astimezone` resolves by the
    system's rules)."""
    naive = datetime.combine(day, time(start_hour))
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(timezone.utc)


def day_number(day: date) -> int:
    """Days since 1970-01-01: how the store numbers study days."""
    return day.toordinal() - _EPOCH_ORDINAL


def day_bounds_ms(first: int, last: int, start_hour: int = 4, tz: tzinfo | None = None) -> list[tuple[int, int, int]]:
    """(day number, start, end) in UTC milliseconds for study days ``first``..``last``.

    Each day's bounds in its own offset, so that reviews on either side of a
    daylight-saving change land on the day the learner lived them."""
    starts = [to_ms(day_start(_EPOCH_DATE + timedelta(days=d), start_hour, tz)) for d in range(first, last + 2)]
    return [(first + i, lo, hi) for i, (lo, hi) in enumerate(zip(starts, starts[1:]))]


def week_bounds_ms(first: int, last: int, start_hour: int = 4, tz: tzinfo | None = None) -> list[tuple[int, int, int]]:
    """(week number, start, end) in UTC milliseconds for the weeks holding study
    days ``first``..``last``.  Day 0, 1970-01-01, was a Thursday: week ``w``
    starts on day 7w - 3, a Monday (see :func:`trainer.progress.week_start`)."""
    w0, w1 = (first + 3) // 7, (last + 3) // 7
    days = day_bounds_ms(7 * w0 - 3, 7 * w1 + 3, start_hour, tz)
    return [(w, days[7 * i][1], days[7 * i + 6][2]) for i, w in enumerate(range(w0, w1 + 1))]


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_DATE = _EPOCH.date()
_EPOCH_ORDINAL = _EPOCH_DATE.toordinal()


def to_ms(moment: datetime) -> int:
    """UTC milliseconds since the epoch, the store's time format (exact, no float)."""
    return (moment - _EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    """Inverse of :func:`to_ms`, timezone-aware UTC."""
    return _EPOCH + timedelta(milliseconds=ms)
