"""Cards and the review log: what to study next, recording answers, undo.

Every answer is one transaction that updates the card and appends its review row,
committed (synchronous=FULL) before the caller can show the next card.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Collection, Sequence

from trainer import scheduler
from trainer.errors import TrainerError
from trainer.models import Card, Learner, ReviewRecord
from trainer.scheduler import CardState
from trainer.store.candidates import BATCH, CandidateCache
from trainer.store.connection import transaction
from trainer.studyday import from_ms, study_day_bounds, to_ms

if TYPE_CHECKING:
    from trainer.store import Store

_DAY_MS = 86_400_000
#: reviews.kind values.
KIND_NEW, KIND_REVIEW, KIND_REPEAT = 0, 1, 2

_CARD_COLUMNS = (
    "id, note_id, learner_id, deck_id, direction, repetitions, interval, easiness, due_ms, "
    "needs_extra_review, lapses, suspended, last_review_ms, position, created_ms"
)
_REVIEW_COLUMNS = (
    "id, card_id, learner_id, reviewed_ms, quality, duration_ms, kind, rep_before, ivl_before, "
    "ef_before, due_before_ms, extra_before, rep_after, ivl_after, ef_after, due_after_ms, extra_after"
)


@dataclass(frozen=True)
class DeckCounts:
    """One line of the deck list: what a learner has to do in a deck today."""

    deck_id: int
    deck: str
    due: int
    new: int
    learned: int
    total: int


def card_from_row(row: Sequence[Any]) -> Card:
    (card_id, note_id, learner_id, deck_id, direction, reps, interval, ef, due_ms, extra,
     lapses, suspended, last_ms, position, created_ms) = row
    state = CardState(reps, interval, ef, from_ms(due_ms), bool(extra))
    return Card(
        id=card_id, note_id=note_id, learner_id=learner_id, deck_id=deck_id, direction=direction,
        state=state, lapses=lapses, suspended=bool(suspended),
        last_review=from_ms(last_ms) if last_ms is not None else None,
        position=position, created=from_ms(created_ms),
    )


def review_from_row(row: Sequence[Any]) -> ReviewRecord:
    (review_id, card_id, learner_id, reviewed_ms, quality, duration, kind,
     rb, ib, eb, db, xb, ra, ia, ea, da, xa) = row
    return ReviewRecord(
        id=review_id, card_id=card_id, learner_id=learner_id, reviewed=from_ms(reviewed_ms),
        quality=quality, duration_ms=duration, kind=kind,
        before=CardState(rb, ib, eb, from_ms(db), bool(xb)),
        after=CardState(ra, ia, ea, from_ms(da), bool(xa)),
    )


def review_kind(card: Card) -> int:
    """New (first sight), scheduled review, or same-day repeat of a failed/hard card."""
    if card.is_new:
        return KIND_NEW
    if card.state.needs_extra_review or card.state.repetitions == 0:
        return KIND_REPEAT
    return KIND_REVIEW


class CardQueries:
    """Mixin of :class:`trainer.store.Store` for cards and reviews."""

    conn: sqlite3.Connection
    _counts_cache: dict[tuple[int, int], dict[int, int]]
    _counts_version: int | None
    _bounds_cache: dict[int, tuple[datetime, datetime]]
    _candidates: CandidateCache

    def card(self, card_id: int) -> Card:
        row = self.conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE id = ?", (card_id,)).fetchone()
        if row is None:
            raise TrainerError(f"no card with id {card_id}")
        return card_from_row(row)

    def cards_of_note(self, note_id: int, learner_id: int) -> list[Card]:
        rows = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE note_id = ? AND learner_id = ? ORDER BY direction",
            (note_id, learner_id),
        ).fetchall()
        return [card_from_row(r) for r in rows]

    def today_counts(self, learner: Learner, now: datetime, version: int | None = None) -> dict[int, int]:
        """Reviews done today by kind (KIND_NEW, KIND_REVIEW, KIND_REPEAT).

        Asked before every card, so it is cached: the cache is kept current by our own
        answers and dropped whenever another connection commits (PRAGMA data_version).
        """
        start, _ = self._day_bounds(now, learner.day_start_hour)
        key = (learner.id, to_ms(start))
        if version is None:
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._counts_version != version:
            self._counts_cache.clear()
            self._counts_version = version
        if key not in self._counts_cache:
            rows = self.conn.execute(
                "SELECT kind, count(*) FROM reviews WHERE learner_id = ? AND reviewed_ms >= ? GROUP BY kind",
                key,
            ).fetchall()
            counts = {KIND_NEW: 0, KIND_REVIEW: 0, KIND_REPEAT: 0}
            counts.update({kind: n for kind, n in rows})
            self._counts_cache[key] = counts
        return dict(self._counts_cache[key])

    def _day_bounds(self, now: datetime, start_hour: int) -> tuple[datetime, datetime]:
        """study_day_bounds, remembered for the day in progress (asked before every card)."""
        cached = self._bounds_cache.get(start_hour)
        if cached is None or not cached[0] <= now < cached[1]:
            cached = study_day_bounds(now, start_hour)
            self._bounds_cache[start_hour] = cached
        return cached

    def next_card(
        self,
        learner: Learner,
        now: datetime,
        *,
        direction: str = "recognition",
        deck_id: int | None = None,
        exclude: Collection[int] = (),
    ) -> Card | None:
        """The card to show next, or None when today's work is done.

        Due reviews first, most overdue first (same-day repeats are due too, from the
        moment they failed); then new cards in termhood order. Scheduled reviews stop
        at the learner's daily review limit and new cards at the new-card limit;
        same-day repeats are never limited. ``exclude`` holds the cards just seen, so
        a failed card comes back after a few others rather than at once.
        """
        _, end = self._day_bounds(now, learner.day_start_hour)
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        self._candidates.validate((version, self.conn.total_changes))
        done = self.today_counts(learner, now, version)
        scope, params = _scope(learner.id, direction, deck_id)
        due_scope = f"{scope} AND last_review_ms IS NOT NULL AND due_ms < ?"
        if done[KIND_REVIEW] >= learner.reviews_per_day:
            due_scope += " AND (repetitions = 0 OR needs_extra_review = 1)"
        found = self._pick(due_scope, [*params, to_ms(end)], "due_ms", exclude)
        if found is None and done[KIND_NEW] < learner.new_per_day:
            found = self._pick(f"{scope} AND last_review_ms IS NULL AND waiting = 0", params, "position, id", exclude)
        return found

    def _pick(self, where: str, params: list[Any], order: str, exclude: Collection[int]) -> Card | None:
        """First candidate not in ``exclude``, from the cache or a batch query."""
        key = (where, tuple(params), order)
        entry = self._candidates.get(key)
        if entry is None or (not entry.rows and not entry.complete):
            rows = self.conn.execute(
                f"SELECT {_CARD_COLUMNS} FROM cards WHERE {where} ORDER BY {order} LIMIT {BATCH}", params
            ).fetchall()
            entry = self._candidates.put(key, rows)
        for row in entry.rows:
            if row[0] not in exclude:
                return card_from_row(row)
        if entry.complete:
            return None
        # Every cached candidate is one of the few just-seen cards: look further.
        marks = ", ".join("?" * len(exclude))
        row = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE {where} AND id NOT IN ({marks}) ORDER BY {order} LIMIT 1",
            [*params, *exclude],
        ).fetchone()
        return card_from_row(row) if row else None

    def answer(self: Store, card_id: int, quality: int, now: datetime, duration_ms: int = 0) -> Card:
        """Record an answer: update the card and append to the log, in one commit."""
        reviewed_ms = to_ms(now)
        moment = from_ms(reviewed_ms)
        with transaction(self.conn):
            card = self.card(card_id)
            after = scheduler.review(card.state, quality, moment)
            lapse = scheduler.is_lapse(card.state, quality)
            self.conn.execute(
                "UPDATE cards SET repetitions = ?, interval = ?, easiness = ?, due_ms = ?, "
                "needs_extra_review = ?, lapses = lapses + ?, last_review_ms = ? WHERE id = ?",
                (*_state_values(after), int(lapse), reviewed_ms, card_id),
            )
            inserted = self.conn.execute(
                f"INSERT INTO reviews ({_REVIEW_COLUMNS.split(', ', 1)[1]}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (card_id, card.learner_id, reviewed_ms, quality, max(0, int(duration_ms)),
                 review_kind(card), *_state_values(card.state), *_state_values(after)),
            )
        #: The log row of this process's latest answer: what a session may undo.
        self.last_answer_id = inserted.lastrowid
        for (learner_id, day_start_ms), counts in self._counts_cache.items():
            if learner_id == card.learner_id and day_start_ms <= reviewed_ms < day_start_ms + _DAY_MS:
                counts[review_kind(card)] += 1
        self._candidates.answered(card_id, after.due <= moment, self.conn.total_changes)
        return replace(card, state=after, lapses=card.lapses + lapse, last_review=moment)

    def undo_last(self: Store, learner_id: int, review_id: int | None = None) -> Card | None:
        """Take back the learner's last answer: the card is restored exactly, the row removed.

        With ``review_id`` (a session undoing its own answer), only that answer,
        and only while it is still its card's latest: an answer given meanwhile
        in another terminal is never taken back, and None says nothing was undone.
        """
        with transaction(self.conn):
            if review_id is None:
                row = self.conn.execute(
                    f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE learner_id = ? ORDER BY id DESC LIMIT 1",
                    (learner_id,),
                ).fetchone()
            else:
                row = self.conn.execute(
                    f"SELECT {_REVIEW_COLUMNS} FROM reviews AS r WHERE r.id = ? AND r.learner_id = ? AND r.id = "
                    "(SELECT max(id) FROM reviews WHERE card_id = r.card_id)", (review_id, learner_id),
                ).fetchone()
            if row is None:
                return None
            last = review_from_row(row)
            previous = self.conn.execute(
                "SELECT max(reviewed_ms) FROM reviews WHERE card_id = ? AND id < ?", (last.card_id, last.id)
            ).fetchone()[0]
            self.conn.execute(
                "UPDATE cards SET repetitions = ?, interval = ?, easiness = ?, due_ms = ?, "
                "needs_extra_review = ?, lapses = lapses - ?, last_review_ms = ? WHERE id = ?",
                (*_state_values(last.before), int(scheduler.is_lapse(last.before, last.quality)),
                 previous, last.card_id),
            )
            self.conn.execute("DELETE FROM reviews WHERE id = ?", (last.id,))
        self._counts_cache.clear()
        return self.card(last.card_id)

    def set_suspended(self, card_id: int, suspended: bool = True) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE cards SET suspended = ? WHERE id = ?", (int(suspended), card_id))

    def reviews_of_card(self, card_id: int) -> list[ReviewRecord]:
        """The card's log in the order answers were applied (id), which is what replay folds."""
        rows = self.conn.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE card_id = ? ORDER BY id", (card_id,)
        ).fetchall()
        return [review_from_row(r) for r in rows]

    def replayed_state(self, card_id: int) -> CardState:
        """The card's state rebuilt from its creation and its review log alone."""
        card = self.card(card_id)
        answers = [(r.quality, r.reviewed) for r in self.reviews_of_card(card_id)]
        return scheduler.replay(card.created or card.state.due, answers)

    def due_count(self, learner: Learner, before: datetime, *, deck_id: int | None = None) -> int:
        """Studied cards (any direction) due before ``before``: "due tomorrow" and forecasts."""
        sql = (
            "SELECT count(*) FROM cards WHERE learner_id = ? AND last_review_ms IS NOT NULL "
            "AND suspended = 0 AND due_ms < ?"
        )
        params: list[Any] = [learner.id, to_ms(before)]
        if deck_id is not None:
            sql += " AND deck_id = ?"
            params.append(deck_id)
        return int(self.conn.execute(sql, params).fetchone()[0])

    def deck_counts(self, learner: Learner, now: datetime, direction: str | None = None) -> list[DeckCounts]:
        """Per deck: cards due today, new cards available today, learned and total."""
        _, end = study_day_bounds(now, learner.day_start_hour)
        done = self.today_counts(learner, now)
        new_left = max(0, learner.new_per_day - done[KIND_NEW])
        rows = self.conn.execute(
            "SELECT d.id, d.name, "
            "coalesce(sum(c.last_review_ms IS NOT NULL AND c.suspended = 0 AND c.due_ms < :end), 0), "
            "coalesce(sum(c.last_review_ms IS NULL AND c.suspended = 0 AND c.waiting = 0), 0), "
            "coalesce(sum(c.last_review_ms IS NOT NULL), 0), count(c.id) "
            "FROM decks d LEFT JOIN cards c ON c.deck_id = d.id AND c.learner_id = :learner "
            "AND (:direction IS NULL OR c.direction = :direction) "
            "GROUP BY d.id ORDER BY d.name",
            {"end": to_ms(end), "learner": learner.id, "direction": direction},
        ).fetchall()
        return [DeckCounts(i, name, due, min(new, new_left), learned, total)
                for i, name, due, new, learned, total in rows]


def _scope(learner_id: int, direction: str, deck_id: int | None) -> tuple[str, list[Any]]:
    """WHERE clause shared by the next-card queries; matches the partial indexes."""
    where = "learner_id = ? AND direction = ? AND suspended = 0"
    params: list[Any] = [learner_id, direction]
    if deck_id is not None:
        where += " AND deck_id = ?"
        params.append(deck_id)
    return where, params


def _state_values(state: CardState) -> tuple[int, int, float, int, int]:
    return (state.repetitions, state.interval, state.easiness, to_ms(state.due), int(state.needs_extra_review))
