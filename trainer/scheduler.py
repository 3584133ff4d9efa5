"""SuperMemo SM-2, as a pure function of (card, quality, time).

Why pure: the review log is the record of truth, so a card's state must be
rebuildable by folding :func:`review` over its reviews (:func:`replay`), and tests
must be able to pin the clock. Nothing here reads the clock or touches storage.

The rules (P. Wozniak, "SuperMemo 2", 1987), and how the room the text leaves is
filled, following the open-spaced-repetition ``sm-2`` package (our test oracle):

1. A new card has ``repetitions = 0``, ``interval = 0`` days, ``easiness = 2.5``, and is
   due at once.
2. Quality ``q`` is 0-5: 5 perfect, 4 correct after hesitation, 3 correct with serious
   difficulty, 2 wrong but the answer felt familiar, 1 wrong but remembered on seeing
   it, 0 blackout.
3. ``q >= 3`` (a correct answer) on a card not awaiting an extra review:
   ``EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))``, never below 1.3; then the
   interval is I(1) = 1, I(2) = 6, I(n) = ceil(I(n-1) * EF') with the *updated* EF
   (as the oracle does), and ``repetitions`` grows by one.
4. ``q < 3``: repetitions restart at 0 and the interval at 0; EF is unchanged; the card
   is due again at once (same session).
5. Items scored below 4 are repeated in the same session until they score at least 4.
   A ``q == 3`` answer sets ``needs_extra_review``: the card is due at once, its new
   interval waits. While the flag is set, an answer updates nothing but the flag:
   ``q >= 4`` clears it and schedules the waiting interval; ``q < 4`` keeps it due.
6. Deliberate difference from the oracle: the next due date counts from the moment of
   the review (``due = now + interval``), not from the previous due date, so a card
   reviewed late is scheduled from when it was actually seen.

Day boundaries (the study day starting at 04:00 local time) are the queue's concern,
not the scheduler's: see :mod:`trainer.studyday`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Iterable

INITIAL_EASINESS = 2.5
MIN_EASINESS = 1.3
#: Quality at or above which an answer counts as correct (the card is not reset).
PASS_QUALITY = 3
#: Quality at or above which a same-session repeat is no longer needed.
GOOD_QUALITY = 4
QUALITIES = range(0, 6)


@dataclass(frozen=True)
class CardState:
    """The SM-2 state of one card. ``due`` is timezone-aware UTC; ``interval`` is in days."""

    repetitions: int = 0
    interval: int = 0
    easiness: float = INITIAL_EASINESS
    due: datetime = datetime(1970, 1, 1, tzinfo=timezone.utc)
    needs_extra_review: bool = False


def new_card(now: datetime) -> CardState:
    """A card never reviewed, due at ``now``."""
    return CardState(due=_utc(now))


def review(card: CardState, quality: int, now: datetime) -> CardState:
    """Return the state of ``card`` after an answer of ``quality`` at ``now``.

    Raises ValueError for a quality outside 0-5 or a naive datetime.
    """
    if quality not in QUALITIES or isinstance(quality, bool):
        raise ValueError(f"quality must be an integer from 0 to 5, got {quality!r}")
    now = _utc(now)
    if card.needs_extra_review:
        return _extra_review(card, quality, now)
    if quality < PASS_QUALITY:
        return replace(card, repetitions=0, interval=0, due=now)
    easiness = updated_easiness(card.easiness, quality)
    interval = next_interval(card.repetitions, card.interval, easiness)
    if quality >= GOOD_QUALITY:
        due = now + timedelta(days=interval)
        return CardState(card.repetitions + 1, interval, easiness, due, False)
    return CardState(card.repetitions + 1, interval, easiness, now, True)


def _extra_review(card: CardState, quality: int, now: datetime) -> CardState:
    """Same-session repeat of a card scored 3: only a good answer releases it."""
    if quality >= GOOD_QUALITY:
        return replace(card, needs_extra_review=False, due=now + timedelta(days=card.interval))
    return replace(card, due=now)


def updated_easiness(easiness: float, quality: int) -> float:
    """SM-2's easiness update, floored at 1.3."""
    lost = 5 - quality
    return max(MIN_EASINESS, easiness + (0.1 - lost * (0.08 + lost * 0.02)))


def next_interval(repetitions: int, interval: int, easiness: float) -> int:
    """I(1) = 1, I(2) = 6, I(n) = ceil(I(n-1) * EF), with ``repetitions`` = n - 1."""
    if repetitions == 0:
        return 1
    if repetitions == 1:
        return 6
    return math.ceil(interval * easiness)


def is_lapse(before: CardState, quality: int) -> bool:
    """A lapse is forgetting a card that had been learned (Anki's sense of the word)."""
    return not before.needs_extra_review and before.repetitions > 0 and quality < PASS_QUALITY


def replay(created: datetime, answers: Iterable[tuple[int, datetime]]) -> CardState:
    """Rebuild a card's state from its creation time and its (quality, time) answers."""
    state = new_card(created)
    for quality, when in answers:
        state = review(state, quality, when)
    return state


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times given to the scheduler must be timezone-aware")
    return moment.astimezone(timezone.utc)
