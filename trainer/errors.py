"""One exception type for every failure a user can cause or fix.

The CLI turns a :class:`TrainerError` into one line on stderr and a non-zero exit
code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class TrainerError(Exception):
    """A problem to report in one line, e.g. ``notes.db: not a SQLite database``."""

    exit_code = 1


class InputError(TrainerError):
    """A file the user gave us cannot be used (empty, binary, wrong encoding...)."""

    exit_code = 2


class DatabaseError(TrainerError):
    """The database cannot be opened or is of an unknown (newer) schema.

    ``kind`` says in a word what went wrong at run time ("busy", "disk full",
    "read-only", "damaged"), for a screen that words it for the learner."""

    exit_code = 3

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind
