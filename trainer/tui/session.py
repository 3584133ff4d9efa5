"""One study session, without any UI: which card next, answers, undo, the summary.

Kept free of Textual so the session rules (answer committed before the next card,
failed cards coming back a few cards later) are testable on their own.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from trainer.errors import DatabaseError, TrainerError
from trainer.models import Card, Learner
from trainer.scheduler import PASS_QUALITY
from trainer.store import Store
from trainer.store.connection import database_error
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


#: Longest a retried answer waits for the write lock, so the UI never freezes.
RETRY_WAIT_MS = 300


@dataclass(frozen=True)
class Answered:
    card_id: int
    quality: int
    duration_ms: int
    review_id: int | None = None  # the log row, so that undo takes back only this answer


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
    #: What ``undo`` takes back, last first: an answer (its Answered) or a suspension (the card's id).
    undoable: list[Answered | int] = field(default_factory=list)
    started: datetime | None = None
    #: An answer the database could not take yet (busy, full, read-only), and why.
    pending: Answered | None = None
    pending_error: DatabaseError | None = None

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
        self.answers.append(Answered(card.id, quality, duration_ms, self.store.last_answer_id))
        self.undoable.append(self.answers[-1])
        return updated

    def try_answer(self, card: Card, quality: int, duration_ms: int) -> Card | None:
        """Like :meth:`answer`, but a database that is busy, full or read-only
        keeps the answer as :attr:`pending` (None is returned) instead of
        raising: the review screen retries it and never drops it."""
        self.pending = Answered(card.id, quality, duration_ms)
        return self.retry()

    def retry(self) -> Card | None:
        """Try to commit the pending answer once, waiting at most RETRY_WAIT_MS
        for the lock (the UI stays responsive); the card on success."""
        pending = self.pending
        if pending is None:
            return None
        try:
            with self.store.busy_timeout(RETRY_WAIT_MS):
                card = self.store.card(pending.card_id)
                updated = self.answer(card, pending.quality, pending.duration_ms)
        except sqlite3.Error as error:
            self.pending_error = database_error(self.store.path, error)
            return None
        self.pending = self.pending_error = None
        return updated

    def undo(self) -> Card | None:
        """Take back this session's last action, an answer or a suspension (as Anki's
        undo does); None when there is nothing to undo.

        Raises TrainerError when the card was answered since in another process:
        that later answer is not ours to take back."""
        if not self.undoable:
            return None
        last = self.undoable.pop()
        if isinstance(last, int):
            self.store.set_suspended(last, False)
            self.suspended -= 1
            return self.store.card(last)
        self.answers.remove(last)
        card = self.store.undo_last(self.learner.id, last.review_id)
        if card is None:
            raise TrainerError("not undone: that card was answered again meanwhile (another window)")
        return card

    def suspend(self, card: Card) -> None:
        self.store.set_suspended(card.id, True)
        self.suspended += 1
        self.undoable.append(card.id)

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
