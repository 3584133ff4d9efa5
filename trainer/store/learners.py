"""Learners: who studies, in which language, with which daily limits."""

from __future__ import annotations

import getpass
import locale
import os
import sqlite3
from typing import TYPE_CHECKING, Any

from trainer.errors import TrainerError
from trainer.models import LANGS, Learner
from trainer.store.connection import transaction

if TYPE_CHECKING:
    from trainer.store import Store

LEARNER_SETTINGS = ("lang", "new_per_day", "reviews_per_day", "day_start_hour", "study_unchecked")


def default_learner_name() -> str:
    """The login name: a single-user install needs no setup."""
    try:
        return getpass.getuser() or "learner"
    except (KeyError, OSError):
        return "learner"


def default_lang() -> str:
    """The learner's language from the locale (fr_FR -> fr), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value[:2] in LANGS:
            return value[:2]
    code = (locale.getlocale()[0] or "")[:2]
    return code if code in LANGS else "en"


def learner_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Learner:
    *values, study_unchecked = row
    return Learner(*values, study_unchecked=bool(study_unchecked))


_COLUMNS = "id, name, lang, new_per_day, reviews_per_day, day_start_hour, study_unchecked"


class LearnerQueries:
    """Mixin of :class:`trainer.store.Store` for the learners table."""

    conn: sqlite3.Connection

    def learners(self) -> list[Learner]:
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM learners ORDER BY id").fetchall()
        return [learner_from_row(r) for r in rows]

    def find_learner(self, name: str) -> Learner | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM learners WHERE name = ?", (name,)).fetchone()
        return learner_from_row(row) if row else None

    def learner_by_id(self, learner_id: int) -> Learner:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM learners WHERE id = ?", (learner_id,)).fetchone()
        if row is None:
            raise TrainerError(f"no learner with id {learner_id}")
        return learner_from_row(row)

    def learner(self, name: str | None = None) -> Learner:
        """The named learner, created on first use; with no name, the one who
        studied last (see :meth:`use_learner`), else the first one."""
        if name is None:
            row = self.conn.execute(
                f"SELECT {_COLUMNS} FROM learners ORDER BY last_used_ms DESC, id LIMIT 1").fetchone()
            if row is not None:
                return learner_from_row(row)
            name = default_learner_name()
        return self.find_learner(name) or self.add_learner(name)

    def use_learner(self: Store, learner_id: int) -> None:
        """Remember that this learner is the one studying now: the default next time.

        Later than every other learner's mark even if the clock stands still or
        went back (a test clock, a corrected system time)."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE learners SET last_used_ms = max(?, (SELECT max(last_used_ms) + 1 FROM learners)) WHERE id = ?",
                (self.now_ms(), learner_id))

    def add_learner(self: Store, name: str, lang: str | None = None, **settings: int) -> Learner:
        """Create a learner and their cards for every note they can study."""
        name = name.strip()
        if not name:
            raise TrainerError("a learner needs a non-empty name")
        if self.find_learner(name):
            raise TrainerError(f"learner {name!r} already exists")
        lang = lang or default_lang()
        _check_settings(lang=lang, **settings)
        with transaction(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO learners (name, lang, created_ms) VALUES (?, ?, ?)",
                (name, lang, self.now_ms()),
            )
            learner_id = int(cursor.lastrowid or 0)
            _update(self.conn, learner_id, settings)
            self.ensure_cards(learner_id=learner_id)
        return self.learner_by_id(learner_id)

    def update_learner(self: Store, learner_id: int, **settings: Any) -> Learner:
        """Change language or limits; a new language brings the cards it makes possible."""
        _check_settings(**settings)
        with transaction(self.conn):
            _update(self.conn, learner_id, settings)
            self.ensure_cards(learner_id=learner_id)
        return self.learner_by_id(learner_id)


def _check_settings(**settings: Any) -> None:
    for key, value in settings.items():
        if key not in LEARNER_SETTINGS:
            raise TrainerError(f"unknown learner setting {key!r}")
        if key == "lang" and value not in LANGS:
            raise TrainerError(f"language must be one of {', '.join(LANGS)}, not {value!r}")
        if key == "day_start_hour" and not (isinstance(value, int) and 0 <= value <= 23):
            raise TrainerError("day_start_hour must be an hour from 0 to 23")
        if key == "study_unchecked" and not isinstance(value, bool):
            raise TrainerError("study_unchecked must be true or false")
        if key in ("new_per_day", "reviews_per_day") and not (isinstance(value, int) and value >= 0):
            raise TrainerError(f"{key} must be a whole number >= 0")


def _update(conn: sqlite3.Connection, learner_id: int, settings: dict[str, Any]) -> None:
    for key, value in settings.items():
        # key is checked against LEARNER_SETTINGS, so it is safe as an identifier.
        conn.execute(f"UPDATE learners SET {key} = ? WHERE id = ?", (int(value) if isinstance(value, bool) else value,
                                                                     learner_id))
