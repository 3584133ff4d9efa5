"""The one read the study app needs that the store API does not offer.

Multiple choice needs distractors from the card's deck. ``Store.notes(deck)`` loads
and parses every note of the deck (50,000 in a large one: about a second); a
random sample of note ids is enough, so it is drawn in SQL and only those notes
are read through the store's API. Parameterised SQL, read only.
"""

from __future__ import annotations

from trainer.models import Note
from trainer.store import Store

#: Notes drawn per deck for distractors: plenty to find four of similar length.
SAMPLE = 150


def sample_notes(store: Store, deck: str, size: int = SAMPLE) -> list[Note]:
    """Up to ``size`` notes of ``deck`` at random (all of them in a small deck), in id order."""
    rows = store.conn.execute(
        "SELECT n.id FROM notes n JOIN decks d ON d.id = n.deck_id WHERE d.name = ? "
        "ORDER BY random() LIMIT ?", (deck, size)).fetchall()
    return [store.note(note_id) for (note_id,) in sorted(rows)]
