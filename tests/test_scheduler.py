"""SM-2 against SuperMemo's published rules and against the sm-2 package as an oracle."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sm_2
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.scheduler import CardState, is_lapse, new_card, replay, review

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
grades = st.lists(st.integers(0, 5), min_size=1, max_size=40)
gaps = st.lists(st.integers(0, 60 * 24 * 90), min_size=40, max_size=40)  # minutes late


def test_new_card_starts_with_sm2_defaults() -> None:
    card = new_card(T0)
    assert (card.repetitions, card.interval, card.easiness, card.due, card.needs_extra_review) == (
        0, 0, 2.5, T0, False)


def test_first_intervals_are_1_then_6_then_interval_times_ef_rounded_up() -> None:
    card = review(new_card(T0), 5, T0)
    assert card.interval == 1 and card.repetitions == 1
    card = review(card, 5, card.due)
    assert card.interval == 6 and card.repetitions == 2
    ef = card.easiness
    card = review(card, 4, card.due)
    assert card.easiness == pytest.approx(ef)  # q=4 keeps EF
    assert card.interval == 17  # EF after two 5s is 2.7: ceil(6 * 2.7) = ceil(16.2)

@pytest.mark.parametrize("quality, delta", [(5, 0.10), (4, 0.0), (3, -0.14)])
def test_easiness_update_formula(quality: int, delta: float) -> None:
    card = review(new_card(T0), quality, T0)
    assert card.easiness == pytest.approx(2.5 + delta)


def test_easiness_never_drops_below_1_3() -> None:
    card = new_card(T0)
    for _ in range(30):
        card = review(card, 3, T0)
        card = review(card, 4, T0)  # clears the extra-review flag
    assert card.easiness == pytest.approx(1.3)


@pytest.mark.parametrize("quality", [0, 1, 2])
def test_failure_restarts_repetitions_and_keeps_easiness(quality: int) -> None:
    card = review(review(new_card(T0), 5, T0), 5, T0 + timedelta(days=1))
    failed = review(card, quality, T0 + timedelta(days=7))
    assert failed.repetitions == 0 and failed.interval == 0
    assert failed.easiness == card.easiness
    assert failed.due == T0 + timedelta(days=7)  # again in the same session
    assert is_lapse(card, quality)


def test_quality_3_needs_an_extra_review_until_4() -> None:
    card = review(new_card(T0), 3, T0)
    assert card.needs_extra_review and card.due == T0 and card.interval == 1
    still = review(card, 3, T0 + timedelta(minutes=5))
    assert still.needs_extra_review and still.easiness == card.easiness and still.interval == 1
    done = review(still, 4, T0 + timedelta(minutes=10))
    assert not done.needs_extra_review
    assert done.due == T0 + timedelta(minutes=10, days=1)


def test_late_review_is_scheduled_from_the_day_it_happened() -> None:
    card = review(new_card(T0), 5, T0)  # due T0 + 1 day
    late = T0 + timedelta(days=10)
    card = review(card, 5, late)
    assert card.due == late + timedelta(days=6)


@pytest.mark.parametrize("bad", [-1, 6, 2.5, True, None])
def test_invalid_quality_is_rejected(bad: object) -> None:
    with pytest.raises(ValueError):
        review(new_card(T0), bad, T0)  # type: ignore[arg-type]


def test_naive_time_is_rejected() -> None:
    with pytest.raises(ValueError):
        review(new_card(T0), 5, datetime(2026, 1, 1))


@settings(max_examples=3000, deadline=None)
@given(grades, gaps)
def test_matches_the_sm2_package_on_random_histories(qualities: list[int], late: list[int]) -> None:
    """Repetitions, interval, easiness and the extra-review flag follow the oracle exactly;
    due dates follow our documented rule (from the review moment)."""
    ours = new_card(T0)
    theirs = sm_2.Card(card_id=1, due=T0)
    for quality, minutes in zip(qualities, late):
        now = max(ours.due, theirs.due) + timedelta(minutes=minutes)
        before = ours
        ours = review(ours, quality, now)
        theirs, _ = sm_2.Scheduler.review_card(theirs, quality, now)
        assert (ours.repetitions, ours.interval, ours.needs_extra_review) == (
            theirs.n, theirs.I, theirs.needs_extra_review)
        assert ours.easiness == theirs.EF
        waiting = ours.needs_extra_review or quality < 3 or (before.needs_extra_review and quality < 4)
        assert ours.due == (now if waiting else now + timedelta(days=ours.interval))


@settings(max_examples=500, deadline=None)
@given(grades, gaps)
def test_invariants_easiness_floor_and_non_negative_interval(qualities: list[int], late: list[int]) -> None:
    card = new_card(T0)
    for quality, minutes in zip(qualities, late):
        now = card.due + timedelta(minutes=minutes)
        card = review(card, quality, now)
        assert card.easiness >= 1.3
        assert card.interval >= 0 and card.repetitions >= 0
        assert card.due >= now


@given(grades)
def test_replay_is_the_fold_of_review(qualities: list[int]) -> None:
    times = [T0 + timedelta(hours=i) for i in range(len(qualities))]
    state: CardState = new_card(T0)
    for quality, when in zip(qualities, times):
        state = review(state, quality, when)
    assert replay(T0, zip(qualities, times)) == state


def test_review_does_not_mutate_its_input() -> None:
    card = new_card(T0)
    review(card, 5, T0)
    assert card == new_card(T0)
