"""Checking mined notes: decisions committed one by one, undone exactly, and waiting cards.

Each decision (accept, pick, edit, reject) is one transaction that rewrites the
note's translation, records the :class:`~trainer.models.Correction` and updates
which new cards wait, so killing the app mid-way loses nothing decided.  An
:class:`Undo` holds what the transaction replaced, so undo restores it exactly.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from trainer.checking import check_queue
from trainer.errors import TrainerError
from trainer.models import UNSURE_BELOW, Correction, Note, Translation
from trainer.store.connection import transaction
from trainer.store.corrections import insert_correction

if TYPE_CHECKING:
    from trainer.store import Store


@dataclass(frozen=True)
class Decision:
    """What the learner decided about one note's translation in ``lang``."""

    note_id: int
    lang: str
    decision: str  # accept | pick | edit | reject
    text: str = ""  # the new translation (pick, edit)


@dataclass(frozen=True)
class Undo:
    """What one committed decision replaced."""

    note_id: int
    translations: str
    correction_ids: tuple[int, ...]
    suspended: tuple[tuple[int, int], ...]
    rejected: int = 0


def _unsure_sql(lang: str) -> str:
    """SQL twin of :attr:`Translation.unsure` and not checked, for the note ``n`` in
    language ``lang`` (an SQL expression); the bar is the :data:`UNSURE_BELOW` parameter."""
    method = f"json_extract(n.translations, '$.' || {lang} || '.method')"
    confidence = f"json_extract(n.translations, '$.' || {lang} || '.confidence')"
    return (f"({method} = 'dictionary' OR ({method} IN ('aligned', 'word-aligned') "
            f"AND {confidence} < :unsure_below))")


def refresh_waiting(conn: sqlite3.Connection, *, note_ids: Sequence[int] | None = None,
                    learner_id: int | None = None, deck_id: int | None = None) -> None:
    """Hold back new cards whose translation needs a check, for learners who asked for that.

    Runs inside the caller's transaction; only rows whose flag changes are written.
    """
    where = ["c.last_review_ms IS NULL"]
    params: dict[str, Any] = {"unsure_below": UNSURE_BELOW}
    if note_ids is not None:
        where.append(f"c.note_id IN ({', '.join(str(int(i)) for i in note_ids) or 'NULL'})")
    if learner_id is not None:
        where.append("c.learner_id = :learner")
        params["learner"] = learner_id
    if deck_id is not None:
        where.append("c.deck_id = :deck")
        params["deck"] = deck_id
    conn.execute(
        "UPDATE cards SET waiting = w.value FROM ("
        f"SELECT c.id AS id, (l.study_unchecked = 0 AND {_unsure_sql('l.lang')}) AS value "
        "FROM cards c JOIN notes n ON n.id = c.note_id JOIN learners l ON l.id = c.learner_id "
        f"WHERE {' AND '.join(where)}) AS w WHERE cards.id = w.id AND cards.waiting != w.value",
        params,
    )


def apply_decisions(conn: sqlite3.Connection, corrections: Sequence[Correction]) -> int:
    """Bring stored notes in line with decisions (a teacher's file, the bundled deck's checks):
    the latest decision per deck, term and language wins; a rejected term's cards are
    suspended, a confirmed text becomes the note's checked translation.  Runs inside the
    caller's transaction; returns how many notes changed."""
    latest: dict[tuple[str, str, str], Correction] = {}
    for c in sorted(corrections, key=lambda c: c.decided_ms):
        latest[(c.deck, c.term, c.lang)] = c
    changed: list[int] = []
    for (deck, term, lang), c in latest.items():
        row = conn.execute("SELECT n.id, n.translations FROM notes n JOIN decks d ON d.id = n.deck_id "
                           "WHERE d.name = ? AND n.term = ?", (deck, term)).fetchone()
        if row is None:
            continue
        if c.decision == "reject":
            _reject(conn, int(row[0]))
            changed.append(int(row[0]))
            continue
        conn.execute("UPDATE notes SET rejected = 0 WHERE id = ?", (row[0],))
        translations = json.loads(row[1])
        old = Translation.from_dict(translations[lang]) if isinstance(translations.get(lang), dict) else None
        method = "confirmed" if c.decision == "accept" else "edited"
        if old is not None and old.text == c.new and old.method in ("confirmed", "edited"):
            continue
        kept = replace(old, text=c.new, confidence=1.0, method=method) if old else \
            Translation(c.new, confidence=1.0, method=method)
        if old is not None and old.text != c.new:
            kept = replace(kept, alternatives=tuple(a for a in (old.text, *old.alternatives) if a != c.new)[:3])
        translations[lang] = kept.to_dict()
        conn.execute("UPDATE notes SET translations = ? WHERE id = ?",
                     (json.dumps(translations, ensure_ascii=False, sort_keys=True), row[0]))
        changed.append(int(row[0]))
    if changed:
        refresh_waiting(conn, note_ids=changed)
    return len(changed)


