"""Opening the learner's database: which file, first-run loading, which learner.

Kept free of click so that ``trainer`` with no arguments goes straight to the study
app without importing the CLI framework (the launch-to-first-card budget is tight).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from trainer.store import Store
from trainer.store.connection import database_error


class Settings:
    """What the global options (``--db``, ``--learner``) resolved to."""

    def __init__(self, db: Path | None, learner: str | None) -> None:
        self.db = db
        self.learner = learner

    @classmethod
    def from_env(cls) -> Settings:
        """The settings of a bare ``trainer``: only the environment variables apply."""
        db = os.environ.get("TRAINER_DB")
        return cls(Path(db).expanduser() if db else None, os.environ.get("TRAINER_LEARNER") or None)

    def db_path(self) -> Path:
        from trainer.paths import default_db_path

        return self.db if self.db is not None else default_db_path()


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    """Open the database; on first run, load the bundled deck so there is something to study.

    A SQLite error in the body (damaged page, read-only file, full disk, busy)
    becomes a one-line DatabaseError naming the file (exit code 3)."""
    from trainer.bundled import load_bundled

    path = settings.db_path()
    store = Store.open(path)
    try:
        if store.created:
            load_bundled(store)
        yield store
    except sqlite3.Error as error:
        raise database_error(path, error) from error
    finally:
        store.close()


def run_study(settings: Settings, *, deck: str | None = None, mode: str = "recognition",
              check: str | None = None) -> None:
    """Open the store (loading the bundled deck on first run) and run the app until it quits."""
    from trainer.tui.app import make_app

    with open_store(settings) as store:
        app = make_app(store, settings.learner, mode=mode, deck=deck, check=check)
        app.run()
