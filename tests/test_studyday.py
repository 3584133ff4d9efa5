"""Study-day boundaries and the store's millisecond time format."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.studyday import (
    day_bounds_ms, day_number, from_ms, study_date, study_day_bounds, to_ms, week_bounds_ms,
)

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


PARIS = "CET-1CEST,M3.5.0,M10.5.0/3"  # POSIX rule: no time-zone database needed


@pytest.fixture
def paris_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's zone is Paris, daylight saving included (the autouse
    fixture resets TZ to UTC for the next test)."""
    monkeypatch.setenv("TZ", PARIS)
    time.tzset()


def test_the_day_clocks_go_forward_lasts_23_hours_in_the_machine_zone(paris_clock: None) -> None:
    # 2026-03-29: 02:00 CET becomes 03:00 CEST. Asked the evening before (CET),
    # the study day still ends at 04:00 *summer* time.
    start, end = study_day_bounds(datetime(2026, 3, 28, 20, 0, tzinfo=timezone.utc), 4)
    assert start == datetime(2026, 3, 28, 3, 0, tzinfo=timezone.utc)  # 04:00 CET
    assert end == datetime(2026, 3, 29, 2, 0, tzinfo=timezone.utc)  # 04:00 CEST
    _, end = study_day_bounds(datetime(2026, 10, 24, 20, 0, tzinfo=timezone.utc), 4)
    assert end == datetime(2026, 10, 25, 3, 0, tzinfo=timezone.utc)  # back to CET: 25 hours


def test_a_given_zone_follows_its_own_rules() -> None:
    paris = ZoneInfo("Europe/Paris")
    start, end = study_day_bounds(datetime(2026, 3, 28, 20, 0, tzinfo=timezone.utc), 4, paris)
    assert end - start == timedelta(hours=23)
    assert study_date(datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc), 4, paris) == date(2026, 3, 28)
    assert study_date(datetime(2026, 3, 29, 2, 30, tzinfo=timezone.utc), 4, paris) == date(2026, 3, 29)


@given(st.integers(0, 40_000), st.integers(1, 400), st.integers(0, 23))
def test_day_bounds_tile_time_and_contain_their_days(first: int, span: int, hour: int) -> None:
    paris = ZoneInfo("Europe/Paris")
    bounds = day_bounds_ms(first, first + span, hour, paris)
    assert [n for n, _lo, _hi in bounds] == list(range(first, first + span + 1))
    assert all(a[2] == b[1] for a, b in zip(bounds, bounds[1:]))  # no gap, no overlap
    for n, lo, hi in bounds[:: max(1, span // 7)]:
        assert hi - lo in (23 * 3_600_000, 24 * 3_600_000, 25 * 3_600_000)
        assert day_number(study_date(from_ms(lo), hour, paris)) == n
        assert day_number(study_date(from_ms(hi - 1), hour, paris)) == n


def test_weeks_run_from_monday_to_monday_at_the_start_hour() -> None:
    paris = ZoneInfo("Europe/Paris")
    sunday = day_number(date(2026, 3, 29))  # the day clocks go forward
    (week, lo, hi), = week_bounds_ms(sunday, sunday, 4, paris)
    assert from_ms(lo) == datetime(2026, 3, 23, 3, 0, tzinfo=timezone.utc)  # Monday 04:00 CET
    assert from_ms(hi) == datetime(2026, 3, 30, 2, 0, tzinfo=timezone.utc)  # next Monday 04:00 CEST
    assert [w for w, _lo, _hi in week_bounds_ms(sunday - 6, sunday + 1, 4, paris)] == [week, week + 1]