class CheckQueries:
    """Mixin of :class:`trainer.store.Store` for the check screen."""

    conn: sqlite3.Connection

    def notes_to_confirm(self: Store, deck: str, lang: str) -> list[Note]:
        """The deck's notes not yet confirmed in ``lang``, least confident first, rejected ones left out."""
        rejected = {term for (term,) in self.conn.execute(
            "SELECT n.term FROM notes n JOIN decks d ON d.id = n.deck_id WHERE d.name = ? AND n.rejected = 1",
            (deck,))}
        return check_queue(self.notes(deck), lang, rejected)

    def to_check_counts(self, lang: str) -> dict[int, int]:
        """Deck id -> notes whose ``lang`` translation still needs a check (rejected ones,
        whose cards are all suspended, are not counted)."""
        rows = self.conn.execute(
            f"SELECT n.deck_id, count(*) FROM notes n WHERE n.rejected = 0 AND {_unsure_sql(':lang')} "
            "AND EXISTS (SELECT 1 FROM cards c WHERE c.note_id = n.id AND c.suspended = 0) "
            "GROUP BY n.deck_id", {"lang": lang, "unsure_below": UNSURE_BELOW}).fetchall()
        return {int(deck_id): int(count) for deck_id, count in rows}

    def apply_checks(self: Store, checks: Sequence[Correction]) -> int:
        """Apply decisions to the stored notes without recording them as the learner's own
        (the bundled deck's maintainers' check): returns how many notes changed."""
        with transaction(self.conn):
            changed = apply_decisions(self.conn, checks)
            self.ensure_cards()
        return changed

    def decide(self: Store, decisions: Sequence[Decision], learner: str = "") -> list[Undo]:
        """Commit decisions (one, or "accept all above X") in one transaction."""
        undos = []
        with transaction(self.conn):
            for decision in decisions:
                undos.append(self._apply(decision, learner))
            refresh_waiting(self.conn, note_ids=[d.note_id for d in decisions])
        return undos

    def undo_decisions(self: Store, undos: Sequence[Undo]) -> None:
        """Put back exactly what :meth:`decide` replaced (translations, card flags) and
        forget its corrections."""
        with transaction(self.conn):
            for undo in reversed(undos):
                self.conn.execute("UPDATE notes SET translations = ?, rejected = ?, updated_ms = ? WHERE id = ?",
                                  (undo.translations, undo.rejected, self.now_ms(), undo.note_id))
                self.conn.executemany("DELETE FROM corrections WHERE id = ?",
                                      [(i,) for i in undo.correction_ids])
                self.conn.executemany("UPDATE cards SET suspended = ? WHERE id = ?",
                                      [(flag, card_id) for card_id, flag in undo.suspended])
            refresh_waiting(self.conn, note_ids=[u.note_id for u in undos])

    def _apply(self: Store, decision: Decision, learner: str) -> Undo:
        note = self.note(decision.note_id)
        stored, rejected = self.conn.execute("SELECT translations, rejected FROM notes WHERE id = ?",
                                             (note.id,)).fetchone()
        old = note.translation(decision.lang)
        if old is None:
            raise TrainerError(f"{note.term} has no {decision.lang} translation to check")
        now = self.now_ms()
        correction = Correction(term=note.term, lang=decision.lang, decision=decision.decision,
                                old=old.text, new=_new_text(decision, old), deck=note.deck,
                                learner=learner, decided_ms=now, source=", ".join(note.sources))
        suspended: tuple[tuple[int, int], ...] = ()
        if decision.decision == "reject":
            suspended = tuple(self.conn.execute(
                "SELECT id, suspended FROM cards WHERE note_id = ?", (note.id,)).fetchall())
            _reject(self.conn, note.id)
        else:
            translations = {**note.translations, decision.lang: _confirmed(decision, old)}
            self.conn.execute(
                "UPDATE notes SET translations = ?, updated_ms = ? WHERE id = ?",
                (json.dumps({k: v.to_dict() for k, v in translations.items()}, ensure_ascii=False,
                            sort_keys=True), now, note.id))
        inserted = insert_correction(self.conn, correction)
        ids = (int(self.conn.execute("SELECT last_insert_rowid()").fetchone()[0]),) if inserted else ()
        return Undo(note.id, stored, ids, suspended, int(rejected))


def _reject(conn: sqlite3.Connection, note_id: int) -> None:
    """The term is out of its deck: no card of it is studied, none is created later."""
    conn.execute("UPDATE notes SET rejected = 1 WHERE id = ?", (note_id,))
    conn.execute("UPDATE cards SET suspended = 1 WHERE note_id = ?", (note_id,))


def _new_text(decision: Decision, old: Translation) -> str:
    if decision.decision == "accept":
        return old.text
    if decision.decision == "reject":
        return ""
    text = decision.text.strip()
    if not text:
        raise TrainerError("a translation cannot be empty")
    return text


def _confirmed(decision: Decision, old: Translation) -> Translation:
    """The translation after an accept (kept, now sure) or a pick/edit (the learner's text)."""
    if decision.decision == "accept":
        return replace(old, confidence=1.0, method="confirmed")
    text = decision.text.strip()
    others = tuple(a for a in (old.text, *old.alternatives) if a != text)[:3]
    return replace(old, text=text, alternatives=others, confidence=1.0, method="edited")
