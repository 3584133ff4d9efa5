"""The study day: when "today" starts and ends for a learner.

Like Anki, a day does not end at midnight but at a fixed local hour (04:00 by
default), so that a late-night session still counts for the day it belongs to.
A card is due today when its due time falls before the end of the study day.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone, tzinfo


def local_timezone() -> tzinfo:
    """The machine's current UTC offset as a tzinfo."""
    return datetime.now().astimezone().tzinfo or timezone.utc


def study_day_bounds(now: datetime, start_hour: int = 4, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the study day containing ``now``.

    ``tz`` defaults to the machine's local time zone.
    """
    if not 0 <= start_hour <= 23:
        raise ValueError(f"start_hour must be 0-23, got {start_hour}")
    zone = tz or local_timezone()
    local = now.astimezone(zone)
    day = local.date() if local.hour >= start_hour else local.date() - timedelta(days=1)
    start = datetime.combine(day, time(start_hour), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(start_hour), tzinfo=zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def to_ms(moment: datetime) -> int:
    """UTC milliseconds since the epoch, the store's time format (exact, no float)."""
    return (moment - _EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    """Inverse of :func:`to_ms`, timezone-aware UTC."""
    return _EPOCH + timedelta(milliseconds=ms)
