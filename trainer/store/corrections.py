"""Learner decisions on mined translations: recorded, listed, exported and imported.

A correction is data, not just an edit: a teacher checks a deck once and hands
the JSON Lines file to a class, and ``trainer extract`` reads the confirmed and
rejected terms back as its strongest evidence (:mod:`trainer.extract.corrections`).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from trainer.errors import InputError
from trainer.models import DECISIONS, Correction
from trainer.store.connection import transaction

if TYPE_CHECKING:
    from trainer.store import Store

_COLUMNS = ("deck", "term", "lang", "old", "new", "decision", "learner", "decided_ms", "source")


def insert_correction(conn: sqlite3.Connection, c: Correction) -> bool:
    """Insert inside the caller's transaction; False when the same decision is already stored."""
    cursor = conn.execute(
        f"INSERT OR IGNORE INTO corrections ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
        tuple(getattr(c, k) for k in _COLUMNS),
    )
    return cursor.rowcount > 0


class CorrectionQueries:
    """The corrections table (mixed into :class:`trainer.store.Store`)."""

    conn: sqlite3.Connection

    def corrections(self, deck: str | None = None) -> list[Correction]:
        """Every stored decision, oldest first (of one deck when given)."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM corrections"
        params: tuple[Any, ...] = ()
        if deck is not None:
            sql += " WHERE deck = ?"
            params = (deck,)
        rows = self.conn.execute(sql + " ORDER BY decided_ms, id", params).fetchall()
        return [Correction(**dict(zip(_COLUMNS, r))) for r in rows]

    def import_corrections(self: Store, items: Iterable[Mapping[str, Any]], origin: str = "") -> int:
        """Store decisions read from a JSON Lines file, all or nothing, and apply them to
        the notes already stored; returns how many were new (a decision already stored
        is skipped, so importing twice is harmless)."""
        parsed = []
        for number, item in enumerate(items, 1):
            try:
                parsed.append(Correction.from_dict(item))
            except (KeyError, TypeError, ValueError) as error:
                raise InputError(f"{origin}: line {number}: not a correction ({error})") from error
        from trainer.store.checks import apply_decisions

        with transaction(self.conn):
            added = sum(insert_correction(self.conn, c) for c in parsed)
            apply_decisions(self.conn, self.corrections())
            self.ensure_cards()
            return added


__all__ = ["CorrectionQueries", "Correction", "DECISIONS", "insert_correction"]
