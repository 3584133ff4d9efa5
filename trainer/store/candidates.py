"""A small cache of next-card candidates, so most cards cost no query at all.

Asking SQLite for "the next due card" on every card is an index seek plus row
decoding; fetching the next few dozen at once and handing them out one by one is
cheaper, as long as the list can never be stale. It is dropped whenever the
database changed in a way we did not account for: another connection committed
(``PRAGMA data_version`` moved) or this connection wrote anything other than an
answer we were told about (``Connection.total_changes`` moved).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable, Sequence

#: Candidates fetched per query.
BATCH = 8

Stamp = tuple[int, int]


@dataclass
class _Entry:
    #: Raw card rows (id first), decoded only when handed out: most never are.
    rows: list[Sequence[Any]] = field(default_factory=list)
    #: True when the query returned every matching card (fewer than BATCH).
    complete: bool = False


class CandidateCache:
    """Ordered candidate cards per query, valid for one database stamp."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, _Entry] = {}
        self._stamp: Stamp | None = None

    def validate(self, stamp: Stamp) -> None:
        """Forget everything if the database moved since the cache was filled."""
        if stamp != self._stamp:
            self._entries.clear()
            self._stamp = stamp

    def get(self, key: Hashable) -> _Entry | None:
        return self._entries.get(key)

    def put(self, key: Hashable, rows: list[Sequence[Any]]) -> _Entry:
        entry = _Entry(rows, complete=len(rows) < BATCH)
        self._entries[key] = entry
        return entry

    def answered(self, card_id: int, due_again_now: bool, total_changes: int) -> None:
        """Account for our own answer: the card leaves every list, or, if it is due
        again at once (a same-day repeat), the order changed and everything goes."""
        if due_again_now or self._stamp is None:
            self._entries.clear()
        else:
            for entry in self._entries.values():
                entry.rows = [row for row in entry.rows if row[0] != card_id]
        if self._stamp is not None:
            self._stamp = (self._stamp[0], total_changes)

    def clear(self) -> None:
        self._entries.clear()
        self._stamp = None
