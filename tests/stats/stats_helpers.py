"""Helpers for the progress statistics tests: small databases with known review logs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from trainer.models import Learner, NoteDraft, Translation
from trainer.store import Store
from trainer.studyday import to_ms

#: Monday 2026-01-05, 12:00 UTC: the fixed "created" time of every test database.
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A UTC time ``day`` days after 2026-01-05 (a Monday)."""
    return datetime(2026, 1, 5, tzinfo=timezone.utc) + timedelta(days=day, hours=hour, minutes=minute)


def drafts(count: int) -> list[NoteDraft]:
    return [
        NoteDraft(term=f"词{i}", pinyin=f"cí{i}", pinyin_numbers=f"ci2 {i}", rank=i,
                  translations={"en": Translation(f"word {i}"), "fr": Translation(f"mot {i}")})
        for i in range(count)
    ]


class Lab:
    """A database with one deck of ``notes`` notes and helpers to write history into it."""

    def __init__(self, path: Path, notes: int = 6) -> None:
        self.store = Store.open(path, clock=lambda: T0)
        self.store.import_notes("deck", drafts(notes))

    def learner(self, name: str = "ana", lang: str = "en", **settings: int) -> Learner:
        return self.store.add_learner(name, lang, **settings)

    def cards(self, learner: Learner, direction: str = "recognition") -> list[int]:
        """The learner's card ids in one direction, in note order."""
        rows = self.store.conn.execute(
            "SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id "
            "WHERE c.learner_id = ? AND c.direction = ? ORDER BY n.rank", (learner.id, direction)
        ).fetchall()
        return [r[0] for r in rows]

    def answer(self, card_id: int, quality: int, when: datetime, seconds: float = 10) -> None:
        self.store.answer(card_id, quality, when, int(seconds * 1000))

    def set_card(self, card_id: int, **values: object) -> None:
        """Put a card in a given state directly (e.g. a mature interval) without a history."""
        if "due" in values:
            values["due_ms"] = to_ms(values.pop("due"))  # type: ignore[arg-type]
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.store.conn:
            self.store.conn.execute(f"UPDATE cards SET {sets} WHERE id = ?", (*values.values(), card_id))




def simulate(lab: Lab, learner: Learner, end: datetime, days: int = 120, seed: int = 1,
             skip: float = 0.25) -> None:
    """A plausible history: on most of the ``days`` study days before ``end``, answer the due cards.

    Deterministic for a given seed; used where a test needs realistic charts (report, TUI).
    """
    import random

    rng = random.Random(seed)
    cards = lab.cards(learner) + lab.cards(learner, "recall")
    for back in range(days, -1, -1):
        if back and rng.random() < skip:
            continue
        moment = end - timedelta(days=back, hours=2)
        due = [c for c in cards if lab.store.card(c).is_new is False
               and lab.store.card(c).state.due <= moment]
        fresh = [c for c in cards if lab.store.card(c).is_new][:3]
        for card_id in due + fresh:
            lab.answer(card_id, rng.choice([1, 3, 4, 4, 5, 5, 5]), moment, rng.randint(2, 15))
            moment += timedelta(seconds=20)
