"""Decks and notes: importing extracted notes idempotently, browsing, editing."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from trainer.checking import CHECKED_METHODS, rejected_terms
from trainer.errors import DatabaseError, TrainerError
from trainer.models import Correction, Deck, Example, Note, NoteDraft, Translation
from trainer.store.connection import transaction
from trainer.store.checks import refresh_waiting
from trainer.store.corrections import insert_correction

if TYPE_CHECKING:
    from trainer.store import Store

_NOTE_COLUMNS = (
    "n.id, d.name, n.term, n.pinyin, n.pinyin_numbers, n.translations, n.examples, n.sources, n.rank"
)


@dataclass(frozen=True)
class ImportResult:
    """What :meth:`NoteQueries.import_notes` did, for the CLI to report."""

    deck: str
    added: int
    updated: int
    unchanged: int
    cards_created: int


def note_from_row(row: Sequence[Any]) -> Note:
    """A note from its row; a JSON field that another program or a damaged disk
    broke is a one-line DatabaseError naming the note, never a traceback."""
    note_id, deck, term, pinyin, numbers, translations, examples, sources, rank = row
    try:
        return Note(
            id=note_id,
            deck=deck,
            term=term,
            pinyin=pinyin,
            pinyin_numbers=numbers,
            translations={k: Translation.from_dict(v) for k, v in json.loads(translations).items()},
            examples=tuple(Example.from_dict(e) for e in json.loads(examples)),
            sources=tuple(json.loads(sources)),
            rank=rank,
        )
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise DatabaseError(f"note {note_id} ({term}) of deck {deck!r} has a damaged stored field "
                            f"({type(error).__name__}); re-extract its article or delete the deck") from error


def _stored_translations(text: str) -> dict[str, Any]:
    """The stored translations of a note being replaced; a damaged value is replaced whole."""
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class NoteQueries:
    """Mixin of :class:`trainer.store.Store` for decks and notes."""

    conn: sqlite3.Connection

    def decks(self) -> list[Deck]:
        rows = self.conn.execute("SELECT id, name, description FROM decks ORDER BY name").fetchall()
        return [Deck(*r) for r in rows]

    def deck(self, name: str) -> Deck:
        """The deck called ``name``; a one-line error when there is none."""
        row = self.conn.execute("SELECT id, name, description FROM decks WHERE name = ?", (name,)).fetchone()
        if row is None:
            known = ", ".join(d.name for d in self.decks()) or "none yet"
            raise TrainerError(f"no deck named {name!r} (decks: {known})")
        return Deck(*row)

    def import_notes(
        self: Store, deck: str, drafts: Sequence[NoteDraft], *, description: str = ""
    ) -> ImportResult:
        """Add or update ``drafts`` in ``deck``, all or nothing.

        A note is identified by (deck, term), so importing again updates it in place:
        its cards, and so every learner's review history, are kept. Translations a
        learner checked (accepted, picked or typed) win over freshly extracted ones, and
        a term rejected in this deck is never added back.
        """
        if not deck.strip():
            raise TrainerError("a deck needs a non-empty name")
        now = self.now_ms()
        added = updated = unchanged = 0
        with transaction(self.conn):
            deck_id = _deck_id(self.conn, deck, description, now)
            rejected = rejected_terms(self.corrections(deck), deck)
            for draft in (d for d in drafts if d.term not in rejected):
                outcome = _upsert_note(self.conn, deck_id, draft, now)
                added += outcome == "added"
                updated += outcome == "updated"
                unchanged += outcome == "unchanged"
            created = self.ensure_cards(deck_id=deck_id)
        return ImportResult(deck, added, updated, unchanged, created)

    def note(self, note_id: int) -> Note:
        row = self.conn.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes n JOIN decks d ON d.id = n.deck_id WHERE n.id = ?",
            (note_id,),
        ).fetchone()
        if row is None:
            raise TrainerError(f"no note with id {note_id}")
        return note_from_row(row)

    def notes(self, deck: str | None = None) -> list[Note]:
        """Notes of a deck (or all), most important first; rejected terms are out of the deck."""
        sql = f"SELECT {_NOTE_COLUMNS} FROM notes n JOIN decks d ON d.id = n.deck_id WHERE n.rejected = 0"
        params: tuple[Any, ...] = ()
        if deck is not None:
            sql += " AND d.name = ?"
            params = (deck,)
        rows = self.conn.execute(sql + " ORDER BY d.name, n.rank, n.id", params).fetchall()
        return [note_from_row(r) for r in rows]

    def sample_notes(self, deck: str, size: int) -> list[Note]:
        """Up to ``size`` notes of ``deck`` drawn at random (all of a small deck), in id order.

        Multiple-choice distractors need a pool, not the deck: parsing 50,000 notes
        takes a second, drawing ids in SQL and reading a few notes takes a millisecond.
        """
        rows = self.conn.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes n JOIN decks d ON d.id = n.deck_id "
            "WHERE n.id IN (SELECT n2.id FROM notes n2 JOIN decks d2 ON d2.id = n2.deck_id "
            "WHERE d2.name = ? AND n2.rejected = 0 ORDER BY random() LIMIT ?) ORDER BY n.id",
            (deck, size),
        ).fetchall()
        return [note_from_row(r) for r in rows]

    def note_counts(self) -> dict[str, int]:
        """Deck name -> number of notes (0 for an empty deck; rejected terms not counted), without decoding any note."""
        rows = self.conn.execute(
            "SELECT d.name, count(n.id) FROM decks d LEFT JOIN notes n ON n.deck_id = d.id AND n.rejected = 0 "
            "GROUP BY d.id"
        ).fetchall()
        return {name: count for name, count in rows}

    def note_update_times(self) -> dict[int, int]:
        """Note id -> last change (UTC ms): exports stamp each note with it."""
        rows = self.conn.execute("SELECT id, updated_ms FROM notes").fetchall()
        return {int(note_id): int(updated) for note_id, updated in rows}

    def search_notes(self, query: str, limit: int = 200) -> list[Note]:
        """Notes whose hanzi, pinyin (marks or digits, spaces ignored) or translations match."""
        needle = query.strip().lower()
        pattern = f"%{_escape_like(needle)}%"
        compact = f"%{_escape_like(needle.replace(' ', ''))}%"
        rows = self.conn.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes n JOIN decks d ON d.id = n.deck_id "
            "WHERE n.rejected = 0 AND (n.term LIKE :p ESCAPE '\\' "
            "OR replace(lower(n.pinyin), ' ', '') LIKE :c ESCAPE '\\' "
            "OR replace(lower(n.pinyin_numbers), ' ', '') LIKE :c ESCAPE '\\' "
            f"OR {_PLAIN_PINYIN} LIKE :c ESCAPE '\\' "
            "OR lower(n.translations) LIKE :p ESCAPE '\\') "
            "ORDER BY n.rank, n.id LIMIT :limit",
            {"p": pattern, "c": compact, "limit": limit},
        ).fetchall()
        return [note_from_row(r) for r in rows]

    def edit_translation(self: Store, note_id: int, lang: str, text: str, learner: str = "") -> Note:
        """A learner's fix of a translation; kept over later re-extractions, and
        stored as a correction (an ``edit``) that later extractions use."""
        text = text.strip()
        if not text:
            raise TrainerError("a translation cannot be empty")
        note = self.note(note_id)
        old = note.translation(lang)
        alternatives = old.alternatives if old else ()
        if old and old.text != text:
            alternatives = (old.text, *[a for a in old.alternatives if a != text])[:3]
        fixed = Translation(text=text, alternatives=alternatives, confidence=1.0, method="edited")
        translations = {**note.translations, lang: fixed}
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE notes SET translations = ?, updated_ms = ? WHERE id = ?",
                (_json({k: v.to_dict() for k, v in translations.items()}), self.now_ms(), note_id),
            )
            if not old or old.text != text:
                insert_correction(self.conn, Correction(
                    term=note.term, lang=lang, decision="edit", old=old.text if old else "", new=text, deck=note.deck,
                    learner=learner, decided_ms=self.now_ms(), source=", ".join(note.sources)))
            self.ensure_cards(note_id=note_id)
        return replace(note, translations=translations)

    def ensure_cards(self: Store, learner_id: int | None = None, deck_id: int | None = None,
                     note_id: int | None = None) -> int:
        """Create the missing cards: every note x learner x direction the learner can study.

        A learner can study a note when it has a translation in their language and nobody
        rejected its term (:mod:`trainer.store.checks`); its new
        cards wait while that translation needs a check (see :func:`refresh_waiting`).
        Runs inside the caller's transaction. Returns how many cards were created.
        """
        sql = (
            "INSERT OR IGNORE INTO cards "
            "(note_id, learner_id, deck_id, direction, due_ms, position, created_ms) "
            "SELECT n.id, l.id, n.deck_id, dir.direction, :now, n.rank, :now "
            "FROM notes n CROSS JOIN learners l "
            "CROSS JOIN (SELECT 'recognition' AS direction UNION ALL SELECT 'recall') dir "
            "WHERE json_type(n.translations, '$.' || l.lang) IS NOT NULL AND n.rejected = 0"
        )
        params: dict[str, Any] = {"now": self.now_ms()}
        if learner_id is not None:
            sql += " AND l.id = :learner"
            params["learner"] = learner_id
        if deck_id is not None:
            sql += " AND n.deck_id = :deck"
            params["deck"] = deck_id
        if note_id is not None:
            sql += " AND n.id = :note"
            params["note"] = note_id
        created = self.conn.execute(sql, params).rowcount
        refresh_waiting(self.conn, learner_id=learner_id, deck_id=deck_id,
                        note_ids=None if note_id is None else [note_id])
        return created


def _deck_id(conn: sqlite3.Connection, name: str, description: str, now: int) -> int:
    row = conn.execute("SELECT id FROM decks WHERE name = ?", (name,)).fetchone()
    if row:
        if description:
            conn.execute("UPDATE decks SET description = ? WHERE id = ?", (description, row[0]))
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO decks (name, description, created_ms) VALUES (?, ?, ?)", (name, description, now)
    )
    return int(cursor.lastrowid or 0)


def _upsert_note(conn: sqlite3.Connection, deck_id: int, draft: NoteDraft, now: int) -> str:
    """Insert or update one note; returns "added", "updated" or "unchanged"."""
    row = conn.execute(
        "SELECT id, pinyin, pinyin_numbers, translations, examples, sources, rank, rejected "
        "FROM notes WHERE deck_id = ? AND term = ?",
        (deck_id, draft.term),
    ).fetchone()
    translations = {k: v.to_dict() for k, v in draft.translations.items()}
    if row and row[7]:
        return "unchanged"  # a rejected term stays as it was, out of study
    if row:
        for lang, kept in _stored_translations(row[3]).items():
            if isinstance(kept, dict) and kept.get("method") in CHECKED_METHODS:
                translations[lang] = kept
    values = (
        draft.pinyin,
        draft.pinyin_numbers,
        _json(translations),
        _json([e.to_dict() for e in draft.examples]),
        _json(list(draft.sources)),
        draft.rank,
    )
    if row is None:
        conn.execute(
            "INSERT INTO notes (deck_id, term, pinyin, pinyin_numbers, translations, examples, "
            "sources, rank, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (deck_id, draft.term, *values, now, now),
        )
        return "added"
    if tuple(row[1:7]) == values:
        return "unchanged"
    conn.execute(
        "UPDATE notes SET pinyin = ?, pinyin_numbers = ?, translations = ?, examples = ?, "
        "sources = ?, rank = ?, updated_ms = ? WHERE id = ?",
        (*values, now, row[0]),
    )
    return "updated"


#: pinyin_numbers without spaces or tone digits: "zhu4 cun1" -> "zhucun", so "zhucun" finds it.
_PLAIN_PINYIN = "lower(n.pinyin_numbers)"
for _digit in "123450 ":
    _PLAIN_PINYIN = f"replace({_PLAIN_PINYIN}, '{_digit}', '')"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
