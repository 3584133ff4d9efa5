"""One study session, without any UI: which card next, answers, undo, the summary.

Kept free of Textual so the session rules (answer committed before the next card,
failed cards coming back a few cards later) are testable on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from trainer.models import Card, Learner
from trainer.scheduler import PASS_QUALITY
from trainer.store import Store
from trainer.studyday import study_day_bounds

#: Quiz modes, in the order ``m`` cycles through them.
MODES: tuple[str, ...] = ("recognition", "recall", "cloze", "choice")
MODE_NAMES: dict[str, str] = {
    "recognition": "Recognition",
    "recall": "Recall",
    "cloze": "Context cloze",
    "choice": "Multiple choice",
}
#: Card direction each mode studies: seeing hanzi (recognition) or producing them (recall).
DIRECTION_OF: dict[str, str] = {
    "recognition": "recognition",
    "choice": "recognition",
    "recall": "recall",
    "cloze": "recall",
}
#: How many just-answered cards are held back so a failed card returns a little later.
RECENT = 3


@dataclass(frozen=True)
class Answered:
    card_id: int
    quality: int
    duration_ms: int


@dataclass(frozen=True)
class Summary:
    """What the summary screen shows."""

    reviewed: int
    correct: int
    elapsed: timedelta
    due_tomorrow: int
    suspended: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.reviewed if self.reviewed else 0.0


@dataclass
class Session:
    """A run of cards in one mode, on one deck (``deck_id``) or all of them (None)."""

    store: Store
    learner: Learner
    mode: str
    deck_id: int | None
    clock: Callable[[], datetime]
    answers: list[Answered] = field(default_factory=list)
    suspended: int = 0
    started: datetime | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}; choose from {', '.join(MODES)}")
        self.started = self.clock()

    @property
    def direction(self) -> str:
        return DIRECTION_OF[self.mode]

    def next_card(self) -> Card | None:
        """The next card, holding back the last few answered; a lone failed card still returns."""
        now = self.clock()
        exclude = [a.card_id for a in self.answers[-RECENT:]]
        card = self.store.next_card(self.learner, now, direction=self.direction,
                                    deck_id=self.deck_id, exclude=exclude)
        if card is None and exclude:
            card = self.store.next_card(self.learner, now, direction=self.direction,
                                        deck_id=self.deck_id, exclude=[])
        return card

    def answer(self, card: Card, quality: int, duration_ms: int) -> Card:
        """Record the answer (committed before returning) and remember it for undo."""
        updated = self.store.answer(card.id, quality, self.clock(), duration_ms)
        self.answers.append(Answered(card.id, quality, duration_ms))
        return updated

    def undo(self) -> Card | None:
        """Take back this session's last answer; None when there is nothing to undo."""
        if not self.answers:
            return None
        card = self.store.undo_last(self.learner.id)
        self.answers.pop()
        return card

    def suspend(self, card: Card) -> None:
        self.store.set_suspended(card.id, True)
        self.suspended += 1

    def summary(self) -> Summary:
        """Counts for the summary; "due tomorrow" is what falls due before tomorrow's study day ends."""
        now = self.clock()
        _, end_today = study_day_bounds(now, self.learner.day_start_hour)
        due = self.store.due_count(self.learner, end_today + timedelta(days=1), deck_id=self.deck_id)
        return Summary(
            reviewed=len(self.answers),
            correct=sum(a.quality >= PASS_QUALITY for a in self.answers),
            elapsed=now - (self.started or now),
            due_tomorrow=due,
            suspended=self.suspended,
        )
