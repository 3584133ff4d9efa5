"""Study-day boundaries and the store's millisecond time format."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.studyday import from_ms, study_day_bounds, to_ms

PARIS_WINTER = timezone(timedelta(hours=1))


def test_before_four_belongs_to_the_previous_day() -> None:
    start, end = study_day_bounds(datetime(2026, 1, 10, 2, 30, tzinfo=PARIS_WINTER), 4, PARIS_WINTER)
    assert start == datetime(2026, 1, 9, 4, 0, tzinfo=PARIS_WINTER)
    assert end == datetime(2026, 1, 10, 4, 0, tzinfo=PARIS_WINTER)


def test_configurable_start_hour() -> None:
    start, _ = study_day_bounds(datetime(2026, 1, 10, 0, 30, tzinfo=timezone.utc), 0, timezone.utc)
    assert start == datetime(2026, 1, 10, 0, 0, tzinfo=timezone.utc)
    with pytest.raises(ValueError):
        study_day_bounds(datetime(2026, 1, 10, tzinfo=timezone.utc), 24, timezone.utc)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                    timezones=st.just(timezone.utc)), st.integers(0, 23))
def test_now_is_inside_its_day_and_days_are_24_hours(now: datetime, hour: int) -> None:
    start, end = study_day_bounds(now, hour, PARIS_WINTER)
    assert start <= now < end and end - start == timedelta(days=1)


@given(st.integers(-(2**41), 2**42))
def test_ms_round_trip(ms: int) -> None:
    assert to_ms(from_ms(ms)) == ms
