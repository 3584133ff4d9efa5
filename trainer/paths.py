"""Where trainer keeps its data: ``--db``/``TRAINER_DB`` or the platform's user data dir;
and the parsed dictionaries it can rebuild: ``TRAINER_CACHE`` or the user cache dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "trainer"
DB_FILENAME = "trainer.db"


def default_db_path() -> Path:
    """``$TRAINER_DB`` if set, else ``<user data dir>/trainer/trainer.db``."""
    override = os.environ.get("TRAINER_DB")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def cache_dir() -> Path:
    """``$TRAINER_CACHE`` if set, else ``<user cache dir>/trainer``: files that are
    safe to delete (trainer builds them again)."""
    override = os.environ.get("TRAINER_CACHE")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
